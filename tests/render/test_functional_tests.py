"""The tests on the sheet flag exactly where planner.assessment flags, by the client's sex."""

import pytest

from planner import assessment
from planner.profile import Assessment
from planner.render.functional_tests import FUNCTIONAL_TESTS, predicted_walk_text
from tests.render.plan_factory import make_plan, make_profile

BY_KEY = {test.key: test for test in FUNCTIONAL_TESTS}


def test_grip_cut_off_depends_on_sex():
    grip = BY_KEY["grip_kg"]
    assert grip.cutoff("female") == "below 16 kg" and grip.cutoff("male") == "below 27 kg"
    assert grip.flagged(20.0, "male") and not grip.flagged(20.0, "female")


@pytest.mark.parametrize("key, value", [
    ("grip_kg", 15.9), ("grip_kg", 16.0), ("chair_stand_5x_s", 15.0), ("chair_stand_5x_s", 15.1),
    ("gait_speed_m_s", 0.8), ("gait_speed_m_s", 0.81), ("sppb_points", 9), ("sppb_points", 10),
    ("timed_up_and_go_s", 11.9), ("timed_up_and_go_s", 12.0), ("walk_6min_m", 399), ("walk_6min_m", 400),
])
def test_sheet_flags_agree_with_the_plans_flags(key, value):
    profile = make_profile(weeks=8)
    flags = assessment.flags(Assessment(**{key: value}), profile)
    # The plan may add a second walk flag (share of the predicted distance); the sheet marks a
    # test the plan flags by its EWGSOP2 cut-off or its falls-risk cut-off (CDC STEADI).
    cut_off_flags = [f for f in flags if "predicted" not in f]
    assert BY_KEY[key].flagged(value, "female") == bool(cut_off_flags)


def test_every_test_says_how_to_do_it():
    assert all(len(test.how) > 60 for test in FUNCTIONAL_TESTS)
    assert {"grip_kg", "chair_stand_5x_s", "walk_6min_m", "gait_speed_m_s", "timed_up_and_go_s",
            "sppb_points"} == set(BY_KEY)


def test_predicted_walk_needs_a_height(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    assert "predicted" in predicted_walk_text(plan)
    short = plan.model_copy(update={"assessments": [], "profile": plan.profile.model_copy(update={
        "client": plan.profile.client.model_copy(update={"height_cm": None})})})
    assert predicted_walk_text(short) is None
