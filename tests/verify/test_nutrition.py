"""Nutrition rules: the protein target, the meal split and the 7-day menu."""

from .factory import food, make_plan, violations


def scale_targets(plan: dict, per_kg: float) -> dict:
    """Set a new g/kg and scale daily and meal targets (menus unchanged)."""
    nutrition = plan["nutrition"]
    factor = per_kg / nutrition["protein_g_per_kg"]
    nutrition["protein_g_per_kg"] = per_kg
    nutrition["daily_protein_g"] = round(nutrition["daily_protein_g"] * factor, 1)
    for meal in nutrition["meals"]:
        meal["protein_g"] = round(meal["protein_g"] * factor, 1)
    return plan


def menu_meal(plan: dict, day: int, name: str) -> dict:
    return next(m for m in plan["nutrition"]["menus"][day - 1]["meals"] if m["name"] == name)


def test_no_nutrition_rule_judged_without_nutrition():
    plan = make_plan()
    plan["nutrition"] = None
    assert violations(plan) == []


def test_protein_per_kg_range_satisfied():
    assert violations(make_plan(), "protein_per_kg_range") == []


def test_protein_per_kg_range_violated():
    assert len(violations(scale_targets(make_plan(), 2.4), "protein_per_kg_range")) == 1


def test_daily_protein_target_satisfied_within_a_gram():
    plan = make_plan()
    plan["nutrition"]["daily_protein_g"] = 72.9
    assert violations(plan, "daily_protein_target") == []


def test_daily_protein_target_violated():
    plan = make_plan()
    plan["nutrition"]["daily_protein_g"] = 80
    assert len(violations(plan, "daily_protein_target")) == 1


def kidney(plan: dict, clinician: float | None, dialysis: bool = False) -> dict:
    plan["profile"]["screening"]["conditions"] = ["ckd"]
    plan["profile"]["screening"]["on_dialysis"] = dialysis
    plan["profile"]["nutrition"]["protein_g_per_kg"] = clinician
    return plan


def test_kidney_protein_satisfied_with_clinician_value():
    plan = scale_targets(kidney(make_plan(), 0.8), 0.8)
    assert violations(plan, "kidney_protein") == []


def test_kidney_protein_satisfied_on_dialysis():
    assert violations(kidney(make_plan(), None, dialysis=True), "kidney_protein") == []


def test_kidney_protein_violated_without_clinician_value():
    messages = [v.message for v in violations(kidney(make_plan(), None), "kidney_protein")]
    assert len(messages) == 2 and "clinician" in messages[0]


def test_kidney_protein_violated_when_raised_above_clinician_value():
    plan = kidney(make_plan(), 0.7)  # plan still says 1.2 g/kg
    messages = [v.message for v in violations(plan, "kidney_protein")]
    assert len(messages) == 2 and "clinician set 0.7" in messages[0]


def test_meals_per_day_satisfied():
    assert violations(make_plan(), "meals_per_day") == []


def test_meals_per_day_violated():
    plan = make_plan()
    plan["profile"]["nutrition"]["meals_per_day"] = 5
    assert len(violations(plan, "meals_per_day")) == 1


def test_meal_targets_sum_satisfied():
    assert violations(make_plan(), "meal_targets_sum") == []


def test_meal_targets_sum_violated():
    plan = make_plan()
    plan["nutrition"]["meals"][0]["protein_g"] = 25.0
    assert len(violations(plan, "meal_targets_sum")) == 1


def test_meal_target_cap_satisfied_at_the_cap():
    plan = make_plan()
    plan["nutrition"]["meals"][0]["protein_g"] = 33.5  # 0.55 x 60 kg + 0.5 g rounding
    assert violations(plan, "meal_target_cap") == []


def test_meal_target_cap_violated():
    plan = make_plan()
    plan["nutrition"]["meals"][0]["protein_g"] = 33.6
    found = violations(plan, "meal_target_cap")
    assert len(found) == 1 and found[0].message.startswith("breakfast")


def test_one_after_session_meal_satisfied():
    assert violations(make_plan(), "one_after_session_meal") == []


def test_one_after_session_meal_violated_by_none_and_by_two():
    plan = make_plan()
    plan["nutrition"]["meals"][3]["after_session"] = False
    assert len(violations(plan, "one_after_session_meal")) == 1
    plan["nutrition"]["meals"][0]["after_session"] = plan["nutrition"]["meals"][1]["after_session"] = True
    assert "2 meals" in violations(plan, "one_after_session_meal")[0].message


def test_menu_days_satisfied():
    assert violations(make_plan(), "menu_days") == []


def test_menu_days_violated():
    plan = make_plan()
    del plan["nutrition"]["menus"][6]
    assert len(violations(plan, "menu_days")) == 1
    plan = make_plan()
    plan["nutrition"]["menus"][0]["day"] = 8
    assert len(violations(plan, "menu_days")) == 1


def test_menu_meals_match_targets_satisfied():
    assert violations(make_plan(), "menu_meals_match_targets") == []


def test_menu_meals_match_targets_violated():
    plan = make_plan()
    menu_meal(plan, 2, "lunch")["name"] = "brunch"
    menu_meal(plan, 3, "dinner")["protein_g"] = 23.0
    found = violations(plan, "menu_meals_match_targets")
    assert [m.message.split(":")[0] for m in found] == ["menu day 2", "menu day 3, dinner"]


