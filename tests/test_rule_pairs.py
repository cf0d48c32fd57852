"""Each hard rule in pairs: a generated plan keeps it; the same plan broken by hand is caught.

The solver (planner/solver) and the verifier (planner/verify) share no code, so
each rule is enforced by one and caught by the other.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.verify import check_plan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def plan():
    made = build_plan(load_profile(EXAMPLES / "maria-sarcopenia.yaml"), default_catalog())
    return json.loads(made.to_json())


def rules_broken(plan: dict) -> set[str]:
    return {v.rule for v in check_plan(plan)}


def move_session(session: dict, days: int) -> None:
    new = dt.date.fromisoformat(session["date"]) + dt.timedelta(days=days)
    session["date"], session["weekday"] = new.isoformat(), new.strftime("%a").lower()


def break_training_days(plan):
    move_session(plan["weeks"][2]["sessions"][1], 1)          # wed -> thu, not a training day


def break_sessions_per_week(plan):
    del plan["weeks"][3]["sessions"][2]                        # 2 sessions is still allowed...
    del plan["weeks"][3]["sessions"][1]                        # ...but 1 is not


def break_target_frequency(plan):
    session = plan["weeks"][1]["sessions"][0]
    keep = [e for e in session["exercises"] if "quadriceps" not in e["primary_muscles"]]
    session["exercises"] = keep
    session["muscle_groups"] = sorted({m for e in keep for m in e["primary_muscles"]})
    for other in plan["weeks"][1]["sessions"][1:]:
        other["exercises"] = [e for e in other["exercises"] if "quadriceps" not in e["primary_muscles"]]
        other["muscle_groups"] = sorted({m for e in other["exercises"] for m in e["primary_muscles"]})


def break_rest(plan):
    first, second = plan["weeks"][4]["sessions"][:2]
    second["exercises"], second["muscle_groups"] = first["exercises"], first["muscle_groups"]
    move_session(second, -1)                                   # the day after the first


def break_time_limit(plan):
    session = plan["weeks"][8]["sessions"][0]
    for item in session["exercises"]:
        item["rest_s"] = 300
    session["minutes"] = 200


def break_eligibility(plan):
    catalog = default_catalog()
    pool = next(e for e in catalog.exercises.values() if e.modality == "aquatic")
    item = plan["weeks"][0]["sessions"][0]["exercises"][0]
    item.update(id=pool.id, name=pool.name, modality="aquatic", equipment=list(pool.equipment),
                primary_muscles=list(pool.primary_muscles), alternatives=[])


def break_effort_cap(plan):
    plan["weeks"][9]["sessions"][0]["exercises"][0]["effort_rpe"] = 9


def _menu_meal(plan, day: int, name: str) -> dict:
    return next(m for m in plan["nutrition"]["menus"][day - 1]["meals"] if m["name"] == name)


def _fills(food: dict, slot: str) -> bool:
    return slot in default_catalog().foods[food["id"]].slots


def break_meal_template(plan):
    lunch = _menu_meal(plan, 1, "lunch")
    lunch["foods"] = [f for f in lunch["foods"] if not _fills(f, "staple")]


def break_meal_protein(plan):
    breakfast = _menu_meal(plan, 2, "breakfast")
    breakfast["foods"] = [f for f in breakfast["foods"] if not _fills(f, "protein")]


def break_portion_bounds(plan):
    food = _menu_meal(plan, 1, "breakfast")["foods"][0]
    food["portion_g"] = default_catalog().foods[food["id"]].max_g + 50


def break_energy_band(plan):
    plan["nutrition"]["energy_kcal"] *= 1.5


def break_main_protein(plan):
    lunch, dinner = _menu_meal(plan, 3, "lunch"), _menu_meal(plan, 3, "dinner")
    dinner["foods"] = copy.deepcopy(lunch["foods"])


def break_allergens(plan):
    served = _menu_meal(plan, 1, "lunch")["foods"]
    carried = [a for f in served for a in default_catalog().foods[f["id"]].allergens]
    plan["profile"]["nutrition"]["avoid"] = [carried[0] if carried else "fish"]
    if not carried:
        served.append(copy.deepcopy(served[0]) | {"id": "salmon", "name": "Salmon fillet, baked"})


def break_leucine(plan):
    plan["nutrition"]["meals"][0]["leucine_g"] = 9.0


def break_advice(plan):
    plan["profile"]["nutrition"]["avoid"] = ["lactose"]
    plan["nutrition"]["notes"].append("Calcium: milk, yogurt or cheese every day.")


def break_shopping_list(plan):
    plan["nutrition"]["shopping_list"] = []


BREAKS = {
    "meal_template": break_meal_template,
    "meal_protein_sum": break_meal_protein,
    "portion_bounds": break_portion_bounds,
    "day_energy_band": break_energy_band,
    "main_protein_once": break_main_protein,
    "food_allergens": break_allergens,
    "leucine_printed": break_leucine,
    "advice_fits": break_advice,
    "shopping_list_covers_menu": break_shopping_list,
    "training_days": break_training_days,
    "sessions_per_week": break_sessions_per_week,
    "target_frequency": break_target_frequency,
    "rest_48h": break_rest,
    "session_time_limit": break_time_limit,
    "equipment_at_hand": break_eligibility,
    "effort_cap": break_effort_cap,
}


def test_generated_plan_keeps_every_rule(plan):
    assert rules_broken(plan) == set()


@pytest.mark.parametrize("rule", BREAKS)
def test_hand_broken_plan_is_caught(plan, rule):
    broken = copy.deepcopy(plan)
    BREAKS[rule](broken)
    assert rule in rules_broken(broken)
