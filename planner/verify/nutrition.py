"""Nutrition rules (issue 5): the protein target, its split over meals and a 7-day
menu of catalog foods that meets it within the diet and the foods to avoid.

Foods are judged by their catalog entry, not only by what the plan copied from
it, so a stale or edited copy cannot hide an allergen.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.verify.facts import PlanFacts
from planner.verify.violation import Finding
from planner.verify.vocabulary import DIET_STRICTNESS

PER_KG_RANGE = (0.5, 2.2)
KIDNEY_CEILING_PER_KG = 0.8  # KDOQI 2020, CKD not on dialysis: 0.55-0.8 g/kg
MEAL_CAP_PER_KG = 0.55  # more in one meal is not used for muscle (domain.md)
MEAL_CAP_ROUNDING_G = 0.5
TARGET_TOLERANCE_G = 1.0
MENU_TOLERANCE = 0.10
ROUNDING_G = 0.05  # figures are printed to 0.1 g
FOOD_PROTEIN_TOLERANCE_G = 0.15
MENU_DAYS = 7


def _menu_meals(facts: PlanFacts) -> Iterator[tuple[dict, dict]]:
    for menu_day in facts.nutrition["menus"]:
        for meal in menu_day["meals"]:
            yield menu_day, meal


def _foods(facts: PlanFacts) -> Iterator[tuple[dict, dict, dict]]:
    for menu_day, meal in _menu_meals(facts):
        for food in meal["foods"]:
            yield menu_day, meal, food


def _at(menu_day: dict, meal: dict | None = None) -> str:
    return f"menu day {menu_day['day']}" + (f", {meal['name']}" if meal is not None else "")


def _within(actual: float, target: float, shortfall_allowed: bool) -> bool:
    slack = MENU_TOLERANCE * target + ROUNDING_G
    return actual <= target + slack and (shortfall_allowed or actual >= target - slack)


def protein_per_kg_range(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the daily target is 0.5 to 2.2 g per kg, the bounds any clinician override
    is held to."""
    if facts.nutrition is None:
        return
    per_kg = facts.nutrition["protein_g_per_kg"]
    low, high = PER_KG_RANGE
    if not low <= per_kg <= high:
        yield Finding(f"protein_g_per_kg {per_kg:g} is outside {low}..{high}")


