"""planner.nutrition.target: the daily g/kg band for each kind of client, and why."""

from __future__ import annotations

import pytest

from planner.errors import InputError
from planner.profile import Screening
from planner.nutrition.target import daily_protein_g, daily_target, round_half

from nutrition_factories import profile


def test_sedentary_recovering_client_gets_1_2():
    g_per_kg, reason, guidance = daily_target(profile(active=False))
    assert g_per_kg == 1.2
    assert "sedentary" in reason and not guidance


def test_active_client_gets_the_middle_of_1_4_to_1_6():
    g_per_kg, reason, guidance = daily_target(profile(active=True))
    assert 1.4 <= g_per_kg <= 1.6
    assert "1.4-1.6" in reason and not guidance


@pytest.mark.parametrize("who", [{"age": 70}, {"condition": "sarcopenia", "age": 58}])
def test_older_adults_and_sarcopenia_stay_within_1_2_to_1_5(who):
    g_per_kg, reason, guidance = daily_target(profile(**who))
    assert 1.2 <= g_per_kg <= 1.5
    assert "PROT-AGE" in reason and not guidance


def test_an_active_older_adult_is_at_the_top_of_the_band_but_not_above():
    g_per_kg, _, guidance = daily_target(profile(age=72, active=True))
    assert g_per_kg == 1.5 and not guidance


def test_clinician_override_wins():
    g_per_kg, reason, guidance = daily_target(profile(nutrition={"protein_g_per_kg": 1.0}))
    assert g_per_kg == 1.0
    assert "clinician" in reason and not guidance


def test_older_adult_above_1_5_is_under_professional_guidance():
    g_per_kg, reason, guidance = daily_target(profile(age=80, nutrition={"protein_g_per_kg": 1.7}))
    assert g_per_kg == 1.7 and guidance
    assert "under professional guidance" in reason


def test_older_adult_at_1_5_needs_no_guidance_flag():
    _, _, guidance = daily_target(profile(age=80, nutrition={"protein_g_per_kg": 1.5}))
    assert not guidance


def test_kidney_disease_without_a_clinician_value_is_refused_naming_the_key():
    # The profile model refuses this on load too; the target refuses on its own as well.
    with pytest.raises(InputError) as refused:
        daily_target(profile().model_copy(update={"screening": Screening(conditions=["ckd"])}))
    assert refused.value.key == "nutrition.protein_g_per_kg"
    assert "nephrology" in str(refused.value)
    assert refused.value.exit_status == 2


@pytest.mark.parametrize("value", [0.6, 0.8])
def test_kidney_disease_uses_the_clinician_value_as_given(value):
    g_per_kg, reason, guidance = daily_target(
        profile(active=True, screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": value}))
    assert g_per_kg == value  # never raised to the active band
    assert "KDOQI 2020" in reason and "0.55-0.8" in reason and guidance


def test_kidney_value_above_kdoqi_is_kept_but_questioned():
    g_per_kg, reason, _ = daily_target(
        profile(screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": 1.0}))
    assert g_per_kg == 1.0 and "confirm" in reason


def test_on_dialysis_the_usual_band_applies_with_the_renal_dietitian_first():
    g_per_kg, reason, _ = daily_target(profile(screening={"conditions": ["ckd"], "on_dialysis": True}))
    assert g_per_kg == 1.2
    assert "renal dietitian" in reason


def test_daily_grams_are_weight_times_target_to_the_half_gram():
    assert daily_protein_g(1.2, 70) == 84.0
    assert daily_protein_g(1.3, 61.3) == 79.5   # 79.69 -> 79.5
    assert round_half(10.25) == 10.5            # halves round up, not to even
