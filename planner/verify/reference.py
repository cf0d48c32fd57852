"""The catalog as the verifier reads it: a plain YAML load, no shared models.

The solver validates the catalog through its own pydantic models; the verifier
reads the same files by itself so that a fault in those models cannot hide a
fault in a plan. Only the fields the rules need are kept, with the catalog
contract's defaults.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.verify.parsed import parsed_files

_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CatalogExercise:
    id: str
    name: str
    modality: str
    equipment: tuple[str, ...]
    primary_muscles: tuple[str, ...]
    pattern: str
    dose: str
    min_grade: int
    excluded_by: tuple[str, ...]
    easier: str | None
    harder: str | None
    unilateral: bool
    eccentric_emphasis: bool
    load_kind: str
    tempo_s: float
    tags: tuple[str, ...] = ()
    component: str = "strength"
    role: str | None = None
    compound: bool = False


@dataclass(frozen=True)
class CatalogFood:
    id: str
    name: str
    protein_g: float
    diet: str
    allergens: tuple[str, ...]
    kcal: float = 0.0
    portion_g: float = 1.0
    min_g: float | None = None
    max_g: float | None = None
    unit_g: float | None = None
    meals: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    kind: str = ""
    kidney: tuple[str, ...] = ()


@dataclass(frozen=True)
class LimitationRule:
    id: str
    excludes_modalities: tuple[str, ...]
    excludes_patterns: tuple[str, ...]
    excludes_tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConditionRule:
    id: str
    effort_cap_rpe: int
    eccentric_emphasis_allowed: bool
    min_grade_to_strengthen: int
    pool_allowed: bool


@dataclass(frozen=True)
class ScreeningRule:
    """screening.yaml: what a screening condition or a medication class rules out or caps."""

    id: str
    excludes_tags: tuple[str, ...]
    treat_as: tuple[str, ...]
    hold_cap_s: int | None
    effort_cap_rpe: int | None
    adds_targets: tuple[str, ...]
    stop_rules: tuple[str, ...]
    land_work_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """Everything the rules look up in the catalog."""

    folder: str
    exercises: dict[str, CatalogExercise]
    foods: dict[str, CatalogFood]
    limitations: dict[str, LimitationRule]
    conditions: dict[str, ConditionRule]
    screening_conditions: dict[str, ScreeningRule] = None
    screening_medications: dict[str, ScreeningRule] = None
    medication_names: dict[str, tuple[str, ...]] = None  # medications.yaml: class id -> names

    def ladder_rung(self, exercise_id: str) -> tuple[str, int] | None:
        """(bottom of the ladder, steps up from it), or None for an unknown id."""
        if exercise_id not in self.exercises:
            return None
        current, steps, seen = self.exercises[exercise_id], 0, {exercise_id}
        while current.easier in self.exercises and current.easier not in seen:
            seen.add(current.easier)
            current = self.exercises[current.easier]
            steps += 1
        return current.id, steps


def default_folder() -> Path:
    """planner/_data/catalog when installed from a wheel, else <repo>/catalog."""
    for candidate in (_HERE.parent / "_data" / "catalog", _HERE.parent.parent / "catalog"):
        if candidate.is_dir():
            return candidate
    raise ValueError("catalog folder not found (looked in planner/_data/catalog and <repo>/catalog)")


def load_reference(folder: str | Path | None = None) -> Reference:
    """Read the catalog folder (default: the shipped one); ValueError if it cannot be read."""
    path = Path(folder) if folder is not None else default_folder()
    if not path.is_dir():
        raise ValueError(f"catalog folder {path} does not exist")
    return _load(str(path.resolve()))


@functools.lru_cache(maxsize=8)
def _load(folder: str) -> Reference:
    root = Path(folder)
    exercise_files = sorted((root / "exercises").glob("*.yaml"))
    medications_file = root / "medications.yaml"
    if not medications_file.is_file():
        medications_file = default_folder() / "medications.yaml"
    parsed = parsed_files([*exercise_files, root / "foods.yaml", root / "limitations.yaml",
                           root / "conditions.yaml", root / "screening.yaml", medications_file], _parse)

    def entries(path: Path, key: str) -> list[dict]:
        return _entries(parsed, path, key)

    exercises: dict[str, CatalogExercise] = {}
    for path in exercise_files:
        for entry in entries(path, "exercises"):
            exercise = _exercise(entry, path)
            if exercise.id in exercises:
                raise ValueError(f"{path}: exercise {exercise.id!r} is defined twice")
            exercises[exercise.id] = exercise
    foods = {f.id: f for f in (_food(e, root / "foods.yaml") for e in entries(root / "foods.yaml", "foods"))}
    limitations = {r.id: r for r in (_limitation(e, root / "limitations.yaml")
                                     for e in entries(root / "limitations.yaml", "limitations"))}
    conditions = {r.id: r for r in (_condition(e, root / "conditions.yaml")
                                    for e in entries(root / "conditions.yaml", "conditions"))}
    screening_conditions, screening_medications, medication_names = {}, {}, {}
    if (root / "screening.yaml").is_file():  # a test catalog may leave it out
        screening_conditions = {r.id: r for r in (_screening(e, root / "screening.yaml")
                                                  for e in entries(root / "screening.yaml", "conditions"))}
        screening_medications = {r.id: r for r in (_screening(e, root / "screening.yaml")
                                                   for e in entries(root / "screening.yaml", "medications"))}
    for entry in entries(medications_file, "medications"):
        medication_names[str(_field(entry, "id", medications_file))] = _words(entry, "names", medications_file)
    return Reference(folder, exercises, foods, limitations, conditions,
                     screening_conditions, screening_medications, medication_names)


def _parse(path: Path, raw: bytes) -> Any:
    """One catalog file as plain data; ValueError naming the file when it is not YAML."""
    from ruamel.yaml import YAML     # late: with the parse cache warm, never imported at all
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=False).load(raw.decode("utf-8"))
    except (YAMLError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: not readable YAML ({str(error).splitlines()[0]})") from None


def _entries(parsed: dict[str, Any], path: Path, key: str) -> list[dict]:
    if str(path) not in parsed:
        raise ValueError(f"catalog file {path} is missing")
    data = parsed[str(path)]
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{path}: expected a list of entries under {key!r}")
    return entries


def _field(entry: dict, key: str, path: Path, default: Any = ...) -> Any:
    if key in entry and entry[key] is not None:
        return entry[key]
    if default is ...:
        raise ValueError(f"{path}: entry {entry.get('id', '?')!r} has no {key!r}")
    return default


def _words(entry: dict, key: str, path: Path, default: Any = ...) -> tuple[str, ...]:
    value = _field(entry, key, path, default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{path}: entry {entry.get('id', '?')!r} has {key!r} that is not a list of names")
    return tuple(value)


def _exercise(entry: dict, path: Path) -> CatalogExercise:
    return CatalogExercise(
        id=str(_field(entry, "id", path)),
        name=str(_field(entry, "name", path)),
        modality=str(_field(entry, "modality", path)),
        equipment=_words(entry, "equipment", path, []),
        primary_muscles=_words(entry, "primary_muscles", path),
        pattern=str(_field(entry, "pattern", path)),
        dose=str(_field(entry, "dose", path)),
        min_grade=int(_field(entry, "min_grade", path)),
        excluded_by=_words(entry, "excluded_by", path, []),
        easier=entry.get("easier"),
        harder=entry.get("harder"),
        unilateral=bool(_field(entry, "unilateral", path, False)),
        eccentric_emphasis=bool(_field(entry, "eccentric_emphasis", path, False)),
        load_kind=str(_field(entry, "load_kind", path, "bodyweight")),
        tempo_s=float(_field(entry, "tempo_s", path, 3.0)),
        tags=_words(entry, "tags", path, []),
        component=str(_field(entry, "component", path, "strength")),
        role=entry.get("role"),
        compound=bool(_field(entry, "compound", path, False)),
    )


def _screening(entry: dict, path: Path) -> ScreeningRule:
    hold, effort = entry.get("hold_cap_s"), entry.get("effort_cap_rpe")
    return ScreeningRule(
        id=str(_field(entry, "id", path)),
        excludes_tags=_words(entry, "excludes_tags", path, []),
        treat_as=_words(entry, "treat_as", path, []),
        hold_cap_s=None if hold is None else int(hold),
        effort_cap_rpe=None if effort is None else int(effort),
        adds_targets=_words(entry, "adds_targets", path, []),
        stop_rules=_words(entry, "stop_rules", path, []),
        land_work_for=_words(entry, "land_work_for", path, []),
    )


def _food(entry: dict, path: Path) -> CatalogFood:
    return CatalogFood(
        id=str(_field(entry, "id", path)),
        name=str(_field(entry, "name", path)),
        protein_g=float(_field(entry, "protein_g", path)),
        diet=str(_field(entry, "diet", path)),
        allergens=_words(entry, "allergens", path, []),
        kcal=float(_field(entry, "kcal", path, 0.0)),
        portion_g=float(_field(entry, "portion_g", path, 1.0)),
        min_g=_number_or_none(entry.get("min_g")),
        max_g=_number_or_none(entry.get("max_g")),
        unit_g=_number_or_none(entry.get("unit_g")),
        meals=_words(entry, "meals", path, []),
        slots=_words(entry, "slots", path, []),
        kind=str(_field(entry, "kind", path, entry.get("id", ""))),
        kidney=_words(entry, "kidney", path, []),
    )


def _number_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _limitation(entry: dict, path: Path) -> LimitationRule:
    return LimitationRule(
        id=str(_field(entry, "id", path)),
        excludes_modalities=_words(entry, "excludes_modalities", path, []),
        excludes_patterns=_words(entry, "excludes_patterns", path, []),
        excludes_tags=_words(entry, "excludes_tags", path, []),
    )


def _condition(entry: dict, path: Path) -> ConditionRule:
    return ConditionRule(
        id=str(_field(entry, "id", path)),
        effort_cap_rpe=int(_field(entry, "effort_cap_rpe", path)),
        eccentric_emphasis_allowed=bool(_field(entry, "eccentric_emphasis_allowed", path, True)),
        min_grade_to_strengthen=int(_field(entry, "min_grade_to_strengthen", path, 2)),
        pool_allowed=bool(_field(entry, "pool_allowed", path, True)),
    )
