"""Whole generation on the example profiles: the plan has the contract's shape and keeps the rules."""

import datetime as dt
import json
from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.errors import Infeasible, SafetyRefusal
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.verify import check_plan
from tests.factories import make_profile

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def plans():
    return {path.stem: build_plan(load_profile(path), default_catalog()) for path in EXAMPLES}


def test_there_are_examples():
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_plan_passes_the_independent_check(plans, path):
    plan = plans[path.stem]
    violations = check_plan(json.loads(plan.to_json()))
    assert violations == [], "\n".join(map(str, violations))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_plan_shape(plans, path):
    plan = plans[path.stem]
    profile = plan.profile
    assert len(plan.weeks) == profile.schedule.weeks
    assert plan.weeks[0].start == profile.schedule.start
    assert plan.solver["status"] == "OPTIMAL"
    assert plan.stop_rules and plan.history[-1].version == plan.version == 1
    phases = [w.phase for w in plan.weeks]
    assert phases[0] == "familiarisation" and phases[-1] == "consolidate"
    def hardness(week):
        sets = sum(e.sets for s in week.sessions for e in s.exercises)
        return sets, max(e.effort_rpe for s in week.sessions for e in s.exercises)
    (first_sets, first_effort), (last_sets, last_effort) = hardness(plan.weeks[0]), hardness(plan.weeks[-1])
    assert last_sets > first_sets or last_effort > first_effort
    for week in plan.weeks:
        for session in week.sessions:
            assert session.minutes <= profile.schedule.minutes_per_session
            for item in session.exercises:
                assert item.effort_rpe <= 8


def test_same_profile_same_bytes():
    profile = load_profile(EXAMPLES[0])
    assert build_plan(profile, default_catalog()).to_json() == build_plan(profile, default_catalog()).to_json()


def test_red_flag_refuses():
    with pytest.raises(SafetyRefusal):
        build_plan(make_profile(screening={"red_flags": ["chest_pain"]}), default_catalog())


def test_consecutive_days_refused_with_the_days_named():
    with pytest.raises(Infeasible) as caught:
        build_plan(make_profile(schedule={"days": ["sat", "sun"]}), default_catalog())
    assert "sat, sun" in str(caught.value)


def test_affected_leg_gets_one_sided_work(plans):
    name = next(p.stem for p in EXAMPLES if "cast" in p.stem)
    plan = plans[name]
    unilateral = [e for s in plan.weeks[0].sessions for e in s.exercises if e.unilateral]
    assert any({"quadriceps", "glutes", "hamstrings", "calves"} & set(e.primary_muscles) for e in unilateral)
