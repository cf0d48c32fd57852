"""The command line: a thin layer over the pipeline (spec/plan.md, "The commands").

Every user-facing refusal is a PlannerError shown as one line with its exit
status; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import click

from planner import __version__
from planner.errors import InputError, PlannerError

FORMATS = ("pdf", "html", "json", "ics")


def _format_for(out: Path | None, fmt: str | None) -> str:
    """The format asked for, else the one OUT's suffix names, else PDF."""
    if fmt:
        return fmt
    if out is not None and out.suffix.lower().lstrip(".") in FORMATS:
        return out.suffix.lower().lstrip(".")
    if out is not None and out.suffix:
        raise InputError(f"cannot tell the format from {out.suffix!r}; use --format", file=str(out))
    return "pdf"


def _catalog(folder: str | None):
    from planner.catalog import default_catalog, load_catalog
    return load_catalog(folder) if folder else default_catalog()


def with_file(path, step, *args):
    """Run a pipeline step; an input error about a key is attributed to the profile file."""
    try:
        return step(*args)
    except InputError as exc:
        if exc.file is None:
            line = exc.line
            if exc.key and line is None:
                from planner.sources import read_document
                line = read_document(path).line_of(tuple(exc.key.split(".")))
            raise InputError(exc.message, file=str(path), key=exc.key, line=line) from None
        raise


# True when the console script (or `python -m planner`) runs: the process ends with the command.
# Tests call main() in their own long-lived process and leave it False.
_OWN_PROCESS = False


def _one_document() -> None:
    """This process makes one document and ends: leave its garbage to the operating system.

    Laying out a programme leaves some 330,000 objects in reference cycles behind
    (WeasyPrint's boxes and styles); collecting them takes about 0.3 s, at the end of
    the render or at interpreter exit, only to free memory the operating system takes
    back a moment later anyway. So the cyclic collector stays off for the command and
    what it allocated is frozen out of the exit collection. Batch runs do not come here:
    their workers render many plans and keep collecting.
    """
    if _OWN_PROCESS:
        gc.disable()


def _done() -> None:
    if _OWN_PROCESS and not gc.isenabled():
        gc.freeze()


def _rendered(plan, fmt: str, catalog, paper: str | None, **printing) -> bytes:
    if fmt == "json":
        return plan.to_json().encode("utf-8")
    from planner.render import render_document
    paper = paper or getattr(getattr(plan.profile, "print", None), "paper", None) or "a4"
    return render_document(plan, fmt, catalog=catalog, paper=paper, **printing)


catalog_option = click.option("--catalog", "catalog_folder", type=click.Path(file_okay=False),
                              help="Use another catalog folder (default: the shipped one).")
paper_option = click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
                            help="Paper size for PDF and print; default: the profile's print.paper, else a4.")


def print_options(command):
    """--large-print/--standard-print and --clinician, shared by generate, reassess and render."""
    command = click.option("--clinician", "clinician_only", is_flag=True,
                           help="Write only the clinician's page (flags, sources, decisions).")(command)
    return click.option("--large-print/--standard-print", "large", default=None,
                        help="Large print (16 pt, one session a page); default: the profile's "
                             "print.large, which is 'auto' = from age 75.")(command)


def _printing(large, clinician_only, from_week: int = 1) -> dict:
    return {"large": large, "part": "clinician" if clinician_only else "all", "from_week": from_week}
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS),
                             help="Output format; default: from OUT's suffix, else pdf.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planner")
def cli() -> None:
    """Build and print progressive exercise and protein plans for recovering lost muscle."""


