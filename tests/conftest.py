"""Shared test helpers: run the CLI in-process, and build small catalogs on disk."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.cli import main
from planner.resources import catalog_dir


@pytest.fixture(scope="session", autouse=True)
def parse_cache_in_a_temporary_folder(tmp_path_factory):
    """The run's parsed-YAML cache (planner/parse_cache.py) lives and dies with the test session."""
    patch = pytest.MonkeyPatch()
    patch.setenv("PLANNER_CACHE_DIR", str(tmp_path_factory.mktemp("parse-cache")))
    yield
    patch.undo()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_planner(monkeypatch, capsys):
    """Run `planner ARGS...` through planner.cli.main, as the console script does."""

    def run(*args) -> CliResult:
        monkeypatch.setattr(sys, "argv", ["planner", *map(str, args)])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def _exercise_entry(exercise_id: str, **fields) -> dict:
    """A valid catalog exercise (a bodyweight sit-to-stand) with some fields replaced."""
    entry = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").capitalize(),
        "modality": "land",
        "equipment": [],
        "primary_muscles": ["quadriceps"],
        "pattern": "squat",
        "dose": "reps",
        "min_grade": 3,
        "compound": True,
        "steps": ["Stand with feet hip-width apart.", "Bend the knees and hips, then stand up again."],
        "cues": ["Knees follow the toes."],
    }
    entry.update(fields)
    return entry


LENTILS = {
    "id": "lentils-cooked", "name": "Lentils, cooked", "portion": "1 cup (198 g)",
    "portion_g": 198, "protein_g": 17.9, "leucine_g": 1.3, "diet": "vegan",
    "allergens": [], "meals": ["lunch", "dinner"],
}


def _write_catalog(folder: Path, exercises: list[dict], foods: list[dict] | None = None) -> Path:
    """A catalog folder with these exercises and foods and the shipped limitation/condition rules."""
    (folder / "exercises").mkdir(parents=True, exist_ok=True)
    # JSON is valid YAML, and keeps these helpers free of a YAML writer.
    (folder / "exercises" / "test.yaml").write_text(json.dumps({"exercises": exercises}, indent=2))
    (folder / "foods.yaml").write_text(json.dumps({"foods": foods or [LENTILS]}, indent=2))
    for name in ("limitations.yaml", "conditions.yaml"):
        shutil.copy(catalog_dir() / name, folder / name)
    return folder


@pytest.fixture
def exercise_entry():
    """Factory: exercise_entry(id, **fields) -> a valid catalog exercise as a dict."""
    return _exercise_entry


@pytest.fixture
def write_catalog():
    """Factory: write_catalog(folder, exercises, foods=None) -> a catalog folder on disk."""
    return _write_catalog
