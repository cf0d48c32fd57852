"""Which of the client's medicines can affect muscle (vocabulary in catalog/medications.yaml)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from planner import sources
from planner.resources import catalog_dir


class MedicationClass(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str = Field(description="In a sentence: 'You take X (a statin)'.")
    names: list[str] = Field(min_length=1, description="Lower-case words that name the class or a drug in it.")
    effect: str = Field(description="Why it matters for muscle training, in plain words.")


class _MedicationFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    medications: list[MedicationClass]


FILE = "medications.yaml"


def medication_classes(catalog_folder: str | Path | None = None) -> tuple[MedicationClass, ...]:
    """The muscle-affecting medication classes: from the catalog folder when it has the file
    (a test catalog may have foods only), else the shipped catalog's."""
    folder = Path(catalog_folder) if catalog_folder else catalog_dir()
    if not (folder / FILE).is_file():
        folder = catalog_dir()
    return _load(str((folder / FILE).resolve()))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> tuple[MedicationClass, ...]:
    return tuple(sources.load(_MedicationFile, path).medications)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def muscle_affecting(medications: list[str],
                     classes: tuple[MedicationClass, ...]) -> list[tuple[str, MedicationClass]]:
    """(the client's medication as written, its class) for every one that affects muscle.

    Whole words only, so 'nystatin' is not taken for a statin."""
    found = []
    for written in medications:
        words = _words(written)
        for med_class in classes:
            if words & set(med_class.names):
                found.append((written.strip(), med_class))
                break
    return found
