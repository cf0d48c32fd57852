"""Progression rules: phases, weekly volume, lighter weeks, reassessment dates."""

import datetime as dt

from .factory import START, make_plan, planned, reassess, week, violations


def set_dose(plan: dict, number: int, sets: int | None = None, effort: int | None = None) -> dict:
    for one in plan["weeks"][number - 1]["sessions"]:
        for exercise in one["exercises"]:
            if sets is not None:
                exercise["sets"] = sets
            if effort is not None:
                exercise["effort_rpe"] = effort
    return plan


def dates(*days_after_start: int) -> list[str]:
    return [(START + dt.timedelta(days=d)).isoformat() for d in days_after_start]


def test_week_phase_satisfied_with_consolidate_either_way():
    plan = make_plan()
    plan["weeks"][6]["phase"] = "consolidate"
    assert plan["weeks"][7] == {**plan["weeks"][7], "phase": "consolidate", "deload": True}
    assert violations(plan, "week_phase") == []


def test_week_phase_violated():
    plan = make_plan()
    plan["weeks"][0]["phase"] = "peak"
    plan["weeks"][3]["deload"] = False
    plan["weeks"][4]["deload"] = True
    assert [v.week for v in violations(plan, "week_phase")] == [1, 4, 5]


def test_volume_never_drops_satisfied_across_lighter_week():
    plan = make_plan()  # weeks 3 and 5 both two sets with the lighter week 4 between
    assert violations(plan, "volume_never_drops") == []


def test_volume_never_drops_violated():
    plan = set_dose(make_plan(), 6, sets=1)
    found = violations(plan, "volume_never_drops")
    assert len(found) == 12 and {v.week for v in found} == {6}
    glutes = next(v for v in found if v.muscle == "glutes")
    # two glute exercises in five of the week's session slots: 5 x 2 sets, then 5 x 1
    assert "from 10 sets in week 5 to 5" in glutes.message


def test_volume_never_drops_violated_when_exercise_left_out():
    plan = make_plan()
    for one in plan["weeks"][2]["sessions"]:
        one["exercises"] = [e for e in one["exercises"] if e["id"] != "glute-bridge"]
    found = violations(plan, "volume_never_drops")
    # glutes keep 6 sets through the sit to stand; the hamstrings lose their only exercise
    assert [(v.week, v.muscle) for v in found] == [(3, "hamstrings")]


def test_volume_never_drops_satisfied_after_step_down():
    plan = set_dose(reassess(make_plan(), decision="step_down"), 5, sets=1)
    assert violations(plan, "volume_never_drops") == []


def test_volume_never_drops_violated_after_repeat():
    plan = set_dose(reassess(make_plan(), decision="repeat"), 5, sets=1)
    assert {v.week for v in violations(plan, "volume_never_drops")} == {5}


def test_volume_never_drops_satisfied_when_days_changed():
    plan = reassess(make_plan(), days=["tue", "thu"])  # two sessions a week from week 5
    assert violations(plan, "volume_never_drops") == []


def test_volume_never_drops_violated_when_days_unchanged_with_previous():
    old = make_plan()
    plan = reassess(old, days=["mon", "wed", "fri"])
    for number in range(5, 9):
        del plan["weeks"][number - 1]["sessions"][2]
    assert violations(plan, "volume_never_drops", previous=old)


def test_volume_rise_bounded_satisfied_at_double():
    plan = make_plan()  # week 2 one set, week 3 two sets
    assert violations(plan, "volume_rise_bounded") == []


def test_volume_rise_bounded_violated():
    plan = set_dose(make_plan(), 3, sets=3)
    found = violations(plan, "volume_rise_bounded")
    assert len(found) == 12 and {v.week for v in found} == {3}


def test_lighter_week_lighter_satisfied():
    assert violations(make_plan(), "lighter_week_lighter") == []


