"""The command line: a thin layer over the pipeline (spec/plan.md, "The commands").

Every user-facing refusal is a PlannerError shown as one line with its exit
status. A failure to write (disk full, permission denied, stdout on a full device)
is exit 5; anything else is a bug, shown as one line with exit 70 (PLANNER_DEBUG=1
shows its traceback).
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

import click

from planner import __version__
from planner.errors import InputError, InternalError, OutputError, PlannerError

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
record_option = click.option("--record/--no-record", default=True, show_default=True,
                             help="Save the plan record beside what is printed (x.pdf -> x.json).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planner")
def cli() -> None:
    """Build and print progressive exercise and protein plans for recovering lost muscle.

    \b
    A first programme:
      planner init -o maria.yaml          a commented profile to fill in
      planner validate maria.yaml         every problem at once
      planner generate maria.yaml -o maria.pdf   (also saves maria.json)
      planner reassess maria.pdf week6.yaml      (maria.v2.pdf and maria.v2.json)

    \b
    Shell completion (bash; zsh and fish alike):
      eval "$(_PLANNER_COMPLETE=bash_source planner)"
    """


@cli.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "outs", multiple=True, type=click.Path(),
              help="Output file, by its suffix (.pdf .html .ics .json); give -o again for more "
                   "(-o x.pdf -o x.ics). Several profiles: a folder. Default: PROFILE's name, "
                   "in the current folder, as pdf.")
@format_option
@record_option
@click.option("--force", is_flag=True, help="Overwrite existing output files (and the plan record).")
@paper_option
@catalog_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Profiles built in parallel (batch mode); default: all cores.")
@print_options
def generate(profiles, outs, fmt, record, force, paper, catalog_folder, jobs, large, clinician_only) -> None:
    """Build the plan for PROFILE and write it (PDF, HTML, JSON or calendar).

    The plan record (the plan as JSON, which `planner reassess` reads) is saved
    beside whatever is printed: x.pdf -> x.json, unless --no-record.
    """
    paths = [Path(p) for p in profiles]
    if len(paths) > 1 or paths[0].is_dir():
        if len(outs) > 1:
            raise InputError("with several profiles give one -o: the folder to write into")
        from planner.batch import run_batch
        worst = run_batch(paths, out_dir=Path(outs[0]) if outs else None, fmt=fmt or "pdf", force=force,
                          paper=paper or "a4", catalog_folder=catalog_folder, jobs=jobs, record=record)
        sys.exit(worst)
    from planner.profile import load_profile
    targets = plan_outputs(outs, fmt, default=Path(paths[0].stem), record=record)
    refuse_existing(targets, force, inputs=paths)
    profile = load_profile(paths[0])  # before the solver is imported: bad input is refused at once
    if any(chosen == "pdf" for _, chosen in targets):
        from planner.glyphs import check_printable, printed_profile_text
        check_printable(printed_profile_text(profile), file=str(paths[0]))
    _one_document()
    from planner.pipeline import build_plan
    catalog = _catalog(catalog_folder)
    plan = with_file(paths[0], build_plan, profile, catalog)
    summary = f"{len(plan.weeks)} weeks, {sum(len(w.sessions) for w in plan.weeks)} sessions"
    write_outputs(plan, targets, catalog, paper, force, summary, inputs=paths, source=str(paths[0]),
                  printing=_printing(large, clinician_only))
    for warning in plan.warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.argument("reassessment_file", type=click.Path())
@click.option("-o", "--out", "outs", multiple=True, type=click.Path(),
              help="Output file, by its suffix; give -o again for more. Default: PLAN's name with "
                   "the new version (maria.v2.json), and the same print again when PLAN is a "
                   "PDF, HTML or calendar file (maria.v2.pdf).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Format of the default output; default: the kind PLAN is (pdf for x.pdf), "
                   "json for a plan record. With one -o: instead of its suffix.")
@record_option
@click.option("--force", is_flag=True, help="Overwrite existing output files (never the input plan).")
@paper_option
@catalog_option
@print_options
def reassess(plan_file, reassessment_file, outs, fmt, record, force, paper, catalog_folder, large,
             clinician_only) -> None:
    """Rebuild the weeks from the reassessment date on; earlier weeks stay as they were.

    PLAN may be the plan record (x.json) or the programme printed from it
    (x.pdf, x.html, x.ics): the record x.json beside it is read. The new plan
    record is saved beside whatever is printed, unless --no-record. The printed
    programme is what is left: from the first rebuilt week on.
    """
    from planner.reassess import load_reassessment, reassess_plan
    from planner.planfile import load_plan
    from planner.output import is_stdout
    given = Path(plan_file)
    record_path = plan_record_for(given)
    _one_document()
    old = load_plan(record_path, gate=True, catalog_dir=catalog_folder)
    reassessment = load_reassessment(reassessment_file)
    catalog = _catalog(catalog_folder)
    new = reassess_plan(old, reassessment, catalog, source=str(reassessment_file))
    if outs:
        targets = plan_outputs(outs, fmt, default=None, record=record)
    else:
        printed = {".pdf": "pdf", ".html": "html", ".htm": "html", ".ics": "ics"}.get(given.suffix.lower())
        chosen = fmt or printed or "json"
        first = _versioned_name(record_path, new.version, chosen)
        targets = plan_outputs((str(first),), None, default=None, record=record)
    for target, _ in targets:
        if not is_stdout(target) and target.resolve() in (given.resolve(), record_path.resolve()):
            raise InputError("would overwrite the plan being reassessed; choose another -o", file=str(target))
    inputs = [given, record_path, Path(reassessment_file)]
    refuse_existing(targets, force, inputs=inputs)
    summary = (f"version {new.version}, rebuilt from week {new.history[-1].rebuilt_from_week}, "
               f"decision: {new.history[-1].decision}")
    # The printed programme after a reassessment is what is left: from the first rebuilt week.
    rebuilt = new.history[-1].rebuilt_from_week or 1
    write_outputs(new, targets, catalog, paper, force, summary, inputs=inputs, source=str(reassessment_file),
                  printing=_printing(large, clinician_only, rebuilt))
    for warning in new.warnings:
        click.echo(f"warning: {warning}", err=True)


def _shown(out_path) -> str:
    from planner.output import is_stdout
    return "standard output" if is_stdout(out_path) else str(out_path)


def _versioned_name(plan_path: Path, version: int, fmt: str) -> Path:
    stem = plan_path.stem
    for suffix in (f".v{version - 1}", ".v1"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    return plan_path.with_name(f"{stem}.v{version}.{fmt}")


def plan_outputs(outs: tuple[str, ...], fmt: str | None, *, default: Path | None,
                 record: bool) -> list[tuple[Path, str]]:
    """The files to write, each with its format, the plan record last.

    Each -o follows its suffix (or --format, with one -o); without -o, DEFAULT
    plus the format's suffix. The record (the plan JSON) goes beside the first
    print, x.pdf -> x.json, unless one output is JSON already or RECORD is off.
    """
    if len(outs) > 1 and fmt:
        raise InputError("with several -o, each output's suffix names its format; leave out --format")
    if outs:
        targets = [(Path(out), _format_for(Path(out), fmt)) for out in outs]
    else:
        chosen = fmt or "pdf"
        targets = [(default.with_name(default.name + "." + chosen), chosen)]
    paths = [path for path, _ in targets]
    repeated = sorted({str(p) for p in paths if paths.count(p) > 1})
    if repeated:
        raise InputError("is named twice by -o", file=repeated[0])
    files = [path for path in paths if str(path) != "-"]  # `-o -` is standard output: nothing beside it
    if record and files and all(chosen != "json" for _, chosen in targets):
        beside = files[0].with_suffix(".json")
        if beside in paths:  # x.json.pdf? then x.json.json
            beside = files[0].with_name(files[0].name + ".json")
        targets.append((beside, "json"))
    return targets


def refuse_existing(targets: list[tuple[Path, str]], force: bool, inputs=()) -> None:
    """Refuse before any work an output that could not be written: nothing is written then.

    Exists without --force (exit 2), not a regular file or one of the run's own
    inputs (exit 5): see planner.output.check_output.
    """
    from planner.output import check_output
    for path, _ in targets:
        check_output(path, force=force, inputs=inputs)


def write_outputs(plan, targets: list[tuple[Path, str]], catalog, paper: str | None, force: bool,
                  summary: str, *, inputs=(), source: str | None = None, printing: dict | None = None) -> None:
    """Render every output first, then write them; a line per file written.

    A PDF is refused (exit 2) before rendering when some printed text has no glyph
    in any installed font, rather than printing empty boxes.
    """
    from planner.output import is_stdout, write_atomic
    if any(chosen == "pdf" for _, chosen in targets):
        from planner.glyphs import check_plan_printable
        check_plan_printable(plan, file=source)
    rendered = [(path, chosen, _rendered(plan, chosen, catalog, paper, **(printing or {})))
                for path, chosen in targets]
    records = [path for path, chosen in targets if chosen == "json"]
    for path, chosen, data in rendered:
        write_atomic(path, data, force=force, inputs=inputs)
        if chosen == "json" and len(targets) > 1 and path == records[-1]:
            click.echo(f"wrote {path} (plan record, read by `planner reassess`)")
        else:
            click.echo(f"wrote {_shown(path)} ({chosen}, {summary})", err=is_stdout(path))


PRINTED_SUFFIXES = (".pdf", ".html", ".htm", ".ics")


def plan_record_for(path: Path) -> Path:
    """The plan record to read for PATH: PATH itself, or for a printed programme the x.json beside it."""
    if path.suffix.lower() not in PRINTED_SUFFIXES:
        return path
    record = path.with_suffix(".json")
    if not record.exists():
        raise InputError(f"is a printed programme and its plan record {record} is missing; "
                         "give the plan JSON (generate and reassess save it beside the print "
                         "unless --no-record)", file=str(path))
    return record


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.option("-o", "--out", type=click.Path(), help="Output file; default: PLAN's name with the format's "
              "suffix, beside PLAN (maria.json -> maria.pdf).")
@format_option
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@paper_option
@catalog_option
@print_options
@click.option("--from-week", "from_week", type=click.IntRange(1, 12), default=1, show_default=True,
              help="Reprint what is left: the cover, weeks N on, guide, menu, diary and sheet.")
def render(plan_file, out, fmt, force, paper, catalog_folder, large, clinician_only, from_week) -> None:
    """Render a saved plan again (for reprinting after a reassessment).

    PLAN may be the plan record (x.json) or a programme printed from it (x.pdf):
    the record x.json beside it is read.
    """
    from planner.planfile import load_plan
    from planner.output import check_output, is_stdout, write_atomic
    out_path = Path(out) if out else None
    chosen = _format_for(None if is_stdout(out) else out_path, fmt)
    out_path = out_path or Path(plan_file).with_suffix("." + chosen)
    record_path = plan_record_for(Path(plan_file))
    if not is_stdout(out_path) and out_path.resolve() == record_path.resolve():
        raise InputError("would overwrite the plan itself; choose another -o", file=str(out_path))
    check_output(out_path, force=force, inputs=[plan_file, record_path])
    _one_document()
    plan = load_plan(record_path, gate=True, catalog_dir=catalog_folder)
    if chosen == "pdf":
        from planner.glyphs import check_plan_printable
        check_plan_printable(plan, file=str(plan_file))
    catalog = _catalog(catalog_folder)
    if from_week > len(plan.weeks):
        raise InputError(f"--from-week {from_week}: the plan has {len(plan.weeks)} weeks", file=str(plan_file))
    write_atomic(out_path, _rendered(plan, chosen, catalog, paper, **_printing(large, clinician_only, from_week)),
                 force=force, inputs=[plan_file, record_path])
    click.echo(f"wrote {_shown(out_path)} ({chosen}, version {plan.version})", err=is_stdout(out_path))


def _not_a_profile(path: Path) -> None:
    """A profile or reassessment given to `check` is pointed to `validate`, not called 'not JSON'."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return
    from planner.kinds import kind_of
    from planner.sources import read_document
    try:
        kind = kind_of(read_document(path).data)
    except PlannerError:
        return
    if kind in ("profile", "reassessment"):
        raise InputError(f"is a {kind}; `planner check` re-checks a plan (JSON). "
                         f"Use `planner validate {path}` to check a {kind}", file=str(path))


