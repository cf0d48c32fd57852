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


def test_a_reassessment_with_a_big_loss_notes_it_and_warns_the_clinician():
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.reassess import Reassessment, reassess_plan
    from nutrition_factories import REPO
    from planner.profile import load_profile

    plan = build_plan(load_profile(REPO / "examples" / "maria-sarcopenia.yaml"), default_catalog())
    lighter = round(plan.profile.weight_kg * 0.93, 1)
    new = reassess_plan(plan, Reassessment.model_validate(
        {"date": plan.weeks[6].start.isoformat(), "changes": {"weight_kg": lighter}}), default_catalog())
    assert any(n.startswith("Weight:") and "down" in n for n in new.nutrition.notes)
    assert any("GLIM" in w and "refer" in w.lower() for w in new.warnings)
