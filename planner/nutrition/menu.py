"""The 7-day menu: CP-SAT over realistic servings of catalog foods, one day at a time.

Each day is one small model: for every meal, every suitable food and every
serving size of it (catalog bounds, whole units for counted foods) is a yes/no
choice. Hard rules (one `add_*` each): at most one serving of a food per meal,
the meal's template (slots), the meal's protein at or above its target and not
far above it, the day's energy within 85-110% of the target, and not the same
main protein at lunch and dinner. Soft rules steer: energy near the target,
leucine on older adults' main meals, variety across the week, the client's
cuisine, and (kidney disease) few high-potassium or high-phosphate foods.

Attempts, strictest first: the client's cuisine and general staples with every
rule hard; then every cuisine; then the rules as heavy penalties, so a diet the
catalog cannot serve still gets the closest menu and the caller names the rule
it cannot meet. Protein is in tenths of a gram, leucine in hundredths, energy in
kcal: integers only inside the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ortools.sat.python import cp_model

from planner.catalog import Food
from planner.nutrition.split import meal_kind
from planner.plan import MealTarget, MenuDay, MenuFood, MenuMeal

DAYS = 7
TENTHS = 10
HUNDREDTHS = 100
ENERGY_BAND = (0.85, 1.10)          # each day's energy, share of the target (issue 12)
PROTEIN_TOP_SHARE = 0.20            # a meal may exceed its protein target by 20% ...
PROTEIN_TOP_MIN_G = 3.0             # ... or 3 g, whichever is more (servings come in steps)
KIDNEY_TOP_SHARE = 0.10             # kidney disease: the target is a ceiling, keep close (KDOQI 2020)
KIDNEY_TOP_MIN_G = 2.5
MAIN_MEALS = ("lunch", "dinner")
MAIN_PROTEIN_WEEKLY = 3             # a protein food at more main meals than this pays a penalty

# Soft weights (per unit: 0.1 g protein, 0.01 g leucine, one use).
PROTEIN_OVER_WEIGHT = 2
LEUCINE_WEIGHT = 3
REPEAT_WEIGHT = 40                  # per earlier use this week
PROTEIN_REPEAT_WEIGHT = 120         # per earlier use of the same main protein food
OVERUSE_WEIGHT = 2000               # beyond MAIN_PROTEIN_WEEKLY
OTHER_CUISINE_WEIGHT = 60           # a food not of the client's cuisine (general staples included)
FOREIGN_WEIGHT = 400                # a food of neither the client's cuisine nor general (fallback only)
KIDNEY_WEIGHT = 150                 # a high-potassium or high-phosphate food with kidney disease
# In the last attempts, per unit outside a rule; the order says what gives way first:
# energy (per kcal), then the protein floor (per 0.1 g), never the cap before the floor
# (too much protein is what a kidney patient's target guards against), never the template.
ENERGY_BROKEN_WEIGHT = 1_000
BROKEN_WEIGHT = 100_000
CAP_BROKEN_WEIGHT = 10**7
TEMPLATE_BROKEN_WEIGHT = 10**9      # a meal stays a meal even when a target cannot be met

SEED = 20240601
DETERMINISTIC_LIMIT = 0.02          # per meal model: same input, same search, same menu


class Template(NamedTuple):
    """What a meal is made of: slots filled exactly once, at most once, and the item count."""

    exactly: tuple[str, ...]
    at_most_one: tuple[str, ...]
    one_of: tuple[str, ...]          # at least one of these (breakfast: fruit or a drink)
    items: tuple[int, int]


TEMPLATES = {
    "breakfast": Template(("protein", "staple"), ("fruit", "drink", "extra", "vegetable"),
                          ("fruit", "drink"), (2, 5)),
    "lunch": Template(("protein", "staple", "vegetable"), ("fruit", "drink", "extra"), (), (1, 5)),
    "dinner": Template(("protein", "staple", "vegetable"), ("fruit", "drink", "extra"), (), (1, 5)),
    "snack": Template((), ("protein", "staple", "vegetable", "fruit", "drink", "extra"), (), (1, 2)),
}


def template_for(meal_name: str) -> Template:
    return TEMPLATES[meal_kind(meal_name)]


def protein_top_g(target_g: float, kidney: bool) -> float:
    """The most protein a meal may carry: at or above the printed target, not far above it."""
    share, least = (KIDNEY_TOP_SHARE, KIDNEY_TOP_MIN_G) if kidney else (PROTEIN_TOP_SHARE, PROTEIN_TOP_MIN_G)
    return target_g + max(share * target_g, least)


def energy_band(target_kcal: float) -> tuple[int, int]:
    low, high = ENERGY_BAND
    return int(-(-low * target_kcal // 1)), int(high * target_kcal)


@dataclass(frozen=True)
class MenuRules:
    """What the client brings to the menu."""

    energy_kcal: float
    cuisine: str = "general"
    kidney: bool = False


class Serving(NamedTuple):
    food: Food
    grams: float
    protein: int    # tenths of a gram
    kcal: int
    leucine: int    # hundredths of a gram


_SERVINGS: dict[int, tuple[Food, list[Serving]]] = {}


def servings(food: Food) -> list[Serving]:
    """Every serving the menu may use, with its figures scaled from the catalog's (cached per
    catalog entry: the menu asks for them a thousand times)."""
    cached = _SERVINGS.get(id(food))
    if cached is None or cached[0] is not food:
        cached = _SERVINGS[id(food)] = (food, _scaled_servings(food))
    return cached[1]


MAX_SIZES = 4   # serving sizes per food the model weighs: smallest, largest and two between


def _sizes(food: Food) -> list[float]:
    sizes = food.servings()
    if len(sizes) <= MAX_SIZES:
        return sizes
    last = len(sizes) - 1
    return [sizes[round(i * last / (MAX_SIZES - 1))] for i in range(MAX_SIZES)]


def _scaled_servings(food: Food) -> list[Serving]:
    return [Serving(food, grams, round(grams * food.protein_g / food.portion_g * TENTHS),
                    round(grams * food.kcal / food.portion_g),
                    round(grams * food.leucine_g / food.portion_g * HUNDREDTHS))
            for grams in _sizes(food)]


def suits(food: Food, meal_name: str) -> bool:
    """The food may be served at this meal and fills only slots its template has."""
    kind = meal_kind(meal_name)
    template = TEMPLATES[kind]
    allowed = set(template.exactly) | set(template.at_most_one)
    return kind in food.meals and set(food.slots) <= allowed


@dataclass
class MenuResult:
    days: list[MenuDay]
    misses: list[str]                                  # protein below target, in words
    broken: dict[str, list[int]] = field(default_factory=dict)  # rule -> days it could not be kept
    statuses: list[str] = field(default_factory=list)
    leucine_met: dict[str, bool] = field(default_factory=dict)


@dataclass
class WeekSoFar:
    uses: dict[str, int] = field(default_factory=dict)            # meals a food was in
    main_protein_uses: dict[str, int] = field(default_factory=dict)


@dataclass
class DaySoFar:
    kcal: int = 0
    foods: set[str] = field(default_factory=set)
    main_kinds: set[str] = field(default_factory=set)


class Attempt(NamedTuple):
    cuisines_only: bool   # only the client's cuisine and general staples
    hard: bool            # every rule hard (else heavy penalties, and what breaks is reported)
    shortlist: int        # foods per slot the meal's model chooses from


ATTEMPTS = (Attempt(True, True, 3), Attempt(True, True, 8), Attempt(False, True, 14),
            Attempt(True, False, 40), Attempt(False, False, 40))
REPEATABLE_SLOTS = ("staple", "drink")   # rice at lunch and dinner, milk twice: fine in one day

# Energy share of each meal kind (weights, normalised over the client's meals).
ENERGY_WEIGHTS = {"breakfast": 0.8, "lunch": 1.0, "dinner": 1.0, "snack": 0.3}


def energy_shares(meals: list[MealTarget]) -> list[float]:
    weights = [ENERGY_WEIGHTS[meal_kind(m.name)] for m in meals]
    return [w / sum(weights) for w in weights]


def meal_energy_band(position: int, shares: list[float], energy_kcal: float, eaten: int) -> tuple[int, int]:
    """A meal's energy band: its share of the day's band, and for the day's last meal what
    is left of the day's band, so every day lands within 85-110% of the target."""
    low, high = energy_band(energy_kcal)
    if position == len(shares) - 1:
        return max(low - eaten, 0), max(high - eaten, 0)
    share = shares[position]
    return int(ENERGY_BAND[0] * share * energy_kcal), int(ENERGY_BAND[1] * share * energy_kcal)


