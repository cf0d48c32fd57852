"""Batch mode: many profiles, one programme each, in parallel over the machine's cores.

A bad profile, or one that crashes, is reported and does not stop the others; a
summary closes the run, even when SIGINT or SIGTERM stops it early.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import click

from planner.errors import InputError, InternalError, OutputError, PlannerError

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Outcome:
    profile: str
    output: str | None
    status: int
    message: str
    seconds: float


def collect_profiles(paths: list[Path]) -> list[Path]:
    """The profile files named, with folders expanded to their YAML/JSON files (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    if not found:
        raise InputError("no profiles found (.yaml, .yml or .json)", file=", ".join(map(str, paths)))
    return found


def refuse_same_names(profiles: list[Path]) -> None:
    """Two profiles named alike would write the same output file."""
    stems = [p.stem for p in profiles]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        raise InputError(f"two profiles would write the same output name: {', '.join(duplicates)}")


def not_profiles(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Split the files into profiles and (file, kind) for the reassessment and plan files among them.

    A file that cannot be read stays with the profiles, so its fault is reported.
    """
    from planner.kinds import kind_of
    from planner.sources import read_document
    profiles, skipped = [], []
    for path in paths:
        try:
            kind = kind_of(read_document(path).data)
        except PlannerError:
            kind = None
        if kind in ("reassessment", "plan"):
            skipped.append((path, kind))
        else:
            profiles.append(path)
    return profiles, skipped


def build_one(profile_path: str, out_path: str, fmt: str, force: bool, paper: str,
              catalog_folder: str | None, inputs: tuple[str, ...] = (),
              record_path: str | None = None) -> Outcome:
    """Generate and write one programme (and its plan record); every failure, a bug too, becomes an Outcome.

    One crashing profile must not take the batch (and its summary) down with it.
    """
    from planner.catalog import default_catalog, load_catalog
    from planner.output import check_output, write_atomic
    from planner.pipeline import build_plan
    from planner.profile import load_profile

    started = time.perf_counter()
    try:
        for path in filter(None, (out_path, record_path)):
            check_output(path, force=force, inputs=inputs or (profile_path,))
        profile = load_profile(profile_path)
        if fmt == "pdf":
            from planner.glyphs import check_printable, printed_profile_text
            check_printable(printed_profile_text(profile), file=profile_path)
        catalog = load_catalog(catalog_folder) if catalog_folder else default_catalog()
        plan = build_plan(profile, catalog)
        if fmt == "json":
            data = plan.to_json().encode("utf-8")
        else:
            from planner.render import render_document
            data = render_document(plan, fmt, catalog=catalog, paper=paper)
        write_atomic(out_path, data, force=force, inputs=inputs or (profile_path,))
        written = out_path
        if record_path:
            write_atomic(record_path, plan.to_json().encode("utf-8"), force=force,
                         inputs=inputs or (profile_path,))
            written += ", " + record_path
        return Outcome(profile_path, written, 0, "ok", time.perf_counter() - started)
    except PlannerError as exc:
        return Outcome(profile_path, None, exc.exit_status, exc.one_line(), time.perf_counter() - started)
    except OSError as exc:
        return Outcome(profile_path, None, OutputError.exit_status,
                       f"{profile_path}: could not write ({exc.strerror or exc})", time.perf_counter() - started)
    except Exception as exc:  # a bug: reported as one line, the other profiles go on
        return Outcome(profile_path, None, InternalError.exit_status,
                       f"{profile_path}: internal error (a bug, please report it): {type(exc).__name__}: {exc}",
                       time.perf_counter() - started)


class Interrupted(Exception):
    """SIGINT or SIGTERM arrived: stop the batch, keep what is finished."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def _raise_interrupted(signum, frame):
    # A second Ctrl-C while the workers are being stopped must not cut the clean-up short.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


def _worker_start() -> None:
    """Workers leave signals to the parent: Ctrl-C reaches the whole process group,
    and a worker dying of KeyboardInterrupt would break the pool with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop_workers(pool: ProcessPoolExecutor, grace_s: float = 1.0) -> None:
    """Terminate every worker, kill those still alive after the grace period."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + grace_s
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)
    # shutdown(wait=False) forgets the pool's manager thread, so a later shutdown(wait=True)
    # no longer waits for it; were it still closing its wake-up pipe at interpreter exit,
    # concurrent.futures' exit hook could write to that pipe and print "Bad file
    # descriptor" (CPython 3.11; seen once in the SIGINT test). Wait for it here.
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(grace_s + 5.0)


def _remove_leftovers(tasks: list[tuple]) -> None:
    """Temporary files of programmes cut short (a killed worker cannot clean up after itself)."""
    outputs = [Path(path) for task in tasks for path in (task[1], task[7]) if path]  # print and plan record
    for out in outputs:
        for leftover in out.parent.glob(f".{out.name}.*.part"):
            try:
                leftover.unlink()
            except OSError:
                pass


def _build_all(tasks: list[tuple], workers: int, bar) -> dict[int, Outcome]:
    """Outcomes by task index; raises Interrupted with those finished so far attached."""
    outcomes: dict[int, Outcome] = {}
    if workers == 1:
        try:
            for index, task in enumerate(tasks):
                outcomes[index] = build_one(*task)
                bar.update(1)
        except Interrupted as stop:
            stop.outcomes = outcomes
            raise
        return outcomes
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start)
    try:
        futures = {pool.submit(build_one, *task): index for index, task in enumerate(tasks)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                index = futures[future]
                try:
                    outcomes[index] = future.result()
                except BrokenProcessPool:
                    outcomes[index] = Outcome(tasks[index][0], None, InternalError.exit_status,
                                              f"{tasks[index][0]}: its worker process died (out of memory?)", 0.0)
                bar.update(1)
    except Interrupted as stop:
        _stop_workers(pool)
        for future, index in futures.items():
            if index not in outcomes and future.done() and not future.cancelled() and future.exception() is None:
                outcomes[index] = future.result()
        stop.outcomes = outcomes
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return outcomes


def run_batch(paths: list[Path], *, out_dir: Path | None, fmt: str, force: bool, paper: str,
              catalog_folder: str | None, jobs: int | None, record: bool = True) -> int:
    """Build every profile; print a line per failure, a progress bar and a summary. Returns the worst exit status.

    Reassessment and plan files among the inputs are skipped with a note. SIGINT and
    SIGTERM stop the batch within a second or two: workers are terminated, temporary
    files removed, finished programmes kept, the summary printed, and the exit status
    is 130 or 143.
    """
    profiles, skipped = not_profiles(collect_profiles(paths))
    if not profiles:
        for path, kind in skipped:
            click.echo(f"{path}: skipped, a {kind} file, not a profile", err=True)
        raise InputError("no profiles found, only reassessment or plan files",
                         file=", ".join(map(str, paths)))
    refuse_same_names(profiles)
    # Import the solver and load the catalog once, before the workers fork, so each
    # worker starts warm instead of repeating ~0.5 s of start-up.
    from planner.catalog import default_catalog
    import planner.pipeline  # noqa: F401
    if catalog_folder is None:
        default_catalog()
    out_dir = out_dir or Path(".")
    if str(out_dir) == "-":
        raise InputError("with several profiles, -o must be a folder, not standard output", file="-")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("with several profiles, -o must be a folder", file=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the output folder ({exc.strerror or exc})", file=str(out_dir)) from None
    workers = max(1, min(jobs or os.cpu_count() or 1, len(profiles)))
    started = time.perf_counter()
    inputs = tuple(str(p) for p in profiles)  # no programme may overwrite any profile of the run
    # The plan record is saved beside each print, as for one profile (x.pdf -> x.json).
    tasks = [(str(p), str(out_dir / f"{p.stem}.{fmt}"), fmt, force, paper, catalog_folder, inputs,
              str(out_dir / f"{p.stem}.json") if record and fmt != "json" else None) for p in profiles]
    interrupted = None
    outcomes: dict[int, Outcome] = {}
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, _raise_interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with click.progressbar(length=len(tasks), label=f"building {len(tasks)} programmes on {workers} core(s)",
                               file=sys.stderr) as bar:
            outcomes = _build_all(tasks, workers, bar)
    except Interrupted as stop:
        interrupted = stop
        outcomes = getattr(stop, "outcomes", outcomes)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if interrupted is not None:
            _remove_leftovers(tasks)
    return _summarise(tasks, outcomes, skipped, interrupted, workers, time.perf_counter() - started)


def _summarise(tasks, outcomes: dict[int, Outcome], skipped, interrupted: Interrupted | None, workers: int,
               elapsed: float) -> int:
    """One line per failure, one per file, then the summary; the worst exit status (128 + signal when interrupted)."""
    finished = [outcomes[i] for i in sorted(outcomes)]
    failures = [o for o in finished if o.status != 0]
    for outcome in failures:
        click.echo(f"planner: {outcome.message}" if outcome.profile in outcome.message
                   else f"planner: {outcome.profile}: {outcome.message}", err=True)
    for outcome in finished:
        click.echo(f"{outcome.profile}: " + (f"written {outcome.output}" if outcome.status == 0
                                             else f"refused (exit {outcome.status})"))
    for path, kind in skipped:
        click.echo(f"{path}: skipped, a {kind} file, not a profile")
    rate = len(finished) / elapsed if elapsed > 0 else 0.0
    summary = (f"{len(finished) - len(failures)} written, {len(failures)} refused, "
               + (f"{len(skipped)} skipped, " if skipped else "")
               + f"{len(finished)} profiles in {elapsed:.1f} s ({rate:.1f} per second, {workers} core(s))")
    if interrupted is not None:
        summary += f"; interrupted by {interrupted}: {len(tasks) - len(finished)} not built"
    click.echo(summary)
    if interrupted is not None:
        return 128 + interrupted.signum
    return max((o.status for o in failures), default=0)
