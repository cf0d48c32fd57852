"""`make bench`: how fast and how big `planner generate` is on this machine.

Prints, for every profile in examples/: solve time and status, nutrition
time, HTML and PDF render time, end-to-end `planner generate -o x.pdf` (median
of --repeat runs, as a child process) with its peak memory, and the ratio of
that end-to-end time to WeasyPrint alone on the same HTML. Then the same for
8, 10 and 12 weeks, with the exercise catalog scaled --factor times, batch
throughput on one core and on all, and the targets met or missed.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml import YAML

from measure import Run, cores, machine, median_run, run_planner, timed
from scaled import write_scaled_catalog

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
WEEKS_EXAMPLE = EXAMPLES / "maria-sarcopenia.yaml"

TARGET_E2E_S = 2.0        # 12-week PDF, end to end, median
TARGET_SOLVE_S = 0.5      # and the status must be OPTIMAL
TARGET_PEAK_MB = 300.0
TARGET_OVERHEAD = 1.3     # end to end / WeasyPrint alone


@dataclass
class Row:
    label: str
    weeks: int
    solve_s: float
    status: str
    nutrition_s: float
    plan_s: float
    html_s: float | None = None
    pdf_s: float | None = None
    e2e: Run | None = None
    weasyprint_s: float | None = None

    @property
    def overhead(self) -> float | None:
        if self.e2e is None or not self.weasyprint_s:
            return None
        return self.e2e.seconds / self.weasyprint_s


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """Print a plain-text table (also valid Markdown)."""
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
    print(f"\n### {title}\n")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
    sys.stdout.flush()


def stage_rows(rows: list[Row]) -> list[list[str]]:
    return [[r.label, r.weeks, seconds(r.solve_s), r.status, seconds(r.nutrition_s), seconds(r.plan_s),
             seconds(r.html_s), seconds(r.pdf_s), seconds(r.e2e.seconds if r.e2e else None),
             f"{r.e2e.peak_mb:.0f}" if r.e2e else "-", seconds(r.weasyprint_s),
             f"{r.overhead:.2f}" if r.overhead else "-"] for r in rows]


STAGE_HEADER = ["profile", "weeks", "solve s", "status", "nutrition s", "plan s", "HTML s", "PDF s",
                "end-to-end s", "peak MB", "WeasyPrint alone s", "overhead"]


def measure_profile(path: Path, catalog, folder: Path, repeat: int, *, label: str | None = None,
                    catalog_folder: Path | None = None, pdf: bool = True, e2e_format: str | None = None) -> Row:
    """One row: the in-process stages (PDF ones when `pdf`), then `planner generate` end to end."""
    from planner.profile import load_profile
    from stages import measure

    profile = load_profile(path)
    stages = measure(profile, catalog, pdf=pdf)
    row = Row(label or path.stem, profile.schedule.weeks, stages.solve_s, stages.status, stages.nutrition_s,
              stages.plan_s, stages.html_s, stages.pdf_s, weasyprint_s=stages.weasyprint_s)
    fmt = e2e_format or ("pdf" if pdf else "json")
    args = ["generate", str(path), "-o", str(folder / f"{path.stem}.{fmt}"), "--force"]
    if catalog_folder:
        args += ["--catalog", str(catalog_folder)]
    row.e2e = median_run(args, repeat)
    return row


def with_weeks(source: Path, weeks: int, folder: Path) -> Path:
    """A copy of a profile with schedule.weeks replaced."""
    yaml = YAML()
    data = yaml.load(source.read_text(encoding="utf-8"))
    data["schedule"]["weeks"] = weeks
    path = folder / f"{source.stem}-{weeks}w.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return path


def batch_throughput(examples: list[Path], count: int, folder: Path, jobs: int) -> tuple[float, float]:
    """(plans per second, wall seconds) of `planner generate FOLDER --format json --jobs N`."""
    profiles = folder / "batch-profiles"
    if not profiles.exists():
        profiles.mkdir()
        for index in range(count):
            source = examples[index % len(examples)]
            shutil.copy(source, profiles / f"{index:02d}-{source.name}")
    out = folder / f"batch-out-{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    run = run_planner("generate", str(profiles), "-o", str(out), "--format", "json", "--jobs", str(jobs))
    written = len(list(out.glob("*.json")))
    if written != count:
        raise RuntimeError(f"batch wrote {written} of {count} plans")
    return count / run.seconds, run.seconds


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="End-to-end runs per figure (median).")
    parser.add_argument("--factor", type=int, default=10, help="How many times to copy the exercise catalog.")
    parser.add_argument("--batch", type=int, default=16, help="Profiles in the batch run.")
    parser.add_argument("--only", default="*", help="Glob of example names to run (default: all).")
    options = parser.parse_args(argv)

    from planner.catalog import default_catalog, load_catalog
    from planner.pipeline import build_plan

    started = time.perf_counter()
    examples = sorted(EXAMPLES.glob(f"{options.only}.yaml"))
    if not examples:
        parser.error(f"no example matches {options.only!r}")
    print(f"# planner bench, {dt.date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"end to end: `planner generate PROFILE -o x.pdf` in a fresh process, median of {options.repeat}; "
          "peak memory: max RSS of that process")
    _, import_s = timed(lambda: __import__("planner.render.pdf"))
    catalog, catalog_s = timed(default_catalog)
    print(f"in-process: catalog load {catalog_s:.2f} s ({len(catalog.exercises)} exercises)")

    with tempfile.TemporaryDirectory(prefix="planner-bench-") as temporary:
        folder = Path(temporary)
        rows = [measure_profile(path, catalog, folder, options.repeat) for path in examples]
        table("Examples, shipped catalog", STAGE_HEADER, stage_rows(rows))

        weeks_rows = []
        for weeks in (8, 10, 12):
            same = [r for r in rows if r.label == WEEKS_EXAMPLE.stem and r.weeks == weeks]
            path = with_weeks(WEEKS_EXAMPLE, weeks, folder)
            row = same[0] if same else measure_profile(path, catalog, folder, options.repeat)
            weeks_rows.append(replace(row, label=f"{WEEKS_EXAMPLE.stem} {weeks} weeks"))
        table(f"Plan length ({WEEKS_EXAMPLE.name} with schedule.weeks edited)", STAGE_HEADER,
              stage_rows(weeks_rows))

        scaled_folder = write_scaled_catalog(folder / "catalog-scaled", options.factor)
        scaled, scaled_load_s = timed(load_catalog, scaled_folder)
        scaled_rows = [measure_profile(path, scaled, folder, 1, catalog_folder=scaled_folder, pdf=False)
                       for path in examples]
        headline = measure_profile(WEEKS_EXAMPLE, scaled, folder, options.repeat, catalog_folder=scaled_folder,
                                   label=f"{WEEKS_EXAMPLE.stem} (PDF)", pdf=False, e2e_format="pdf")
        table(f"Catalog scaled {options.factor}x ({len(scaled.exercises)} exercises, loaded in "
              f"{scaled_load_s:.2f} s); end to end writes JSON (one run) except the (PDF) row",
              STAGE_HEADER, stage_rows(scaled_rows + [headline]))

        version = median_run(["--version"], options.repeat)
        as_json = median_run(["generate", str(WEEKS_EXAMPLE), "-o", str(folder / "plan.json"), "--force"],
                             options.repeat)
        twelve_rows = [r for r in weeks_rows if r.weeks == 12]
        if twelve_rows and twelve_rows[0].weasyprint_s:
            pdf_row = twelve_rows[0]
            from planner.profile import load_profile
            from stages import weasyprint_alone
            paused = weasyprint_alone(build_plan(load_profile(WEEKS_EXAMPLE), catalog), catalog, collector=False)
            table(f"Where the end-to-end time goes ({WEEKS_EXAMPLE.stem}, 12 weeks, fresh processes)",
                  ["step", "s"],
                  [["`planner --version` (interpreter start, CLI import)", seconds(version.seconds)],
                   ["`planner generate -o plan.json` (+ solver, nutrition, JSON)", seconds(as_json.seconds)],
                   ["in-process PDF render (view, HTML, WeasyPrint)", seconds(pdf_row.pdf_s)],
                   ["WeasyPrint alone on the same print HTML", seconds(pdf_row.weasyprint_s)],
                   ["the same, garbage collector paused (as planner's renderer does)", seconds(paused)],
                   ["`planner generate -o x.pdf`", seconds(pdf_row.e2e.seconds)]])

        all_cores = cores()
        one, one_s = batch_throughput(examples, options.batch, folder, 1)
        many, many_s = batch_throughput(examples, options.batch, folder, all_cores)
        table(f"Batch: {options.batch} profiles, --format json",
              ["jobs", "wall s", "plans per second", "speed-up"],
              [[1, seconds(one_s), f"{one:.2f}", "1.00"],
               [all_cores, seconds(many_s), f"{many:.2f}", f"{many / one:.2f}"]])

        shipped = rows + [w for w in weeks_rows if not any(w.e2e is r.e2e for r in rows)]
        e2e_12 = statistics.median(r.e2e.seconds for r in shipped if r.weeks == 12)
        every = shipped + scaled_rows + [headline]
        slowest_solve = max(every, key=lambda r: r.solve_s)
        not_optimal = sorted({r.label for r in every if r.status != "OPTIMAL"})
        peak = max(r.e2e.peak_mb for r in every)
        overheads = [r.overhead for r in shipped if r.overhead]
        table("Targets", ["target", "measured", "verdict"], [
            [f"12-week PDF end to end < {TARGET_E2E_S:.0f} s (median over the 12-week rows)",
             f"{e2e_12:.2f} s", verdict(e2e_12 < TARGET_E2E_S)],
            [f"solve OPTIMAL in < {TARGET_SOLVE_S} s (slowest row)",
             f"{slowest_solve.solve_s:.2f} s ({slowest_solve.label}); not optimal: {', '.join(not_optimal) or 'none'}",
             verdict(slowest_solve.solve_s < TARGET_SOLVE_S and not not_optimal)],
            [f"peak memory < {TARGET_PEAK_MB:.0f} MB (largest child)", f"{peak:.0f} MB", verdict(peak < TARGET_PEAK_MB)],
            [f"overhead (end to end / WeasyPrint alone) < {TARGET_OVERHEAD}",
             f"{min(overheads):.2f}..{max(overheads):.2f}", verdict(max(overheads) < TARGET_OVERHEAD)],
            ["batch scales with cores", f"{many / one:.2f}x on {all_cores} cores",
             verdict(all_cores == 1 or many / one > 1 + 0.5 * (all_cores - 1))],
        ])
    print(f"\nbench took {time.perf_counter() - started:.0f} s; in-process import of the PDF renderer "
          f"{import_s:.2f} s; load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