def shortlist_foods(foods: list[Food], meal: MealTarget, position: int, day: int, rules: MenuRules,
                    week: WeekSoFar, today: DaySoFar, per_slot: int) -> list[Food]:
    """The few foods per slot a meal's model chooses from: not served earlier today (staples and
    drinks aside), not the main protein of today's other main meal, then those the week has used
    least, of the client's cuisine, kind to the kidneys, in an order that turns with the day.

    A model over every food and serving took seconds; a shortlist keeps it to milliseconds,
    and the turning order spreads the week over the catalog."""
    top = protein_top_g(meal.protein_g, rules.kidney) * TENTHS
    # A food whose smallest serving alone is over the meal's protein cap can never be served.
    suited = [f for f in foods if servings(f)[0].protein <= top
              and (f.id not in today.foods or f.slots[0] in REPEATABLE_SLOTS)
              and not (meal.name in MAIN_MEALS and "protein" in f.slots and f.kind in today.main_kinds)]
    turn = day * 7 + position * 3
    ranked = sorted(range(len(suited)), key=lambda i: (
        week.uses.get(suited[i].id, 0),
        rules.cuisine not in suited[i].cuisines,
        rules.kidney and bool(suited[i].kidney),
        (i * 7919 + turn * 104729) % 1009, i))
    chosen: list[Food] = []
    per_group: dict[str, int] = {}
    for i in ranked:
        group = suited[i].slots[0]
        if per_group.get(group, 0) < per_slot:
            per_group[group] = per_group.get(group, 0) + 1
            chosen.append(suited[i])
    return chosen


