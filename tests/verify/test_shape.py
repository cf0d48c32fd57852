"""The shape check: keys the rules read, with their types."""

from planner.verify.shape import plan_shape_problems

from .factory import make_plan


def test_valid_plan_has_the_shape():
    assert plan_shape_problems(make_plan()) == []


def test_extra_keys_are_allowed_beside_the_contract():
    plan = make_plan()
    plan["clinic_reference"] = "X-1"
    plan["weeks"][0]["sessions"][0]["exercises"][0]["video"] = "https://example.org"
    assert plan_shape_problems(plan) == []


def test_booleans_are_not_numbers_and_numbers_not_booleans():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["exercises"][0]["sets"] = True
    plan["nutrition"]["daily_protein_g"] = False
    problems = plan_shape_problems(plan)
    assert len(problems) == 2 and all("should be a" in p for p in problems)


def test_words_outside_the_vocabulary_are_named():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["exercises"][0]["primary_muscles"] = ["quads"]
    plan["profile"]["schedule"]["days"] = ["monday"]
    problems = plan_shape_problems(plan)
    assert any("'quads'" in p for p in problems) and any("'monday'" in p for p in problems)


def test_bad_dates_and_short_reps_are_named():
    plan = make_plan()
    plan["weeks"][1]["start"] = "2026-12-32"
    plan["weeks"][1]["sessions"][0]["exercises"][0]["reps"] = [10]
    plan["history"] = []
    problems = plan_shape_problems(plan)
    assert "plan.weeks[1].start should be a date like 2026-12-07, not '2026-12-32'" in problems
    assert any("reps should hold exactly 2" in p for p in problems)
    assert any(p.startswith("plan.history should hold at least 1") for p in problems)


def test_a_session_without_exercises_is_not_a_session():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["exercises"] = []
    assert len(plan_shape_problems(plan)) == 1


def test_counts_and_dates_are_kept_within_reach():
    plan = make_plan()
    plan["profile"]["schedule"]["weeks"] = 10**12
    plan["weeks"][0]["start"] = "9999-12-31"
    problems = plan_shape_problems(plan)
    assert any("schedule.weeks is 1000000000000" in p for p in problems)
    assert any("outside the years" in p for p in problems)
