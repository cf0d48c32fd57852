"""The 7-day menu rotation: CP-SAT over whole portions of catalog foods, one meal at a time.

Protein is counted in tenths of a gram so the models stay in integers. Each
meal of each day is a small model solved in the order the week is eaten (one
model for the whole week took seconds; 28-42 small ones take milliseconds
each). The week's rules link a meal to those already planned: a food's weekly
uses carry forward, and the day's last meal keeps the day inside its band and
makes the day differ from every earlier one. A meal is first solved with its
10% band as a hard constraint; only when that fails is the band's bottom made
soft (a heavy penalty), so a catalog that cannot reach a target still yields
the closest menu below it, and the caller reports the shortfall.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ortools.sat.python import cp_model

from planner.catalog import Food
from planner.nutrition.split import meal_kind
from planner.plan import MealTarget, MenuDay, MenuFood, MenuMeal

DAYS = 7
TENTHS = 10                  # protein inside the models: tenths of a gram
MIN_FOODS_PER_MEAL = 1
MAX_FOODS_PER_MEAL = 3
WEEKLY_USES = 5              # the most meals a week one food appears in
OUTSIDE_BAND_WEIGHT = 1000   # per 0.1 g outside a 10% band: dominates everything else
DEVIATION_WEIGHT = 10        # per 0.1 g away from the meal's target
REPEAT_WEIGHT = 4            # per earlier use this week of a food served again
LEUCINE_WEIGHT = 8           # per food low in leucine on an older adult's main plate
LEUCINE_RICH_SHARE = 0.08    # leucine share of protein in animal foods (domain.md estimate)
SEED = 20240601
DETERMINISTIC_LIMIT = 0.005  # CP-SAT deterministic time per solve: plenty for ordinary meals (they
                             # finish near 0.0005); caps the long tail of huge targets. Same input, same search.

Plate = dict[str, int]       # food id -> portions
UNSOLVED = 10**9             # 'outside the bands' for a model with no solution


def within_band_tenths(target_tenths: int) -> int:
    """Largest allowed deviation, strictly inside 10% so float re-checks cannot disagree."""
    return -(-target_tenths // 10) - 1


def _tenths(grams: float) -> int:
    return round(grams * TENTHS)


@dataclass
class MenuResult:
    days: list[MenuDay]
    misses: list[str]
    statuses: list[str] = field(default_factory=list)
    relaxed: list[str] = field(default_factory=list)   # meals where a variety rule had to give way


@dataclass
class MealVars:
    """One meal's decisions: portions of each suitable food and whether it is on the plate."""

    meal: MealTarget
    label: str
    foods: dict[str, Food]
    portions: dict[str, cp_model.IntVar] = field(default_factory=dict)
    used: dict[str, cp_model.IntVar] = field(default_factory=dict)

    def protein(self) -> cp_model.LinearExpr:
        return sum(x * _tenths(self.foods[food_id].protein_g) for food_id, x in self.portions.items())


@dataclass
class WeekSoFar:
    """What the meals already planned fix for the next one."""

    plates: list[list[Plate]] = field(default_factory=list)  # per day, per meal in day order
    uses: dict[str, int] = field(default_factory=dict)

    def record(self, day: int, plate: Plate) -> None:
        if len(self.plates) < day:
            self.plates.append([])
        self.plates[day - 1].append(plate)
        for food_id in plate:
            self.uses[food_id] = self.uses.get(food_id, 0) + 1

    def served_today(self, day: int, foods: dict[str, Food]) -> int:
        """Tenths of a gram already on today's earlier plates."""
        if len(self.plates) < day:
            return 0
        return sum(_tenths(foods[f].protein_g) * n for plate in self.plates[day - 1] for f, n in plate.items())

    def twin_days(self, day: int) -> list[int]:
        """Earlier days whose plates so far have the same foods as today's."""
        today = [set(p) for p in self.plates[day - 1]] if len(self.plates) >= day else []
        return [d for d in range(1, day)
                if [set(p) for p in self.plates[d - 1][:len(today)]] == today]


def add_portions(model: cp_model.CpModel, meal: MealTarget, foods: list[Food], label: str) -> MealVars:
    """Hard: whole portions, 0..max_portions, only of foods suited to the meal."""
    v = MealVars(meal=meal, label=label, foods={food.id: food for food in foods})
    kind = meal_kind(meal.name)
    for food in foods:
        if kind not in food.meals:
            continue
        x = model.new_int_var(0, food.max_portions, f"portions({label}, {food.id})")
        on = model.new_bool_var(f"used({label}, {food.id})")
        model.add(x >= 1).only_enforce_if(on)
        model.add(x == 0).only_enforce_if(~on)
        v.portions[food.id], v.used[food.id] = x, on
    return v