class MealModel:
    """One meal's decisions (a serving of each shortlisted food, or none) and its penalties."""

    def __init__(self, meal: MealTarget, label: str, hard: bool):
        self.model = cp_model.CpModel()
        self.meal = meal
        self.label = label
        self.hard = hard
        self.choices: dict[str, list[tuple[Serving, cp_model.IntVar]]] = {}
        self.used: dict[str, cp_model.LinearExpr] = {}
        self.penalties: list[tuple[cp_model.LinearExpr, int]] = []
        self.rules: dict[str, list[cp_model.IntVar]] = {}

    def food(self, food_id: str) -> Food:
        return self.choices[food_id][0][0].food

    def total(self, figure: str) -> cp_model.LinearExpr:
        pairs = [(x, getattr(s, figure)) for options in self.choices.values() for s, x in options]
        return cp_model.LinearExpr.weighted_sum([x for x, _ in pairs], [c for _, c in pairs])

    def filling(self, slot: str) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum([x for options in self.choices.values() for s, x in options
                                        if slot in s.food.slots])

    def keep(self, expr, low: int | None, high: int | None, rule: str, weight: int = BROKEN_WEIGHT) -> None:
        """Hard when the attempt is hard, else a heavy penalty named after the rule."""
        if isinstance(expr, (int, float)):      # no food can fill it: a constant
            expr = self.model.new_constant(int(expr))
        if self.hard:
            if low is not None:
                self.model.add(expr >= low)
            if high is not None:
                self.model.add(expr <= high)
            return
        if low is not None:
            short = self.model.new_int_var(0, max(low, 0) + 10**6, f"short({rule}, {self.label})")
            self.model.add(expr + short >= low)
            self.rules.setdefault(rule, []).append(short)
            self.penalties.append((short, weight))
        if high is not None:
            over = self.model.new_int_var(0, 10**7, f"over({rule}, {self.label})")
            self.model.add(expr - over <= high)
            self.rules.setdefault(rule, []).append(over)
            self.penalties.append((over, weight))


