"""planner.nutrition.build_nutrition: the plan section end to end, and the property that every
menu meets the 10% rules or says so with a "Protein shortfall:" warning."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import InputError
from planner.nutrition import build_nutrition
from planner.profile import Screening
from planner.verify import nutrition as verify_nutrition
from planner.verify.facts import PlanFacts
from planner.verify.reference import load_reference

from nutrition_factories import DIET_ORDER, SHORTFALL, band_problems, food_catalog, menu_problems, profile

ALLERGENS = ["gluten", "crustaceans", "molluscs", "egg", "fish", "peanuts", "tree_nuts", "soy", "milk",
             "celery", "mustard", "sesame", "sulphites", "lupin", "lactose", "dairy", "shellfish", "nuts"]
CUISINES = ["general", "brazilian", "mediterranean", "british", "north_american", "latin_american",
            "south_asian", "east_asian"]
CANNOT_MEET = "Menu cannot meet:"


def undeclared(problems: list[str], warnings: list[str]) -> list[str]:
    """The problems no warning names: a shortfall excuses 'band:', a 'Menu cannot meet:'
    warning the rule it names."""
    declared = " ".join(w for w in warnings if w.startswith(CANNOT_MEET))
    shortfall = any(w.startswith(SHORTFALL) for w in warnings)
    excused = {"band:": shortfall, "cap:": "protein cap at" in declared,
               "energy:": "the daily energy band" in declared, "template:": "template" in declared}
    return [p for p in problems if not any(p.startswith(k) and ok for k, ok in excused.items())]
TRAINING = ["mon", "wed", "fri"]


def test_plan_section_for_an_ordinary_client():
    prof = profile(weight_kg=70)
    plan, warnings = build_nutrition(prof, food_catalog(), TRAINING)
    assert plan.protein_g_per_kg == 1.2 and plan.daily_protein_g == 84
    assert plan.reason and not plan.under_professional_guidance
    assert sum(m.protein_g for m in plan.meals) == plan.daily_protein_g
    assert [m.name for m in plan.meals if m.after_session] == ["lunch"]
    assert menu_problems(plan, prof, food_catalog(), plan.energy_kcal) == []
    assert plan.energy_kcal and plan.energy_method and plan.shopping_list
    assert verifier_findings(prof, plan, warnings) == []
    assert warnings == []
    assert plan.notes


def test_older_adult_over_1_5_is_printed_under_professional_guidance():
    plan, _ = build_nutrition(profile(age=79, nutrition={"protein_g_per_kg": 1.8}), food_catalog(), TRAINING)
    assert plan.under_professional_guidance and "under professional guidance" in plan.reason


def test_kidney_disease_without_a_value_refuses():
    with pytest.raises(InputError, match="nephrology"):
        build_nutrition(profile().model_copy(update={"screening": Screening(conditions=["ckd"])}),
                        food_catalog(), TRAINING)


def test_kidney_disease_with_a_value_keeps_it_and_meets_it():
    prof = profile(weight_kg=68, screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": 0.6})
    plan, warnings = build_nutrition(prof, food_catalog(), TRAINING)
    assert plan.protein_g_per_kg == 0.6 and plan.daily_protein_g == 41
    assert menu_problems(plan, prof, food_catalog(), plan.energy_kcal, kidney=True) == [] and warnings == []
    assert any("potassium" in n and "phosphate" in n for n in plan.notes)


def test_an_unreachable_target_carries_the_shortfall_warning():
    prof = profile(weight_kg=290, active=True, nutrition={
        "diet": "vegan", "avoid": ["soy", "gluten", "nuts", "peanuts"], "meals_per_day": 3})
    plan, warnings = build_nutrition(prof, food_catalog(), TRAINING)
    assert band_problems(menu_problems(plan, prof, food_catalog()))
    shortfall = [w for w in warnings if w.startswith(SHORTFALL)]
    assert len(shortfall) == 1 and "vegan" in shortfall[0] and "soy" in shortfall[0]


def test_same_profile_same_section():
    prof = profile(weight_kg=64, age=70, nutrition={"diet": "vegetarian", "avoid": ["egg"]})
    first = build_nutrition(prof, food_catalog(), TRAINING)
    second = build_nutrition(prof, food_catalog(), TRAINING)
    assert first[0].model_dump_json() == second[0].model_dump_json() and first[1] == second[1]


clients = st.fixed_dictionaries({
    "weight_kg": st.floats(30, 300).map(lambda w: round(w, 1)),
    "age": st.integers(18, 100),
    "active": st.booleans(),
    "diet": st.sampled_from(DIET_ORDER),
    "avoid": st.lists(st.sampled_from(ALLERGENS), unique=True, max_size=5),
    "meals_per_day": st.integers(3, 6),
    "cuisine": st.sampled_from(CUISINES),
    "override": st.one_of(st.none(), st.floats(0.5, 2.2).map(lambda g: round(g, 2))),
})


def verifier_findings(prof, plan, warnings) -> list[str]:
    """What `planner check`'s own nutrition rules (independent code) find in this section."""
    document = {"profile": prof.model_dump(mode="json"), "weeks": [], "history": [],
                "nutrition": plan.model_dump(mode="json"), "warnings": warnings}
    facts = PlanFacts(document, load_reference())
    return [f"{rule.__name__}: {finding}" for rule in verify_nutrition.RULES for finding in rule(facts)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clients)
def test_every_menu_meets_the_rules_or_declares_a_shortfall(client):
    too_much = client["override"] is not None and client["override"] > 0.55 * client["meals_per_day"]
    try:
        prof = profile(weight_kg=client["weight_kg"], age=client["age"], active=client["active"],
                       nutrition={"diet": client["diet"], "avoid": client["avoid"], "cuisine": client["cuisine"],
                                  "meals_per_day": client["meals_per_day"],
                                  "protein_g_per_kg": client["override"]})
    except ValidationError as refused:
        # The profile itself refuses a clinician value too high for the meal count.
        assert too_much and "meals" in str(refused)
        return
    assert not too_much
    try:
        plan, warnings = build_nutrition(prof, food_catalog(), TRAINING)
    except InputError as refused:
        # Only a clinician value too high for the meal count is refused.
        assert refused.key == "nutrition.meals_per_day"
        assert client["override"] is not None
        # At the cap exactly, the day's protein rounded to half a gram may tip over it.
        assert client["override"] * prof.weight_kg > 0.55 * prof.weight_kg * client["meals_per_day"] - 0.5
        return
    assert verifier_findings(prof, plan, warnings) == []
    problems = menu_problems(plan, prof, food_catalog(), plan.energy_kcal)
    if any(w.startswith(SHORTFALL) for w in warnings):
        assert band_problems(problems), "a shortfall warning without a shortfall"
    assert undeclared(problems, warnings) == []
    assert not [p for p in problems if "carries" in p]   # never an avoided allergen, warning or not
    assert sum(m.protein_g for m in plan.meals) == plan.daily_protein_g
    assert max(m.protein_g for m in plan.meals) <= 0.55 * prof.weight_kg