def add_foods_per_meal(model: cp_model.CpModel, v: MealVars) -> None:
    """Hard: 1-3 foods per meal, a plate one can cook (a meal with no suitable food stays empty)."""
    if v.used:
        model.add(sum(v.used.values()) >= MIN_FOODS_PER_MEAL)
        model.add(sum(v.used.values()) <= MAX_FOODS_PER_MEAL)


def add_weekly_repeats(model: cp_model.CpModel, v: MealVars, uses: dict[str, int]) -> None:
    """Hard: a food appears in at most WEEKLY_USES meals a week."""
    for food_id, on in v.used.items():
        if uses.get(food_id, 0) >= WEEKLY_USES:
            model.add(on == 0)


def add_distinct_day(model: cp_model.CpModel, v: MealVars, twin_plates: list[Plate]) -> None:
    """Hard: the day's last meal differs from the same meal of every earlier day that has
    matched today so far, so no two days are the same."""
    for plate in twin_plates:
        dropped = [~v.used[f] for f in plate if f in v.used]
        added = [on for f, on in v.used.items() if f not in plate]
        model.add_bool_or(dropped + added)


def add_meal_target(model: cp_model.CpModel, v: MealVars, attempt: "Attempt") -> list[tuple]:
    """Soft (heavy): the meal within 10% of its target; then as close to it as possible.

    Hard as well, as the attempt says: the whole band, or only its top. A menu may fall
    short of a target a narrow diet cannot reach (and says so), but never overshoots it:
    too much protein is what a kidney patient's low target guards against."""
    target = _tenths(v.meal.protein_g)
    deviation, outside = _soft_band(model, v.protein(), target, v.label)
    if attempt.hard_band:
        model.add(deviation <= within_band_tenths(target))
    if attempt.hard_top:
        model.add(v.protein() <= target + within_band_tenths(target))
    return [(outside, OUTSIDE_BAND_WEIGHT), (deviation, DEVIATION_WEIGHT)]


def add_day_target(model: cp_model.CpModel, v: MealVars, served_before: int, daily_g: float) -> list[tuple]:
    """Soft (heavy): with the day's last meal the day lands within 10% of the daily target
    (meals inside their bands already ensure it; this steers the closest menu when they cannot)."""
    _, outside = _soft_band(model, v.protein() + served_before, _tenths(daily_g), f"day of {v.label}")
    return [(outside, OUTSIDE_BAND_WEIGHT)]


def add_repeat_penalty(v: MealVars, uses: dict[str, int]) -> list[tuple]:
    """Soft: prefer foods the week has served less, so the rotation varies."""
    return [(on, REPEAT_WEIGHT * uses[food_id]) for food_id, on in v.used.items() if uses.get(food_id)]


def add_leucine_preference(v: MealVars) -> list[tuple]:
    """Soft: older adults' main meals (those with a leucine target, about 2.5 g; Bauer 2015)
    favour leucine-rich protein (dairy, eggs, fish, meat, whey) over plant protein.

    A per-food nudge rather than a leucine sum in the objective: the sum made proving
    optimality slow, and the leucine figures are estimates in proportion to protein anyway."""
    if not v.meal.leucine_g:
        return []
    return [(on, LEUCINE_WEIGHT) for food_id, on in v.used.items()
            if _leucine_share(v.foods[food_id]) < LEUCINE_RICH_SHARE]


def _leucine_share(food: Food) -> float:
    return food.leucine_g / food.protein_g if food.protein_g else 0.0


def _soft_band(model: cp_model.CpModel, amount, target: int, name: str):
    """Deviation from a target and the part of it outside the 10% band."""
    top = 100 * (target + 1000)
    deviation = model.new_int_var(0, top, f"deviation({name})")
    model.add(deviation >= amount - target)
    model.add(deviation >= target - amount)
    outside = model.new_int_var(0, top, f"outside_band({name})")
    model.add(outside >= deviation - within_band_tenths(target))
    return deviation, outside


class Attempt(NamedTuple):
    """One way of solving a meal, strictest first."""

    hard_band: bool        # the meal's 10% band as a constraint (prunes the search)
    hard_top: bool         # at least the top of the band as a constraint: never too much
    weekly_limit: bool     # each food in at most WEEKLY_USES meals a week
    distinct_day: bool     # the day's last meal makes the day differ from earlier ones


# The protein band comes first, then the weekly limit: a rule gives way only when the
# stricter attempt leaves the meal outside its band. The last attempt, with nothing
# hard, runs only when no other has a solution at all (no food small enough).
ATTEMPTS = (Attempt(True, True, True, True), Attempt(False, True, True, True),
            Attempt(False, True, False, True), Attempt(False, False, False, False))


class MealSolve(NamedTuple):
    status: str
    plate: Plate
    outside: int           # tenths of a gram outside the meal's (and day's) band


