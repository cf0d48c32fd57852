"""Week shape and dose levels (domain.md: familiarisation, build, lighter weeks, intensify)."""

import datetime as dt

import pytest

from planner.catalog import load_catalog
from planner.eligibility import condition_rule
from planner.progression import midpoint, reassessment_dates, skeleton, week_levels
from tests.factories import make_profile


@pytest.mark.parametrize("weeks", range(8, 13))
def test_lighter_week_at_least_every_fourth_week(weeks):
    shapes = skeleton(weeks)
    run = 0
    for shape in shapes:
        run = 0 if (shape.deload or shape.phase == "familiarisation") else run + 1
        assert run <= 4
    assert [s.week for s in shapes] == list(range(1, weeks + 1))


@pytest.mark.parametrize("weeks", range(8, 13))
def test_lighter_week_before_each_reassessment(weeks):
    shapes = {s.week: s for s in skeleton(weeks)}
    assert shapes[midpoint(weeks)].deload and shapes[weeks].deload
    assert shapes[1].phase == shapes[2].phase == "familiarisation"


@pytest.mark.parametrize("weeks", range(8, 13))
def test_reassessments_at_most_six_weeks_apart(weeks):
    start = dt.date(2026, 12, 7)
    dates = reassessment_dates(start, weeks)
    gaps = [(b - a).days for a, b in zip([start] + dates, dates)]
    assert all(0 < gap <= 42 for gap in gaps)


def _levels(**profile_changes):
    profile = make_profile(**profile_changes)
    rule = condition_rule(profile, load_catalog_rules())
    shapes = skeleton(profile.schedule.weeks)
    return shapes, week_levels(profile, rule, shapes), rule


def load_catalog_rules():
    from tests.factories import make_catalog
    return make_catalog([])


@pytest.mark.parametrize("changes", [
    {}, {"condition": "sarcopenia", "client": {"age": 80}},
    {"condition": "neurogenic", "neurogenic_cause": "multiple_sclerosis"},
    {"schedule": {"weeks": 12}}, {"schedule": {"weeks": 10}},
])
def test_volume_never_drops_outside_lighter_weeks_and_lighter_weeks_are_lighter(changes):
    shapes, levels, rule = _levels(**changes)
    previous = None
    for shape in shapes:
        level = levels[shape.week]
        assert level.effort_rpe <= rule.effort_cap_rpe
        if shape.deload:
            assert previous is not None and level.sets < previous.sets
            assert level.effort_rpe <= previous.effort_rpe
        else:
            if previous is not None:
                assert previous.sets <= level.sets <= 2 * previous.sets
            previous = level
    first, last = levels[1], levels[shapes[-1].week]
    assert last.sets > first.sets or last.effort_rpe > first.effort_rpe


def test_older_adults_start_with_one_light_set_of_10_to_15():
    _, levels, _ = _levels(condition="sarcopenia", client={"age": 78})
    assert levels[1].sets == 1 and levels[1].reps == (10, 15) and levels[1].effort_rpe <= 5


def test_neurogenic_effort_capped_at_6():
    _, levels, _ = _levels(condition="neurogenic", neurogenic_cause="guillain_barre")
    assert max(level.effort_rpe for level in levels.values()) <= 6


def test_step_down_shift_lowers_rebuilt_weeks():
    profile = make_profile(schedule={"weeks": 12})
    rule = condition_rule(profile, load_catalog_rules())
    shapes = skeleton(12)
    base = week_levels(profile, rule, shapes)
    down = week_levels(profile, rule, shapes, shift=-1, from_week=7, before=base[5])
    assert all(down[w].sets <= base[w].sets for w in down)
    assert down[7].sets < base[7].sets
