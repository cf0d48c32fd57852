"""Help that is true (issue 14): real defaults, the version, shell completion."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from planner import __version__


@pytest.mark.parametrize("command", ["generate", "reassess", "render", "validate", "init"])
def test_help_states_the_defaults(command, run_planner):
    result = run_planner(command, "--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    if command in ("generate", "reassess"):
        assert "--no-record" in text and "x.pdf -> x.json" in text
    if command == "reassess":
        assert "maria.v2.json" in text and "default: pdf" not in text.lower()


def test_the_top_level_help_starts_a_newcomer_off(run_planner):
    text = run_planner("--help").out
    for step in ("planner init", "planner validate", "planner generate", "_PLANNER_COMPLETE=bash_source"):
        assert step in text


def test_version(run_planner):
    result = run_planner("--version")
    assert result.code == 0 and __version__ in result.out


def test_shell_completion_is_clicks(tmp_path):
    env = {**os.environ, "_PLANNER_COMPLETE": "bash_complete", "COMP_WORDS": "planner val", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-m", "planner"], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0 and "validate" in done.stdout
