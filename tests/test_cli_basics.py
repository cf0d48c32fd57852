"""The CLI frame: version, schema, and the catalog commands (spec/plan.md, issue 2)."""

from __future__ import annotations

import json
import subprocess
import sys

from planner import __version__
from planner.catalog import default_catalog
from planner.vocab import MUSCLE_GROUPS


def test_version(run_planner):
    result = run_planner("--version")
    assert result.code == 0 and result.out.strip() == f"planner, version {__version__}"


def test_python_m_planner_runs_in_a_fresh_interpreter(tmp_path):
    done = subprocess.run([sys.executable, "-m", "planner", "--version"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0 and __version__ in done.stdout


def test_schema_is_the_profile_json_schema_with_descriptions(run_planner):
    result = run_planner("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert {"client", "condition", "schedule"} <= set(schema["required"])
    assert {"client", "condition", "neurogenic_cause", "affected", "active", "schedule", "equipment",
            "limitations", "targets", "strength", "assessment", "screening", "nutrition",
            "clinician", "exercises", "priority", "print"} <= set(schema["properties"])  # the contract's keys; additions beside them
    for section in ("Client", "Schedule"):
        for name, field in schema["$defs"][section]["properties"].items():
            assert field.get("description"), f"{section}.{name} has no description"


def test_schema_of_the_plan(run_planner):
    result = run_planner("schema", "--plan")
    assert result.code == 0 and "properties" in json.loads(result.out)


def listed_ids(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if line.strip()]


def test_catalog_list_by_muscle_and_modality(run_planner):
    result = run_planner("catalog", "list", "--muscle", "calves", "--modality", "aquatic")
    assert result.code == 0
    ids = listed_ids(result.out)
    assert len(ids) >= 2  # the coverage minimum for aquatic work per muscle group
    exercises = default_catalog().exercises
    for exercise_id in ids:
        assert exercises[exercise_id].modality == "aquatic"
        assert "calves" in exercises[exercise_id].primary_muscles


def test_catalog_list_equipment_none_is_exactly_the_bodyweight_work(run_planner):
    result = run_planner("catalog", "list", "--equipment", "none")
    assert result.code == 0
    expected = {e.id for e in default_catalog().exercises.values() if not e.needs}
    assert set(listed_ids(result.out)) == expected and expected


def test_catalog_list_foods(run_planner):
    result = run_planner("catalog", "list", "--foods")
    assert result.code == 0 and set(listed_ids(result.out)) == set(default_catalog().foods)


def test_catalog_show_an_exercise(run_planner):
    exercise = next(iter(default_catalog().exercises.values()))
    result = run_planner("catalog", "show", exercise.id)
    assert result.code == 0
    assert result.out.splitlines()[0] == f"{exercise.name} ({exercise.id})"
    assert all(step in result.out for step in exercise.steps)


def test_catalog_show_an_unknown_id_is_one_line_and_exit_2(run_planner):
    result = run_planner("catalog", "show", "no-such-exercise")
    assert result.code == 2 and result.out == ""
    assert len(result.err.splitlines()) == 1 and "no-such-exercise" in result.err


def test_catalog_validate_passes_on_the_shipped_catalog(run_planner):
    result = run_planner("catalog", "validate")
    assert result.code == 0, result.out
    assert "gap:" not in result.out
    for muscle in MUSCLE_GROUPS:
        assert any(line.startswith(muscle) for line in result.out.splitlines())


def test_catalog_validate_lists_gaps_and_exits_1(run_planner, tmp_path, exercise_entry, write_catalog):
    folder = write_catalog(tmp_path / "catalog", [exercise_entry("sit-to-stand")])
    result = run_planner("catalog", "validate", "--catalog", folder)
    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("quadriceps") for line in lines)  # the table comes first
    gaps = [line for line in lines if line.startswith("gap: ")]
    assert "gap: chest: 0 land exercise(s); at least 3 needed" in gaps
    assert "catalog ok" not in result.out


def test_a_missing_catalog_folder_is_one_line_and_exit_2(run_planner, tmp_path):
    result = run_planner("catalog", "list", "--catalog", tmp_path / "nowhere")
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert str(tmp_path / "nowhere") in result.err
