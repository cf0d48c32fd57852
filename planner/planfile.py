"""Reading a saved plan JSON back (for reassess and render), with one-line errors.

One gate for plans: every command that reads a plan validates it with the Plan
model and the independent verifier (planner/verify) before any work, so render and
reassess refuse exactly what `planner check` refuses.
"""

from __future__ import annotations

from pathlib import Path

from planner import sources
from planner.errors import InputError, ViolationsFound
from planner.plan import FORMAT, Plan

SHOWN_VIOLATIONS = 3  # the first few in the one line; `planner check` lists them all


def load_plan(path: str | Path, *, gate: bool = False, catalog_dir: str | Path | None = None) -> Plan:
    """Load and validate a plan written by `planner generate --format json`.

    With `gate`, the plan must also pass every rule of `planner check`
    (ViolationsFound, exit 1, naming the first problems).
    """
    doc = sources.read_document(path)
    plan = model_of(doc)
    if gate:
        gate_violations(doc.data, str(path), catalog_dir)
    return plan


def model_of(doc: sources.Document) -> Plan:
    """The Plan model of a read document; InputError (exit 2) when it is not a valid plan."""
    path = doc.path
    if not isinstance(doc.data, dict):
        raise InputError("is not a plan (expected a JSON object)", file=str(path))
    if doc.data.get("format") != FORMAT:
        raise InputError(f"is not a plan file (format is not {FORMAT!r}); "
                         "give the JSON written by `planner generate --format json`",
                         file=str(path), key="format")
    return sources.validate(Plan, doc)


def gate_violations(data: dict, name: str, catalog_dir: str | Path | None = None) -> None:
    """Raise ViolationsFound (exit 1) when the verifier finds the plan breaks a rule."""
    from planner.verify import check_plan
    try:
        violations = check_plan(data, catalog_dir=catalog_dir)
    except ValueError as exc:
        raise InputError(" ".join(str(exc).split()), file=name) from None
    if violations:
        shown = "; ".join(str(v) for v in violations[:SHOWN_VIOLATIONS])
        more = f" (and {len(violations) - SHOWN_VIOLATIONS} more)" if len(violations) > SHOWN_VIOLATIONS else ""
        raise ViolationsFound(f"{name}: fails `planner check` with {len(violations)} violation(s): "
                              f"{shown}{more}; run `planner check {name}` for all")
