"""Issue 12 menu rules, in pairs: a hand-made menu that keeps each rule, and the same menu
broken by hand and caught (servings, templates, one main protein, energy, leucine, advice,
shopping list, allergen group words)."""

from __future__ import annotations

from .factory import FOODS, make_plan, violations


def serving(food_id: str, grams: float) -> dict:
    """A menu food as the planner writes it: the catalog figures scaled to the grams."""
    entry = FOODS[food_id]
    share = grams / entry["portion_g"]
    return {"id": food_id, "name": entry["name"], "portion": f"{grams:g} g", "portions": 1,
            "protein_g": round(share * entry["protein_g"], 1), "kcal": round(share * entry["kcal"]),
            "leucine_g": round(share * entry["leucine_g"], 2), "portion_g": grams,
            "slot": entry.get("slots", ["protein"])[0], "diet": entry["diet"],
            "allergens": list(entry["allergens"])}


PLATES = {  # targets: breakfast 17.5, lunch 21.5, dinner 21.0 (the snack keeps the factory's)
    "breakfast": [("boiled-eggs", 50), ("porridge-oats", 40), ("glass-of-milk", 250), ("fresh-apple", 180)],
    "lunch": [("roast-chicken", 50), ("boiled-rice", 250), ("steamed-broccoli", 100), ("fresh-apple", 180)],
    "dinner": [("lentil-dal", 180), ("boiled-rice", 200), ("steamed-broccoli", 80), ("fresh-apple", 180)],
}


def meal(plan: dict, day: int, name: str) -> dict:
    return next(m for m in plan["nutrition"]["menus"][day - 1]["meals"] if m["name"] == name)


def menu_plan() -> dict:
    """The factory plan with issue-12 plates, energy figures and a shopping list."""
    plan = make_plan()
    nutrition = plan["nutrition"]
    for day in nutrition["menus"]:
        for m in day["meals"]:
            if m["name"] in PLATES:
                m["foods"] = [serving(food_id, grams) for food_id, grams in PLATES[m["name"]]]
        day["energy_kcal"] = sum(f.get("kcal") or 0 for m in day["meals"] for f in m["foods"])
    nutrition["energy_kcal"] = 1500          # 58-year-old woman, 60 kg, 165 cm: 1416-1829 kcal
    names = sorted({f["name"] for day in nutrition["menus"] for m in day["meals"] for f in m["foods"]})
    nutrition["shopping_list"] = [{"aisle": "All", "items": [{"name": n, "amount": "1"} for n in names]}]
    nutrition["notes"] = ["Calcium for bone: include milk, yogurt or cheese every day."]
    return plan


def test_the_hand_made_menu_keeps_every_nutrition_rule():
    assert [v for v in violations(menu_plan()) if v.rule.startswith(("meal", "day", "food", "portion",
                                                                         "energy", "main", "leucine",
                                                                         "advice", "shopping"))] == []


def test_portion_bounds_violated_outside_the_serving_bounds_and_by_part_units():
    plan = menu_plan()
    meal(plan, 2, "lunch")["foods"][1] = serving("boiled-rice", 400)
    meal(plan, 3, "breakfast")["foods"][0] = serving("boiled-eggs", 75)
    found = violations(plan, "portion_bounds")
    assert any("outside its serving bounds" in v.message for v in found)
    assert any("whole number" in v.message for v in found)


def test_portion_bounds_violated_by_a_wrong_energy_figure():
    plan = menu_plan()
    meal(plan, 1, "lunch")["foods"][0]["kcal"] = 200
    assert len(violations(plan, "portion_bounds")) == 1


def test_meal_template_violated_without_a_staple_or_with_two_proteins():
    plan = menu_plan()
    meal(plan, 1, "lunch")["foods"] = [serving("roast-chicken", 75), serving("steamed-broccoli", 100)]
    meal(plan, 2, "dinner")["foods"].append(serving("boiled-eggs", 50))
    found = violations(plan, "meal_template")
    assert any("'staple'" in v.message and "day 1" in v.message for v in found)
    assert any("'protein'" in v.message and "day 2" in v.message for v in found)


def test_meal_template_violated_by_a_breakfast_without_fruit_or_drink():
    plan = menu_plan()
    meal(plan, 4, "breakfast")["foods"] = meal(plan, 4, "breakfast")["foods"][:2]
    assert any("neither fruit nor a drink" in v.message for v in violations(plan, "meal_template"))


