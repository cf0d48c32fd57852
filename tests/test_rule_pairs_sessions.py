"""Round-2 session rules in pairs: the generated plan keeps them; broken by hand, the verifier catches them."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.verify import check_plan

POOL_DAY = Path(__file__).resolve().parent / "data" / "profiles" / "pool-day.yaml"


@pytest.fixture(scope="module")
def plan():
    return json.loads(build_plan(load_profile(POOL_DAY), default_catalog()).to_json())


def rules_broken(plan: dict) -> set[str]:
    return {v.rule for v in check_plan(plan)}


def _session(plan, weekday, week=2):
    return next(s for s in plan["weeks"][week]["sessions"] if s["weekday"] == weekday)


def break_whole_sessions(plan):
    land, pool = _session(plan, "mon"), _session(plan, "wed")
    pool["exercises"].append(copy.deepcopy(land["exercises"][0]))   # a land exercise in the pool


def break_pool_days(plan):
    _session(plan, "wed")["setting"] = "land"
    _session(plan, "wed")["exercises"] = copy.deepcopy(_session(plan, "mon")["exercises"])


def break_exercise_count(plan):
    session = _session(plan, "fri")
    while len(session["exercises"]) <= 6:
        session["exercises"].append(copy.deepcopy(session["exercises"][-1]))


def break_warm_up(plan):
    _session(plan, "mon")["warm_up"] = [{"name": "March on the spot", "minutes": 1}]


def break_aerobic(plan):
    plan["weeks"][3]["aerobic"]["mode"] = "water_walk"
    plan["profile"]["equipment"] = [e for e in plan["profile"]["equipment"] if e != "pool"]
    plan["profile"]["schedule"]["pool_days"] = []


def break_power(plan):
    plan["profile"]["condition"] = "neurogenic"
    plan["profile"]["neurogenic_cause"] = "other"
    plan["weeks"][5]["sessions"][0]["exercises"][0]["component"] = "power"


def break_reachable_effort(plan):
    for session in plan["weeks"][5]["sessions"]:
        for exercise in session["exercises"]:
            if exercise["id"] == "seated-wrist-lift":
                exercise["effort_rpe"] = 7


def break_week_to_week(plan):
    swap = {"pool-water-dumbbell-carry": "pool-noodle-wring", "pool-jog": "pool-walk",
            "pool-water-dumbbell-fly": "pool-chest-sweep"}
    for exercise in _session(plan, "wed", week=3)["exercises"]:
        exercise["id"] = swap.get(exercise["id"], exercise["id"])


BREAKS = {
    "whole_sessions": break_whole_sessions,
    "pool_days_kept": break_pool_days,
    "exercises_per_session": break_exercise_count,
    "warm_up_and_cool_down": break_warm_up,
    "aerobic_prescription": break_aerobic,
    "power_not_neurogenic": break_power,
    "reachable_effort": break_reachable_effort,
    "week_to_week_changes": break_week_to_week,
}


def test_generated_pool_day_plan_keeps_every_rule(plan):
    assert rules_broken(plan) == set()


@pytest.mark.parametrize("rule", BREAKS)
def test_hand_broken_plan_is_caught(plan, rule):
    broken = copy.deepcopy(plan)
    BREAKS[rule](broken)
    assert rule in rules_broken(broken)


def test_seated_client_walking_is_caught(plan):
    broken = copy.deepcopy(plan)
    broken["profile"]["limitations"] = ["seated_only"]
    assert "aerobic_prescription" in rules_broken(broken)
