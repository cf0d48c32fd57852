"""The plan's shape: every key the rules read, with its type.

Rules can then read the plan without guarding each access. Keys the contract
gives defaults for may be missing; unknown keys are allowed (the contract lets
tools add keys beside its own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from planner.verify.vocabulary import MODALITIES, MUSCLE_GROUPS, WEEKDAYS


class Spec:
    def problems(self, value: Any, path: str) -> Iterator[str]:
        raise NotImplementedError


@dataclass(frozen=True)
class Kind(Spec):
    """A JSON scalar type; booleans never count as numbers. Bounds keep date
    arithmetic and loops over counts within reason on hostile files."""

    name: str
    low: float | None = None
    high: float | None = None

    def problems(self, value, path):
        ok = {
            "string": isinstance(value, str),
            "integer": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool),
            "boolean": isinstance(value, bool),
        }[self.name]
        if not ok:
            yield f"{path} should be a {self.name}, not {_show(value)}"
        elif self.low is not None and not self.low <= value <= self.high:
            yield f"{path} is {value}, outside {self.low}..{self.high}"


@dataclass(frozen=True)
class Date(Spec):
    """An ISO date in years the plan arithmetic can reach without overflow."""

    def problems(self, value, path):
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            date = dt.date.fromisoformat(value)
        except ValueError:
            yield f"{path} should be a date like 2026-12-07, not {_show(value)}"
            return
        if not 1900 <= date.year <= 2999:
            yield f"{path} is {value}, outside the years 1900..2999"


@dataclass(frozen=True)
class OneOf(Spec):
    words: tuple[str, ...]

    def problems(self, value, path):
        if value not in self.words:
            yield f"{path} is {_show(value)}; expected one of {', '.join(self.words)}"


@dataclass(frozen=True)
class Nullable(Spec):
    inner: Spec

    def problems(self, value, path):
        if value is not None:
            yield from self.inner.problems(value, path)


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    length: int | None = None
    min_length: int = 0

    def problems(self, value, path):
        if not isinstance(value, list):
            yield f"{path} should be a list, not {_show(value)}"
            return
        if self.length is not None and len(value) != self.length:
            yield f"{path} should hold exactly {self.length} values, not {len(value)}"
        if len(value) < self.min_length:
            yield f"{path} should hold at least {self.min_length} value(s)"
        for index, item in enumerate(value):
            yield from self.item.problems(item, f"{path}[{index}]")


@dataclass(frozen=True)
class MapOf(Spec):
    key: Spec
    value: Spec

    def problems(self, value, path):
        if not isinstance(value, dict):
            yield f"{path} should be an object, not {_show(value)}"
            return
        for key, item in value.items():
            yield from self.key.problems(key, f"{path} key")
            yield from self.value.problems(item, f"{path}.{key}")


@dataclass(frozen=True)
class Record(Spec):
    required: dict[str, Spec]
    optional: dict[str, Spec] = field(default_factory=dict)

    def problems(self, value, path):
        if not isinstance(value, dict):
            yield f"{path} should be an object, not {_show(value)}"
            return
        for key, spec in self.required.items():
            if key not in value:
                yield f"{path}.{key} is missing"
            else:
                yield from spec.problems(value[key], f"{path}.{key}")
        for key, spec in self.optional.items():
            if key in value:
                yield from spec.problems(value[key], f"{path}.{key}")


def _show(value: Any) -> str:
    text = "null" if value is None else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


STRING, INTEGER, NUMBER, BOOLEAN, DATE = Kind("string"), Kind("integer"), Kind("number"), Kind("boolean"), Date()
WEEK_NUMBER = Kind("integer", 0, 100)
MUSCLE = OneOf(MUSCLE_GROUPS)
WORDS = ListOf(STRING)

PROFILE = Record(
    required={
        "client": Record({"weight_kg": NUMBER}),
        "condition": STRING,
        "schedule": Record(
            {"start": DATE, "weeks": WEEK_NUMBER, "days": ListOf(OneOf(WEEKDAYS), min_length=1)},
            {"sessions_per_week": Nullable(INTEGER), "minutes_per_session": INTEGER},
        ),
    },
    optional={
        "neurogenic_cause": Nullable(STRING),
        "equipment": WORDS,
        "limitations": WORDS,
        "targets": ListOf(OneOf(MUSCLE_GROUPS + ("all",))),
        "strength": MapOf(MUSCLE, INTEGER),
        "screening": Record({}, {"conditions": WORDS, "on_dialysis": BOOLEAN}),
        "nutrition": Record({}, {"meals_per_day": INTEGER, "diet": STRING, "avoid": WORDS,
                                 "protein_g_per_kg": Nullable(NUMBER), "cuisine": STRING,
                                 "supplements_ok": BOOLEAN}),
    },
)

ALTERNATIVE = Record({"id": STRING, "name": STRING, "modality": STRING})

EXERCISE = Record(
    required={
        "id": STRING, "name": STRING, "modality": OneOf(MODALITIES), "equipment": WORDS,
        "primary_muscles": ListOf(MUSCLE, min_length=1), "sets": INTEGER,
        "reps": Nullable(ListOf(INTEGER, length=2)), "hold_s": Nullable(INTEGER),
        "effort_rpe": INTEGER, "rest_s": INTEGER, "load": STRING,
    },
    optional={"alternatives": ListOf(ALTERNATIVE), "unilateral": BOOLEAN},
)

SESSION = Record({
    "date": DATE, "weekday": OneOf(WEEKDAYS), "muscle_groups": ListOf(MUSCLE),
    "minutes": INTEGER, "exercises": ListOf(EXERCISE, min_length=1),
})

WEEK = Record({"week": WEEK_NUMBER, "start": DATE, "phase": STRING, "deload": BOOLEAN,
               "sessions": ListOf(SESSION)})

FOOD = Record({"id": STRING, "name": STRING, "protein_g": NUMBER, "diet": STRING, "allergens": WORDS},
              {"portions": INTEGER, "kcal": Nullable(NUMBER), "portion_g": Nullable(NUMBER),
               "slot": Nullable(STRING)})

SHOPPING_AISLE = Record({"aisle": STRING, "items": ListOf(Record({"name": STRING, "amount": STRING}))})

NUTRITION = Record({
    "protein_g_per_kg": NUMBER,
    "daily_protein_g": NUMBER,
    "meals": ListOf(Record({"name": STRING, "protein_g": NUMBER}, {"after_session": BOOLEAN}), min_length=1),
    "menus": ListOf(Record({"day": INTEGER, "meals": ListOf(
        Record({"name": STRING, "protein_g": NUMBER, "foods": ListOf(FOOD)}))},
        {"energy_kcal": Nullable(NUMBER)})),
}, {"energy_kcal": Nullable(NUMBER), "energy_method": Nullable(STRING), "cuisine": Nullable(STRING),
    "shopping_list": ListOf(SHOPPING_AISLE)})

HISTORY_ENTRY = Record({"version": INTEGER, "action": STRING, "date": DATE},
                       {"decision": Nullable(STRING), "rebuilt_from_week": Nullable(WEEK_NUMBER),
                        "training_changes": WORDS})

PLAN = Record({
    "format": STRING,
    "version": INTEGER,
    "profile": PROFILE,
    "weeks": ListOf(WEEK, min_length=1),
    "nutrition": Nullable(NUTRITION),
    "reassessment_dates": ListOf(DATE),
    "warnings": WORDS,
    "history": ListOf(HISTORY_ENTRY, min_length=1),
})


def plan_shape_problems(plan: Any) -> list[str]:
    """Every place where the plan does not have the shape the rules read."""
    return list(PLAN.problems(plan, "plan"))
