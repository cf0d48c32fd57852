"""Telling profiles, reassessments and plans apart (planner/kinds.py), and batch runs that
skip the reassessments and plans lying in a folder of profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.kinds import kind_of

REPO = Path(__file__).resolve().parent.parent
MARIA = REPO / "examples" / "maria-sarcopenia.yaml"


@pytest.mark.parametrize("data, kind", [
    ({"client": {}, "condition": "sarcopenia", "schedule": {}}, "profile"),
    ({"date": "2027-01-18", "tolerance": "good"}, "reassessment"),
    ({"date": "2027-01-18", "changes": {"weight_kg": 62}, "strength": {"quadriceps": 4}}, "reassessment"),
    ({"format": "planner.plan/1", "version": 1}, "plan"),
    ({"strength": {"quadriceps": 4}}, "profile"),      # shared keys only: the commoner file
    ({"patient": {}, "schedule": {}}, "profile"),      # misspelt, still a profile to report on
    (["mon", "wed"], None),
])
def test_kind_of(data, kind):
    assert kind_of(data) == kind


def test_batch_skips_reassessments_and_plans_and_lists_every_outcome(tmp_path, run_planner):
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "maria.yaml").write_text(MARIA.read_text())
    (folder / "broken.yaml").write_text("client: [")
    (folder / "maria-week6.yaml").write_text("date: 2027-01-18\ntolerance: good\nadherence: 0.8\n")
    assert run_planner("generate", MARIA, "-o", folder / "old-plan.json").code == 0
    out = tmp_path / "out"
    result = run_planner("generate", folder, "-o", out, "--format", "ics", "--jobs", "1")
    assert result.code == 2
    assert {p.name for p in out.iterdir()} == {"maria.ics", "maria.json"}
    assert json.loads((out / "maria.json").read_text())["format"] == "planner.plan/1"
    assert f"{folder / 'maria.yaml'}: written {out / 'maria.ics'}, {out / 'maria.json'}" in result.out
    assert f"{folder / 'broken.yaml'}: refused (exit 2)" in result.out
    assert f"{folder / 'maria-week6.yaml'}: skipped, a reassessment file" in result.out
    assert f"{folder / 'old-plan.json'}: skipped, a plan file" in result.out
    assert "1 written, 1 refused, 2 skipped" in result.out
    assert "broken.yaml" in result.err


def test_a_folder_of_good_profiles_exits_0_and_without_a_record_when_asked(tmp_path, run_planner):
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "maria.yaml").write_text(MARIA.read_text())
    (folder / "week6.yaml").write_text("date: 2027-01-18\n")
    out = tmp_path / "out"
    result = run_planner("generate", folder, "-o", out, "--format", "ics", "--jobs", "1", "--no-record")
    assert result.code == 0, result.err
    assert {p.name for p in out.iterdir()} == {"maria.ics"}


def test_a_folder_without_profiles_says_so(tmp_path, run_planner):
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "week6.yaml").write_text("date: 2027-01-18\n")
    result = run_planner("generate", folder, "-o", tmp_path / "out")
    assert result.code == 2 and "only reassessment or plan files" in result.err