def test_meal_template_kept_when_a_warning_names_it():
    plan = menu_plan()
    meal(plan, 1, "lunch")["foods"] = [serving("roast-chicken", 75), serving("steamed-broccoli", 100)]
    plan["warnings"].append("Menu cannot meet: the lunch template (staple) on day 1 for this diet.")
    assert violations(plan, "meal_template") == []


def test_main_protein_once_violated_by_chicken_at_lunch_and_dinner():
    plan = menu_plan()
    meal(plan, 5, "dinner")["foods"][0] = serving("chicken-stew", 200)
    found = violations(plan, "main_protein_once")
    assert len(found) == 1 and "chicken" in found[0].message and "day 5" in found[0].message


def test_day_energy_band_violated_below_85_percent_and_by_a_wrong_day_total():
    plan = menu_plan()
    plan["nutrition"]["energy_kcal"] = 1900
    assert len(violations(plan, "day_energy_band")) == 7
    plan = menu_plan()
    plan["nutrition"]["menus"][0]["energy_kcal"] += 100
    assert len(violations(plan, "day_energy_band")) == 1


def test_day_energy_band_kept_when_a_warning_names_it():
    plan = menu_plan()
    plan["nutrition"]["energy_kcal"] = 1900
    plan["warnings"].append("Menu cannot meet: the daily energy band on day 1, 2 for this diet.")
    assert violations(plan, "day_energy_band") == []


def test_energy_target_violated_far_from_the_equations():
    plan = menu_plan()
    plan["nutrition"]["energy_kcal"] = 2600
    assert len(violations(plan, "energy_target")) == 1


def test_energy_and_protein_on_adjusted_body_weight_with_obesity():
    plan = menu_plan()
    plan["profile"]["client"]["weight_kg"] = 104.0
    plan["profile"]["client"]["height_cm"] = 178.0     # BMI 32.8: adjusted weight 85.4 kg
    plan["nutrition"]["daily_protein_g"] = round(1.2 * 104, 1)
    assert len(violations(plan, "daily_protein_target")) == 1
    plan["nutrition"]["daily_protein_g"] = round(1.2 * (25 * 1.78 ** 2 + 0.25 * (104 - 25 * 1.78 ** 2)), 1)
    assert violations(plan, "daily_protein_target") == []


def test_leucine_printed_only_as_the_menu_achieves_it():
    plan = menu_plan()
    assert violations(plan, "leucine_printed") == []
    plan["nutrition"]["meals"][1]["leucine_g"] = 2.5      # lunch gives about 1.9 g
    assert len(violations(plan, "leucine_printed")) == 7


def test_advice_fits_violated_by_milk_advice_to_a_lactose_avoider():
    plan = menu_plan()
    plan["profile"]["nutrition"]["avoid"] = ["lactose"]
    for day in plan["nutrition"]["menus"]:
        meal(plan, day["day"], "breakfast")["foods"][2] = serving("fresh-apple", 180)
    assert any("lactose" in v.message for v in violations(plan, "advice_fits"))


def test_advice_fits_vegan_b12_and_iodine_and_kidney_notes():
    plan = menu_plan()
    plan["profile"]["nutrition"]["diet"] = "vegan"
    assert any("B12" in v.message for v in violations(plan, "advice_fits"))
    plan["nutrition"]["notes"].append("Vegan diet: vitamin B12 daily. Iodine: choose a fortified drink.")
    assert not any("B12" in v.message for v in violations(plan, "advice_fits"))
    plan = menu_plan()
    plan["profile"]["screening"]["conditions"] = ["ckd"]
    assert any("potassium" in v.message for v in violations(plan, "advice_fits"))
    plan["nutrition"]["notes"].append("Kidney disease, potassium and phosphate: ask the renal team.")
    assert not any("potassium" in v.message for v in violations(plan, "advice_fits"))


def test_shopping_list_covers_menu_violated_by_a_missing_food():
    plan = menu_plan()
    assert violations(plan, "shopping_list_covers_menu") == []
    plan["nutrition"]["shopping_list"][0]["items"] = plan["nutrition"]["shopping_list"][0]["items"][1:]
    assert len(violations(plan, "shopping_list_covers_menu")) == 1


def test_food_allergens_reads_group_words():
    plan = menu_plan()
    plan["profile"]["nutrition"]["avoid"] = ["dairy"]      # dairy = milk: the glass of milk clashes
    found = violations(plan, "food_allergens")
    assert found and all("glass-of-milk" in v.message or "greek-yogurt" in v.message
                         or "cottage-cheese" in v.message for v in found)