@cli.command()
@click.argument("plan_file", type=click.Path())
@click.option("--previous", type=click.Path(), help="The previous version, to check kept weeks are unchanged.")
@catalog_option
def check(plan_file, previous, catalog_folder) -> None:
    """Re-check every rule on a saved plan, independently of the solver."""
    from planner.verify import check_file
    _not_a_profile(Path(plan_file))
    try:
        violations = check_file(plan_file, previous_path=previous, catalog_dir=catalog_folder)
    except ValueError as exc:
        raise InputError(" ".join(str(exc).split()), file=None) from None
    if not violations:
        _readable_plan(plan_file)  # one gate: what render and reassess cannot read is refused here too
        click.echo(f"{plan_file}: every rule holds")
        return
    for violation in violations:
        click.echo(str(violation))
    click.echo(f"{plan_file}: {len(violations)} violation(s)", err=True)
    sys.exit(1)


def _readable_plan(plan_file) -> None:
    """InputError (exit 2) when the Plan model, which render and reassess read with, refuses the file."""
    from planner import sources
    from planner.planfile import model_of
    model_of(sources.read_document(plan_file))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
def validate(files) -> None:
    """Check profiles, reassessments and plans without building anything.

    Says which kind each FILE is and lists every problem at once, one a line as
    file:line: key: what. Exit status 2 when any file has a problem, else 0.
    """
    from planner.validation import validate_file
    bad = 0
    for name in files:
        kind, problems = validate_file(name)
        if not problems:
            click.echo(f"{name}: {kind}, valid")
            continue
        bad += 1
        click.echo(f"{name}: {kind or 'unknown kind'}, {len(problems)} problem{'s' if len(problems) > 1 else ''}:")
        for problem in problems:
            click.echo(problem.one_line())
    if bad:
        click.echo(f"{bad} of {len(files)} file(s) have problems", err=True)
        sys.exit(2)


