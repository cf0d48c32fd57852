"""Batch mode: one crash does not sink the batch; signals stop it cleanly; inputs are never outputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

MARIA = Path(__file__).resolve().parent.parent / "examples" / "maria-sarcopenia.yaml"


def _profiles(folder: Path, count: int, suffix: str = ".yaml") -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"client{n}{suffix}").write_text(MARIA.read_text().replace("Maria Souza", f"Client {n}"))
    return folder


def test_a_crashing_profile_is_reported_and_the_others_finish(run_planner, tmp_path, monkeypatch):
    import planner.pipeline
    real = planner.pipeline.build_plan

    def crash_on_client_1(profile, catalog):
        if profile.client.name == "Client 1":
            raise RuntimeError("a bug in the solver")
        return real(profile, catalog)

    monkeypatch.setattr(planner.pipeline, "build_plan", crash_on_client_1)
    folder = _profiles(tmp_path / "in", 3)
    out = tmp_path / "out"
    result = run_planner("generate", folder, "-o", out, "--format", "json", "--jobs", "1")
    assert result.code == 70, result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in out.iterdir()) == ["client0.json", "client2.json"]
    assert "client1.yaml: internal error" in result.err and "RuntimeError: a bug in the solver" in result.err
    assert "2 written, 1 refused, 3 profiles" in result.out


def test_a_write_failure_in_a_batch_is_exit_5_and_the_summary_prints(run_planner, tmp_path, monkeypatch):
    import errno

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    folder = _profiles(tmp_path / "in", 2)
    result = run_planner("generate", folder, "-o", tmp_path / "out", "--format", "json", "--jobs", "1")
    assert result.code == 5 and "disk is full" in result.err and "0 written, 2 refused" in result.out
    assert list((tmp_path / "out").iterdir()) == []


def test_a_batch_of_json_profiles_into_their_own_folder_never_overwrites_them(run_planner, tmp_path):
    import json
    folder = tmp_path / "in"
    folder.mkdir()
    from ruamel.yaml import YAML
    data = YAML(typ="safe").load(MARIA.read_text())
    data["schedule"]["start"] = str(data["schedule"]["start"])
    data["assessment"]["date"] = str(data["assessment"]["date"])
    for name in ("a", "b"):
        (folder / f"{name}.json").write_text(json.dumps(data))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run_planner("generate", folder, "-o", folder, "--format", "json", "--force", "--jobs", "1")
    assert result.code == 5 and "own inputs" in result.err, result.err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker processes from /proc")
@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_batch_kills_its_workers_and_keeps_finished_files(tmp_path, sig, status):
    folder = _profiles(tmp_path / "in", 8)
    out = tmp_path / "out"
    batch = subprocess.Popen([sys.executable, "-m", "planner", "generate", str(folder), "-o", str(out),
                              "--format", "html", "--jobs", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and batch.poll() is None:
        workers |= _children(batch.pid)
        if len(workers) >= 2 and out.exists() and any(out.glob("*.html")):
            break
        time.sleep(0.05)
    assert batch.poll() is None, "the batch finished before it could be interrupted"
    batch.send_signal(sig)
    stdout, stderr = batch.communicate(timeout=30)
    assert batch.returncode == status, stderr
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    assert f"interrupted by {sig.name}" in stdout and "not built" in stdout
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)], "orphaned workers"
    left = list(out.iterdir())
    assert not [p for p in left if p.name.endswith(".part")]
    programmes = [p for p in left if p.suffix == ".html"]  # each beside its plan record (.json)
    assert programmes and all(p.read_text().rstrip().endswith("</html>") for p in programmes)
