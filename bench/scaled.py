"""A catalog folder with every exercise copied N times, to see how the planner scales.

Copies get new ids (`<id>-x2` ... `<id>-xN`) and their ladders are rebased onto
the same copy, so each copy is a full, valid ladder of its own; foods,
limitation and condition rules are the shipped ones.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from planner.catalog import Exercise, default_catalog
from planner.resources import catalog_dir

NAME_LIMIT = 60  # Exercise.name max_length


def copy_of(exercise: Exercise, copy: int) -> dict:
    """Exercise `copy` (2..N) of an original, with its own id, name and ladder."""
    entry = exercise.model_dump(mode="json", exclude_none=True)
    tag = f"-x{copy}"
    entry["id"] = exercise.id + tag
    suffix = f" ({copy})"
    entry["name"] = exercise.name[:NAME_LIMIT - len(suffix)] + suffix
    for direction in ("easier", "harder"):
        if exercise_id := entry.get(direction):
            entry[direction] = exercise_id + tag
    return entry


def write_scaled_catalog(folder: Path, factor: int) -> Path:
    """Write the shipped catalog with `factor` times as many exercises into folder."""
    shipped = default_catalog()
    (folder / "exercises").mkdir(parents=True, exist_ok=True)
    for copy in range(1, factor + 1):
        entries = [e.model_dump(mode="json", exclude_none=True) if copy == 1 else copy_of(e, copy)
                   for e in shipped.exercises.values()]
        # One file per copy keeps each under the reader's 1 MB limit; JSON is YAML, and far
        # quicker to write than YAML for 1,600 entries.
        (folder / "exercises" / f"copy-{copy:02d}.yaml").write_text(json.dumps({"exercises": entries}),
                                                                    encoding="utf-8")
    for source in catalog_dir().iterdir():
        if source.is_file():
            shutil.copy(source, folder / source.name)
    return folder
