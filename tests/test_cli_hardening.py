"""The command line under odd conditions: every failure one line with its exit status, no file lost.

Exit 5 = the output could not be written (spec: plan.md, additions round 2).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MARIA = Path(__file__).resolve().parent.parent / "examples" / "maria-sarcopenia.yaml"


@pytest.fixture(scope="module")
def maria_plan(tmp_path_factory) -> Path:
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    path = tmp_path_factory.mktemp("plan") / "maria.json"
    path.write_text(build_plan(load_profile(MARIA), default_catalog()).to_json(), encoding="utf-8")
    return path


def one_line(result, code: int) -> str:
    assert result.code == code, (result.code, result.err)
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


# --- Inputs that are not regular files ---------------------------------------------

def test_a_fifo_profile_is_refused_at_once(run_planner, tmp_path):
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    line = one_line(run_planner("generate", fifo, "-o", tmp_path / "x.json"), 2)
    assert "not a regular file" in line and str(fifo) in line


@pytest.mark.parametrize("command", ["generate", "render", "check"])
def test_a_link_to_dev_zero_is_refused_without_reading_it(run_planner, tmp_path, command):
    link = tmp_path / "input.json"
    link.symlink_to("/dev/zero")
    args = [command, link] + ([] if command == "check" else ["-o", tmp_path / "x.json"])
    assert "not a regular file" in one_line(run_planner(*args), 2)


@pytest.mark.parametrize("command", ["render", "check"])
def test_a_folder_given_as_a_plan_is_refused(run_planner, tmp_path, command):
    folder = tmp_path / "plan.json"
    folder.mkdir()
    args = [command, folder] + ([] if command == "check" else ["-o", tmp_path / "x.json"])
    assert "folder" in one_line(run_planner(*args), 2)


def test_check_refuses_a_sparse_file_over_the_limit_from_its_size(run_planner, tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as stream:
        stream.truncate(1_500_000_000)  # 1.5 GB of nothing, costs no disk and must cost no memory
    assert "limit is" in one_line(run_planner("check", big), 2)


# --- Outputs that must not be written over -----------------------------------------

def test_generate_never_overwrites_its_own_profile_even_with_force(run_planner, tmp_path):
    profile = tmp_path / "self.yaml"
    profile.write_text(MARIA.read_text())
    line = one_line(run_planner("generate", profile, "-o", profile, "--format", "json", "--force"), 5)
    assert "own inputs" in line and profile.read_text() == MARIA.read_text()


def test_reassess_never_overwrites_its_reassessment_file(run_planner, tmp_path, maria_plan):
    re = tmp_path / "re.yaml"
    start = json.loads(maria_plan.read_text())["weeks"][6]["start"]
    re.write_text(f"date: {start}\n")
    before = re.read_text()
    line = one_line(run_planner("reassess", maria_plan, re, "-o", re, "--format", "json", "--force"), 5)
    assert "own inputs" in line and re.read_text() == before


def test_force_does_not_turn_a_fifo_into_a_file(run_planner, tmp_path, maria_plan):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line(run_planner("render", maria_plan, "-o", fifo, "--force"), 5)
    assert fifo.is_fifo()


def test_a_dangling_link_is_not_replaced_without_force(run_planner, tmp_path, maria_plan):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere.json")
    assert "already exists" in one_line(run_planner("render", maria_plan, "-o", link), 2)
    assert link.is_symlink()


# --- Writing that fails -------------------------------------------------------------

@pytest.mark.parametrize("code, says", [(errno.ENOSPC, "disk is full"), (errno.EACCES, "permission denied"),
                                        (errno.EROFS, "read-only")])
def test_a_failed_write_is_exit_5_in_one_line_and_keeps_the_old_file(run_planner, tmp_path, maria_plan,
                                                                     monkeypatch, code, says):
    out = tmp_path / "again.json"
    out.write_text("last week's\n")

    def refuse(*args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("os.fsync", refuse)
    line = one_line(run_planner("render", maria_plan, "-o", out, "--force"), 5)
    assert says in line and str(out) in line
    assert out.read_text() == "last week's\n" and [p.name for p in tmp_path.iterdir()] == ["again.json"]


def test_an_unwritable_output_folder_is_exit_5(run_planner, tmp_path, maria_plan, monkeypatch):
    real_access = os.access
    monkeypatch.setattr("os.access", lambda path, mode: False if Path(path) == tmp_path else real_access(path, mode))
    line = one_line(run_planner("render", maria_plan, "-o", tmp_path / "x.json"), 5)
    assert "permission denied" in line


def test_an_unwritable_working_folder_is_exit_5(tmp_path, maria_plan):
    # The default output name lands in the working folder; as root, chmod cannot stop us,
    # so a read-only place is taken from /proc, which refuses every new file.
    done = subprocess.run([sys.executable, "-m", "planner", "render", str(maria_plan), "-o", "/proc/x.json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 5 and "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_stdout_on_a_full_device_is_exit_5_after_the_file_is_written(tmp_path, maria_plan):
    out = tmp_path / "again.json"
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "planner", "render", str(maria_plan), "-o", str(out)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and out.read_text() == maria_plan.read_text()


def test_dash_writes_the_document_to_stdout(tmp_path, maria_plan):
    done = subprocess.run([sys.executable, "-m", "planner", "render", str(maria_plan), "-o", "-", "--format", "json"],
                          capture_output=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == maria_plan.read_bytes()
    assert b"wrote standard output" in done.stderr and list(tmp_path.iterdir()) == []


def test_dash_on_a_full_device_is_exit_5(tmp_path, maria_plan):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "planner", "render", str(maria_plan), "-o", "-",
                               "--format", "ics"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 5 and "standard output" in done.stderr and "disk is full" in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_generate_to_stdout(tmp_path):
    done = subprocess.run([sys.executable, "-m", "planner", "generate", str(MARIA), "-o", "-", "--format", "json"],
                          capture_output=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["format"] == "planner.plan/1" and list(tmp_path.iterdir()) == []


# --- Bugs are one line too -----------------------------------------------------------

def test_an_unexpected_error_is_one_line_exit_70(run_planner, tmp_path, maria_plan, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("planner.cli._rendered", broken)
    line = one_line(run_planner("render", maria_plan, "-o", tmp_path / "x.pdf"), 70)
    assert "internal error" in line and "PLANNER_DEBUG" in line
    assert not (tmp_path / "x.pdf").exists()


def test_sigterm_ends_a_single_run_with_143_and_no_temporary_file(tmp_path):
    import signal
    import time
    out = tmp_path / "maria.pdf"
    run = subprocess.Popen([sys.executable, "-m", "planner", "generate", str(MARIA), "-o", str(out)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    if run.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143 and "Traceback" not in stderr and "terminated" in stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_sigterm_inside_a_c_extension_import_still_ends_as_terminated(monkeypatch):
    # A C extension's import turns the handler's SystemExit into "ImportError: initialization
    # failed"; that must not be reported as a bug (exit 70).
    from planner import cli

    def interrupted_import(**_):
        raise ImportError("initialization failed")

    monkeypatch.setattr(cli, "_TERMINATED_WITH", 143)
    monkeypatch.setattr(cli.cli, "main", interrupted_import)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 143