def daily_protein_target(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: daily_protein_g is protein_g_per_kg times body weight (within 1 g), so the
    printed grams and the printed rate agree."""
    if facts.nutrition is None:
        return
    per_kg, daily = facts.nutrition["protein_g_per_kg"], facts.nutrition["daily_protein_g"]
    expected = per_kg * facts.weight_kg
    if abs(daily - expected) > TARGET_TOLERANCE_G:
        yield Finding(f"daily_protein_g {daily:g} but {per_kg:g} g/kg x {facts.weight_kg:g} kg "
                      f"is {expected:.1f} g")


def kidney_protein(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: with kidney disease and no dialysis the target is the clinician's value and
    not above 0.8 g/kg unless that value says so: extra protein strains the kidneys."""
    if facts.nutrition is None or "ckd" not in facts.health_conditions or facts.on_dialysis:
        return
    per_kg = facts.nutrition["protein_g_per_kg"]
    clinician = facts.diet_profile.get("protein_g_per_kg")
    if clinician is None:
        yield Finding("kidney disease without dialysis needs a clinician-set protein_g_per_kg, "
                      "and the profile has none")
        if per_kg > KIDNEY_CEILING_PER_KG:
            yield Finding(f"kidney disease: {per_kg:g} g/kg is above {KIDNEY_CEILING_PER_KG}")
        return
    if abs(per_kg - clinician) > 0.005:
        yield Finding(f"kidney disease: the target is {per_kg:g} g/kg but the clinician set {clinician:g}")
    if per_kg > max(KIDNEY_CEILING_PER_KG, clinician):
        yield Finding(f"kidney disease: {per_kg:g} g/kg is above {KIDNEY_CEILING_PER_KG}")


def meals_per_day(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: there is one meal target for each of the client's meals a day."""
    if facts.nutrition is None:
        return
    wanted = facts.diet_profile.get("meals_per_day", 4)
    if len(facts.nutrition["meals"]) != wanted:
        yield Finding(f"{len(facts.nutrition['meals'])} meal targets for {wanted} meals a day")


def meal_targets_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the meal targets add up to daily_protein_g within 1 g, so following the
    meals meets the day."""
    if facts.nutrition is None:
        return
    total = sum(m["protein_g"] for m in facts.nutrition["meals"])
    daily = facts.nutrition["daily_protein_g"]
    if abs(total - daily) > TARGET_TOLERANCE_G:
        yield Finding(f"meal targets add up to {total:.1f} g, not the daily {daily:g} g")


def meal_target_cap(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no meal target is above 0.55 g per kg (plus 0.5 g rounding): protein is
    spread over the day rather than piled into one meal."""
    if facts.nutrition is None:
        return
    cap = MEAL_CAP_PER_KG * facts.weight_kg + MEAL_CAP_ROUNDING_G
    for meal in facts.nutrition["meals"]:
        if meal["protein_g"] > cap:
            yield Finding(f"{meal['name']}: target {meal['protein_g']:g} g is above "
                          f"{MEAL_CAP_PER_KG} g/kg ({cap - MEAL_CAP_ROUNDING_G:.1f} g)")


def one_after_session_meal(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: exactly one meal is the protein-rich one within about 2 h after training."""
    if facts.nutrition is None:
        return
    count = sum(1 for m in facts.nutrition["meals"] if m.get("after_session", False))
    if count != 1:
        yield Finding(f"{count} meals marked after_session; exactly one is expected")


def menu_days(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the menu is a rotation of exactly 7 days numbered 1 to 7."""
    if facts.nutrition is None:
        return
    numbers = [d["day"] for d in facts.nutrition["menus"]]
    if numbers != list(range(1, MENU_DAYS + 1)):
        yield Finding(f"menu days are {numbers}; expected 1..{MENU_DAYS}")


def menu_meals_match_targets(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every menu day has the target meals, in the same order and with the same
    protein_g, so each menu meal is measured against its own target."""
    if facts.nutrition is None:
        return
    targets = facts.nutrition["meals"]
    names = [m["name"] for m in targets]
    for menu_day in facts.nutrition["menus"]:
        if [m["name"] for m in menu_day["meals"]] != names:
            yield Finding(f"{_at(menu_day)}: meals are {[m['name'] for m in menu_day['meals']]}, "
                          f"expected {names}")
            continue
        for meal, target in zip(menu_day["meals"], targets):
            if abs(meal["protein_g"] - target["protein_g"]) > ROUNDING_G:
                yield Finding(f"{_at(menu_day, meal)}: protein_g {meal['protein_g']:g} differs from "
                              f"the meal target {target['protein_g']:g}")


def meal_protein_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a meal's foods add up to its protein_g within 10% (falling short only when
    a "Protein shortfall:" warning tells the client), so the menu meets the target."""
    if facts.nutrition is None:
        return
    shortfall = facts.protein_shortfall_declared
    for menu_day, meal in _menu_meals(facts):
        total = sum(f["protein_g"] for f in meal["foods"])
        if not _within(total, meal["protein_g"], shortfall):
            yield Finding(f"{_at(menu_day, meal)}: foods give {total:.1f} g for a "
                          f"{meal['protein_g']:g} g meal, more than 10% off")


def day_protein_sum(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a menu day's foods add up to daily_protein_g within 10% (falling short only
    when a "Protein shortfall:" warning tells the client)."""
    if facts.nutrition is None:
        return
    daily = facts.nutrition["daily_protein_g"]
    shortfall = facts.protein_shortfall_declared
    for menu_day in facts.nutrition["menus"]:
        total = sum(f["protein_g"] for meal in menu_day["meals"] for f in meal["foods"])
        if not _within(total, daily, shortfall):
            yield Finding(f"{_at(menu_day)}: foods give {total:.1f} g for a {daily:g} g day, "
                          "more than 10% off")


def food_in_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every food is a catalog food, whose protein, diet and allergens are known."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        if food["id"] not in facts.ref.foods:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is not in the food catalog")


def food_matches_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a food's printed name, diet and allergens are the catalog's, so the client
    reads true labels."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        if food["name"] != entry.name:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is printed as {food['name']!r}, "
                          f"catalog says {entry.name!r}")
        if food["diet"] != entry.diet:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is labelled {food['diet']}, "
                          f"catalog says {entry.diet}")
        if sorted(food["allergens"]) != sorted(entry.allergens):
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} lists allergens {food['allergens']}, "
                          f"catalog says {list(entry.allergens)}")


def food_protein(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a food's protein_g is its portions times the catalog's protein per portion
    (within 0.15 g), so the menu's sums are real."""
    if facts.nutrition is None:
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        portions = food.get("portions", 1)
        expected = portions * entry.protein_g
        if portions < 1 or abs(food["protein_g"] - expected) > FOOD_PROTEIN_TOLERANCE_G:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} gives {food['protein_g']:g} g, but "
                          f"{portions} portion(s) of it give {expected:.1f} g")


def food_diet(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every food is admitted by the client's diet (vegan < vegetarian <
    pescatarian < omnivore: a diet admits foods tagged with it or a stricter diet)."""
    if facts.nutrition is None:
        return
    diet = facts.diet_profile.get("diet", "omnivore")
    if diet not in DIET_STRICTNESS:
        yield Finding(f"the profile's diet {diet!r} is not one of {', '.join(DIET_STRICTNESS)}")
        return
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        if entry is None:
            continue
        if entry.diet not in DIET_STRICTNESS:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} has unknown diet {entry.diet!r}")
        elif DIET_STRICTNESS.index(entry.diet) > DIET_STRICTNESS.index(diet):
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} is {entry.diet}, not admitted "
                          f"by a {diet} diet")


def food_allergens(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no food carries anything on the client's avoid list, by the catalog's
    allergens and by the plan's own labels."""
    if facts.nutrition is None:
        return
    avoid = set(facts.diet_profile.get("avoid", []))
    for menu_day, meal, food in _foods(facts):
        entry = facts.ref.foods.get(food["id"])
        carried = set(food["allergens"]) | (set(entry.allergens) if entry is not None else set())
        clash = sorted(carried & avoid)
        if clash:
            yield Finding(f"{_at(menu_day, meal)}: {food['id']} contains {', '.join(clash)}, "
                          "which the client avoids")


RULES = [protein_per_kg_range, daily_protein_target, kidney_protein, meals_per_day, meal_targets_sum,
         meal_target_cap, one_after_session_meal, menu_days, menu_meals_match_targets,
         meal_protein_sum, day_protein_sum, food_in_catalog, food_matches_catalog, food_protein,
         food_diet, food_allergens]
