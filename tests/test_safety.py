"""Red flags stop generation (exit 3); stop rules exist to print."""

import pytest

from planner.errors import SafetyRefusal
from planner.safety import STOP_RULES, red_flags, screen
from tests.factories import make_profile


def test_no_red_flags_passes():
    screen(make_profile(screening={"blood_pressure": "135/85"}))


@pytest.mark.parametrize("flag", ["chest_pain", "sudden_one_sided_weakness", "loss_of_coordination"])
def test_red_flag_refuses_with_medical_advice(flag):
    with pytest.raises(SafetyRefusal) as caught:
        screen(make_profile(screening={"red_flags": [flag]}))
    assert "seek medical attention" in str(caught.value).lower()
    assert caught.value.exit_status == 3


@pytest.mark.parametrize("pressure,flagged", [("181/90", True), ("170/111", True), ("180/110", False)])
def test_blood_pressure_above_180_110_is_a_red_flag(pressure, flagged):
    assert bool(red_flags(make_profile(screening={"blood_pressure": pressure}))) is flagged


def test_stop_rules_cover_domain_list():
    text = " ".join(STOP_RULES).lower()
    for words in ("chest pain", "dizzy", "short of breath", "numbness", "pain"):
        assert words in text
