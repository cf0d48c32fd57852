"""Functional-test flags (EWGSOP2) and the change verdict used by reassessment."""

from planner.assessment import change_verdict, flags, predicted_walk_m, record
from planner.profile import Assessment
from tests.factories import make_profile


def test_grip_cutoff_depends_on_sex():
    tests = Assessment(grip_kg=20)
    assert not flags(tests, make_profile(client={"sex": "female"}))
    assert any("grip" in f for f in flags(tests, make_profile(client={"sex": "male"})))


def test_chair_stand_gait_tug_sppb_cutoffs():
    found = flags(Assessment(chair_stand_5x_s=15.1, gait_speed_m_s=0.8, timed_up_and_go_s=20,
                             sppb_points=8), make_profile())
    assert len(found) == 4
    below_ewgsop2 = flags(Assessment(chair_stand_5x_s=15, gait_speed_m_s=0.81, timed_up_and_go_s=19.9,
                                     sppb_points=9), make_profile())
    # Not EWGSOP2 flags, but TUG >= 12 s and SPPB <= 9 mark raised falls risk (CDC STEADI).
    assert len(below_ewgsop2) == 2 and all("falls risk" in f for f in below_ewgsop2)
    assert not flags(Assessment(chair_stand_5x_s=15, gait_speed_m_s=0.81, timed_up_and_go_s=11.9,
                                sppb_points=10), make_profile())


def test_walk_prediction_needs_height():
    assert predicted_walk_m(make_profile()) is None
    woman = make_profile(client={"height_cm": 160, "age": 70, "weight_kg": 60})
    assert predicted_walk_m(woman) == round(2.11 * 160 - 2.29 * 60 - 5.78 * 70 + 667)
    assert any("predicted" in f for f in record(Assessment(walk_6min_m=300), woman).flags)


def test_change_verdict_uses_smallest_worthwhile_changes():
    before = record(Assessment(walk_6min_m=340, grip_kg=15), make_profile())
    assert change_verdict(before, Assessment(walk_6min_m=365, grip_kg=17)) == "unchanged"
    assert change_verdict(before, Assessment(walk_6min_m=371)) == "improved"
    assert change_verdict(before, Assessment(walk_6min_m=400, grip_kg=9)) == "worse"


def test_balance_is_needed_from_65_a_fall_the_limitation_or_a_falls_risk_test():
    from planner.assessment import balance_reasons
    from tests.factories import make_profile
    assert balance_reasons(make_profile()) == []
    assert balance_reasons(make_profile(client={"age": 65}))
    assert balance_reasons(make_profile(client={"falls_last_year": 1}))
    assert balance_reasons(make_profile(limitations=["balance_impaired"]))
    for test, value in (("gait_speed_m_s", 0.8), ("sppb_points", 9), ("timed_up_and_go_s", 12.0),
                        ("chair_stand_5x_s", 15.1)):
        assert balance_reasons(make_profile(assessment={test: value})), test
    for test, value in (("gait_speed_m_s", 0.9), ("sppb_points", 10), ("timed_up_and_go_s", 11.9),
                        ("chair_stand_5x_s", 15.0)):
        assert not balance_reasons(make_profile(assessment={test: value})), test
