"""planner.nutrition.menu: 7 days of meals built on templates, realistic servings, protein at
or above each printed target, energy within 85-110%, the diet and the avoid list; deterministic,
and what cannot be met is named."""

from __future__ import annotations

import pytest

from planner.catalog import Food
from planner.nutrition.energy import daily_energy, reference_weight
from planner.nutrition.foods import allowed_foods
from planner.nutrition.menu import MenuRules, energy_band, plan_menus, protein_top_g, servings
from planner.nutrition.split import split_meals
from planner.nutrition.target import daily_protein_g, daily_target
from planner.plan import NutritionPlan

from nutrition_factories import food_catalog, menu_problems, profile


def menu_for(prof):
    catalog = food_catalog()
    body = reference_weight(prof)
    daily = daily_protein_g(daily_target(prof)[0], body.kg)
    energy, _ = daily_energy(prof, body)
    split = split_meals(prof, daily, body.kg)
    foods = allowed_foods(catalog, prof.nutrition.diet, prof.nutrition.avoid)
    rules = MenuRules(energy_kcal=energy, cuisine=prof.nutrition.cuisine)
    return split, daily, energy, plan_menus(split.meals, daily, foods, rules)


def problems_of(prof):
    split, daily, energy, result = menu_for(prof)
    plan = NutritionPlan(protein_g_per_kg=1, daily_protein_g=daily, meals=split.meals,
                         menus=result.days, notes=[])
    return menu_problems(plan, prof, food_catalog(), energy), result


@pytest.mark.parametrize("diet", ["omnivore", "pescatarian", "vegetarian", "vegan"])
def test_each_diet_gets_meals_within_every_bound(diet):
    problems, result = problems_of(profile(nutrition={"diet": diet}))
    assert problems == [] and result.broken == {} and result.misses == []


@pytest.mark.parametrize("cuisine", ["brazilian", "british", "south_asian", "east_asian",
                                     "mediterranean", "latin_american", "north_american"])
def test_each_cuisine_gets_meals_within_every_bound_mostly_from_its_own_kitchen(cuisine):
    problems, result = problems_of(profile(age=70, nutrition={"cuisine": cuisine}))
    assert problems == [] and result.broken == {}
    foods = food_catalog().foods
    served = [foods[f.id] for d in result.days for m in d.meals for f in m.foods]
    own = [f for f in served if cuisine in f.cuisines or "general" in f.cuisines]
    assert len(own) == len(served)
    assert sum(cuisine in f.cuisines for f in served) >= 0.5 * len(served)


def test_a_brazilian_week_has_rice_and_beans():
    _, result = problems_of(profile(nutrition={"cuisine": "brazilian"}))
    served = {f.id for d in result.days for m in d.meals for f in m.foods}
    assert served & {"rice-and-beans", "feijoada", "carioca-beans", "black-beans"}


@pytest.mark.parametrize("avoid", [["dairy", "egg"], ["fish", "shellfish"], ["gluten", "lactose"],
                                   ["nuts", "soy"], ["sesame", "lupin", "celery", "mustard", "sulphites"]])
def test_avoided_allergens_never_appear(avoid):
    problems, _ = problems_of(profile(nutrition={"diet": "omnivore", "avoid": avoid}))
    assert [p for p in problems if "carries" in p] == []


def test_nuts_means_tree_nuts_and_peanuts():
    _, result = problems_of(profile(nutrition={"avoid": ["nuts"], "cuisine": "north_american"}))
    foods = food_catalog().foods
    carried = {a for d in result.days for m in d.meals for f in m.foods for a in foods[f.id].allergens}
    assert not carried & {"tree_nuts", "peanuts"}


def test_obesity_gives_protein_and_energy_on_adjusted_body_weight():
    prof = profile(weight_kg=104, age=50, sex="male", height_cm=178)
    body = reference_weight(prof)
    assert body.adjusted and 84 < body.kg < 87
    problems, _ = problems_of(prof)
    assert problems == []


def test_servings_stay_within_catalog_bounds_and_whole_units():
    for food in food_catalog().foods.values():
        sizes = [s.grams for s in servings(food)]
        assert sizes[0] == food.min_g and sizes[-1] == food.max_g and len(sizes) <= 6, food.id


def test_protein_cap_and_energy_band():
    assert protein_top_g(25, kidney=False) == 30 and protein_top_g(10, kidney=False) == 13
    assert protein_top_g(20, kidney=True) == 22.5
    assert energy_band(2000) == (1700, 2200)


def test_same_input_same_menu():
    prof = profile(weight_kg=83, age=71, nutrition={"diet": "pescatarian", "meals_per_day": 5})
    first, second = menu_for(prof)[3], menu_for(prof)[3]
    assert [d.model_dump() for d in first.days] == [d.model_dump() for d in second.days]


def test_an_unreachable_target_gives_the_closest_menu_and_names_what_it_cannot_meet():
    prof = profile(weight_kg=250, active=True, nutrition={
        "diet": "vegan", "avoid": ["soy", "gluten", "nuts", "peanuts"], "meals_per_day": 4,
        "protein_g_per_kg": 2.0})
    _, _, _, result = menu_for(prof)
    assert result.misses or result.broken


def test_a_meal_with_no_suitable_food_stays_empty_and_is_reported():
    only_lunch = Food(id="lentils", name="Lentils", portion="200 g", portion_g=200, min_g=100, max_g=200,
                      protein_g=18, kcal=232, leucine_g=1.3, diet="vegan", meals=["lunch"],
                      slots=["protein"], cuisines=["general"], aisle="tins", kind="lentils")
    prof = profile(nutrition={"meals_per_day": 3})
    daily = daily_protein_g(1.2, 70)
    split = split_meals(prof, daily)
    result = plan_menus(split.meals, daily, [only_lunch], MenuRules(energy_kcal=2000))
    assert all(not m.foods for d in result.days for m in d.meals if m.name != "lunch")
    assert any("breakfast" in miss for miss in result.misses)
    assert "the daily energy band" in result.broken