def test_lighter_week_lighter_violated_by_sets_and_effort():
    plan = set_dose(make_plan(), 4, sets=2, effort=7)
    found = violations(plan, "lighter_week_lighter")
    assert [v.week for v in found] == [4, 4]
    assert "36 sets, not fewer than the 36 of week 3" in found[0].message


def test_last_week_harder_satisfied_by_effort_alone():
    plan = set_dose(make_plan(), 8, sets=1, effort=6)
    assert violations(plan, "last_week_harder") == []


def test_last_week_harder_satisfied_by_ladder_alone():
    plan = set_dose(make_plan(), 8, sets=1, effort=5)
    for one in plan["weeks"][7]["sessions"]:
        one["exercises"][3] = planned("incline-push-up", sets=1, effort=5)
    plan["profile"]["equipment"].append("chair")
    assert violations(plan, "last_week_harder") == []


def test_last_week_harder_violated():
    plan = set_dose(make_plan(), 8, sets=1, effort=5)
    found = violations(plan, "last_week_harder")
    assert [v.week for v in found] == [8]


def test_reassessment_dates_spacing_satisfied_with_day_after_plan():
    plan = make_plan()
    assert plan["reassessment_dates"][-1] == "2027-02-01"  # the day after week 8
    assert violations(plan, "reassessment_dates_spacing") == []


def test_reassessment_dates_spacing_violated_first_too_late():
    plan = make_plan()
    plan["reassessment_dates"] = dates(49)
    found = violations(plan, "reassessment_dates_spacing")
    assert len(found) == 1 and "49 days" in found[0].message


def test_reassessment_dates_spacing_violated_too_far_apart():
    plan = make_plan()
    plan["reassessment_dates"] = dates(7, 56)
    assert len(violations(plan, "reassessment_dates_spacing")) == 1


def test_reassessment_dates_spacing_violated_out_of_order_and_outside():
    plan = make_plan()
    plan["reassessment_dates"] = dates(28, 14, 57)
    messages = [v.message for v in violations(plan, "reassessment_dates_spacing")]
    assert any("order" in m for m in messages) and any("outside the plan" in m for m in messages)


def test_reassessment_dates_spacing_violated_when_none():
    plan = make_plan()
    plan["reassessment_dates"] = []
    assert len(violations(plan, "reassessment_dates_spacing")) == 1


def test_reassessment_dates_spacing_counts_from_latest_reassessment():
    plan = reassess(make_plan(), at_week=3)  # reassessed on day 14; next due by day 56
    plan["reassessment_dates"] = dates(14, 56)
    assert violations(plan, "reassessment_dates_spacing") == []


def test_lighter_before_reassessment_satisfied_mid_week():
    plan = make_plan()
    plan["reassessment_dates"] = dates(30, 56)  # a wednesday in week 5: week 4 is lighter
    assert violations(plan, "lighter_before_reassessment") == []


def test_lighter_before_reassessment_violated():
    plan = make_plan()
    plan["reassessment_dates"] = dates(35, 56)
    found = violations(plan, "lighter_before_reassessment")
    assert [v.week for v in found] == [5]


def test_lighter_before_reassessment_violated_for_last_week():
    plan = make_plan()
    plan["weeks"][7] = dict(week(7), week=8, start=plan["weeks"][7]["start"])
    found = violations(plan, "lighter_before_reassessment")
    assert [v.week for v in found] == [8]


def test_lighter_week_lighter_violated_by_equal_effort():
    # The last lighter week keeps fewer sets but the full weeks' effort 7: not lighter in effort.
    plan = set_dose(make_plan(), 8, effort=7)
    found = violations(plan, "lighter_week_lighter")
    assert [v.week for v in found] == [8] and "not below the 7" in found[0].message


def test_lighter_week_may_keep_effort_without_room_above_week_one():
    # Week 3 is at 6, one above week 1's 5: no room to go lower, so equal effort passes.
    plan = set_dose(make_plan(), 4, effort=6)
    assert violations(plan, "lighter_week_lighter") == []
