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


def test_several_portions_print_with_a_times_sign(small_plan, catalog):
    nutrition = build_programme(small_plan, catalog).nutrition
    lines = [line.food for day in nutrition.menus for meal in day.meals for line in meal.foods]
    assert not any(" x " in line for line in lines)
    planned = [f for day in small_plan.nutrition.menus for m in day.meals for f in m.foods if f.portions > 1]
    assert planned, "the fixture plan should hold a food taken more than once"
    assert any(" × " in line for line in lines)
