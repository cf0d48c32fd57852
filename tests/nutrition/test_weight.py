"""planner.nutrition.weight: weight change between assessments, referral at >= 5% in 3 months."""

import datetime as dt

from planner.nutrition.weight import weight_change

DAY = dt.date(2026, 12, 1)


def test_no_change_no_note():
    assert weight_change(70, DAY, 70, DAY + dt.timedelta(days=42)) is None


def test_a_loss_of_five_percent_in_six_weeks_is_referred():
    change = weight_change(70, DAY, 66.5, DAY + dt.timedelta(days=42))
    assert change.referral and "5.0%" in change.referral and "GLIM" in change.referral
    assert "down 3.5 kg" in change.note


def test_a_smaller_or_slower_loss_or_a_gain_is_noted_not_referred():
    assert weight_change(70, DAY, 67, DAY + dt.timedelta(days=42)).referral is None
    assert weight_change(70, DAY, 66, DAY + dt.timedelta(days=120)).referral is None
    gain = weight_change(70, DAY, 72, DAY + dt.timedelta(days=42))
    assert gain.referral is None and "up 2.0 kg" in gain.note
