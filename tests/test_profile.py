"""The profile contract (spec/profile.md): bad input is refused in one line, good input is normalised.

Bad-input cases are data files in tests/data/bad_profiles/. Each states what the
error must name: YAML files in a first-line comment, other files in a sidecar
`<file name>.expect`, as `key=<key path> line=<n> says="<fragment>"` (each part
optional).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from planner.errors import InputError
from planner.profile import Profile, load_profile
from planner.vocab import MUSCLE_GROUPS

TESTS = Path(__file__).resolve().parent
BAD_PROFILES = TESTS / "data" / "bad_profiles"
EXAMPLES = TESTS.parent / "examples"


@dataclass(frozen=True)
class Expectation:
    key: str | None
    line: int | None
    says: str | None


def expectation(case: Path) -> Expectation:
    """What the one-line error for this case must name, read from the case or its sidecar."""
    sidecar = case.with_name(case.name + ".expect")
    if sidecar.exists():
        spec = sidecar.read_text(encoding="utf-8")
    else:
        first_line = case.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# expect:"), f"{case.name} states no expectation"
        spec = first_line.removeprefix("# expect:")
    fields = dict(part.split("=", 1) for part in shlex.split(spec))
    assert set(fields) <= {"key", "line", "says"}, f"{case.name}: unknown expectation field"
    line = fields.get("line")
    return Expectation(fields.get("key"), int(line) if line else None, fields.get("says"))


BAD_CASES = sorted(p for p in BAD_PROFILES.iterdir() if p.suffix != ".expect")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_enough_bad_profile_cases():
    assert len(BAD_CASES) >= 25


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda p: p.name)
def test_bad_profile_error_names_key_and_line(case):
    expected = expectation(case)
    with pytest.raises(InputError) as caught:
        load_profile(case)
    error = caught.value
    assert error.file == str(case)
    if expected.key:
        assert error.key == expected.key, error.one_line()
    if expected.line:
        assert error.line == expected.line, error.one_line()
    if expected.says:
        assert expected.says.lower() in error.one_line().lower()


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda p: p.name)
def test_generate_refuses_bad_profile_in_one_line(case, tmp_path, run_planner):
    expected = expectation(case)
    out = tmp_path / "out.json"
    result = run_planner("generate", case, "-o", out)
    assert result.code == 2
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    message = lines[0]
    assert str(case) in message
    if expected.line:
        assert f"{case}:{expected.line}:" in message
    if expected.key:
        assert f" {expected.key}: " in message
    assert result.out == ""
    assert not out.exists()


# The installed entry point, in a fresh interpreter, for a few kinds of fault.
@pytest.mark.parametrize("name", ["typo-wieght-kg.yaml", "alias-bomb.yaml", "binary-png.yaml",
                                  "bad-yaml-unclosed-list.yaml"])
def test_python_m_planner_refuses_bad_profile(name, tmp_path):
    case = BAD_PROFILES / name
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-m", "planner", "generate", str(case), "-o", str(out)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and str(case) in done.stderr
    assert not out.exists()


# --- Good input -----------------------------------------------------------------

MINIMAL = {
    "client": {"name": "Maria Souza", "age": 72, "sex": "female", "weight_kg": 61.5},
    "condition": "sarcopenia",
    "schedule": {"start": dt.date(2026, 12, 7), "days": ["mon", "wed", "fri"]},
}


def write_profile(folder: Path, **sections) -> Path:
    """MINIMAL with top-level sections replaced, written as YAML."""
    data = {**MINIMAL, **sections}
    stream = io.StringIO()
    YAML().dump(data, stream)
    path = folder / "profile.yaml"
    path.write_text(stream.getvalue(), encoding="utf-8")
    return path


def test_pounds_and_inches_become_kilograms_and_centimetres(tmp_path):
    client = {"name": "Frank Miller", "age": 58, "sex": "male", "weight_lb": 187, "height_in": 70}
    profile = load_profile(write_profile(tmp_path, client=client))
    assert profile.client.weight_kg == pytest.approx(187 * 0.45359237, abs=0.05)
    assert profile.client.height_cm == pytest.approx(70 * 2.54, abs=0.05)
    assert profile.weight_kg == profile.client.weight_kg
    dumped = profile.model_dump()["client"]
    assert "weight_lb" not in dumped and "height_in" not in dumped


def test_pounds_are_range_checked_after_conversion(tmp_path):
    # 60 lb is 27 kg: below the 30 kg floor even though 60 is a plausible kg figure.
    client = {"name": "Frank Miller", "age": 58, "sex": "male", "weight_lb": 60}
    with pytest.raises(InputError, match="30"):
        load_profile(write_profile(tmp_path, client=client))


def test_targets_all_expands_to_the_twelve_groups(tmp_path):
    assert load_profile(write_profile(tmp_path, targets=["all"])).targets == list(MUSCLE_GROUPS)


def test_targets_default_to_all_twelve_groups(tmp_path):
    assert load_profile(write_profile(tmp_path)).targets == list(MUSCLE_GROUPS)


def test_named_targets_come_back_in_canonical_order(tmp_path):
    profile = load_profile(write_profile(tmp_path, targets=["calves", "chest", "core"]))
    assert profile.targets == ["chest", "core", "calves"]


@pytest.mark.parametrize("given, ordered", [
    (["fri", "mon", "wed"], ["mon", "wed", "fri"]),
    (["sun", "sat", "tue"], ["tue", "sat", "sun"]),
    (["thu"], ["thu"]),
])
def test_training_days_come_back_in_calendar_order(tmp_path, given, ordered):
    schedule = {"start": dt.date(2026, 12, 7), "days": given}
    assert load_profile(write_profile(tmp_path, schedule=schedule)).schedule.days == ordered


def test_defaults_fill_every_optional_key(tmp_path):
    profile = load_profile(write_profile(tmp_path))
    assert profile.schedule.weeks == 12
    assert profile.schedule.minutes_per_session == 45
    assert profile.schedule.sessions_per_week is None  # the solver picks 2 or 3
    assert profile.equipment == [] and profile.limitations == [] and profile.affected == []
    assert profile.active is False and profile.neurogenic_cause is None
    assert profile.strength == {} and profile.assessment is None and profile.clinician is None
    assert profile.screening.red_flags == [] and profile.screening.conditions == []
    assert profile.screening.on_dialysis is False and profile.screening.blood_pressure is None
    assert profile.nutrition.meals_per_day == 4 and profile.nutrition.diet == "omnivore"
    assert profile.nutrition.avoid == [] and profile.nutrition.protein_g_per_kg is None


def test_an_ungraded_muscle_counts_as_normal_strength(tmp_path):
    profile = load_profile(write_profile(tmp_path, strength={"calves": 3, "quadriceps": 2}))
    assert profile.grade("quadriceps") == 2 and profile.grade("calves") == 3
    assert profile.grade("chest") == 5
    assert list(profile.strength) == ["quadriceps", "calves"]  # muscle-group order


def test_blood_pressure_is_normalised(tmp_path):
    profile = load_profile(write_profile(tmp_path, screening={"blood_pressure": " 135 / 85 "}))
    assert profile.screening.blood_pressure == "135/85"
    assert profile.screening.blood_pressure_values() == (135, 85)


def test_a_start_given_with_a_time_is_taken_as_its_date(tmp_path):
    schedule = {"start": dt.datetime(2026, 12, 7, 9, 30), "days": ["mon"]}
    assert load_profile(write_profile(tmp_path, schedule=schedule)).schedule.start == dt.date(2026, 12, 7)


@pytest.mark.parametrize("age, older", [(64, False), (65, True), (81, True)])
def test_older_adult_dosing_starts_at_65(tmp_path, age, older):
    client = {**MINIMAL["client"], "age": age}
    assert load_profile(write_profile(tmp_path, client=client)).older_adult is older


# --- The shipped examples ---------------------------------------------------------

def test_examples_cover_the_stories_of_issue_2():
    assert len(EXAMPLE_FILES) >= 6
    profiles = [load_profile(path) for path in EXAMPLE_FILES]
    assert any(p.client.age >= 80 and p.condition == "sarcopenia" and p.equipment == [] for p in profiles)
    assert any(p.condition == "post_immobilisation" and p.affected and "gym_machines" in p.equipment
               for p in profiles)
    assert any(p.neurogenic_cause == "multiple_sclerosis" and p.has_pool for p in profiles)
    assert any("knee_osteoarthritis" in p.screening.conditions and p.has_pool
               and "resistance_band" in p.equipment for p in profiles)
    assert any("seated_only" in p.limitations for p in profiles)
    assert any(p.nutrition.diet == "vegan" for p in profiles)


def test_the_demo_profile_is_maria():
    profile = load_profile(EXAMPLES / "maria-sarcopenia.yaml")
    assert profile.client.name == "Maria Souza" and profile.client.age == 72
    assert profile.schedule.days == ["mon", "wed", "fri"]


def _days_allow_rest(days: list[str], sessions: int) -> bool:
    """Some choice of `sessions` days is at least two calendar days apart, week to week too."""
    order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for chosen in itertools.combinations(sorted(order.index(d) for d in days), sessions):
        gaps = [b - a for a, b in zip(chosen, chosen[1:])] + [chosen[0] + 7 - chosen[-1]]
        if min(gaps) >= 2:
            return True
    return False


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_is_valid_and_plannable(path):
    profile = load_profile(path)
    assert profile.screening.red_flags == []
    if "ckd" in profile.screening.conditions:
        assert profile.nutrition.protein_g_per_kg is not None
    pressure = profile.screening.blood_pressure_values()
    assert pressure is None or (pressure[0] <= 180 and pressure[1] <= 110)
    assert _days_allow_rest(profile.schedule.days, profile.schedule.sessions_per_week or 2)
    assert dt.date(2026, 12, 1) <= profile.schedule.start <= dt.date(2026, 12, 31)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_round_trips_through_the_model(path):
    profile = load_profile(path)
    assert Profile.model_validate(profile.model_dump()) == profile


def test_an_unusual_but_real_body_passes_once_checked(tmp_path):
    client = {"name": "Big George", "age": 60, "sex": "male", "weight_kg": 150, "height_cm": 165}
    with pytest.raises(InputError, match="was it 150 lb"):
        load_profile(write_profile(tmp_path, client=client))
    profile = load_profile(write_profile(tmp_path, client={**client, "measurements_checked": True}))
    assert profile.weight_kg == 150


def test_values_out_of_every_range_are_refused_even_when_checked(tmp_path):
    client = {"name": "A", "age": 60, "sex": "male", "weight_kg": 61, "height_cm": 65, "measurements_checked": True}
    with pytest.raises(InputError, match="write height_in: 65"):
        load_profile(write_profile(tmp_path, client=client))
