"""Spreading the daily protein over the day's meals (Schoenfeld & Aragon 2018; Bauer 2015).

Priorities, strongest first: no meal above about 0.55 g/kg; main meals at least
20 g (25 g with about 2.5 g leucine for older adults) when the total allows;
snacks keep a share of about half an even split; main meals aim at about
0.4 g/kg; what is left goes to the snacks. Targets are in half grams and add
up exactly to the daily target.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.errors import InputError
from planner.nutrition.target import needs_older_adult_care
from planner.plan import MealTarget
from planner.profile import Profile

# Meal names in the order of the day; the menu uses the same names.
DAY_ORDER = ("breakfast", "morning snack", "lunch", "afternoon snack", "dinner", "evening snack")
MAIN_MEALS = ("breakfast", "lunch", "dinner")
MEALS_BY_COUNT = {
    3: ("breakfast", "lunch", "dinner"),
    4: ("breakfast", "lunch", "afternoon snack", "dinner"),
    5: ("breakfast", "morning snack", "lunch", "afternoon snack", "dinner"),
    6: DAY_ORDER,
}

MEAL_CAP_G_PER_KG = 0.55
MEAL_AIM_G_PER_KG = 0.4
MAIN_MEAL_FLOOR_G = 20.0
OLDER_MAIN_MEAL_FLOOR_G = 25.0
OLDER_MAIN_MEAL_LEUCINE_G = 2.5
SNACK_SHARE = 0.5        # a snack carries about half of an even share of the day
SMALLEST_SNACK_G = 5.0   # what a snack keeps when the main-meal floor needs the rest


def meal_kind(name: str) -> str:
    """The catalog's meal word for a meal name: 'afternoon snack' -> 'snack'."""
    return "snack" if name.endswith("snack") else name


@dataclass
class MealSplit:
    meals: list[MealTarget]
    after_session: str
    session_time: str


def meals_needed(daily_g: float, weight_kg: float) -> int:
    """The fewest meals a day that keep every meal at or under the cap, in half grams."""
    cap_g = int(MEAL_CAP_G_PER_KG * weight_kg * 2) / 2
    return next((count for count in sorted(MEALS_BY_COUNT) if daily_g <= count * cap_g),
                max(MEALS_BY_COUNT))


def split_meals(profile: Profile, daily_g: float, weight_kg: float | None = None) -> MealSplit:
    """Per-meal targets (half grams, adding up to daily_g) and the post-session meal.

    InputError when the client's meals a day cannot carry the target under the cap
    (only a high clinician value over 3 meals does that): the plan keeps the client's
    meal count, so the clinician chooses between more meals and a lower value."""
    weight = weight_kg or profile.weight_kg   # the adjusted body weight with obesity (ESPEN 2019)
    older = needs_older_adult_care(profile)
    count = profile.nutrition.meals_per_day
    needed = meals_needed(daily_g, weight)
    if count < needed:
        raise InputError(
            f"{count} meals a day cannot carry {daily_g:g} g of protein without a meal above "
            f"{MEAL_CAP_G_PER_KG:g} g/kg ({MEAL_CAP_G_PER_KG * weight:.1f} g); set {needed} or more "
            f"meals a day, or a lower nutrition.protein_g_per_kg", key="nutrition.meals_per_day")
    names = MEALS_BY_COUNT[count]
    grams = _shares(names, daily_g, weight, older)
    halves = _to_half_grams(grams, daily_g, MEAL_CAP_G_PER_KG * weight)
    after, when = _post_session_meal(profile)
    meals = []
    for name, half_grams in zip(names, halves):
        protein = half_grams / 2
        leucine = (OLDER_MAIN_MEAL_LEUCINE_G
                   if older and name in MAIN_MEALS and protein >= OLDER_MAIN_MEAL_FLOOR_G else None)
        meals.append(MealTarget(name=name, protein_g=protein, leucine_g=leucine,
                                after_session=name == after))
    return MealSplit(meals=meals, after_session=after, session_time=when)


def _shares(names: tuple[str, ...], daily_g: float, weight: float, older: bool) -> list[float]:
    """Grams per meal before rounding."""
    mains = sum(1 for n in names if n in MAIN_MEALS)
    snacks = len(names) - mains
    even = daily_g / len(names)
    if snacks == 0:
        return [even] * len(names)
    cap = MEAL_CAP_G_PER_KG * weight
    floor = OLDER_MAIN_MEAL_FLOOR_G if older else MAIN_MEAL_FLOOR_G
    snack_share = SNACK_SHARE * even
    main = min(MEAL_AIM_G_PER_KG * weight, (daily_g - snacks * snack_share) / mains)
    if main < floor:
        # The main-meal floor outranks the snacks' share, but a snack keeps a little.
        smallest_snack = min(SMALLEST_SNACK_G, snack_share)
        main = max(main, min(floor, (daily_g - snacks * smallest_snack) / mains))
    main = min(main, cap)
    snack = (daily_g - mains * main) / snacks
    if snack > main:
        # A large total: every meal gets an even share (meals_needed keeps it under the cap).
        main = snack = even
    return [main if n in MAIN_MEALS else snack for n in names]


def _to_half_grams(grams: list[float], daily_g: float, cap_g: float) -> list[int]:
    """Round to half grams so that the meals add up exactly to the day (largest remainder)."""
    total = round(daily_g * 2)
    raw = [g * 2 for g in grams]
    halves = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - halves[i]), i))
    for i in by_remainder[: total - sum(halves)]:
        halves[i] += 1
    cap_halves = int(cap_g * 2)
    # Rounding up may lift a meal just over the cap, or leave a meal empty: move half grams.
    for i in range(len(halves)):
        while halves[i] > cap_halves:
            lowest = min(range(len(halves)), key=lambda j: (halves[j], j))
            if halves[lowest] + 1 > cap_halves:
                break
            halves[i] -= 1
            halves[lowest] += 1
        while halves[i] < 1:
            largest = max(range(len(halves)), key=lambda j: (halves[j], -j))
            halves[largest] -= 1
            halves[i] += 1
    return halves


def _post_session_meal(profile: Profile) -> tuple[str, str]:
    """The protein-rich meal within about 2 h after a session, and when sessions are assumed.

    Both are main meals, present at every meal count."""
    if profile.condition == "neurogenic":
        # Cooler and less tiring early in the day (MS heat sensitivity): breakfast follows it.
        return "breakfast", "early morning"
    return "lunch", "late morning"
