"""Forgiving where it is safe: usual spellings of closed vocabularies, and "did you mean".

Everything here is read from the pydantic models themselves (their field names and
`Literal` choices), so a key or value another part of the planner adds is
forgiven and suggested without a list kept here.

- A value of a closed vocabulary is matched whatever its case, with spaces or
  hyphens for underscores, and in its usual forms: a day's full name (`Monday`),
  a plural or singular (`peanut`), the first letter of two choices (`F`, `M`).
  It is stored in its canonical form.
- A key with nothing under it (`assessment:` with its lines commented out) is
  taken as left out where the key has a default and cannot be empty.
- A share written as a percentage (`85%`) is read as 0.85 where the key's top is 1.
- Nothing is guessed where a guess could change a plan unseen: an unknown key or
  value is refused, with the nearest known name suggested.
"""

from __future__ import annotations

import calendar
import difflib
import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

# Usual forms that are not a beginning of the canonical one: weekday names in full and
# the abbreviations people write ("Tues", "Thurs"). English, as the vocabulary is.
USUAL_FORMS: dict[str, str] = {
    **{name.lower(): name.lower()[:3] for name in calendar.day_name},
    "tues": "tue", "weds": "wed", "thur": "thu", "thurs": "thu",
}
# Words a key name ends in that only give its unit, so `tug` finds timed_up_and_go_s.
UNIT_WORDS = {"s", "kg", "lb", "m", "cm", "in", "g", "m_s", "points", "per", "and", "of"}
PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


# --- The models' own vocabulary -----------------------------------------------------

def alternatives(annotation: Any) -> list[Any]:
    """The alternatives of a type: Optional, Union and Annotated taken apart."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return alternatives(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [alt for arg in get_args(annotation) for alt in alternatives(arg)]
    return [annotation]


def choices(annotation: Any) -> tuple[str, ...]:
    """The Literal strings a type admits (empty when it is not a closed vocabulary)."""
    found: list[str] = []
    for alt in alternatives(annotation):
        if get_origin(alt) is Literal:
            found.extend(arg for arg in get_args(alt) if isinstance(arg, str))
    return tuple(found)


def accepts_none(annotation: Any) -> bool:
    """Whether a type admits None (an Optional)."""
    return any(alt is type(None) for alt in alternatives(annotation))


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model a type holds (a section such as `client`), if any."""
    for alt in alternatives(annotation):
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            return alt
    return None


def container_args(annotation: Any, kind: type) -> tuple | None:
    """The item types of a list (kind=list) or key and value types of a dict (kind=dict)."""
    for alt in alternatives(annotation):
        if get_origin(alt) is kind:
            return get_args(alt)
    return None


def type_at(model: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, Any]:
    """For a key path: the model that holds its last key, and the type of the value there."""
    holder: type[BaseModel] | None = model
    current: Any = model
    for part in loc:
        if part == "[key]":
            args = container_args(current, dict)
            return holder, args[0] if args else None
        nested = model_in(current)
        if isinstance(part, str) and nested is not None:
            field = nested.model_fields.get(part)
            holder = nested
            if field is None:
                return holder, None
            current = field.annotation
            continue
        if isinstance(part, int) and container_args(current, list):
            current = container_args(current, list)[0]
            continue
        if isinstance(part, str) and container_args(current, dict):
            current = container_args(current, dict)[1]
            continue
        return holder, None
    return holder, current


# --- Matching -------------------------------------------------------------------------

def _plain(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def canonical(value: str, options: tuple[str, ...]) -> str | None:
    """The option a value means, when no other reading is possible; else None."""
    if not options:
        return None
    word = _plain(value)
    if word in options:
        return word
    usual = USUAL_FORMS.get(word)
    if usual in options:
        return usual
    plural = [o for o in options if o == word + "s" or o + "s" == word]
    if len(plural) == 1:
        return plural[0]
    # A beginning is only safe between two choices (F, M): in a longer list of conditions
    # or equipment, "hyp" might be something the list does not hold at all.
    if len(options) <= 2 and word:
        starting = [o for o in options if o.startswith(word)]
        if len(starting) == 1:
            return starting[0]
    return None


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split("_") if part and part not in UNIT_WORDS)


