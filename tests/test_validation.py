"""`planner validate`, and the new user of issue 14: three files written from scratch, every
problem shown in one run with its fix, usual spellings accepted and stored canonical."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MARIA = REPO / "examples" / "maria-sarcopenia.yaml"

# Harold: the keys a clinician guesses. Every line marked <- is a problem to report.
HAROLD = """\
patient:                      # <- client
  name: Harold Jones
  age: 81
  sex: M
  weight: 70                  # <- weight_kg
condition: sarcopenia
schedule:
  start: 03/01/2027           # <- a date as YYYY-MM-DD
  days: [mon, wed, fri]
  minutes: 45                 # <- minutes_per_session
assessment:
  grip: 22                    # <- grip_kg
  sppb: 7                     # <- sppb_points
  tug: 14.2                   # <- timed_up_and_go_s
"""
HAROLD_EXPECTED = {
    1: "unknown key 'patient' (did you mean 'client'?)",
    5: "unknown key 'weight' (did you mean 'weight_kg'?)",
    8: "write dates as YYYY-MM-DD, e.g. 2027-01-03",
    10: "unknown key 'minutes' (did you mean 'minutes_per_session'?)",
    12: "unknown key 'grip' (did you mean 'grip_kg'?)",
    13: "unknown key 'sppb' (did you mean 'sppb_points'?)",
    14: "unknown key 'tug' (did you mean 'timed_up_and_go_s'?)",
}
HAROLD_FIXED = (HAROLD.replace("patient:", "client:").replace("weight:", "weight_kg:")
                .replace("03/01/2027", "2027-01-04").replace("minutes:", "minutes_per_session:")
                .replace("grip:", "grip_kg:").replace("sppb:", "sppb_points:").replace("tug:", "timed_up_and_go_s:"))

# George: capitals and usual forms, all safe to read (no problem at all), and one he
# weighed in pounds.
GEORGE = """\
client:
  name: George Okafor
  age: 77
  sex: M
  weight_kg: 150              # <- he weighs 150 lb
  height_cm: 165
condition: Sarcopenia
schedule:
  start: 2027-01-04
  days: [Monday, Wed, Friday]
screening:
  conditions: [COPD, Knee osteoarthritis]
strength:
  quadriceps: 4-
  Hamstrings: 4+
nutrition:
  diet: Omnivore
  avoid: [Peanut]
"""
GEORGE_EXPECTED = {5: "150 kg with 165 cm is a body mass index of 55: was it 150 lb? write weight_lb: 150"}

# Week 6 for Maria: a share as a percentage, a grade with a shade, a misspelt key.
WEEK6 = """\
date: 2027-01-18
tolerance: Good
adherence: 85%
strength:
  quadriceps: 4-
assesment:                    # <- assessment
  grip_kg: 17
changes:
  weight: 62                  # <- weight_kg
"""
WEEK6_EXPECTED = {
    6: "unknown key 'assesment' (did you mean 'assessment'?)",
    9: "unknown key 'weight' (did you mean 'weight_kg'?)",
}


def problems_by_line(out: str, path: Path) -> dict[int, str]:
    """The `file:line: key: what` lines of validate's output, by line number."""
    found = {}
    for line in out.splitlines():
        if line.startswith(f"{path}:") and not line.startswith(f"{path}: "):
            number = int(line[len(str(path)) + 1:].split(":")[0])
            found[number] = line
    return found


@pytest.mark.parametrize("text, expected, kind", [
    (HAROLD, HAROLD_EXPECTED, "profile"),
    (GEORGE, GEORGE_EXPECTED, "profile"),
    (WEEK6, WEEK6_EXPECTED, "reassessment"),
], ids=["harold", "george", "week6"])
def test_one_run_shows_every_problem_with_its_fix(text, expected, kind, tmp_path, run_planner):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_planner("validate", path)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert f"{path}: {kind}, {len(expected)} problem" in result.out
    found = problems_by_line(result.out, path)
    assert set(found) == set(expected), result.out
    for line, says in expected.items():
        assert says in found[line], found[line]


def test_generate_shows_the_same_problems_all_at_once(tmp_path, run_planner):
    path = tmp_path / "harold.yaml"
    path.write_text(HAROLD, encoding="utf-8")
    result = run_planner("generate", path, "-o", tmp_path / "harold.pdf")
    assert result.code == 2 and result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == len(HAROLD_EXPECTED)
    assert all(line.startswith(f"planner: {path}:") for line in lines)
    assert list(tmp_path.iterdir()) == [path]


