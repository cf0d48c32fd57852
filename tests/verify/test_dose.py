"""Dose rules and the session-time formula."""

import datetime as dt

from planner.verify.dose import estimated_minutes
from planner.verify.reference import load_reference

from .factory import CATALOG_DIR, START, make_plan, planned, session, violations

REFERENCE = load_reference(CATALOG_DIR)


def minutes(*exercises: dict) -> int:
    return estimated_minutes(session(START, list(exercises)), REFERENCE)


def test_estimate_counts_warm_up_set_up_work_and_rest():
    # 600 + 30 + 2 x 12 reps x 3 s + 2 x 60 s = 822 s
    assert minutes(planned("sit-to-stand", sets=2)) == 14


def test_estimate_counts_both_sides_of_a_one_sided_exercise():
    # 600 + 30 + 2 sets x 2 sides x 36 s + 2 x 60 s = 894 s
    assert minutes(planned("single-leg-calf-raise", sets=2)) == 15


def test_estimate_uses_the_hold_and_the_catalog_tempo():
    # plank: 600 + 30 + 3 x 30 s + 3 x 60 s = 900 s exactly; towel wring at 2 s a rep: 714 s
    assert minutes(planned("plank-hold", sets=3, hold_s=30)) == 15
    assert minutes(planned("towel-wring", sets=1)) == 12


def test_estimate_unknown_for_exercise_outside_catalog():
    unknown = dict(planned("sit-to-stand"), id="moon-walk")
    assert minutes(unknown) is None


def neurogenic(plan: dict, cause: str = "multiple_sclerosis") -> dict:
    plan["profile"]["condition"] = "neurogenic"
    plan["profile"]["neurogenic_cause"] = cause
    return plan


def cap_effort(plan: dict, cap: int) -> dict:
    for week in plan["weeks"]:
        for one in week["sessions"]:
            for exercise in one["exercises"]:
                exercise["effort_rpe"] = min(exercise["effort_rpe"], cap)
    return plan


def test_effort_cap_satisfied_for_neurogenic_at_six():
    assert violations(cap_effort(neurogenic(make_plan()), 6), "effort_cap") == []


def test_effort_cap_violated_for_neurogenic_above_six():
    found = violations(neurogenic(make_plan()), "effort_cap")
    assert found and {v.week for v in found} == {6, 7}
    assert all("cap of 6" in v.message for v in found)


def test_effort_cap_uses_condition_when_cause_has_no_entry():
    found = violations(neurogenic(make_plan(), cause="other"), "effort_cap")
    assert found and all("neurogenic" in v.message for v in found)


def test_effort_cap_violated_off_scale():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0]["exercises"][0]["effort_rpe"] = 11
    found = violations(plan, "effort_cap")
    assert len(found) == 1 and "0-10" in found[0].message


def test_no_added_load_at_grade_3_satisfied_with_bodyweight():
    plan = make_plan()
    plan["profile"]["strength"] = {"lower_back": 3, "forearms": 3}
    assert violations(plan, "no_added_load_at_grade_3") == []


def test_no_added_load_at_grade_3_violated_by_band_exercise():
    plan = make_plan()
    plan["profile"]["strength"] = {"upper_back": 3}
    found = violations(plan, "no_added_load_at_grade_3")
    # band row and its alternative, the seated band row, in the 16 sessions that have it
    assert len(found) == 32 and {v.muscle for v in found} == {"upper_back"}


def test_no_added_load_at_grade_3_violated_by_load_in_words():
    plan = make_plan()
    plan["profile"]["strength"] = {"lower_back": 3}
    plan["weeks"][7]["sessions"][1]["exercises"][4]["load"] = "1 kg ankle weight"  # prone back extension
    found = violations(plan, "no_added_load_at_grade_3")
    assert [(v.week, v.muscle) for v in found] == [(8, "lower_back")]


def test_no_added_load_at_grade_3_violated_by_loaded_alternative():
    plan = make_plan()
    plan["profile"]["strength"] = {"quadriceps": 3}
    exercise = plan["weeks"][0]["sessions"][0]["exercises"][0]
    exercise["alternatives"] = [{"id": "goblet-squat", "name": "Goblet squat", "modality": "land"}]
    found = violations(plan, "no_added_load_at_grade_3")
    assert len(found) == 1 and "alternative goblet-squat" in found[0].message


def test_no_added_load_at_grade_3_accepts_water():
    plan = make_plan()
    plan["profile"]["strength"] = {"quadriceps": 3}
    plan["profile"]["equipment"].append("pool")
    pool = planned("pool-squat", load="chest-deep water")
    plan["weeks"][0]["sessions"][0] = session(dt.date(2026, 12, 7), [pool], minutes=14)
    assert violations(plan, "no_added_load_at_grade_3") == []
