"""The commands end to end: generate, reassess, render, check; files and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MARIA = REPO / "examples" / "maria-sarcopenia.yaml"


@pytest.fixture(scope="module")
def maria_json(tmp_path_factory):
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    path = tmp_path_factory.mktemp("plans") / "maria.json"
    path.write_text(build_plan(load_profile(MARIA), default_catalog()).to_json())
    return path


def test_generate_json_follows_the_suffix(run_planner, tmp_path):
    out = tmp_path / "plan.json"
    result = run_planner("generate", MARIA, "-o", out)
    assert result.code == 0, result.err
    assert json.loads(out.read_text())["format"] == "planner.plan/1"


def test_generate_never_overwrites_without_force(run_planner, tmp_path):
    out = tmp_path / "plan.json"
    out.write_text("keep me")
    result = run_planner("generate", MARIA, "-o", out)
    assert result.code == 2 and "--force" in result.err and out.read_text() == "keep me"
    assert run_planner("generate", MARIA, "-o", out, "--force").code == 0
    assert out.read_text().startswith("{")


def test_generate_default_name_is_the_profile_stem(run_planner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_planner("generate", MARIA, "--format", "json").code == 0
    assert (tmp_path / "maria-sarcopenia.json").exists()


def test_unknown_suffix_needs_a_format(run_planner, tmp_path):
    result = run_planner("generate", MARIA, "-o", tmp_path / "plan.docx")
    assert result.code == 2 and not (tmp_path / "plan.docx").exists()


def test_red_flag_exit_3_and_nothing_written(run_planner, tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text(MARIA.read_text().replace("red_flags: []", "red_flags: [chest_pain]"))
    out = tmp_path / "plan.json"
    result = run_planner("generate", profile, "-o", out)
    assert result.code == 3 and "medical attention" in result.err and not out.exists()
    assert len(result.err.strip().splitlines()) == 1


def test_impossible_days_exit_4_naming_the_days(run_planner, tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text(MARIA.read_text().replace("days: [mon, wed, fri]", "days: [mon, tue]"))
    result = run_planner("generate", profile, "-o", tmp_path / "plan.json")
    assert result.code == 4 and "mon, tue" in result.err and not (tmp_path / "plan.json").exists()


def test_check_passes_a_generated_plan(run_planner, maria_json):
    result = run_planner("check", maria_json)
    assert result.code == 0 and "every rule holds" in result.out


def test_check_finds_a_hand_made_rest_violation(run_planner, maria_json, tmp_path):
    plan = json.loads(maria_json.read_text())
    first, second = plan["weeks"][0]["sessions"][:2]
    # move the second session to the day after the first: the same muscles twice in 48 h
    import datetime as dt
    day = dt.date.fromisoformat(first["date"]) + dt.timedelta(days=1)
    second["date"], second["weekday"] = day.isoformat(), day.strftime("%a").lower()
    second["exercises"] = first["exercises"]
    second["muscle_groups"] = first["muscle_groups"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(plan))
    result = run_planner("check", broken)
    assert result.code == 1 and "rest" in result.out


def test_check_refuses_a_file_that_is_not_a_plan(run_planner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    result = run_planner("check", bad)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1


def test_reassess_writes_a_new_version_and_keeps_the_old(run_planner, maria_json, tmp_path):
    plan_path = tmp_path / "maria.json"
    plan_path.write_text(maria_json.read_text())
    before = plan_path.read_bytes()
    week7 = json.loads(before)["weeks"][6]["start"]
    re = tmp_path / "week6.yaml"
    re.write_text(f"date: {week7}\nassessment: {{grip_kg: 19, walk_6min_m: 380}}\ntolerance: good\n"
                  "adherence: 0.9\n")
    result = run_planner("reassess", plan_path, re)
    assert result.code == 0, result.err
    new_path = tmp_path / "maria.v2.json"
    assert plan_path.read_bytes() == before and new_path.exists()
    new = json.loads(new_path.read_text())
    assert new["version"] == 2 and new["history"][-1]["action"] == "reassess"
    assert run_planner("check", new_path, "--previous", plan_path).code == 0


def test_reassess_refuses_to_write_over_its_input(run_planner, maria_json, tmp_path):
    plan_path = tmp_path / "maria.json"
    plan_path.write_text(maria_json.read_text())
    re = tmp_path / "re.yaml"
    re.write_text(f"date: {json.loads(maria_json.read_text())['weeks'][6]['start']}\n")
    result = run_planner("reassess", plan_path, re, "-o", plan_path, "--force")
    assert result.code == 2 and plan_path.read_text() == maria_json.read_text()


def test_reassessment_red_flag_exit_3(run_planner, maria_json, tmp_path):
    re = tmp_path / "re.yaml"
    re.write_text(f"date: {json.loads(maria_json.read_text())['weeks'][6]['start']}\nred_flags: [chest_pain]\n")
    out = tmp_path / "v2.json"
    result = run_planner("reassess", maria_json, re, "-o", out)
    assert result.code == 3 and not out.exists()


def test_render_json_round_trips(run_planner, maria_json, tmp_path):
    out = tmp_path / "again.json"
    assert run_planner("render", maria_json, "-o", out).code == 0
    assert out.read_text() == maria_json.read_text()


def test_commands_run_in_a_long_lived_process_leave_the_garbage_collector_on(run_planner, maria_json, tmp_path):
    # The console script switches the collector off for its one document (planner.cli._one_document);
    # main() called in a process that goes on (these tests, a notebook) must not.
    import gc
    assert run_planner("render", maria_json, "-o", tmp_path / "again.ics").code == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_console_script_leaves_its_garbage_to_the_operating_system(maria_json, tmp_path):
    import subprocess
    import sys
    probe = ("import gc, sys; from planner import cli; sys.argv = ['planner', 'render', sys.argv[1], '-o', sys.argv[2]]\n"
             "try:\n    cli.run()\nfinally:\n    print(gc.isenabled(), gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", probe, str(maria_json), str(tmp_path / "x.ics")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["False", "True"]


def test_render_refuses_a_profile_given_as_plan(run_planner, tmp_path):
    result = run_planner("render", MARIA, "-o", tmp_path / "x.json")
    assert result.code == 2 and "format" in result.err


def test_batch_builds_each_and_reports_the_bad_one(run_planner, tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "maria.yaml").write_text(MARIA.read_text())
    (folder / "broken.yaml").write_text("client: [")
    out = tmp_path / "out"
    result = run_planner("generate", folder, "-o", out, "--format", "json", "--jobs", "1")
    assert result.code == 2
    assert (out / "maria.json").exists() and not (out / "broken.json").exists()
    assert "broken.yaml" in result.err and "1 written, 1 refused" in result.out


def test_an_unknown_excluded_exercise_is_bad_input_naming_the_key(run_planner, tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text(MARIA.read_text() + "exercises:\n  exclude: [wall-plank, no-such-exercise]\n")
    out = tmp_path / "plan.json"
    result = run_planner("generate", profile, "-o", out)
    assert result.code == 2 and "exercises.exclude" in result.err and "no-such-exercise" in result.err
    assert not out.exists() and len(result.err.strip().splitlines()) == 1
