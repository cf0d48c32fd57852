"""The session-length formula."""

from planner.timing import exercise_seconds, session_minutes


def test_reps_and_holds_and_sides():
    assert exercise_seconds(sets=2, reps_high=12, hold_s=None, rest_s=60, tempo_s=3, unilateral=False) == 30 + 72 + 120
    assert exercise_seconds(sets=2, reps_high=None, hold_s=20, rest_s=45, tempo_s=3, unilateral=True) == 30 + 80 + 90


def test_session_includes_warm_up_and_cool_down():
    assert session_minutes(0) == 10
    assert session_minutes(61) == 12