def test_meal_protein_sum_satisfied_at_or_a_little_above_the_target():
    plan = make_plan()
    assert menu_meal(plan, 1, "dinner")["foods"][0]["protein_g"] - 21.0 > 1  # 22.1 for 21
    assert violations(plan, "meal_protein_sum") == []


def test_meal_protein_sum_violated_just_below_the_printed_target():
    plan = make_plan()
    menu_meal(plan, 2, "lunch")["protein_g"] = plan["nutrition"]["meals"][1]["protein_g"] = 22.0
    found = violations(plan, "meal_protein_sum")
    assert len(found) == 1 and "below the printed 22 g" in found[0].message


def test_meal_protein_sum_violated_short():
    plan = make_plan()
    menu_meal(plan, 4, "breakfast")["foods"] = [food("egg")]
    found = violations(plan, "meal_protein_sum")
    assert len(found) == 1 and found[0].message.startswith("menu day 4, breakfast")


def test_meal_protein_sum_satisfied_short_with_shortfall_warning():
    plan = make_plan()
    menu_meal(plan, 4, "breakfast")["foods"] = [food("egg")]
    plan["warnings"].append("Protein shortfall: the vegan foods at hand reach 61 g of 72 g.")
    assert violations(plan, "meal_protein_sum") == []


def test_meal_protein_sum_violated_over_even_with_shortfall_warning():
    plan = make_plan()
    menu_meal(plan, 4, "breakfast")["foods"] = [food("greek-yogurt", portions=2)]
    plan["warnings"].append("Protein shortfall: the vegan foods at hand reach 61 g of 72 g.")
    assert len(violations(plan, "meal_protein_sum")) == 1


def test_day_protein_sum_satisfied():
    assert violations(make_plan(), "day_protein_sum") == []


def test_day_protein_sum_violated():
    plan = make_plan()
    menu_meal(plan, 5, "snack")["foods"] = []  # 61.3 g of 72 g
    found = violations(plan, "day_protein_sum")
    assert len(found) == 1 and "61.3 g" in found[0].message


def test_day_protein_sum_satisfied_short_with_shortfall_warning():
    plan = make_plan()
    menu_meal(plan, 5, "snack")["foods"] = []
    plan["warnings"].append("Protein shortfall: the menu reaches 61 g of 72 g.")
    assert violations(plan, "day_protein_sum") == []


def test_food_in_catalog_satisfied():
    assert violations(make_plan(), "food_in_catalog") == []


def test_food_in_catalog_violated():
    plan = make_plan()
    menu_meal(plan, 1, "lunch")["foods"][0]["id"] = "unicorn-steak"
    assert len(violations(plan, "food_in_catalog")) == 1


def test_food_matches_catalog_satisfied():
    assert violations(make_plan(), "food_matches_catalog") == []


def test_food_matches_catalog_violated():
    plan = make_plan()
    menu_meal(plan, 1, "lunch")["foods"][0]["diet"] = "vegan"
    menu_meal(plan, 1, "dinner")["foods"][0]["allergens"] = []
    menu_meal(plan, 1, "snack")["foods"][0]["name"] = "Ricotta"
    assert len(violations(plan, "food_matches_catalog")) == 3


def test_food_protein_satisfied_for_two_portions():
    plan = make_plan()
    menu_meal(plan, 1, "lunch")["foods"] = [food("egg", portions=2), food("cottage-cheese")]
    assert violations(plan, "food_protein") == []


def test_food_protein_violated():
    plan = make_plan()
    menu_meal(plan, 1, "breakfast")["foods"][0]["protein_g"] = 18.0  # the catalog says 17.5
    found = violations(plan, "food_protein")
    assert len(found) == 1 and "17.5 g" in found[0].message


def vegetarian_menu(plan: dict) -> dict:
    plan["profile"]["nutrition"]["diet"] = "vegetarian"
    for day in plan["nutrition"]["menus"]:
        for meal in day["meals"]:
            if meal["name"] in ("lunch", "dinner"):
                meal["foods"] = [food("tofu-firm"), food("egg")]
    return plan


def test_food_diet_satisfied_by_vegetarian_and_vegan_foods():
    assert violations(vegetarian_menu(make_plan()), "food_diet") == []


def test_food_diet_violated():
    plan = vegetarian_menu(make_plan())
    menu_meal(plan, 6, "lunch")["foods"] = [food("tuna-canned")]
    found = violations(plan, "food_diet")
    assert len(found) == 1 and "pescatarian" in found[0].message


def test_food_diet_violated_for_vegan():
    plan = vegetarian_menu(make_plan())
    plan["profile"]["nutrition"]["diet"] = "vegan"
    found = violations(plan, "food_diet")
    assert {v.message.split(": ")[1].split(" ")[0] for v in found} == {"greek-yogurt", "egg", "cottage-cheese"}


def test_food_allergens_satisfied():
    plan = make_plan()
    plan["profile"]["nutrition"]["avoid"] = ["peanuts", "gluten"]
    assert violations(plan, "food_allergens") == []


def test_food_allergens_violated_by_catalog_even_when_label_is_missing():
    plan = make_plan()
    plan["profile"]["nutrition"]["avoid"] = ["fish"]
    for day in plan["nutrition"]["menus"]:
        for meal in day["meals"]:
            for item in meal["foods"]:
                item["allergens"] = []
    found = violations(plan, "food_allergens")
    assert len(found) == 14 and all("fish" in v.message for v in found)
