"""How doses, dates and efforts read on paper."""

import datetime as dt

from planner.plan import PlannedExercise
from planner.render import words


def planned(**fields) -> PlannedExercise:
    data = dict(id="x", name="X", modality="land", equipment=[], primary_muscles=["quadriceps"], sets=2,
                reps=(10, 12), hold_s=None, effort_rpe=5, rest_s=90, load="bodyweight")
    data.update(fields)
    return PlannedExercise(**data)


def test_dose_names_sets_and_rep_range():
    assert words.dose_text(planned()) == "2 × 10–12 reps"


def test_dose_with_equal_bounds_is_a_single_number():
    assert words.dose_text(planned(reps=(8, 8))) == "2 × 8 reps"


def test_hold_is_in_seconds_not_reps():
    assert words.dose_text(planned(reps=None, hold_s=30)) == "2 × 30 s hold"


def test_a_timed_walk_or_carry_goes_on_for_its_seconds_it_is_not_held():
    assert words.dose_text(planned(reps=None, hold_s=30, pattern="gait")) == "2 × 30 s"
    assert words.dose_text(planned(reps=None, hold_s=20, pattern="carry_grip")) == "2 × 20 s"
    assert words.dose_text(planned(reps=None, hold_s=30, pattern="balance")) == "2 × 30 s hold"


def test_one_sided_work_says_each_side():
    assert words.dose_text(planned(unilateral=True)).endswith("each side")


def test_rest_reads_in_minutes_from_a_minute():
    assert [words.rest_text(s) for s in (45, 60, 90, 120, 75)] == ["45 s", "1 min", "1½ min", "2 min", "75 s"]


def test_effort_carries_its_number_and_a_word():
    assert words.effort_text(5) == "5/10 moderate"
    assert words.effort_word(2) != words.effort_word(8)


def test_dates_do_not_depend_on_the_locale():
    day = dt.date(2026, 12, 7)
    assert words.long_date(day) == "Mon 7 December 2026"
    assert words.short_date(day) == words.long_date(day)      # one way everywhere


def test_date_range_names_both_years_across_new_year():
    assert words.date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 3)) == "28 Dec 2026 – 3 Jan 2027"
    assert words.date_range(dt.date(2026, 12, 7), dt.date(2026, 12, 13)) == "7–13 Dec 2026"


def test_listing_joins_with_and():
    assert words.listing(["a", "b", "c"]) == "a, b and c"
    assert words.listing(["a"]) == "a"



def test_position_words_come_from_the_exercise(catalog):
    seen = {}
    for exercise in catalog.exercises.values():
        text = words.position_text(exercise)
        assert "or on the floor" not in text
        seen.setdefault(text, exercise)
        if exercise.modality == "aquatic":
            assert text == "in the pool"
        elif exercise.modality == "seated":
            assert text == "seated"
        elif exercise.figure and "mat" in exercise.figure.props and not exercise.figure.start.seated:
            assert text == "lying on a mat"
    assert {"seated", "standing at a wall", "in the pool"} <= set(seen)


def test_a_session_head_names_body_parts_and_single_muscles_by_name():
    from planner.render.words import body_parts_text
    assert body_parts_text(["lower_back", "biceps", "core", "glutes", "quadriceps", "hamstrings", "calves"]) \
        == "lower back, biceps, core and legs"
    assert body_parts_text(["chest", "upper_back", "lower_back", "shoulders", "triceps", "forearms", "glutes",
                            "quadriceps"]) == "chest, back, shoulders, arms and legs"
    assert body_parts_text(["calves"]) == "calves"


def test_every_muscle_group_has_its_everyday_words():
    from planner.vocab import MUSCLE_GROUPS
    assert set(words.MUSCLE_LABELS) == set(MUSCLE_GROUPS)
    assert words.MUSCLE_LABELS["glutes"] == "buttocks (glutes)"
