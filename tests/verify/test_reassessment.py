"""Reassessment rules: history records the rebuild; kept weeks stay exactly as they were."""

from .factory import make_plan, reassess, violations


def test_rebuild_recorded_satisfied():
    assert violations(reassess(make_plan(), at_week=6, decision="step_up"), "rebuild_recorded") == []


def test_rebuild_recorded_violated_by_decision():
    plan = reassess(make_plan(), decision="better")
    found = violations(plan, "rebuild_recorded")
    assert len(found) == 1 and "'better'" in found[0].message


def test_rebuild_recorded_violated_by_wrong_first_week():
    plan = reassess(make_plan(), at_week=5)
    plan["history"][-1]["rebuilt_from_week"] = 4
    found = violations(plan, "rebuild_recorded")
    assert len(found) == 1 and "week 5" in found[0].message


def test_previous_version_satisfied():
    old = make_plan()
    assert violations(reassess(old), "previous_version", previous=old) == []


def test_previous_version_violated_by_version_gap():
    old = make_plan()
    new = reassess(reassess(old))
    messages = [v.message for v in violations(new, "previous_version", previous=old)]
    assert len(messages) == 2 and "does not follow" in messages[0]


def test_previous_version_violated_by_rewritten_history():
    old = make_plan()
    new = reassess(old)
    new["history"][0]["date"] = "2026-11-30"
    assert len(violations(new, "previous_version", previous=old)) == 1


def test_previous_version_not_judged_without_previous():
    new = reassess(reassess(make_plan()))
    assert violations(new, "previous_version") == []


def test_kept_weeks_unchanged_satisfied_when_only_rebuilt_weeks_change():
    old = make_plan()
    new = reassess(old, days=["tue", "thu", "sat"])
    new["weeks"][5]["sessions"][0]["exercises"][0]["effort_rpe"] = 6
    assert violations(new, "kept_weeks_unchanged", previous=old) == []


def test_kept_weeks_unchanged_violated():
    old = make_plan()
    new = reassess(old)
    new["weeks"][1]["sessions"][2]["exercises"][4]["effort_rpe"] = 6
    found = violations(new, "kept_weeks_unchanged", previous=old)
    assert [v.week for v in found] == [2]
    assert "sessions[2].exercises[4].effort_rpe" in found[0].message


def test_kept_weeks_unchanged_violated_by_number_type():
    old = make_plan()
    old["weeks"][0]["sessions"][0]["exercises"][0]["note"] = 1
    new = reassess(old)
    new["weeks"][0]["sessions"][0]["exercises"][0]["note"] = 1.0  # equal in Python, not in JSON
    assert [v.week for v in violations(new, "kept_weeks_unchanged", previous=old)] == [1]
