"""What the rules read from the plan: targets, grades, the rebuilt weeks."""

from planner.verify.facts import PlanFacts
from planner.verify.reference import load_reference

from .factory import ALL_MUSCLES, CATALOG_DIR, make_plan, reassess

REFERENCE = load_reference(CATALOG_DIR)


def facts_of(plan: dict) -> PlanFacts:
    return PlanFacts(plan, REFERENCE)


def test_targets_leave_out_muscles_graded_0_or_1():
    plan = make_plan()
    plan["profile"]["strength"] = {"forearms": 1, "calves": 0, "core": 2}
    assert facts_of(plan).target_muscles == tuple(m for m in ALL_MUSCLES if m not in ("forearms", "calves"))


def test_targets_in_als_leave_out_muscles_below_grade_3():
    plan = make_plan()
    plan["profile"]["condition"], plan["profile"]["neurogenic_cause"] = "neurogenic", "als"
    plan["profile"]["strength"] = {"core": 2, "chest": 3}
    targets = facts_of(plan).target_muscles
    assert "core" not in targets and "chest" in targets


def test_targets_all_and_missing_key_mean_every_muscle():
    plan = make_plan()
    plan["profile"]["targets"] = ["all"]
    assert facts_of(plan).target_muscles == tuple(ALL_MUSCLES)
    del plan["profile"]["targets"]
    assert facts_of(plan).target_muscles == tuple(ALL_MUSCLES)


def test_ungraded_muscle_is_normal():
    assert facts_of(make_plan()).grade("chest") == 5


def test_all_weeks_judged_before_any_reassessment():
    assert facts_of(make_plan()).rebuilt_from_week == 1


def test_rebuilt_weeks_follow_the_history_or_the_date():
    plan = reassess(make_plan(), at_week=6)
    assert [w["week"] for w in facts_of(plan).judged_weeks] == [6, 7, 8]
    plan["history"][-1]["rebuilt_from_week"] = None
    assert facts_of(plan).rebuilt_from_week == 6


def test_condition_rule_prefers_the_cause():
    plan = make_plan()
    plan["profile"]["condition"], plan["profile"]["neurogenic_cause"] = "neurogenic", "als"
    assert facts_of(plan).condition_rule.id == "als"
    plan["profile"]["neurogenic_cause"] = "other"
    assert facts_of(plan).condition_rule.id == "neurogenic"
