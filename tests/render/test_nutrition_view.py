"""The nutrition section: the after-session meal marked; no target means the clinician sets it."""

from planner.render.nutrition_view import AFTER_SESSION, SPREAD, serving
from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_no_nutrition_means_the_clinician_sets_protein(catalog):
    programme = build_programme(make_plan(catalog, make_profile(weeks=8), nutrition=False), catalog)
    assert programme.nutrition is None
    assert "clinician" in programme.nutrition_fallback



def test_nutrition_marks_the_after_session_meal(small_plan, catalog):
    nutrition = build_programme(small_plan, catalog).nutrition
    assert [m.after_session for m in nutrition.meals] == [m.after_session for m in small_plan.nutrition.meals]
    assert len(nutrition.menus) == len(small_plan.nutrition.menus)


def test_each_meal_prints_its_foods_and_protein_each_day_its_totals(small_plan, catalog):
    # Issue 13 (compact): a food prints its serving, no figures of its own; the client acts on
    # each meal's protein and the day's protein and energy.
    from planner.nutrition import build_nutrition
    section, _ = build_nutrition(small_plan.profile, catalog, ["mon", "thu"])
    nutrition = build_programme(small_plan.model_copy(update={"nutrition": section}), catalog).nutrition
    for day, planned in zip(nutrition.menus, section.menus):
        for meal, planned_meal in zip(day.meals, planned.meals):
            assert len(meal.foods) == len(planned_meal.foods)
            assert all(food.startswith(f.name) or f.name.split()[0].lower()[:4] in food.lower()
                       for food, f in zip(meal.foods, planned_meal.foods))
            assert not any("kcal" in food for food in meal.foods)
            given = sum(f.protein_g for f in planned_meal.foods)
            assert meal.protein == f"{round(given)} g" and round(given) >= planned_meal.protein_g - 0.5
        assert day.energy and day.energy.endswith(" kcal") and day.total.endswith(" g")
    assert nutrition.energy
    assert nutrition.shopping and all(aisle.items for aisle in nutrition.shopping)


def test_a_serving_names_a_counted_food_once():
    assert serving("Guava", "2 guavas (110 g)") == "2\u00a0guavas (110\u00a0g)"
    assert serving("Kiwi fruit", "1 kiwi (75 g)") == "1\u00a0kiwi (75\u00a0g)"
    # A name that says more than the count keeps it.
    assert serving("Egg, boiled or poached", "3 eggs (150 g)") == "Egg, boiled or poached 3\u00a0eggs (150\u00a0g)"
    assert serving("Semi-skimmed milk", "300 ml") == "Semi-skimmed milk 300\u00a0ml"
    assert serving("White bread", "2 x 1 slice") == "White bread 2\u00a0×\u00a01\u00a0slice"


def test_the_generic_advice_stands_in_only_for_a_plan_without_notes(small_plan, catalog):
    nutrition = build_programme(small_plan, catalog).nutrition
    assert nutrition.notes == (list(small_plan.nutrition.notes) or [SPREAD, AFTER_SESSION])
    bare = small_plan.model_copy(update={"nutrition": small_plan.nutrition.model_copy(update={"notes": []})})
    assert build_programme(bare, catalog).nutrition.notes == [SPREAD, AFTER_SESSION]
