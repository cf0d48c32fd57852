"""Clocks for the benchmark: in-process stages, and the CLI as a child process with its peak memory."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CHILD = Path(__file__).resolve().parent / "child.py"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    status: int


def timed(step, *args, **kwargs):
    """(result, seconds) of one call."""
    started = time.perf_counter()
    result = step(*args, **kwargs)
    return result, time.perf_counter() - started


def run_module(module: str, *args: str, cwd: Path | None = None) -> Run:
    """`python -m MODULE ARGS` as a child (through child.py): wall time and its peak memory."""
    done = subprocess.run([sys.executable, str(CHILD), module, *args], cwd=cwd, capture_output=True,
                          text=True, check=True)
    result = json.loads(done.stdout)
    if result["status"] != 0:
        raise RuntimeError(f"{module} {' '.join(args)} exited {result['status']}: {result['stderr'].strip()}")
    return Run(result["seconds"], result["peak_mb"], result["status"])


def run_planner(*args: str, cwd: Path | None = None) -> Run:
    """`python -m planner ARGS` in a fresh process."""
    return run_module("planner", *args, cwd=cwd)


def median_run(args: list[str], repeat: int, cwd: Path | None = None, module: str = "planner") -> Run:
    """The median wall time of `repeat` runs, with the highest peak memory among them."""
    runs = [run_module(module, *args, cwd=cwd) for _ in range(repeat)]
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), 0)


def machine() -> str:
    """Cores, CPU model, Python and load, for the record."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cores()} cores (nproc), {model}, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def cores() -> int:
    """The cores this process may run on (what `nproc` prints)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _spin(count: int) -> int:
    total = 0
    for i in range(count):
        total += i * i
    return total


def parallel_ceiling(workers: int, count: int = 5_000_000, attempts: int = 2) -> float:
    """The speed-up this machine gives right now to `workers` pure-Python processes (best of attempts).

    A control for the batch figure: a virtual machine's cores can be busy with
    other guests, and then no program scales, however it is written.
    """
    from concurrent.futures import ProcessPoolExecutor

    best = 0.0
    for _ in range(attempts):
        _, alone = timed(lambda: [_spin(count) for _ in range(workers)])
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pool.submit(_spin, 1).result()  # start the workers before the clock
            _, together = timed(lambda: list(pool.map(_spin, [count] * workers)))
        best = max(best, alone / together)
    return best