def suggest(word: Any, options, *, cutoff: float = 0.6) -> str | None:
    """The nearest known name to a misspelt or shortened one, or None when nothing is near.

    Keys are few and long, so 0.6 of difflib's ratio finds `client` for `patient`;
    values are asked with a higher cutoff so `barbell` is not offered `dumbbells`.
    """
    if not isinstance(word, str) or not word.strip():
        return None
    options = list(dict.fromkeys(options))
    plain = _plain(word)
    for option in options:
        if plain == option:
            return option
    for form, meant in USUAL_FORMS.items():
        if meant in options and difflib.SequenceMatcher(None, plain, form).ratio() >= 0.75:
            return meant
    # grip -> grip_kg, minutes -> minutes_per_session: the name it begins.
    starting = [o for o in options if o.startswith(plain + "_")]
    if len(starting) >= 1:
        return starting[0]
    # tug -> timed_up_and_go_s: the initials of the name's words, units left out.
    initials = [o for o in options if "_" in o and len(plain) >= 2 and _initials(o) == plain]
    if len(initials) == 1:
        return initials[0]
    close = difflib.get_close_matches(plain, options, n=1, cutoff=cutoff)
    if close:
        return close[0]
    # A word inside a longer name: kidney -> ckd is beyond this, but knee -> knee_pain is not.
    inside = [o for o in options if len(plain) >= 4 and plain in o.split("_")]
    return inside[0] if len(inside) == 1 else None


def every_key(model: type[BaseModel], prefix: tuple = ()) -> dict[str, list[tuple]]:
    """Every key name in a model tree, with the section paths it belongs to."""
    found: dict[str, list[tuple]] = {}
    for name, field in model.model_fields.items():
        found.setdefault(name, []).append(prefix)
        nested = model_in(field.annotation)
        if nested is not None and nested is not model:
            for key, places in every_key(nested, prefix + (name,)).items():
                found.setdefault(key, []).extend(places)
    return found


# --- The forgiving pass ---------------------------------------------------------------

def forgive(model: type[BaseModel], data: Any) -> Any:
    """The data with closed-vocabulary values in canonical form and shares as fractions.

    Only values that can mean exactly one thing change; everything else is left as
    written, for validation to refuse with its own message.
    """
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        field = model.model_fields.get(key)
        if field is None:
            out[key] = value
            continue
        if value is None and not field.is_required() and not accepts_none(field.annotation):
            continue  # `assessment:` with nothing under it: the section left out, its default
        value = _as_share(field, value)
        out[key] = _forgive_value(field.annotation, value)
    return out


def _as_share(field, value: Any) -> Any:
    """'85%' for a key whose value is a share 0..1 (its upper bound is 1)."""
    if not isinstance(value, str):
        return value
    match = PERCENT.match(value)
    tops = [getattr(m, "le", None) for m in field.metadata]
    if match and 1 in tops:
        return round(float(match[1]) / 100, 4)
    return value


def _forgive_value(annotation: Any, value: Any) -> Any:
    nested = model_in(annotation)
    if nested is not None and isinstance(value, dict):
        return forgive(nested, value)
    listed = container_args(annotation, list)
    if listed and isinstance(value, list):
        return [_forgive_value(listed[0], item) for item in value]
    mapped = container_args(annotation, dict)
    if mapped and isinstance(value, dict):
        key_choices = choices(mapped[0])
        return {(canonical(k, key_choices) or k) if isinstance(k, str) else k: _forgive_value(mapped[1], v)
                for k, v in value.items()}
    if isinstance(value, str):
        return canonical(value, choices(annotation)) or value
    return value
