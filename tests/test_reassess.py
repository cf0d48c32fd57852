"""Reassessment: kept weeks identical, rebuilt weeks step up / repeat / step down."""

import json

import pytest

from planner.catalog import default_catalog
from planner.errors import InputError, SafetyRefusal
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.reassess import Reassessment, reassess_plan
from planner.verify import check_plan
from tests.test_pipeline import EXAMPLES

MARIA = next(p for p in EXAMPLES if p.stem.startswith("maria"))


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_profile(MARIA), default_catalog())


def reassess(plan, **fields):
    data = {"date": plan.weeks[6].start.isoformat(), **fields}
    return reassess_plan(plan, Reassessment.model_validate(data), default_catalog())


def total_sets(week):
    return sum(e.sets for s in week.sessions for e in s.exercises)


def top_effort(week):
    return max(e.effort_rpe for s in week.sessions for e in s.exercises)


OUTCOMES = {
    "improved": dict(assessment={"grip_kg": 21, "chair_stand_5x_s": 13.5, "walk_6min_m": 400,
                                 "gait_speed_m_s": 0.9}, tolerance="good", adherence=0.9),
    "unchanged": dict(assessment={"grip_kg": 15, "chair_stand_5x_s": 16.8, "walk_6min_m": 350,
                                  "gait_speed_m_s": 0.72}, tolerance="good", adherence=0.8),
    "worse": dict(assessment={"grip_kg": 9, "chair_stand_5x_s": 21, "walk_6min_m": 290,
                              "gait_speed_m_s": 0.6}, tolerance="too_hard", adherence=0.4),
}
DECISION = {"improved": "step_up", "unchanged": "repeat", "worse": "step_down"}


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_reassess_at_week_seven_three_ways(plan, outcome):
    new = reassess(plan, **OUTCOMES[outcome])
    assert new.version == 2 and [h.version for h in new.history] == [1, 2]
    assert new.history[-1].decision == DECISION[outcome] and new.history[-1].rebuilt_from_week == 7
    old_json, new_json = json.loads(plan.to_json()), json.loads(new.to_json())
    assert new_json["weeks"][:6] == old_json["weeks"][:6]
    assert check_plan(new_json, previous=old_json) == []
    old_week, new_week = plan.weeks[6], new.weeks[6]
    if outcome == "worse":
        assert total_sets(new_week) < total_sets(old_week) or top_effort(new_week) < top_effort(old_week)
        assert any("stepped down" in w for w in new.warnings)
    elif outcome == "improved":
        old_ids = {e.id for s in old_week.sessions for e in s.exercises}
        new_ids = {e.id for s in new_week.sessions for e in s.exercises}
        assert top_effort(new_week) >= top_effort(old_week)
        assert new_ids != old_ids or top_effort(new_week) > top_effort(old_week)
    else:
        assert total_sets(new_week) == total_sets(old_week)
    assert len(new.assessments) == len(plan.assessments) + 1


def test_weight_change_updates_protein(plan):
    new = reassess(plan, changes={"weight_kg": 70})
    assert new.nutrition.daily_protein_g > plan.nutrition.daily_protein_g


def test_new_days_rebuild_on_those_days(plan):
    new = reassess(plan, changes={"days": ["tue", "thu", "sat"]})
    assert {s.weekday for w in new.weeks[6:] for s in w.sessions} <= {"tue", "thu", "sat"}
    assert check_plan(json.loads(new.to_json()), previous=json.loads(plan.to_json())) == []


def test_red_flag_stops_reassessment(plan):
    with pytest.raises(SafetyRefusal):
        reassess(plan, red_flags=["chest_pain"])


def test_date_after_last_week_is_refused(plan):
    with pytest.raises(InputError):
        reassess_plan(plan, Reassessment.model_validate({"date": "2028-01-01"}), default_catalog())


def test_second_reassessment_extends_history(plan):
    second = reassess(plan, **OUTCOMES["unchanged"])
    third = reassess_plan(second, Reassessment.model_validate({"date": plan.weeks[9].start.isoformat()}),
                          default_catalog())
    assert [h.version for h in third.history] == [1, 2, 3]
    assert json.loads(third.to_json())["weeks"][:9] == json.loads(second.to_json())["weeks"][:9]