def add_servings(m: MealModel, foods: list[Food]) -> None:
    """Hard: at most one serving of a food per meal, of a size within the catalog's bounds."""
    for food in foods:
        options = [(s, m.model.new_bool_var(f"serve({m.label}, {food.id}, {s.grams:g})"))
                   for s in servings(food)]
        m.model.add_at_most_one(x for _, x in options)
        m.choices[food.id] = options
        m.used[food.id] = cp_model.LinearExpr.sum([x for _, x in options])


def add_template(m: MealModel) -> None:
    """Hard: the meal's template - breakfast a protein food, a grain or bread and fruit or a
    drink; lunch and dinner a protein food, a staple and a vegetable (a dish may fill
    several); snacks one or two items. Each slot at most once."""
    template = template_for(m.meal.name)
    name = f"the {meal_kind(m.meal.name)} template"
    for slot in template.exactly:
        m.keep(m.filling(slot), 1, 1, f"{name} ({slot})", TEMPLATE_BROKEN_WEIGHT)
    for slot in template.at_most_one:
        m.keep(m.filling(slot), None, 1, f"{name} ({slot})", TEMPLATE_BROKEN_WEIGHT)
    if template.one_of:
        m.keep(cp_model.LinearExpr.sum([m.filling(s) for s in template.one_of]), 1, None,
               f"{name} ({' or '.join(template.one_of)})", TEMPLATE_BROKEN_WEIGHT)
    low, high = template.items
    m.keep(cp_model.LinearExpr.sum(list(m.used.values())), low, high, f"{name} (items)",
           TEMPLATE_BROKEN_WEIGHT)


def add_meal_protein(m: MealModel, kidney: bool) -> None:
    """Hard: the meal's protein at or above the printed target and not far above it
    (kidney disease: within 10%, the target being the nephrology team's)."""
    target = round(m.meal.protein_g * TENTHS)
    top = int(protein_top_g(m.meal.protein_g, kidney) * TENTHS)
    m.keep(m.total("protein"), target, None, f"protein at {m.meal.name}")
    m.keep(m.total("protein"), None, top, f"protein cap at {m.meal.name}", CAP_BROKEN_WEIGHT)
    # Linear (protein is at or above the target when the attempt is hard): keeps the model
    # a plain knapsack that CP-SAT proves optimal in milliseconds.
    m.penalties.append((m.total("protein") - target, PROTEIN_OVER_WEIGHT))


def add_meal_energy(m: MealModel, band: tuple[int, int]) -> None:
    """Hard: the meal's energy within its band (its share of the day's 85-110%, or what the
    day has left for its last meal)."""
    low, high = band
    m.keep(m.total("kcal"), low, high, f"energy at {m.meal.name}", ENERGY_BROKEN_WEIGHT)


def add_leucine_preference(m: MealModel) -> None:
    """Soft: an older adult's main meal reaches its leucine figure (about 2.5 g; Bauer 2015)."""
    if not m.meal.leucine_g:
        return
    # A reward per 0.01 g (linear, like the protein penalty): within the protein cap it
    # favours dairy, eggs, fish and meat, the leucine-rich foods.
    m.penalties.append((m.total("leucine"), -LEUCINE_WEIGHT))