@cli.command()
@click.option("--condition", type=click.Choice(sorted(__import__("planner.vocab").vocab.CONDITIONS)),
              default="sarcopenia", show_default=True, help="The condition the profile starts from.")
@click.option("--reassessment", is_flag=True, help="A reassessment file instead of a profile.")
@click.option("-o", "--out", type=click.Path(), help="File to write; default: print to the screen.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(condition, reassessment, out, force) -> None:
    """Write a commented profile (or reassessment) to start from.

    Every key is listed with its meaning and allowed values, and example values
    where only you know the answer; as written it passes `planner validate`.
    """
    from planner.template import profile_template, reassessment_template
    text = reassessment_template() if reassessment else profile_template(condition)
    if out is None:
        click.echo(text, nl=False)
        return
    from planner.output import write_atomic
    write_atomic(Path(out), text, force=force)
    click.echo(f"wrote {out}; fill it in, then `planner validate {out}`", err=True)


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
@click.option("--muscle", type=click.Choice(sorted(__import__("planner.vocab").vocab.MUSCLE_GROUPS)),
              help="Only exercises for this muscle group; default: all.")
@click.option("--modality", type=click.Choice(["land", "seated", "aquatic"]), help="Only this modality; default: all.")
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
        try:
            cli.main(standalone_mode=False, prog_name="planner")
            sys.stdout.flush()  # a full device or closed pipe shows here, not at exit
        except (PlannerError, click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except OSError as exc:
            # Reading is handled where files are read: what is left is writing (stdout, a folder).
            raise OutputError(f"could not write ({exc.strerror or exc})") from None
        except Exception as exc:
            if _TERMINATED_WITH is not None:
                # SIGTERM arrived inside a C extension's import, which turns our SystemExit into
                # "ImportError: initialization failed": the run still ends as terminated.
                sys.exit(_TERMINATED_WITH)
            if os.environ.get("PLANNER_DEBUG"):
                raise
            raise InternalError(f"internal error (a bug, please report it): {type(exc).__name__}: {exc}; "
                                "PLANNER_DEBUG=1 shows the traceback") from None
        _done()
    except PlannerError as exc:
        for line in exc.lines():
            _say_to_stderr(f"planner: {line}")
        _silence_stdout()
        sys.exit(exc.exit_status)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)


def _say_to_stderr(line: str) -> None:
    """The one line of a refusal; printable even if the text holds odd characters."""
    try:
        click.echo(line.encode("utf-8", "backslashreplace").decode("utf-8"), err=True)
    except OSError:
        pass


def _silence_stdout() -> None:
    """After stdout failed, nothing more is flushed to it at exit (no 'Exception ignored')."""
    try:
        sys.stdout.flush()
    except OSError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    except (ValueError, AttributeError):
        pass


def run() -> None:
    """The console script: main() in a process of its own, which ends with the command."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    import signal
    signal.signal(signal.SIGTERM, _terminated)
    main()


_TERMINATED_WITH: int | None = None   # the exit status once SIGTERM has arrived


def _terminated(signum, frame) -> None:
    """SIGTERM ends a single run like Ctrl-C: clean-up runs (no temporary file left), exit 143."""
    global _TERMINATED_WITH
    _TERMINATED_WITH = 128 + signum
    _say_to_stderr("planner: terminated (SIGTERM)")
    raise SystemExit(128 + signum)