@cli.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", type=click.Path(), help="Output file (one profile) or folder (several).")
@format_option
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@paper_option
@catalog_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Profiles built in parallel (batch mode); default: all cores.")
@print_options
def generate(profiles, out, fmt, force, paper, catalog_folder, jobs, large, clinician_only) -> None:
    """Build the plan for PROFILE and write it (PDF, HTML, JSON or calendar)."""
    paths = [Path(p) for p in profiles]
    if len(paths) > 1 or paths[0].is_dir():
        from planner.batch import run_batch
        worst = run_batch(paths, out_dir=Path(out) if out else None, fmt=fmt or "pdf", force=force,
                             paper=paper or "a4", catalog_folder=catalog_folder, jobs=jobs)
        sys.exit(worst)
    from planner.profile import load_profile
    from planner.output import write_atomic
    out_path = Path(out) if out else None
    chosen = _format_for(out_path, fmt)
    if out_path is None:
        out_path = Path(paths[0].stem + "." + chosen)
    if out_path.exists() and not force:
        raise InputError("already exists; use --force to overwrite it", file=str(out_path))
    profile = load_profile(paths[0])  # before the solver is imported: bad input is refused at once
    _one_document()
    from planner.pipeline import build_plan
    catalog = _catalog(catalog_folder)
    plan = with_file(paths[0], build_plan, profile, catalog)
    write_atomic(out_path, _rendered(plan, chosen, catalog, paper, **_printing(large, clinician_only)),
                 force=force)
    click.echo(f"wrote {out_path} ({chosen}, {len(plan.weeks)} weeks, "
               f"{sum(len(w.sessions) for w in plan.weeks)} sessions)")
    for warning in plan.warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.argument("reassessment_file", type=click.Path())
@click.option("-o", "--out", type=click.Path(), help="Output file; default: PLAN stem with the new version.")
@format_option
@click.option("--force", is_flag=True, help="Overwrite an existing output file (never the input plan).")
@paper_option
@catalog_option
@print_options
def reassess(plan_file, reassessment_file, out, fmt, force, paper, catalog_folder, large, clinician_only) -> None:
    """Rebuild the weeks from the reassessment date on; earlier weeks stay as they were."""
    from planner.reassess import load_reassessment, reassess_plan
    from planner.planfile import load_plan
    from planner.output import write_atomic
    _one_document()
    old = load_plan(plan_file)
    reassessment = load_reassessment(reassessment_file)
    catalog = _catalog(catalog_folder)
    new = reassess_plan(old, reassessment, catalog, source=str(reassessment_file))
    out_path = Path(out) if out else _versioned_name(Path(plan_file), new.version, fmt or "json")
    chosen = _format_for(out_path, fmt)
    if out_path.resolve() == Path(plan_file).resolve():
        raise InputError("would overwrite the plan being reassessed; choose another -o", file=str(out_path))
    # The printed programme after a reassessment is what is left: from the first rebuilt week.
    rebuilt = new.history[-1].rebuilt_from_week or 1
    write_atomic(out_path, _rendered(new, chosen, catalog, paper, **_printing(large, clinician_only, rebuilt)),
                 force=force)
    click.echo(f"wrote {out_path} (version {new.version}, rebuilt from week "
               f"{new.history[-1].rebuilt_from_week}, decision: {new.history[-1].decision})")
    for warning in new.warnings:
        click.echo(f"warning: {warning}", err=True)


