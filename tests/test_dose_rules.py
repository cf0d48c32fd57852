"""Dose rules of issue 11 (Build 8): priority sets, reachable effort, double progression,
power for older adults, lighter weeks lighter in effort too."""

import pytest

from planner.catalog import default_catalog
from planner.pipeline import build_plan
from planner.progression import (
    REACHABLE_UNLOADED_RPE, WeekShape, double_progression, exercise_sets, skeleton,
    unloaded_small_movement, week_levels,
)
from planner.eligibility import eligibility
from tests.factories import make_profile


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def test_priority_and_affected_limb_get_an_extra_set(catalog):
    squat = catalog.exercise("sit-to-stand")
    curl = catalog.exercise("band-biceps-curl")
    plain = make_profile()
    assert exercise_sets(squat, 2, make_profile(priority=["quadriceps"])) == 3
    assert exercise_sets(squat, 2, make_profile(affected=["left_leg"])) == 3
    assert exercise_sets(squat, 2, plain) == 2
    # forearms and biceps take fewer sets than the large lower-limb groups
    assert exercise_sets(curl, 2, plain) < exercise_sets(squat, 2, plain)


def test_arm_only_targets_keep_their_sets(catalog):
    curl = catalog.exercise("band-biceps-curl")
    assert exercise_sets(curl, 2, make_profile(targets=["biceps", "forearms"])) == 2


def test_priority_muscle_gets_more_weekly_sets_than_forearms(catalog):
    plan = build_plan(make_profile(priority=["quadriceps"], equipment=["chair", "resistance_band"]), catalog)
    week = plan.weeks[6]
    volume = {}
    for session in week.sessions:
        for e in session.exercises:
            for m in e.primary_muscles:
                volume[m] = volume.get(m, 0) + e.sets
    assert volume["quadriceps"] > volume.get("forearms", 0)


def test_unloaded_small_movement_never_above_six(catalog):
    # Without equipment the forearms can only be trained by unloaded small movements.
    profile = make_profile(condition="disuse", schedule={"weeks": 12, "days": ["mon", "wed", "fri"]},
                           targets=["forearms", "quadriceps", "glutes"])
    plan = build_plan(profile, catalog)
    seen = False
    for week in plan.weeks:
        for session in week.sessions:
            for e in session.exercises:
                if unloaded_small_movement(catalog.exercise(e.id)):
                    seen = True
                    assert e.effort_rpe <= REACHABLE_UNLOADED_RPE
    assert max(e.effort_rpe for w in plan.weeks for s in w.sessions for e in s.exercises) >= 7
    assert seen
    assert any("household load" in (e.note or "") for w in plan.weeks for s in w.sessions for e in s.exercises)


def test_fist_clench_is_an_unloaded_small_movement(catalog):
    assert unloaded_small_movement(catalog.exercise("fist-clench"))
    assert not unloaded_small_movement(catalog.exercise("sit-to-stand"))


def test_double_progression_climbs_inside_a_phase():
    shapes = skeleton(12)
    build = [s for s in shapes if s.phase == "build"]
    assert len(build) >= 2
    first, later = double_progression((8, 12), build[0], shapes), double_progression((8, 12), build[1], shapes)
    assert first[1] < later[1] == 12


def test_double_progression_leaves_a_lone_week_alone():
    shapes = [WeekShape(week=1, phase="build", deload=False, block=1)]
    assert double_progression((8, 12), shapes[0], shapes) == (8, 12)


def test_lighter_weeks_are_lighter_in_effort(catalog):
    profile = make_profile(schedule={"weeks": 12, "days": ["mon", "wed", "fri"]})
    elig = eligibility(profile, catalog)
    shapes = skeleton(12)
    levels = week_levels(profile, elig.rule, shapes)
    for shape in shapes:
        if shape.deload:
            before = max(s.week for s in shapes if s.week < shape.week and not s.deload)
            assert levels[shape.week].effort_rpe < levels[before].effort_rpe


def test_power_for_older_adults_in_intensify_only(catalog):
    profile = make_profile(client={"name": "P", "age": 72, "sex": "female", "weight_kg": 65},
                           condition="sarcopenia", equipment=["chair"],
                           schedule={"weeks": 12, "days": ["mon", "wed", "fri"]})
    plan = build_plan(profile, catalog)
    power_weeks = {w.phase for w in plan.weeks for s in w.sessions for e in s.exercises if e.component == "power"}
    assert power_weeks == {"intensify"}
    for w in plan.weeks:
        for s in w.sessions:
            for e in s.exercises:
                if e.component == "power":
                    assert e.effort_rpe <= 6 and "fast" in e.note


def test_no_power_for_neurogenic_clients(catalog):
    profile = make_profile(client={"name": "N", "age": 72, "sex": "male", "weight_kg": 70},
                           condition="neurogenic", equipment=["chair"])
    plan = build_plan(profile, catalog)
    assert all(e.component != "power" for w in plan.weeks for s in w.sessions for e in s.exercises)