def add_variety(m: MealModel, week: WeekSoFar) -> None:
    """Soft: foods the week has served less come first; a main protein food at most
    MAIN_PROTEIN_WEEKLY main meals a week."""
    for food_id, on in m.used.items():
        food = m.food(food_id)
        earlier = week.uses.get(food_id, 0)
        if earlier:
            m.penalties.append((on, REPEAT_WEIGHT * earlier))
        if m.meal.name in MAIN_MEALS and "protein" in food.slots:
            mains = week.main_protein_uses.get(food_id, 0)
            weight = PROTEIN_REPEAT_WEIGHT * mains + (OVERUSE_WEIGHT if mains >= MAIN_PROTEIN_WEEKLY else 0)
            if weight:
                m.penalties.append((on, weight))


def add_food_preferences(m: MealModel, rules: MenuRules) -> None:
    """Soft: the client's cuisine first; with kidney disease, few high-potassium or
    high-phosphate foods (KDOQI 2020)."""
    for food_id, on in m.used.items():
        food = m.food(food_id)
        if rules.cuisine not in food.cuisines:
            weight = OTHER_CUISINE_WEIGHT if "general" in food.cuisines else FOREIGN_WEIGHT
            m.penalties.append((on, weight))
        if rules.kidney and food.kidney:
            m.penalties.append((on, KIDNEY_WEIGHT))


def in_cuisine(food: Food, cuisine: str) -> bool:
    return cuisine in food.cuisines or "general" in food.cuisines


class MealSolve(NamedTuple):
    status: str
    plate: list[Serving]
    broken: list[str]