def plan_menus(meals: list[MealTarget], daily_g: float, foods: list[Food]) -> MenuResult:
    """The 7-day rotation closest to the meal targets; `misses` lists every meal or day
    outside its 10% band (empty when the menu meets them all)."""
    week, result = WeekSoFar(), MenuResult(days=[], misses=[])
    for day in range(1, DAYS + 1):
        for position, meal in enumerate(meals):
            last = position == len(meals) - 1
            twins = [week.plates[d - 1][position] for d in week.twin_days(day)] if last else []
            label = f"day {day} {meal.name}"
            best, best_attempt = None, None
            for attempt in ATTEMPTS:
                if attempt.hard_band and not _reachable(meal, foods):
                    continue
                if not attempt.hard_top and best is not None and best.outside < UNSOLVED:
                    break  # the last resort runs only when nothing else solves the meal
                solved = _solve_meal(meal, label, foods, week, day, daily_g, last, twins, attempt)
                if best is None or solved.outside < best.outside:
                    best, best_attempt = solved, attempt
                if best.outside == 0:
                    break
            if not best_attempt.weekly_limit:
                result.relaxed.append(label)
            result.statuses.append(best.status)
            week.record(day, best.plate)
    result.days = [_menu_day(day, meals, foods, plates) for day, plates in enumerate(week.plates, start=1)]
    result.misses = _misses(result.days, daily_g)
    return result


def _solve_meal(meal: MealTarget, label: str, foods: list[Food], week: WeekSoFar, day: int,
                daily_g: float, last: bool, twins: list[Plate], attempt: Attempt) -> MealSolve:
    model = cp_model.CpModel()
    v = add_portions(model, meal, foods, label)
    add_foods_per_meal(model, v)
    if attempt.weekly_limit:
        add_weekly_repeats(model, v, week.uses)
    if attempt.distinct_day:
        add_distinct_day(model, v, twins)
    band = add_meal_target(model, v, attempt)
    if last:
        band += add_day_target(model, v, week.served_today(day, v.foods), daily_g)
    penalties = band + add_repeat_penalty(v, week.uses) + add_leucine_preference(v)
    model.minimize(sum(weight * var for var, weight in penalties))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_deterministic_time = DETERMINISTIC_LIMIT
    # Tiny models: presolve costs more than it saves; the LP relaxation pays off only when
    # the band is soft (it bounds how close the menu can get).
    solver.parameters.cp_model_presolve = False
    solver.parameters.linearization_level = 0 if attempt.hard_band else 1
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return MealSolve(solver.status_name(status), {}, UNSOLVED)
    plate = {f: solver.value(x) for f, x in v.portions.items() if solver.value(x)}
    outside = sum(solver.value(var) for var, weight in band if weight == OUTSIDE_BAND_WEIGHT)
    return MealSolve(solver.status_name(status), plate, outside)


def _reachable(meal: MealTarget, foods: list[Food]) -> bool:
    """Whether the meal's band is within reach at all: the three richest suited foods at their
    largest portions reach its bottom, and the smallest suited portion fits under its top."""
    kind = meal_kind(meal.name)
    amounts = sorted((_tenths(f.protein_g), f.max_portions) for f in foods if kind in f.meals)
    if not amounts:
        return False
    target = _tenths(meal.protein_g)
    band = within_band_tenths(target)
    most = sum(sorted((p * n for p, n in amounts), reverse=True)[:MAX_FOODS_PER_MEAL])
    return most >= target - band and amounts[0][0] <= target + band


def _menu_day(day: int, meals: list[MealTarget], foods: list[Food], plates: list[Plate]) -> MenuDay:
    return MenuDay(day=day, meals=[
        MenuMeal(name=meal.name, protein_g=meal.protein_g,
                 foods=[_menu_food(food, plate[food.id]) for food in foods if food.id in plate])
        for meal, plate in zip(meals, plates)])


def _menu_food(food: Food, portions: int) -> MenuFood:
    portion = food.portion if portions == 1 else f"{portions} x {food.portion}"
    return MenuFood(id=food.id, name=food.name, portion=portion, portions=portions,
                    protein_g=round(portions * food.protein_g, 1),
                    leucine_g=round(portions * food.leucine_g, 2),
                    diet=food.diet, allergens=list(food.allergens))


def _misses(days: list[MenuDay], daily_g: float) -> list[str]:
    """Meals and days whose foods fall outside 10% of the target, in words."""
    misses = []
    for day in days:
        total = 0.0
        for meal in day.meals:
            served = sum(f.protein_g for f in meal.foods)
            total += served
            if abs(served - meal.protein_g) > 0.1 * meal.protein_g:
                misses.append(f"day {day.day} {meal.name} {served:.1f} g for {meal.protein_g:g} g")
        if abs(total - daily_g) > 0.1 * daily_g:
            misses.append(f"day {day.day} {total:.1f} g for {daily_g:g} g")
    return misses
