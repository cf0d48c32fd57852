"""Protein and energy for muscle recovery: targets, meal split, 7-day menu, advice, shopping.

profile -> reference weight -> protein target (g/kg and why) + energy target -> split
(per-meal grams) -> menu (CP-SAT, day by day) -> notes -> shopping list
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.catalog import Catalog
from planner.nutrition.energy import daily_energy, reference_weight
from planner.nutrition.foods import allowed_foods
from planner.nutrition.medications import medication_classes
from planner.nutrition.notes import MenuFacts, nutrition_notes
from planner.nutrition.shopping import shopping_list
from planner.nutrition.split import split_meals
from planner.nutrition.target import daily_protein_g, daily_target, has_kidney_disease
from planner.plan import NutritionPlan
from planner.profile import Profile

if TYPE_CHECKING:
    from planner.nutrition.menu import MenuResult

SHORTFALL = "Protein shortfall:"
CANNOT_MEET = "Menu cannot meet:"
MISSES_SHOWN = 3

__all__ = ["build_nutrition", "SHORTFALL", "CANNOT_MEET"]


def build_nutrition(profile: Profile, catalog: Catalog,
                    training_weekdays: list[str]) -> tuple[NutritionPlan, list[str]]:
    """The plan's nutrition section and the warnings for the plan's top-level `warnings`."""
    body = reference_weight(profile)
    g_per_kg, reason, guidance = daily_target(profile)
    if body.adjusted:
        reason += f" Worked out on the {body.words}."
    daily_g = daily_protein_g(g_per_kg, body.kg)
    energy_kcal, energy_method = daily_energy(profile, body)
    split = split_meals(profile, daily_g, body.kg)
    foods = allowed_foods(catalog, profile.nutrition.diet, profile.nutrition.avoid)
    # Late: the menu solver imports OR-Tools (0.25 s), which printing a saved plan never
    # needs, and `planner render` reaches this package through the medication classes.
    from planner.nutrition.menu import MenuRules, plan_menus

    rules = MenuRules(energy_kcal=energy_kcal, cuisine=profile.nutrition.cuisine,
                      kidney=has_kidney_disease(profile))
    menu = plan_menus(split.meals, daily_g, foods, rules)
    meals = [m if menu.leucine_met.get(m.name, True) else m.model_copy(update={"leucine_g": None})
             for m in split.meals]
    warnings = menu_warnings(profile, menu)
    facts = MenuFacts.of(menu.days, catalog.foods, leucine_met=all(menu.leucine_met.values()),
                         short_of_target=bool(menu.misses or menu.broken))
    notes = nutrition_notes(profile, split, training_weekdays, medication_classes(catalog.folder), facts)
    plan = NutritionPlan(protein_g_per_kg=g_per_kg, daily_protein_g=daily_g, meals=meals,
                         menus=menu.days, notes=notes, reason=reason,
                         under_professional_guidance=guidance, energy_kcal=energy_kcal,
                         energy_method=energy_method, cuisine=profile.nutrition.cuisine,
                         reference_weight_kg=body.kg, adjusted_body_weight=body.adjusted,
                         shopping_list=shopping_list(menu.days, catalog.foods))
    return plan, warnings


def menu_warnings(profile: Profile, menu: MenuResult) -> list[str]:
    """Never a silent miss: each rule the menu cannot keep, by name, with the days."""
    nutrition = profile.nutrition
    avoiding = f" avoiding {', '.join(nutrition.avoid)}" if nutrition.avoid else ""
    who = f"this {nutrition.diet} diet{avoiding} ({nutrition.cuisine} cuisine)"
    warnings = []
    if menu.misses:
        shown = "; ".join(menu.misses[:MISSES_SHOWN]) + (
            f"; {len(menu.misses) - MISSES_SHOWN} more" if len(menu.misses) > MISSES_SHOWN else "")
        warnings.append(f"{SHORTFALL} cannot meet the protein per meal from the food catalog for {who}; "
                        f"the menu is the closest possible ({shown}). Ask a dietitian about foods or "
                        f"supplements that close the gap.")
    for rule, days in menu.broken.items():
        if rule.startswith("protein at "):
            continue  # said above, as the protein shortfall
        warnings.append(f"{CANNOT_MEET} {rule} on day {', '.join(map(str, days))} for {who}; "
                        f"the menu shown is the closest possible. Ask a dietitian.")
    return warnings
