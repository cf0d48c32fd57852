"""Protein for muscle recovery: daily target, meal split, 7-day menu and advice.

profile -> target (g/kg and why) -> split (per-meal grams) -> menu (CP-SAT) -> notes
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.nutrition.foods import allowed_foods
from planner.nutrition.medications import medication_classes
from planner.nutrition.menu import plan_menus
from planner.nutrition.notes import nutrition_notes
from planner.nutrition.split import split_meals
from planner.nutrition.target import daily_protein_g, daily_target
from planner.plan import NutritionPlan
from planner.profile import Profile

SHORTFALL = "Protein shortfall:"
MISSES_SHOWN = 3

__all__ = ["build_nutrition", "SHORTFALL"]


def build_nutrition(profile: Profile, catalog: Catalog,
                    training_weekdays: list[str]) -> tuple[NutritionPlan, list[str]]:
    """The plan's nutrition section and the warnings for the plan's top-level `warnings`."""
    g_per_kg, reason, guidance = daily_target(profile)
    daily_g = daily_protein_g(g_per_kg, profile.weight_kg)
    split = split_meals(profile, daily_g)
    foods = allowed_foods(catalog, profile.nutrition.diet, profile.nutrition.avoid)
    menu = plan_menus(split.meals, daily_g, foods)
    warnings = []
    if menu.misses:
        warnings.append(shortfall_warning(profile, menu.misses))
    notes = nutrition_notes(profile, split, training_weekdays, medication_classes(catalog.folder))
    plan = NutritionPlan(protein_g_per_kg=g_per_kg, daily_protein_g=daily_g, meals=split.meals,
                         menus=menu.days, notes=notes, reason=reason,
                         under_professional_guidance=guidance)
    return plan, warnings


def shortfall_warning(profile: Profile, misses: list[str]) -> str:
    """Never a silent shortfall: say which targets the menu cannot meet, and why."""
    nutrition = profile.nutrition
    avoiding = f" avoiding {', '.join(nutrition.avoid)}" if nutrition.avoid else ""
    shown = "; ".join(misses[:MISSES_SHOWN]) + (f"; {len(misses) - MISSES_SHOWN} more"
                                                if len(misses) > MISSES_SHOWN else "")
    return (f"{SHORTFALL} the food catalog cannot meet every protein target within 10% for this "
            f"{nutrition.diet} diet{avoiding} at {profile.weight_kg:g} kg; the menu is the closest "
            f"possible ({shown}). Ask a dietitian about foods or supplements that close the gap.")

