"""The nutrition section's view: daily protein and energy targets, meal targets, the 7-day
menu (each meal's foods and protein, each day's protein and energy) and the week's shopping
list by aisle.

Compact (issue 13): a meal is one run of text, its foods with their servings; the figures a
client acts on are the meal's protein and the day's totals, so a food prints no figures of
its own (the plan record keeps them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.plan import MenuFood, NutritionPlan
from planner.render import units
from planner.render.us_english import us_words
from planner.render.words import label, number

NO_TARGET = ("This programme sets no protein target for you. Your clinician will give you "
             "protein guidance that fits your health; follow theirs.")

# The plan's notes say both, for this client (which meal, which days); these two stand in
# only for a plan record written without notes.
AFTER_SESSION = ("On training days, have the meal marked “after training” within about two hours "
                 "after the session: that is when protein helps the muscles most.")

SPREAD = ("Spread protein over the day rather than eating most of it at one meal.")

GUIDANCE = ("This amount is above the usual range for your age and is meant to be followed only "
            "under professional guidance.")


@dataclass(frozen=True)
class MealTargetRow:
    name: str
    protein: str
    leucine: str | None
    after_session: bool


@dataclass(frozen=True)
class MenuMealRow:
    name: str
    foods: list[str]  # "Greek yogurt, plain 170 g", "2 guavas (110 g)"
    protein: str      # "26 g"


@dataclass(frozen=True)
class MenuDayView:
    day: int
    meals: list[MenuMealRow]
    total: str
    energy: str | None = None


@dataclass(frozen=True)
class AisleView:
    aisle: str
    items: list[str]   # "Semi-skimmed milk 600 ml", "2 bananas (236 g)"


@dataclass(frozen=True)
class NutritionView:
    daily_target: str
    per_kg: str
    reason: str | None
    under_guidance: str | None
    meals: list[MealTargetRow]
    any_leucine: bool
    menus: list[MenuDayView]
    notes: list[str]
    energy: str | None = None          # "1,840 kcal a day"
    energy_method: str | None = None
    shopping: list[AisleView] | None = None


def serving(name: str, amount: str, unit_system: str = "metric") -> str:
    """A food with its amount: 'Semi-skimmed milk 300 ml'; '2 guavas (110 g)' when the count
    already names a plain food ('Guava'), not 'Guava 2 guavas (110 g)'."""
    # The plan's portion already counts multiple portions ("2 x 1 slice"); print a real times sign.
    amount = units.amount_text(re.sub(r"^(\d+) x ", r"\1 × ", amount), unit_system)
    name = us_words(name, unit_system)
    counted = re.match(r"\d+ (\w+)", amount)
    named = bool(counted) and not re.search(r"[,(]", name) and \
        counted.group(1).lower().rstrip("s") == name.split()[0].lower().rstrip("s")
    # A figure never parts from its unit at a line end ("75 g", "2 guavas (110 g)").
    amount = re.sub(r"([\d×¼½¾]) ", "\\1\u00a0", amount)
    return amount if named else f"{name} {amount}"


def _food(food: MenuFood, unit_system: str) -> str:
    return serving(food.name, food.portion, unit_system)


def nutrition_view(nutrition: NutritionPlan | None, unit_system: str = "metric") -> NutritionView | None:
    """The nutrition section, or None when the clinician sets protein (the template says so).

    Food amounts in the client's units (planner.render.units); protein stays in grams, as
    food labels give it everywhere."""
    if nutrition is None:
        return None
    meals = [MealTargetRow(name=label(m.name), protein=f"{number(m.protein_g)} g",
                           leucine=None if m.leucine_g is None else f"{number(m.leucine_g)} g",
                           after_session=m.after_session) for m in nutrition.meals]
    menus = []
    for day in nutrition.menus:
        # What the foods give (at or above the meal's target), not the target again.
        # Whole grams: the meal gives at least its target, so rounding never prints less.
        rows = [MenuMealRow(name=label(meal.name), foods=[_food(f, unit_system) for f in meal.foods],
                            protein=f"{number(sum(f.protein_g for f in meal.foods), 0)} g")
                for meal in day.meals]
        total = sum(f.protein_g for meal in day.meals for f in meal.foods)
        energy = None if day.energy_kcal is None else f"{number(day.energy_kcal, 0)} kcal"
        menus.append(MenuDayView(day=day.day, meals=rows, total=f"{number(total, 0)} g", energy=energy))
    return NutritionView(
        daily_target=f"{number(nutrition.daily_protein_g, 0)} g",
        per_kg=f"{number(nutrition.protein_g_per_kg, 2)} g per kg of "
               f"{'adjusted ' if nutrition.adjusted_body_weight else ''}body weight",
        reason=nutrition.reason,
        under_guidance=GUIDANCE if nutrition.under_professional_guidance else None,
        meals=meals, any_leucine=any(m.leucine is not None for m in meals),
        menus=menus, notes=[us_words(n, unit_system) for n in nutrition.notes] or [SPREAD, AFTER_SESSION],
        energy=None if nutrition.energy_kcal is None else f"{number(nutrition.energy_kcal, 0)} kcal a day",
        energy_method=nutrition.energy_method,
        shopping=[AisleView(aisle=us_words(label(a.aisle), unit_system), items=[serving(i.name, i.amount, unit_system) for i in a.items])
                  for a in nutrition.shopping_list] or None)