def _versioned_name(plan_path: Path, version: int, fmt: str) -> Path:
    stem = plan_path.stem
    for suffix in (f".v{version - 1}", ".v1"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    return plan_path.with_name(f"{stem}.v{version}.{fmt}")


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.option("-o", "--out", type=click.Path(), help="Output file; default: PLAN stem with the format's suffix.")
@format_option
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@paper_option
@catalog_option
@print_options
@click.option("--from-week", "from_week", type=click.IntRange(1, 12), default=1,
              help="Reprint what is left: the cover, weeks N on, guide, menu, diary and sheet.")
def render(plan_file, out, fmt, force, paper, catalog_folder, large, clinician_only, from_week) -> None:
    """Render a saved plan again (for reprinting after a reassessment)."""
    from planner.planfile import load_plan
    from planner.output import write_atomic
    out_path = Path(out) if out else None
    chosen = _format_for(out_path, fmt)
    out_path = out_path or Path(plan_file).with_suffix("." + chosen)
    if out_path.resolve() == Path(plan_file).resolve():
        raise InputError("would overwrite the plan itself; choose another -o", file=str(out_path))
    _one_document()
    plan = load_plan(plan_file)
    catalog = _catalog(catalog_folder)
    if from_week > len(plan.weeks):
        raise InputError(f"--from-week {from_week}: the plan has {len(plan.weeks)} weeks", file=str(plan_file))
    write_atomic(out_path, _rendered(plan, chosen, catalog, paper,
                                     **_printing(large, clinician_only, from_week)), force=force)
    click.echo(f"wrote {out_path} ({chosen}, version {plan.version})")


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.option("--previous", type=click.Path(), help="The previous version, to check kept weeks are unchanged.")
@catalog_option
def check(plan_file, previous, catalog_folder) -> None:
    """Re-check every rule on a saved plan, independently of the solver."""
    from planner.verify import check_file
    try:
        violations = check_file(plan_file, previous_path=previous, catalog_dir=catalog_folder)
    except ValueError as exc:
        raise InputError(" ".join(str(exc).split()), file=None) from None
    if not violations:
        click.echo(f"{plan_file}: every rule holds")
        return
    for violation in violations:
        click.echo(str(violation))
    click.echo(f"{plan_file}: {len(violations)} violation(s)", err=True)
    sys.exit(1)


@cli.command()
@click.option("--plan", "which", flag_value="plan", help="The plan's schema instead of the profile's.")
@click.option("--profile", "which", flag_value="profile", default=True, help="The profile's schema (default).")
def schema(which) -> None:
    """Print the JSON Schema of the profile (or of the plan)."""
    if which == "plan":
        from planner.plan import Plan as model
    else:
        from planner.profile import Profile as model
    click.echo(json.dumps(model.model_json_schema(), indent=2))


@cli.group()
def catalog() -> None:
    """Browse and validate the exercise and food catalogs."""


@catalog.command("list")
@click.option("--muscle", type=click.Choice(sorted(__import__("planner.vocab").vocab.MUSCLE_GROUPS)))
@click.option("--modality", type=click.Choice(["land", "seated", "aquatic"]))
@click.option("--equipment", help="Only exercises this equipment is enough for (comma-separated; 'none').")
@click.option("--foods", is_flag=True, help="List the foods instead of the exercises.")
@catalog_option
def catalog_list(muscle, modality, equipment, foods, catalog_folder) -> None:
    """List exercises (or foods), filtered."""
    from planner.catalogview import food_rows, exercise_rows
    data = _catalog(catalog_folder)
    rows = food_rows(data) if foods else exercise_rows(data, muscle=muscle, modality=modality,
                                                        equipment=equipment)
    for row in rows:
        click.echo(row)


@catalog.command("show")
@click.argument("item_id")
@catalog_option
def catalog_show(item_id, catalog_folder) -> None:
    """Show one exercise or food in full."""
    from planner.catalogview import describe
    click.echo(describe(_catalog(catalog_folder), item_id))


@catalog.command("validate")
@catalog_option
def catalog_validate(catalog_folder) -> None:
    """Validate the catalogs and print the coverage table; exit 1 on any gap."""
    from planner.catalogview import coverage_report
    from planner.catalog import coverage_gaps
    data = _catalog(catalog_folder)
    click.echo(coverage_report(data))
    gaps = coverage_gaps(data)
    for gap in gaps:
        click.echo(f"gap: {gap}")
    if gaps:
        sys.exit(1)
    click.echo(f"catalog ok: {len(data.exercises)} exercises, {len(data.foods)} foods")


def main() -> None:
    """Entry point: run the CLI, turning refusals into one line and an exit status."""
    try:
        cli.main(standalone_mode=False, prog_name="planner")
        _done()
    except PlannerError as exc:
        click.echo(f"planner: {exc.one_line()}", err=True)
        sys.exit(exc.exit_status)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)


def run() -> None:
    """The console script: main() in a process of its own, which ends with the command."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    main()
