"""Small factories for the nutrition tests: a profile in a line, the food catalog, and rule checks
written afresh here (not imported from planner) so a bug in the planner cannot hide itself."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from planner import sources
from planner.catalog import Catalog, Food, load_catalog
from planner.errors import InputError
from planner.plan import NutritionPlan
from planner.profile import Profile
from pydantic import BaseModel, ConfigDict

REPO = Path(__file__).resolve().parents[2]
DIET_ORDER = ["vegan", "vegetarian", "pescatarian", "omnivore"]
SHORTFALL = "Protein shortfall:"

BASE = {
    "client": {"name": "Test Client", "age": 45, "sex": "female", "weight_kg": 70},
    "condition": "disuse",
    "schedule": {"start": "2026-12-07", "days": ["mon", "wed", "fri"]},
}


def profile(*, screening: dict | None = None, nutrition: dict | None = None, **client_or_top) -> Profile:
    """A valid profile; age/sex/weight_kg go to `client`, other keywords replace top-level keys."""
    data = copy.deepcopy(BASE)
    for key, value in client_or_top.items():
        if key in ("age", "sex", "weight_kg", "height_cm"):
            data["client"][key] = value
        else:
            data[key] = value
    if screening is not None:
        data["screening"] = screening
    if nutrition is not None:
        data["nutrition"] = nutrition
    return Profile.model_validate(data)


class _Foods(BaseModel):
    model_config = ConfigDict(extra="forbid")
    foods: list[Food]


@functools.lru_cache(maxsize=1)
def food_catalog() -> Catalog:
    """The shipped catalog; while other catalog files are mid-edit, one holding the foods only."""
    try:
        return load_catalog()
    except InputError:
        foods = sources.load(_Foods, REPO / "catalog" / "foods.yaml").foods
        return Catalog(exercises={}, foods={f.id: f for f in foods}, limitations={}, conditions={},
                       folder=str(REPO / "catalog"))


# Written afresh (not imported from planner): group words and what they stand for.
GROUPS = {"dairy": {"milk", "lactose"}, "milk": {"milk", "lactose"}, "shellfish": {"crustaceans", "molluscs"},
          "nuts": {"tree_nuts", "peanuts", "lupin"}, "peanuts": {"peanuts", "lupin"}}
TEMPLATES = {  # slot -> (least, most) per meal kind
    "breakfast": {"protein": (1, 1), "staple": (1, 1), "fruit": (0, 1), "drink": (0, 1), "extra": (0, 1),
                  "vegetable": (0, 1)},
    "lunch": {"protein": (1, 1), "staple": (1, 1), "vegetable": (1, 1), "fruit": (0, 1), "drink": (0, 1),
              "extra": (0, 1)},
    "snack": {slot: (0, 1) for slot in ("protein", "staple", "vegetable", "fruit", "drink", "extra")},
}
TEMPLATES["dinner"] = TEMPLATES["lunch"]
ITEMS = {"breakfast": (2, 5), "lunch": (1, 5), "dinner": (1, 5), "snack": (1, 2)}


def expand(avoid) -> set[str]:
    return {a for word in avoid for a in GROUPS.get(word, {word})}


def menu_problems(plan: NutritionPlan, prof: Profile, catalog: Catalog, energy_kcal: float | None = None,
                  kidney: bool = False) -> list[str]:
    """Every way the menu breaks the nutrition rules, checked from the output alone."""
    problems = []
    diet, avoid = prof.nutrition.diet, expand(prof.nutrition.avoid)
    targets = {m.name: m.protein_g for m in plan.meals}
    if len(plan.menus) != 7:
        problems.append(f"{len(plan.menus)} menu days, not 7")
    for day in plan.menus:
        kcal = 0.0
        main_kinds = []
        for meal in day.meals:
            kind = "snack" if meal.name.endswith("snack") else meal.name
            if meal.protein_g != targets.get(meal.name):
                problems.append(f"day {day.day} {meal.name}: target {meal.protein_g} is not the split's")
            ids = [f.id for f in meal.foods]
            if len(ids) != len(set(ids)):
                problems.append(f"day {day.day} {meal.name}: a food twice")
            low, high = ITEMS[kind]
            if not low <= len(meal.foods) <= high:
                problems.append(f"template: day {day.day} {meal.name}: {len(meal.foods)} items")
            for slot, (least, most) in TEMPLATES[kind].items():
                count = sum(slot in catalog.foods[f.id].slots for f in meal.foods)
                if not least <= count <= most:
                    problems.append(f"template: day {day.day} {meal.name}: {count} x {slot}")
            if kind == "breakfast" and not any({"fruit", "drink"} & set(catalog.foods[f.id].slots)
                                               for f in meal.foods):
                problems.append(f"template: day {day.day} breakfast has neither fruit nor a drink")
            served = 0.0
            for item in meal.foods:
                food = catalog.foods[item.id]
                served += item.protein_g
                kcal += item.kcal
                if kind not in food.meals:
                    problems.append(f"{item.id} is not a {kind} food")
                if not set(food.slots) <= set(TEMPLATES[kind]):
                    problems.append(f"{item.id} fills a slot a {kind} has not")
                if DIET_ORDER.index(food.diet) > DIET_ORDER.index(diet):
                    problems.append(f"{item.id} ({food.diet}) served on a {diet} diet")
                if avoid & set(food.allergens):
                    problems.append(f"{item.id} carries {sorted(avoid & set(food.allergens))}")
                if not food.min_g <= item.portion_g <= food.max_g:
                    problems.append(f"portion: {item.id} {item.portion_g} outside {food.min_g}-{food.max_g}")
                if food.unit_g and abs(item.portion_g / food.unit_g - round(item.portion_g / food.unit_g)) > 1e-6:
                    problems.append(f"portion: {item.id} {item.portion_g} g is not whole units")
                share = item.portion_g / food.portion_g
                if abs(item.protein_g - share * food.protein_g) > 0.06:
                    problems.append(f"{item.id}: {item.protein_g} g protein is not {share:g} servings")
                if abs(item.kcal - share * food.kcal) > 0.51:
                    problems.append(f"{item.id}: {item.kcal} kcal is not {share:g} servings")
                if kind in ("lunch", "dinner") and "protein" in food.slots:
                    main_kinds.append(food.kind)
            top = meal.protein_g + max((0.1 if kidney else 0.2) * meal.protein_g, 2.5 if kidney else 3.0)
            if served < meal.protein_g - 0.05:
                problems.append(f"band: day {day.day} {meal.name} {served:.1f} g below {meal.protein_g} g")
            if served > top + 0.05:
                problems.append(f"cap: day {day.day} {meal.name} {served:.1f} g above {top:.1f} g")
        if len(main_kinds) != len(set(main_kinds)):
            problems.append(f"day {day.day}: the same main protein at lunch and dinner")
        if abs(kcal - day.energy_kcal) > 0.5:
            problems.append(f"day {day.day}: energy_kcal {day.energy_kcal} is not its foods' {kcal}")
        if energy_kcal and not 0.85 * energy_kcal - 0.5 <= kcal <= 1.10 * energy_kcal + 0.5:
            problems.append(f"energy: day {day.day} {kcal:.0f} kcal for {energy_kcal:g}")
    return problems


def band_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith("band:")]