def solve_meal(meal: MealTarget, label: str, foods: list[Food], band: tuple[int, int],
               rules: MenuRules, week: WeekSoFar, attempt: Attempt) -> MealSolve:
    """One meal under one attempt."""
    m = MealModel(meal, label, attempt.hard)
    add_servings(m, foods)
    add_template(m)
    add_meal_protein(m, rules.kidney)
    add_meal_energy(m, band)
    add_leucine_preference(m)
    add_variety(m, week)
    add_food_preferences(m, rules)
    m.model.minimize(cp_model.LinearExpr.weighted_sum([var for var, _ in m.penalties],
                                                      [weight for _, weight in m.penalties]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_deterministic_time = DETERMINISTIC_LIMIT
    # A small knapsack: presolve costs more than it saves (measured: 7x slower with it).
    solver.parameters.cp_model_presolve = False
    status = solver.solve(m.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return MealSolve(solver.status_name(status), [], [])
    plate = [s for options in m.choices.values() for s, x in options if solver.value(x)]
    broken = [rule for rule, slack in m.rules.items() if any(solver.value(v) for v in slack)]
    return MealSolve(solver.status_name(status), plate, broken)


def plan_menus(meals: list[MealTarget], daily_g: float, foods: list[Food],
               rules: MenuRules | None = None) -> MenuResult:
    """The 7-day menu; `broken` names every rule a day could not keep (empty when none)."""
    rules = rules or MenuRules(energy_kcal=_energy_guess(daily_g))
    shares = energy_shares(meals)
    suited = {(meal.name, local): [f for f in foods if suits(f, meal.name)
                                   and (not local or in_cuisine(f, rules.cuisine))]
              for meal in meals for local in (True, False)}
    week, result = WeekSoFar(), MenuResult(days=[], misses=[])
    first_attempt = [0] * len(meals)
    for day_number in range(1, DAYS + 1):
        today, plates = DaySoFar(), []
        for position, meal in enumerate(meals):
            band = meal_energy_band(position, shares, rules.energy_kcal, today.kcal)
            label = f"day {day_number} {meal.name}"
            solved = None
            # A meal that needed a wider attempt yesterday starts there today: the strict
            # attempts would fail again for the same reason, and each failure costs a solve.
            for number, attempt in enumerate(ATTEMPTS[first_attempt[position]:], first_attempt[position]):
                pool = suited[(meal.name, attempt.cuisines_only)]
                shortlist = shortlist_foods(pool, meal, position, day_number, rules, week, today,
                                            attempt.shortlist)
                solved = solve_meal(meal, label, shortlist, band, rules, week, attempt)
                if solved.plate:
                    if attempt.hard:
                        first_attempt[position] = number
                    break
            result.statuses.append(solved.status)
            for rule in solved.broken:
                if rule.startswith("energy at "):
                    continue  # judged for the whole day below
                days = result.broken.setdefault(rule, [])
                if day_number not in days:
                    days.append(day_number)
            _record(week, today, meal, solved.plate)
            plates.append(solved.plate)
        menu_day = _menu_day(day_number, meals, plates)
        low, high = energy_band(rules.energy_kcal)
        if not low <= menu_day.energy_kcal <= high:
            result.broken.setdefault("the daily energy band", []).append(day_number)
        result.days.append(menu_day)
    result.misses = _misses(result.days)
    result.leucine_met = {m.name: all(_meal_leucine(day.meals[i]) >= m.leucine_g - 1e-9
                                      for day in result.days)
                          for i, m in enumerate(meals) if m.leucine_g}
    return result


def _energy_guess(daily_g: float) -> float:
    """Without an energy target (old callers and tests): protein at about 18% of energy."""
    return round(daily_g * 4 / 0.18)


def _record(week: WeekSoFar, today: DaySoFar, meal: MealTarget, plate: list[Serving]) -> None:
    for s in plate:
        week.uses[s.food.id] = week.uses.get(s.food.id, 0) + 1
        today.foods.add(s.food.id)
        today.kcal += s.kcal
        if meal.name in MAIN_MEALS and "protein" in s.food.slots:
            week.main_protein_uses[s.food.id] = week.main_protein_uses.get(s.food.id, 0) + 1
            today.main_kinds.add(s.food.kind)


def serving_words(food: Food, grams: float) -> str:
    """'2 eggs (100 g)', '250 ml', '150 g'."""
    if food.unit and food.unit_g:
        count = round(grams / food.unit_g)
        return f"{count} {food.unit}{'s' if count > 1 else ''} ({grams:g} g)"
    return f"{grams:g} {food.measure}"


def _menu_food(s: Serving) -> MenuFood:
    food = s.food
    return MenuFood(id=food.id, name=food.name, portion=serving_words(food, s.grams), portions=1,
                    protein_g=s.protein / TENTHS, leucine_g=s.leucine / HUNDREDTHS, kcal=s.kcal,
                    portion_g=s.grams, slot=food.slots[0], slots=list(food.slots),
                    diet=food.diet, allergens=list(food.allergens))


def _menu_day(day: int, meals: list[MealTarget], plates: list[list[Serving]]) -> MenuDay:
    menu_meals = [MenuMeal(name=meal.name, protein_g=meal.protein_g,
                           foods=[_menu_food(s) for s in sorted(plate, key=_plate_order)])
                  for meal, plate in zip(meals, plates)]
    return MenuDay(day=day, meals=menu_meals, energy_kcal=sum(s.kcal for plate in plates for s in plate))


SLOT_ORDER = ("protein", "staple", "vegetable", "fruit", "drink", "extra")


def _plate_order(s: Serving) -> tuple[int, str]:
    """A plate reads as a meal: the protein food first, then staple, vegetable, fruit, drink."""
    return SLOT_ORDER.index(s.food.slots[0]), s.food.id


def _meal_leucine(meal: MenuMeal) -> float:
    return sum(f.leucine_g or 0 for f in meal.foods)


def _misses(days: list[MenuDay]) -> list[str]:
    """Meals whose foods fall short of the printed protein target, in words."""
    misses = []
    for day in days:
        for meal in day.meals:
            served = round(sum(f.protein_g for f in meal.foods), 1)
            if served < meal.protein_g - 0.05:
                misses.append(f"day {day.day} {meal.name} {served:g} g for {meal.protein_g:g} g")
    return misses
