"""The weekly aerobic prescription (WHO 2020; Martin Ginis 2018 for wheelchair users)."""

from planner import aerobic
from planner.progression import skeleton
from tests.factories import make_profile


def prescription(profile, pool_usable=False):
    return aerobic.weekly(profile, skeleton(profile.schedule.weeks), pool_usable)


def test_builds_towards_150_minutes_a_week():
    weeks = prescription(make_profile(assessment={"walk_6min_m": 250}))
    first, last_loaded = weeks[1], max((w for w in weeks.values()), key=lambda a: a.minutes * a.days)
    assert first.minutes * first.days < 150
    assert last_loaded.minutes * last_loaded.days == 150


def test_starts_where_the_client_is():
    weak = prescription(make_profile(assessment={"walk_6min_m": 180}))[1]
    fit = prescription(make_profile(assessment={"walk_6min_m": 520}))[1]
    assert weak.minutes < fit.minutes
    slow = prescription(make_profile(assessment={"walk_6min_m": 520, "gait_speed_m_s": 0.7}))[1]
    assert slow.minutes <= 10


def test_lighter_weeks_are_lighter():
    profile = make_profile()
    shapes = skeleton(profile.schedule.weeks)
    weeks = prescription(profile)
    for shape in shapes:
        if shape.deload:
            before = weeks[shape.week - 1]
            assert weeks[shape.week].minutes * weeks[shape.week].days < before.minutes * before.days
            assert weeks[shape.week].effort_rpe <= before.effort_rpe


def test_neurogenic_is_fatigue_limited():
    weeks = prescription(make_profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis"))
    assert all(w.effort_rpe <= 4 and w.minutes <= 20 and w.days <= 3 for w in weeks.values())


def test_seated_clients_use_their_arms():
    seated = prescription(make_profile(limitations=["seated_only"], equipment=["chair"]))
    assert {w.mode for w in seated.values()} == {"arm_ergometer"}


def test_sore_knees_walk_in_water_when_the_pool_is_usable():
    profile = make_profile(limitations=["knee_pain"], equipment=["pool"])
    assert prescription(profile, pool_usable=True)[1].mode == "water_walk"
    assert prescription(profile, pool_usable=False)[1].mode == "walk"


def test_advice_names_the_mode_not_a_walk_for_seated_clients():
    text = aerobic.advice(make_profile(limitations=["seated_only"], equipment=["chair"]), False)
    assert "arm cycling" in text and "walk" not in text.split(":")[1].split(" as ")[0]
