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
        if key in ("age", "sex", "weight_kg"):
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


def menu_problems(plan: NutritionPlan, prof: Profile, catalog: Catalog) -> list[str]:
    """Every way the menu breaks the nutrition rules, checked from the output alone."""
    problems = []
    diet, avoid = prof.nutrition.diet, set(prof.nutrition.avoid)
    targets = {m.name: m.protein_g for m in plan.meals}
    if len(plan.menus) != 7:
        problems.append(f"{len(plan.menus)} menu days, not 7")
    days_seen = []
    for day in plan.menus:
        total = 0.0
        for meal in day.meals:
            if meal.protein_g != targets.get(meal.name):
                problems.append(f"day {day.day} {meal.name}: target {meal.protein_g} is not the split's")
            if not 1 <= len(meal.foods) <= 3:
                problems.append(f"day {day.day} {meal.name}: {len(meal.foods)} foods")
            served = 0.0
            for item in meal.foods:
                food = catalog.foods[item.id]
                served += item.protein_g
                kind = "snack" if meal.name.endswith("snack") else meal.name
                if kind not in food.meals:
                    problems.append(f"{item.id} is not a {kind} food")
                if DIET_ORDER.index(food.diet) > DIET_ORDER.index(diet):
                    problems.append(f"{item.id} ({food.diet}) served on a {diet} diet")
                if avoid & set(food.allergens):
                    problems.append(f"{item.id} carries {sorted(avoid & set(food.allergens))}")
                if abs(item.protein_g - item.portions * food.protein_g) > 0.051:
                    problems.append(f"{item.id}: {item.protein_g} g is not {item.portions} portions")
                if item.portions > food.max_portions:
                    problems.append(f"{item.id}: {item.portions} portions > {food.max_portions}")
            total += served
            if abs(served - meal.protein_g) > 0.1 * meal.protein_g:
                problems.append(f"band: day {day.day} {meal.name} {served:.1f} g for {meal.protein_g} g")
        if abs(total - plan.daily_protein_g) > 0.1 * plan.daily_protein_g:
            problems.append(f"band: day {day.day} {total:.1f} g for {plan.daily_protein_g} g")
        signature = [sorted((f.id, f.portions) for f in meal.foods) for meal in day.meals]
        if signature in days_seen:
            problems.append(f"day {day.day} repeats an earlier day")
        days_seen.append(signature)
    return problems


def band_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith("band:")]
