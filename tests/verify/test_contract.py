"""Contract rules: shape, numbering, dates, catalog copies and dose form."""

import datetime as dt

from .factory import EXERCISES, make_plan, planned, reassess, refresh, session, violations


def test_valid_plan_breaks_no_rule():
    assert violations(make_plan()) == []


def test_plan_shape_satisfied_with_defaulted_profile_keys_missing():
    plan = make_plan()
    for key in ("equipment", "limitations", "targets", "strength", "screening"):
        del plan["profile"][key]
    del plan["profile"]["schedule"]["minutes_per_session"]
    assert violations(plan, "plan_shape") == []


def test_plan_shape_violated_stops_other_rules():
    plan = make_plan()
    del plan["weeks"][1]["sessions"][0]["minutes"]
    plan["weeks"][2]["sessions"][0]["exercises"][0]["reps"] = "10-12"
    plan["weeks"][3]["deload"] = 1  # an integer is not a boolean
    found = violations(plan)
    assert {v.rule for v in found} == {"plan_shape"}
    messages = " | ".join(v.message for v in found)
    assert "plan.weeks[1].sessions[0].minutes is missing" in messages
    assert "plan.weeks[2].sessions[0].exercises[0].reps should be a list" in messages
    assert "plan.weeks[3].deload should be a boolean" in messages


def test_plan_format_satisfied():
    assert violations(make_plan(), "plan_format") == []


def test_plan_format_violated():
    plan = make_plan()
    plan["format"] = "planner.plan/2"
    assert len(violations(plan, "plan_format")) == 1


def test_version_matches_history_satisfied_after_reassessment():
    assert violations(reassess(make_plan()), "version_matches_history") == []


def test_version_matches_history_violated():
    plan = make_plan()
    plan["version"] = 2
    assert len(violations(plan, "version_matches_history")) == 1


def test_history_versions_satisfied():
    assert violations(reassess(reassess(make_plan(), at_week=3), at_week=5), "history_versions") == []


def test_history_versions_violated():
    plan = reassess(make_plan())
    plan["history"][1]["version"] = 3
    plan["version"] = 3
    plan["history"][0]["action"] = "reassess"
    assert len(violations(plan, "history_versions")) == 2


def test_week_numbering_satisfied():
    assert violations(make_plan(), "week_numbering") == []


def test_week_numbering_violated_by_missing_week():
    plan = make_plan()
    del plan["weeks"][-1]
    assert len(violations(plan, "week_numbering")) == 1


def test_week_numbering_violated_by_length_other_than_asked():
    plan = make_plan()
    plan["profile"]["schedule"]["weeks"] = 10
    assert len(violations(plan, "week_numbering")) == 1


def test_week_start_satisfied():
    assert violations(make_plan(), "week_start") == []


def test_week_start_violated():
    plan = make_plan()
    plan["weeks"][2]["start"] = "2026-12-22"
    found = violations(plan, "week_start")
    assert [(v.week, "2026-12-21" in v.message) for v in found] == [(3, True)]


def test_session_order_satisfied():
    assert violations(make_plan(), "session_order") == []


def test_session_order_violated_by_order_and_repeat():
    plan = make_plan()
    sessions = plan["weeks"][1]["sessions"]
    sessions[0], sessions[1] = sessions[1], sessions[0]
    plan["weeks"][2]["sessions"][1]["date"] = plan["weeks"][2]["sessions"][0]["date"]
    found = violations(plan, "session_order")
    assert {v.week for v in found} == {2, 3}


def test_session_in_week_satisfied_on_last_day_of_week():
    plan = make_plan()
    plan["weeks"][0]["sessions"][2] = session(dt.date(2026, 12, 13), plan["weeks"][0]["sessions"][2]["exercises"])
    assert violations(plan, "session_in_week") == []


def test_session_in_week_violated():
    plan = make_plan()
    plan["weeks"][0]["sessions"][2] = session(dt.date(2026, 12, 14), plan["weeks"][0]["sessions"][2]["exercises"])
    found = violations(plan, "session_in_week")
    assert [(v.week, v.date) for v in found] == [(1, "2026-12-14")]


def test_weekday_matches_date_satisfied():
    assert violations(make_plan(), "weekday_matches_date") == []


def test_weekday_matches_date_violated():
    plan = make_plan()
    plan["weeks"][0]["sessions"][1]["weekday"] = "thu"
    found = violations(plan, "weekday_matches_date")
    assert len(found) == 1 and "wed" in found[0].message


def test_session_muscle_groups_satisfied_in_any_order():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["muscle_groups"].reverse()
    assert violations(plan, "session_muscle_groups") == []


def test_session_muscle_groups_violated():
    plan = make_plan()
    first = plan["weeks"][0]["sessions"][0]
    first["muscle_groups"].remove("chest")
    first["muscle_groups"].append("core")
    second = plan["weeks"][0]["sessions"][1]
    second["exercises"] = [e for e in second["exercises"] if e["id"] != "towel-wring"]
    found = violations(plan, "session_muscle_groups")
    assert {(v.date, v.muscle) for v in found} == {("2026-12-07", "chest"), ("2026-12-07", None),
                                                   ("2026-12-09", "forearms")}


def test_exercise_matches_catalog_satisfied():
    assert violations(make_plan(), "exercise_matches_catalog") == []


def test_exercise_matches_catalog_violated():
    plan = make_plan()
    exercises = plan["weeks"][0]["sessions"][0]["exercises"]
    exercises[0]["name"] = "Chair squat"
    exercises[1]["primary_muscles"] = ["glutes"]
    exercises[2]["equipment"] = []
    exercises[3]["alternatives"][0]["modality"] = "seated"
    exercises[4]["unilateral"] = True
    exercises[5]["modality"] = "seated"
    found = violations(plan, "exercise_matches_catalog")
    assert len(found) == 6


def test_dose_shape_satisfied_with_hold_and_equal_reps():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["exercises"][0]["reps"] = [12, 12]
    assert EXERCISES["plank-hold"]["dose"] == "hold"
    assert violations(plan, "dose_shape") == []


def test_dose_shape_violated():
    plan = make_plan()
    exercises = plan["weeks"][0]["sessions"][0]["exercises"]
    exercises[0]["reps"] = [12, 10]
    exercises[1]["hold_s"] = 20
    exercises[2]["reps"] = None
    exercises[5]["reps"], exercises[5]["hold_s"] = [10, 12], None  # the plank is held, not repeated
    exercises[3]["sets"] = 0
    found = violations(plan, "dose_shape")
    assert len(found) == 5
    assert any("catalog doses it as hold" in v.message for v in found)


def test_dose_shape_violated_by_reps_for_timed_exercise_only():
    plan = make_plan()
    only = planned("wall-plank", reps=[10, 12], hold_s=None)
    plan["weeks"][0]["sessions"][0]["exercises"].append(only)
    refresh(plan["weeks"][0]["sessions"][0])
    assert len(violations(plan, "dose_shape")) == 1
