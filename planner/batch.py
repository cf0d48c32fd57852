"""Batch mode: many profiles, one programme each, in parallel over the machine's cores.

A bad profile is reported and does not stop the others; a summary closes the run.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click

from planner.errors import InputError, PlannerError

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
              catalog_folder: str | None, record_path: str | None = None) -> Outcome:
    """Generate and write one programme (and its plan record); refusals become an Outcome, bugs propagate."""
    from planner.catalog import default_catalog, load_catalog
    from planner.output import write_atomic
    from planner.pipeline import build_plan
    from planner.profile import load_profile

    started = time.perf_counter()
    try:
        for path in filter(None, (out_path, record_path)):
            if Path(path).exists() and not force:
                raise InputError("already exists; use --force to overwrite it", file=path)
        profile = load_profile(profile_path)
        catalog = load_catalog(catalog_folder) if catalog_folder else default_catalog()
        plan = build_plan(profile, catalog)
        if fmt == "json":
            data = plan.to_json().encode("utf-8")
        else:
            from planner.render import render_document
            data = render_document(plan, fmt, catalog=catalog, paper=paper)
        write_atomic(out_path, data, force=force)
        written = out_path
        if record_path:
            write_atomic(record_path, plan.to_json().encode("utf-8"), force=force)
            written += ", " + record_path
        return Outcome(profile_path, written, 0, "ok", time.perf_counter() - started)
    except PlannerError as exc:
        return Outcome(profile_path, None, exc.exit_status, exc.one_line(), time.perf_counter() - started)


def run_batch(paths: list[Path], *, out_dir: Path | None, fmt: str, force: bool, paper: str,
              catalog_folder: str | None, jobs: int | None, record: bool = True) -> int:
    """Build every profile; print a line per failure, a progress bar and a summary. Returns the worst exit status."""
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
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("with several profiles, -o must be a folder", file=str(out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(profiles)))
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    # The plan record is saved beside each print, as for one profile (x.pdf -> x.json).
    tasks = [(str(p), str(out_dir / f"{p.stem}.{fmt}"), fmt, force, paper, catalog_folder,
              str(out_dir / f"{p.stem}.json") if record and fmt != "json" else None) for p in profiles]
    with click.progressbar(length=len(tasks), label=f"building {len(tasks)} programmes on {workers} core(s)",
                           file=sys.stderr) as bar:
        if workers == 1:
            for task in tasks:
                outcomes.append(build_one(*task))
                bar.update(1)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(build_one, *task) for task in tasks]
                for future in futures:
                    outcomes.append(future.result())
                    bar.update(1)
    elapsed = time.perf_counter() - started
    failures = [o for o in outcomes if o.status != 0]
    for outcome in failures:
        click.echo(f"planner: {outcome.message}" if outcome.profile in outcome.message
                   else f"planner: {outcome.profile}: {outcome.message}", err=True)
    for outcome in outcomes:
        click.echo(f"{outcome.profile}: " + (f"written {outcome.output}" if outcome.status == 0
                                             else f"refused (exit {outcome.status})"))
    for path, kind in skipped:
        click.echo(f"{path}: skipped, a {kind} file, not a profile")
    click.echo(f"{len(outcomes) - len(failures)} written, {len(failures)} refused, "
               + (f"{len(skipped)} skipped, " if skipped else "")
               + f"{len(outcomes)} profiles in {elapsed:.1f} s ({len(outcomes) / elapsed:.1f} per second, "
               f"{workers} core(s))")
    return max((o.status for o in failures), default=0)
