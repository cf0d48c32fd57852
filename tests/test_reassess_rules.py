"""Reassessment rules of issue 11 (Build 9): no harder rung on a step-down, referral,
low adherence keeps the learned exercises, a step-up changes at most 2 per session.
Each with its verifier pair (kept by the rebuilt plan, caught when broken by hand)."""

import copy
import json

import pytest

from planner.catalog import default_catalog, ladder
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.reassess import Reassessment, reassess_plan
from planner.verify import check_plan
from tests.test_reassess import MARIA

WORSE = {"grip_kg": 9, "chair_stand_5x_s": 21, "walk_6min_m": 290, "gait_speed_m_s": 0.6}
BETTER = {"grip_kg": 21, "chair_stand_5x_s": 13.5, "walk_6min_m": 400, "gait_speed_m_s": 0.9}


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.fixture(scope="module")
def plan(catalog):
    return build_plan(load_profile(MARIA), catalog)


def reassess(plan, catalog, **fields):
    data = {"date": plan.weeks[6].start.isoformat(), **fields}
    return reassess_plan(plan, Reassessment.model_validate(data), catalog)


def rungs(weeks, catalog):
    out = {}
    for w in weeks:
        for s in w.sessions:
            for e in s.exercises:
                steps = ladder(catalog, e.id)
                out[steps[0]] = max(out.get(steps[0], 0), steps.index(e.id))
    return out


@pytest.fixture(scope="module")
def stepped_down(plan, catalog):
    return reassess(plan, catalog, assessment=WORSE, tolerance="too_hard", adherence=0.9)


def test_step_down_brings_in_no_harder_rung(plan, stepped_down, catalog):
    kept = rungs(plan.weeks[:6], catalog)
    for bottom, rung in rungs(stepped_down.weeks[6:], catalog).items():
        assert rung <= kept.get(bottom, 0)


def test_step_down_plan_passes_the_verifier(plan, stepped_down):
    assert check_plan(json.loads(stepped_down.to_json()), previous=json.loads(plan.to_json())) == []


def test_step_down_with_a_harder_rung_is_caught(stepped_down, catalog):
    broken = json.loads(stepped_down.to_json())
    for week in broken["weeks"][6:]:
        for session in week["sessions"]:
            for exercise in session["exercises"]:
                harder = catalog.exercise(exercise["id"]).harder
                if harder:
                    exercise["id"] = harder
                    break
    assert "step_down_no_harder_rung" in {v.rule for v in check_plan(broken)}


def test_weight_loss_of_five_percent_refers(plan, catalog):
    new = reassess(plan, catalog, changes={"weight_kg": 58.4})  # 61.5 -> 58.4: 5.0%
    assert new.history[-1].referral and "nutrition review" in new.history[-1].referral
    assert any("medical and nutrition review" in w for w in new.warnings)


def test_two_tests_worse_refer_even_without_weight_loss(plan, catalog):
    new = reassess(plan, catalog, assessment=WORSE, changes={"weight_kg": 58.6})  # 4.7%
    assert new.history[-1].referral and "tests worse" in new.history[-1].referral


def test_no_referral_when_things_are_stable(plan, catalog):
    new = reassess(plan, catalog, assessment=BETTER, changes={"weight_kg": 60.5})
    assert new.history[-1].referral is None


def test_a_referral_without_a_review_is_caught(plan, catalog):
    new = json.loads(reassess(plan, catalog, changes={"weight_kg": 58.0}).to_json())
    new["history"][-1]["referral"] = "see someone"
    assert "referral_recorded" in {v.rule for v in check_plan(new)}


def test_low_adherence_keeps_the_learned_exercises(plan, catalog):
    new = reassess(plan, catalog, adherence=0.3)
    assert new.history[-1].decision == "step_down"
    last_kept = plan.weeks[5]
    for old, fresh in zip(last_kept.sessions, new.weeks[6].sessions):
        assert [e.id for e in fresh.exercises] == [e.id for e in old.exercises]
    loaded_before = plan.weeks[4]
    assert sum(e.sets for s in new.weeks[7].sessions for e in s.exercises) <= \
        sum(e.sets for s in loaded_before.sessions for e in s.exercises)
    assert check_plan(json.loads(new.to_json()), previous=json.loads(plan.to_json())) == []


@pytest.fixture(scope="module")
def stepped_up(plan, catalog):
    return reassess(plan, catalog, assessment=BETTER, tolerance="too_easy", adherence=0.9)


def test_step_up_changes_at_most_two_exercises_a_session(plan, stepped_up):
    assert stepped_up.history[-1].decision == "step_up"
    before = {s.weekday: {e.id for e in s.exercises} for s in plan.weeks[5].sessions}
    for session in stepped_up.weeks[6].sessions:
        ids = {e.id for e in session.exercises}
        assert max(len(ids - before[session.weekday]), len(before[session.weekday] - ids)) <= 2


def test_step_up_changing_three_is_caught(stepped_up, catalog):
    broken = json.loads(stepped_up.to_json())
    kept_ids = {e["id"] for s in broken["weeks"][5]["sessions"] for e in s["exercises"]}
    spare = [e for e in sorted(catalog.exercises) if e not in kept_ids][:3]
    session = broken["weeks"][8]["sessions"][0]
    for index, new_id in enumerate(spare):
        session["exercises"][index]["id"] = new_id
    assert "step_up_changes" in {v.rule for v in check_plan(broken)}
