"""Schedule rules: days, sessions a week, muscle frequency, 48 h rest, session time."""

import datetime as dt

from .factory import START, full_session, make_plan, planned, reassess, session, violations


def move(plan: dict, week: int, index: int, date: dt.date) -> None:
    """Move one session to another date, keeping its exercises."""
    old = plan["weeks"][week - 1]["sessions"][index]
    plan["weeks"][week - 1]["sessions"][index] = session(date, old["exercises"], old["minutes"])


def test_training_days_satisfied():
    assert violations(make_plan(), "training_days") == []


def test_training_days_violated():
    plan = make_plan()
    move(plan, 2, 1, dt.date(2026, 12, 17))  # wed -> thu
    found = violations(plan, "training_days")
    assert [(v.week, v.date) for v in found] == [(2, "2026-12-17")]
    assert "thu" in found[0].message


def test_training_days_satisfied_for_kept_weeks_on_old_days():
    plan = reassess(make_plan(), days=["tue", "thu", "sat"])
    assert plan["weeks"][0]["sessions"][0]["weekday"] == "mon"
    assert violations(plan, "training_days") == []


def test_training_days_violated_in_rebuilt_week_on_old_days():
    plan = reassess(make_plan())
    plan["profile"]["schedule"]["days"] = ["tue", "thu", "sat"]
    found = violations(plan, "training_days")
    assert {v.week for v in found} == {5, 6, 7, 8}


def test_sessions_per_week_satisfied_with_two_by_default():
    plan = make_plan()
    del plan["weeks"][2]["sessions"][1]
    assert violations(plan, "sessions_per_week") == []


def test_sessions_per_week_violated_by_one_session():
    plan = make_plan()
    del plan["weeks"][2]["sessions"][1:]
    assert [v.week for v in violations(plan, "sessions_per_week")] == [3]


def test_sessions_per_week_violated_when_count_asked():
    plan = make_plan()
    plan["profile"]["schedule"]["sessions_per_week"] = 3
    del plan["weeks"][4]["sessions"][1]
    assert [v.week for v in violations(plan, "sessions_per_week")] == [5]


def test_target_frequency_satisfied_without_muscle_too_weak_to_train():
    plan = make_plan()
    plan["profile"]["strength"] = {"forearms": 1}
    for week in plan["weeks"]:
        for one in week["sessions"]:
            one["exercises"] = [e for e in one["exercises"] if e["id"] != "towel-wring"]
            one["muscle_groups"] = [m for m in one["muscle_groups"] if m != "forearms"]
    assert violations(plan, "target_frequency") == []


def test_target_frequency_violated():
    plan = make_plan()
    for one in plan["weeks"][0]["sessions"][:2]:
        one["exercises"] = [e for e in one["exercises"] if e["id"] != "towel-wring"]
    found = violations(plan, "target_frequency")
    assert [(v.week, v.muscle) for v in found] == [(1, "forearms")]


def test_target_frequency_skips_untargeted_muscles():
    plan = make_plan()
    plan["profile"]["targets"] = ["quadriceps", "glutes"]
    for one in plan["weeks"][0]["sessions"][:2]:
        one["exercises"] = [e for e in one["exercises"] if e["id"] != "towel-wring"]
    assert violations(plan, "target_frequency") == []


def test_muscle_frequency_cap_satisfied():
    assert violations(make_plan(), "muscle_frequency_cap") == []


def test_muscle_frequency_cap_violated():
    plan = make_plan()
    plan["weeks"][1]["sessions"].append(full_session(dt.date(2026, 12, 20), 1, 5))
    found = violations(plan, "muscle_frequency_cap")
    # the muscles every session already trains three times now get a fourth
    assert {v.muscle for v in found} == {"quadriceps", "glutes", "chest", "triceps", "shoulders"}
    assert {v.week for v in found} == {2}


def test_rest_48h_satisfied_two_days_apart_and_across_weeks():
    plan = make_plan()
    move(plan, 1, 2, dt.date(2026, 12, 12))  # sat, then mon of week 2: two days apart
    assert violations(plan, "rest_48h") == []


def test_rest_48h_violated_on_consecutive_days():
    plan = make_plan()
    move(plan, 3, 1, dt.date(2026, 12, 22))  # mon 21st then tue 22nd
    found = [v for v in violations(plan, "rest_48h") if v.muscle == "quadriceps"]
    assert [str(v) for v in found] == [
        "week 3, 2026-12-22, quadriceps: rest_48h: loaded on 2026-12-21 and 2026-12-22, "
        "less than 2 days apart"]


def test_rest_48h_violated_across_week_boundary():
    plan = make_plan()
    move(plan, 1, 2, dt.date(2026, 12, 13))  # sun, then mon of week 2
    found = violations(plan, "rest_48h")
    assert len(found) == 7  # the muscles friday's and monday's sessions share
    assert {(v.week, v.date) for v in found} == {(2, "2026-12-14")}


def test_rest_48h_ignores_different_muscles_on_consecutive_days():
    plan = make_plan()
    first = plan["weeks"][0]
    first["sessions"] = [session(START, [planned("sit-to-stand")]),
                         session(START + dt.timedelta(days=1), [planned("wall-push-up")])]
    assert violations(plan, "rest_48h") == []


def test_session_time_limit_satisfied_at_the_limit():
    plan = make_plan()
    plan["weeks"][5]["sessions"][0]["minutes"] = 60
    assert violations(plan, "session_time_limit") == []


def test_session_time_limit_violated():
    plan = make_plan()
    plan["weeks"][5]["sessions"][0]["minutes"] = 61
    assert [(v.week, v.date) for v in violations(plan, "session_time_limit")] == [(6, "2027-01-11")]


def test_session_minutes_honest_satisfied_at_the_estimate():
    plan = make_plan()
    # 600 + (30 + 2 x 12 x 3 + 2 x 60) = 822 s -> 14 minutes
    plan["weeks"][0]["sessions"][0] = session(START, [planned("sit-to-stand", sets=2)], minutes=14)
    assert violations(plan, "session_minutes_honest") == []


def test_session_minutes_honest_violated_by_one_minute():
    plan = make_plan()
    plan["weeks"][0]["sessions"][0] = session(START, [planned("sit-to-stand", sets=2)], minutes=13)
    found = violations(plan, "session_minutes_honest")
    assert len(found) == 1 and "about 14" in found[0].message


def test_session_minutes_honest_violated_in_full_week():
    plan = make_plan()
    plan["weeks"][6]["sessions"][2]["minutes"] = 40  # three sets of six exercises take 41 minutes
    found = violations(plan, "session_minutes_honest")
    assert len(found) == 1 and "about 41" in found[0].message