def test_the_fixed_files_are_valid_and_stored_canonical(tmp_path, run_planner):
    harold = tmp_path / "harold.yaml"
    harold.write_text(HAROLD_FIXED, encoding="utf-8")
    george = tmp_path / "george.yaml"
    george.write_text(GEORGE.replace("weight_kg: 150", "weight_lb: 150"), encoding="utf-8")
    result = run_planner("validate", harold, george)
    assert result.code == 0, result.out
    assert f"{harold}: profile, valid" in result.out and f"{george}: profile, valid" in result.out

    assert run_planner("generate", george, "-o", tmp_path / "george.json").code == 0
    profile = json.loads((tmp_path / "george.json").read_text())["profile"]
    assert profile["client"]["sex"] == "male" and profile["condition"] == "sarcopenia"
    assert profile["schedule"]["days"] == ["mon", "wed", "fri"]
    assert profile["screening"]["conditions"] == ["copd", "knee_osteoarthritis"]
    assert profile["nutrition"]["diet"] == "omnivore" and profile["nutrition"]["avoid"] == ["peanuts"]
    assert profile["strength"] == {"hamstrings": 4, "quadriceps": 4}
    assert profile["strength_as_written"] == {"quadriceps": "4-", "hamstrings": "4+"}
    assert profile["client"]["weight_kg"] == pytest.approx(68.0, abs=0.1)


def test_the_fixed_reassessment_reads_the_percentage_as_a_share(tmp_path):
    from planner.reassess import load_reassessment
    path = tmp_path / "week6.yaml"
    path.write_text(WEEK6.replace("assesment:", "assessment:").replace("weight:", "weight_kg:"), encoding="utf-8")
    week6 = load_reassessment(path)
    assert week6.adherence == pytest.approx(0.85)
    assert week6.tolerance == "good" and week6.strength == {"quadriceps": 4}


def test_validate_tells_the_three_kinds_apart(tmp_path, run_planner):
    plan = tmp_path / "maria.json"
    assert run_planner("generate", MARIA, "-o", plan).code == 0
    week6 = tmp_path / "week6.yaml"
    week6.write_text("date: 2027-01-18\ntolerance: good\n", encoding="utf-8")
    result = run_planner("validate", MARIA, week6, plan)
    assert result.code == 0, result.out
    assert f"{MARIA}: profile, valid" in result.out
    assert f"{week6}: reassessment, valid" in result.out
    assert f"{plan}: plan, valid" in result.out


def test_validate_a_file_that_is_none_of_them(tmp_path, run_planner):
    listed = tmp_path / "list.yaml"
    listed.write_text("- mon\n- wed\n", encoding="utf-8")
    result = run_planner("validate", listed, tmp_path / "missing.yaml")
    assert result.code == 2
    assert f"{listed}: unknown kind, 1 problem" in result.out
    assert f"{tmp_path / 'missing.yaml'}: file not found" in result.out


def test_validate_a_broken_plan_lists_its_problems(tmp_path, run_planner):
    plan = tmp_path / "maria.json"
    assert run_planner("generate", MARIA, "-o", plan).code == 0
    data = json.loads(plan.read_text())
    data["version"] = 0
    data["weeks"][0]["phase"] = "warm"
    plan.write_text(json.dumps(data, indent=2))
    result = run_planner("validate", plan)
    assert result.code == 2
    assert f"{plan}: plan, 2 problems" in result.out
    assert ": version: " in result.out and ": weeks[0].phase: " in result.out


def test_check_points_a_profile_to_validate(run_planner):
    result = run_planner("check", MARIA)
    assert result.code == 2 and f"planner validate {MARIA}" in result.err


def test_a_real_but_unusual_new_weight_passes_once_checked(tmp_path, run_planner):
    plan = tmp_path / "maria.json"
    assert run_planner("generate", MARIA, "-o", plan).code == 0
    start = json.loads(plan.read_text())["weeks"][6]["start"]
    week7 = tmp_path / "week7.yaml"
    week7.write_text(f"date: {start}\nchanges:\n  weight_kg: 150\n", encoding="utf-8")
    refused = run_planner("reassess", plan, week7, "-o", tmp_path / "v2.json")
    assert refused.code == 2 and f"{week7}:3: changes.weight_kg:" in refused.err and "was it 150 lb" in refused.err
    week7.write_text(f"date: {start}\nchanges:\n  weight_kg: 150\n  measurements_checked: true\n", encoding="utf-8")
    result = run_planner("reassess", plan, week7, "-o", tmp_path / "v2.json")
    assert result.code == 0, result.err
    assert json.loads((tmp_path / "v2.json").read_text())["profile"]["client"]["weight_kg"] == 150


def test_a_key_in_the_wrong_section_is_told_where_it_belongs(tmp_path, run_planner):
    path = tmp_path / "p.yaml"
    path.write_text(MARIA.read_text().replace("condition: sarcopenia", "condition: sarcopenia\ngrip_kg: 14"))
    result = run_planner("validate", path)
    assert result.code == 2 and "grip_kg: unknown key 'grip_kg' here; it belongs under assessment" in result.out
