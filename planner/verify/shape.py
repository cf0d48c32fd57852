"""The plan's shape: every key the rules read, with its type.

Rules can then read the plan without guarding each access. Keys the contract
gives defaults for may be missing; unknown keys are allowed (the contract lets
tools add keys beside its own).
"""

from __future__ import annotations

import datetime as dt
import re
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
    max_length: int | None = None

    def problems(self, value, path):
        if not isinstance(value, list):
            yield f"{path} should be a list, not {_show(value)}"
            return
        if self.length is not None and len(value) != self.length:
            yield f"{path} should hold exactly {self.length} values, not {len(value)}"
        if len(value) < self.min_length:
            yield f"{path} should hold at least {self.min_length} value(s)"
        if self.max_length is not None and len(value) > self.max_length:
            yield f"{path} holds {len(value)} values; at most {self.max_length} make sense"
            return  # judging thousands of items would only repeat the point
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


# Bounds on what a plan holds, so a hostile file (8,000 empty weeks) costs no time:
# plans run 8..12 weeks, a session holds a handful of exercises.
MAX_WEEKS = 12
MAX_EXERCISES = 20

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
    "minutes": INTEGER, "exercises": ListOf(EXERCISE, min_length=1, max_length=MAX_EXERCISES),
})

WEEK = Record({"week": WEEK_NUMBER, "start": DATE, "phase": STRING, "deload": BOOLEAN,
               "sessions": ListOf(SESSION, max_length=7)})

FOOD = Record({"id": STRING, "name": STRING, "protein_g": NUMBER, "diet": STRING, "allergens": WORDS},
              {"portions": INTEGER, "kcal": Nullable(NUMBER), "portion_g": Nullable(NUMBER),
               "slot": Nullable(STRING)})

SHOPPING_AISLE = Record({"aisle": STRING, "items": ListOf(Record({"name": STRING, "amount": STRING}))})

NUTRITION = Record({
    "protein_g_per_kg": NUMBER,
    "daily_protein_g": NUMBER,
    "meals": ListOf(Record({"name": STRING, "protein_g": NUMBER}, {"after_session": BOOLEAN}), min_length=1),
    "menus": ListOf(max_length=7, item=Record({"day": INTEGER, "meals": ListOf(
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
    "weeks": ListOf(WEEK, min_length=1, max_length=MAX_WEEKS),
    "nutrition": Nullable(NUTRITION),
    "reassessment_dates": ListOf(DATE),
    "warnings": WORDS,
    "history": ListOf(HISTORY_ENTRY, min_length=1),
})


def plan_shape_problems(plan: Any) -> list[str]:
    """Every place where the plan does not have the shape the rules read."""
    problems = list(PLAN.problems(plan, "plan"))
    return problems + list(_unprintable_text(plan, "plan", multiline=False))


# Text a programme prints must print as written. Tab and newline only in notes.
_MULTILINE = {"notes", "note", "clinician_notes"}
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x034F}
# Any character the loop below would refuse, found by one C-speed scan: most strings of a
# plan have none, and the per-character loop then never runs (a plan holds ~18,000 strings).
_SUSPECT = {multiline: re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
                                  if not multiline else
                                  "[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
            for multiline in (False, True)}


def _unprintable_text(value: Any, path: str, multiline: bool) -> Iterator[str]:
    """Hard: no lone surrogates, control characters, bidi overrides or invisible-only text."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _unprintable_text(key, f"{path} key", False)
            yield from _unprintable_text(item, f"{path}.{key}", multiline or key in _MULTILINE)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unprintable_text(item, f"{path}[{index}]", multiline)
    elif isinstance(value, str):
        for ch in (value if _SUSPECT[multiline].search(value) else ()):
            code = ord(ch)
            if 0xD800 <= code <= 0xDFFF:
                yield f"{path} holds a lone surrogate (U+{code:04X}), which is not text"
                return
            if (code < 0x20 or 0x7F <= code <= 0x9F) and not (multiline and ch in "\t\n\r"):
                yield f"{path} holds a control character (U+{code:04X})"
                return
            if code in _BIDI:
                yield f"{path} holds a bidirectional control (U+{code:04X})"
                return
        if value and not value.isspace() and all(ord(ch) in _INVISIBLE or ch.isspace() for ch in value):
            yield f"{path} holds only invisible characters"
