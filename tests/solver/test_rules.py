"""The solver's hard rules, each shown kept on solved templates (the verifier shows them caught)."""

import pytest

from planner.eligibility import eligibility
from planner.errors import Infeasible
from planner.pipeline import solve_for
from planner.progression import skeleton, week_levels
from tests.factories import full_body_exercises, make_catalog, make_exercise, make_profile


def solve(profile, exercises=None):
    catalog = make_catalog(exercises or full_body_exercises())
    elig = eligibility(profile, catalog)
    levels = week_levels(profile, elig.rule, skeleton(profile.schedule.weeks))
    return solve_for(profile, catalog, elig, list(levels.values())), catalog, elig


def loads_by_day(template, catalog):
    return {day: {m for i in ids for m in catalog.exercise(i).primary_muscles}
            for day, ids in template.sessions.items()}


def test_sessions_only_on_available_days_satisfied():
    profile = make_profile(schedule={"days": ["tue", "thu", "sat"]})  # start is a Monday
    template, _, _ = solve(profile)
    assert set(template.sessions) <= {1, 3, 5}


def test_sessions_per_week_given_satisfied():
    # Two sessions of at most 6 exercises cannot train all twelve groups twice: fewer targets.
    profile = make_profile(schedule={"days": ["mon", "wed", "fri", "sun"], "sessions_per_week": 2,
                                     "minutes_per_session": 75},
                           targets=["chest", "upper_back", "core", "glutes", "quadriceps", "hamstrings"])
    template, _, _ = solve(profile)
    assert len(template.sessions) == 2


def test_sessions_per_week_default_two_or_three():
    template, _, _ = solve(make_profile())
    assert 2 <= len(template.sessions) <= 3


def test_every_target_two_to_three_times_satisfied():
    template, catalog, elig = solve(make_profile())
    loads = loads_by_day(template, catalog)
    for muscle in elig.targets:
        assert 2 <= sum(muscle in day for day in loads.values()) <= 3


def test_rest_48h_cyclic_satisfied():
    # mon, wed, fri, sun: sun -> mon is consecutive across the week boundary
    profile = make_profile(schedule={"days": ["mon", "wed", "fri", "sun"], "sessions_per_week": 4})
    template, catalog, _ = solve(profile)
    loads = loads_by_day(template, catalog)
    for day, muscles in loads.items():
        assert not muscles & loads.get((day + 1) % 7, set())


def test_only_eligible_exercises_satisfied():
    template, _, _ = solve(make_profile())  # no pool, no band
    used = {i for ids in template.sessions.values() for i in ids}
    assert "pool-walk" not in used and "band-curl" not in used


def test_consecutive_days_only_is_infeasible_and_named():
    with pytest.raises(Infeasible) as caught:
        solve(make_profile(schedule={"days": ["mon", "tue"]}))
    message = str(caught.value)
    assert "mon, tue" in message and "48 h" in message


def test_three_sessions_on_days_too_close_is_infeasible():
    with pytest.raises(Infeasible) as caught:
        solve(make_profile(schedule={"days": ["mon", "tue", "wed"], "sessions_per_week": 3}))
    assert "3 sessions a week" in str(caught.value)


def test_no_exercise_for_a_target_names_the_muscle():
    exercises = [e for e in full_body_exercises() if "forearms" not in e.primary_muscles]
    with pytest.raises(Infeasible) as caught:
        solve(make_profile(), exercises)
    assert "forearms" in str(caught.value)


def test_too_little_time_names_minutes():
    slow = [e.model_copy(update={"tempo_s": 10.0}) for e in full_body_exercises()]
    with pytest.raises(Infeasible) as caught:
        solve(make_profile(schedule={"minutes_per_session": 20, "days": ["mon", "thu"]}), slow)
    assert "minutes" in str(caught.value)


def test_affected_limb_gets_unilateral_work():
    exercises = full_body_exercises() + [
        make_exercise("split-squat", ["quadriceps", "glutes"], pattern="lunge", unilateral=True)]
    template, _, _ = solve(make_profile(affected=["right_leg"]), exercises)
    used = {i for ids in template.sessions.values() for i in ids}
    assert "split-squat" in used


def test_same_profile_same_template():
    first, _, _ = solve(make_profile())
    second, _, _ = solve(make_profile())
    assert first.sessions == second.sessions
