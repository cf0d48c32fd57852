"""Reading a saved plan JSON back (for reassess and render), with one-line errors."""

from __future__ import annotations

from pathlib import Path

from planner import sources
from planner.errors import InputError
from planner.plan import FORMAT, Plan


def load_plan(path: str | Path) -> Plan:
    """Load and validate a plan written by `planner generate --format json`."""
    doc = sources.read_document(path)
    if not isinstance(doc.data, dict):
        raise InputError("is not a plan (expected a JSON object)", file=str(path))
    if doc.data.get("format") != FORMAT:
        raise InputError(f"is not a plan file (format is not {FORMAT!r}); "
                         "give the JSON written by `planner generate --format json`",
                         file=str(path), key="format")
    return sources.validate(Plan, doc)
