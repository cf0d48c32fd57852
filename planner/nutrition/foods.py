"""Which catalog foods a client may eat: diet and the `avoid` list."""

from __future__ import annotations

from planner.catalog import Catalog, Food
from planner.vocab import ALLERGEN_GROUPS, DIET_STRICTNESS


def diet_admits(diet: str, food: Food) -> bool:
    """A food tagged with a diet suits that diet and every looser one (vegan foods suit all)."""
    return DIET_STRICTNESS.index(food.diet) <= DIET_STRICTNESS.index(diet)


def avoided_allergens(avoid: list[str]) -> set[str]:
    """The food allergens an avoid list rules out: group words expanded (nuts = tree nuts and
    peanuts; dairy = milk; shellfish = crustaceans and molluscs; peanuts bring lupin, which
    cross-reacts with peanut)."""
    return {allergen for word in avoid for allergen in ALLERGEN_GROUPS.get(word, (word,))}


def allowed_foods(catalog: Catalog, diet: str, avoid: list[str]) -> list[Food]:
    """Foods the diet admits and that carry none of the avoided allergens, in catalog order."""
    avoided = avoided_allergens(avoid)
    return [food for food in catalog.foods.values()
            if diet_admits(diet, food) and not avoided & set(food.allergens)
            and (not food.substitute_for or avoided & set(food.substitute_for))]
