"""The week's shopping list: every food of the 7-day menu added up, by supermarket aisle."""

from __future__ import annotations

from planner.catalog import Food
from planner.plan import MenuDay, ShoppingAisle, ShoppingItem

# Aisles in the order of a walk through a supermarket; unknown aisles follow, sorted.
AISLE_ORDER = ("fruit and vegetables", "bakery", "meat and fish", "dairy and eggs",
               "chilled and ready meals", "rice, pasta and grains", "tins, jars and pulses",
               "nuts, seeds and dried fruit", "oils and condiments", "drinks")


def shopping_list(days: list[MenuDay], foods: dict[str, Food]) -> list[ShoppingAisle]:
    """Total grams (or ml, or units) of each food over the week, grouped by aisle."""
    grams: dict[str, float] = {}
    for day in days:
        for meal in day.meals:
            for item in meal.foods:
                grams[item.id] = grams.get(item.id, 0) + (item.portion_g or 0)
    by_aisle: dict[str, list[ShoppingItem]] = {}
    for food_id in sorted(grams, key=lambda f: foods[f].name.lower()):
        food = foods[food_id]
        by_aisle.setdefault(food.aisle, []).append(ShoppingItem(name=food.name, amount=amount_words(food, grams[food_id])))
    order = {aisle: i for i, aisle in enumerate(AISLE_ORDER)}
    return [ShoppingAisle(aisle=aisle, items=items)
            for aisle, items in sorted(by_aisle.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]


def amount_words(food: Food, grams: float) -> str:
    """'6 eggs (300 g)', '1.5 l', '750 g'."""
    if food.unit and food.unit_g:
        count = round(grams / food.unit_g)
        return f"{count} {food.unit}{'s' if count > 1 else ''} ({_weight(grams, food.measure)})"
    return _weight(grams, food.measure)


def _weight(amount: float, measure: str) -> str:
    big = "l" if measure == "ml" else "kg"
    if amount >= 1000:
        return f"{amount / 1000:g} {big}"
    return f"{amount:g} {measure}"
