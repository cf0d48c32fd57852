"""The nutrition section: the after-session meal marked; no target means the clinician sets it."""

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


def test_each_food_prints_its_serving_protein_and_energy(small_plan, catalog):
    from planner.nutrition import build_nutrition
    section, _ = build_nutrition(small_plan.profile, catalog, ["mon", "thu"])
    nutrition = build_programme(small_plan.model_copy(update={"nutrition": section}), catalog).nutrition
    lines = [line for day in nutrition.menus for meal in day.meals for line in meal.foods]
    assert lines and all(line.kcal and line.kcal.endswith(" kcal") for line in lines)
    assert all(day.energy for day in nutrition.menus) and nutrition.energy
    assert nutrition.shopping and all(aisle.items for aisle in nutrition.shopping)


