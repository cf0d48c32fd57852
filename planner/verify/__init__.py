"""The independent verifier behind `planner check`: every hard rule re-derived from
the plan JSON and the catalog YAML alone.

It shares no code with the planner (only the standard library, ruamel.yaml and
its own modules), so a bug in the solver and a bug here would have to agree to
go unnoticed. One module per family of rules; each rule is a function whose
docstring opens with "Hard:" and says why.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from planner.verify import (
    clinical, contract, dose, eligibility, nutrition, progression, reassessment, rebuild, schedule, sessions,
)
from planner.verify.facts import PlanFacts
from planner.verify.reference import load_reference
from planner.verify.shape import plan_shape_problems
from planner.verify.violation import Violation

__all__ = ["RULES", "Violation", "check_file", "check_plan"]

RULE_FUNCTIONS = [
    *contract.RULES, *schedule.RULES, *eligibility.RULES, *dose.RULES,
    *progression.RULES, *reassessment.RULES, *nutrition.RULES, *clinical.RULES, *sessions.RULES,
    *rebuild.RULES,
]


def _describe(rule) -> str:
    """The rule's docstring after "Hard:", as one line starting with a capital."""
    text = " ".join(rule.__doc__.split()).removeprefix("Hard:").strip()
    return text[:1].upper() + text[1:]


RULES: list[tuple[str, str]] = [(contract.plan_shape.__name__, _describe(contract.plan_shape))] + [
    (rule.__name__, _describe(rule)) for rule in RULE_FUNCTIONS
]


def _require_plan(data: Any, what: str) -> dict:
    if not isinstance(data, dict):
        raise ValueError(f"{what} is not a plan: expected a JSON object, found {type(data).__name__}")
    if "format" not in data and "weeks" not in data:
        raise ValueError(f"{what} is not a plan: it has neither 'format' nor 'weeks'")
    return data


def check_plan(plan: dict, *, previous: dict | None = None,
               catalog_dir: str | Path | None = None) -> list[Violation]:
    """Every rule the plan breaks, in rule order; [] when it keeps them all."""
    _require_plan(plan, "the file")
    reference = load_reference(catalog_dir)
    broken_shape = [Violation("plan_shape", problem) for problem in plan_shape_problems(plan)]
    if broken_shape:
        return broken_shape
    if previous is not None:
        _require_plan(previous, "the previous version")
        problems = plan_shape_problems(previous)
        if problems:
            raise ValueError(f"the previous version is not a well-formed plan: {problems[0]}")
    facts = PlanFacts(plan, reference, previous)
    return [finding.as_violation(rule.__name__) for rule in RULE_FUNCTIONS for finding in rule(facts)]


MAX_PLAN_BYTES = 1_000_000  # a 12-week plan is a few hundred KB; the planner reads no more


def _read_bytes(path: str | Path) -> bytes:
    """At most MAX_PLAN_BYTES of a regular file; a pipe, device or folder is no plan."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ValueError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(f"{path}: is not a regular file (a folder, device or pipe), so not a plan")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            raw = stream.read(MAX_PLAN_BYTES + 1)
    except OSError as error:
        raise ValueError(f"{path}: cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_PLAN_BYTES:
        raise ValueError(f"{path}: file is over {MAX_PLAN_BYTES:,} bytes; the limit is {MAX_PLAN_BYTES:,}")
    return raw


def _read_json(path: str | Path) -> Any:
    try:
        text = _read_bytes(path).decode("utf-8-sig")  # a BOM from a hand edit is not an error
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not JSON (not UTF-8 text)") from None
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    except ValueError as error:  # NaN, Infinity or a key given twice
        raise ValueError(f"{path}: not JSON ({error})") from None
    except RecursionError:
        raise ValueError(f"{path}: not a plan (nested too deeply)") from None


def _unique_keys(pairs: list) -> dict:
    """A key given twice is ambiguous (which one holds?), so the file is not judged."""
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {key!r} is given twice")
        out[key] = value
    return out


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def check_file(path: str | Path, previous_path: str | Path | None = None,
               catalog_dir: str | Path | None = None) -> list[Violation]:
    """Check a plan file (and its previous version); ValueError when a file is no plan."""
    plan = _require_plan(_read_json(path), str(path))
    previous = None
    if previous_path is not None:
        previous = _require_plan(_read_json(previous_path), str(previous_path))
    try:
        return check_plan(plan, previous=previous, catalog_dir=catalog_dir)
    except ValueError as error:
        if "previous version" in str(error):
            raise ValueError(f"{previous_path}: {error}") from None
        raise

