"""planner.nutrition.foods: a diet admits its own foods and every stricter diet's; `avoid` removes."""

from __future__ import annotations

import pytest

from planner.nutrition.foods import allowed_foods

from nutrition_factories import DIET_ORDER, food_catalog


@pytest.mark.parametrize("diet", DIET_ORDER)
def test_a_diet_admits_exactly_the_foods_no_stricter_than_itself(diet):
    allowed = {f.id for f in allowed_foods(food_catalog(), diet, [])}
    for food in food_catalog().foods.values():
        if food.substitute_for:
            assert food.id not in allowed   # free-from products only for those who avoid
            continue
        assert (food.id in allowed) == (DIET_ORDER.index(food.diet) <= DIET_ORDER.index(diet)), food.id


def test_vegan_foods_suit_everyone():
    vegan = {f.id for f in food_catalog().foods.values() if f.diet == "vegan" and not f.substitute_for}
    for diet in DIET_ORDER:
        assert vegan <= {f.id for f in allowed_foods(food_catalog(), diet, [])}


def test_avoid_removes_every_food_carrying_the_allergen():
    allowed = allowed_foods(food_catalog(), "omnivore", ["lactose", "shellfish"])
    assert allowed
    assert not any({"lactose", "crustaceans", "molluscs"} & set(f.allergens) for f in allowed)
    assert "lactose-free-milk" in {f.id for f in allowed}   # dairy, but not lactose


def test_group_words_and_the_lupin_cross_reaction():
    allowed = allowed_foods(food_catalog(), "omnivore", ["nuts", "dairy"])
    carried = {a for f in allowed for a in f.allergens}
    assert not carried & {"tree_nuts", "peanuts", "lupin", "milk", "lactose"}


def test_free_from_products_only_for_those_who_avoid():
    ids = {f.id for f in allowed_foods(food_catalog(), "omnivore", [])}
    assert "gluten-free-bread" not in ids and "lactose-free-milk" not in ids
    assert "gluten-free-bread" in {f.id for f in allowed_foods(food_catalog(), "omnivore", ["gluten"])}
