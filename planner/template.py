"""`planner init`: a commented profile (or reassessment) to start from.

The template is written from the models themselves: every key, what it means
(its description), its allowed values and range, and its default. A key the
planner gains later appears without a change here. Example values stand in for
what only the clinician knows (name, age, dates); with them the template is
valid as it is. Optional keys without a default are written as comments, to be
filled in or left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from typing import Any, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from planner.forgiving import alternatives, choices, container_args, model_in

COMMENT_COLUMN = 34
WIDTH = 100


def _next_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def profile_examples(today: dt.date, condition: str) -> dict[tuple, Any]:
    """Example values for what only the clinician knows, by key path."""
    examples: dict[tuple, Any] = {
        ("client", "name"): "Jane Example",
        ("client", "id"): "CL-0001",
        ("client", "age"): 72,
        ("client", "sex"): "female",
        ("client", "weight_kg"): 61.5,
        ("client", "height_cm"): 158,
        ("condition",): condition,
        ("schedule", "start"): _next_monday(today),
        ("schedule", "days"): ["mon", "wed", "fri"],
        ("assessment", "date"): today,
        ("assessment", "grip_kg"): 14.5,
        ("assessment", "chair_stand_5x_s"): 17.2,
        ("assessment", "walk_6min_m"): 340,
        ("assessment", "gait_speed_m_s"): 0.7,
        ("strength",): {"quadriceps": 4},
        ("screening", "blood_pressure"): "135/85",
        ("clinician", "name"): "Your name, PT",
    }
    if condition == "neurogenic":
        examples[("neurogenic_cause",)] = "other"
    if condition == "post_immobilisation":
        examples[("affected",)] = ["left_leg"]
    return examples


def reassessment_examples(today: dt.date) -> dict[tuple, Any]:
    """Example values for a reassessment file."""
    return {
        ("date",): today,
        ("assessment", "grip_kg"): 17.0,
        ("assessment", "chair_stand_5x_s"): 14.1,
        ("assessment", "walk_6min_m"): 385,
        ("assessment", "gait_speed_m_s"): 0.85,
        ("strength",): {"quadriceps": 4},
        ("changes", "weight_kg"): 62,
    }


# Keys the examples make active although they are optional (the usual first programme).
ACTIVE_EXAMPLES = {("schedule", "start"), ("schedule", "days"), ("client", "weight_kg"), ("client", "height_cm"),
                   ("neurogenic_cause",), ("affected",), ("date",)}


def render_template(model: type[BaseModel], examples: dict[tuple, Any], title: str) -> str:
    """The commented YAML template of a model."""
    lines = [f"# {line}" if line else "#" for line in title.splitlines()]
    lines.append("")
    lines.extend(_section(model, (), examples, 0))
    return "\n".join(lines) + "\n"


def _section(model: type[BaseModel], path: tuple, examples: dict, depth: int) -> list[str]:
    out: list[str] = []
    indent = "  " * depth
    for name, field in model.model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        if extra.get("template") is False:  # derived keys, written by the planner itself
            continue
        key_path = path + (name,)
        nested = model_in(field.annotation)
        required = field.is_required()
        about = _about(field, required)
        if nested is not None and key_path not in examples:
            out.append(_line(f"{indent}{name}:", about))
            # A section left empty reads as left out (planner/forgiving.py), so its keys
            # can stay comments until they are filled in.
            out.extend(_section(nested, key_path, examples, depth + 1))
            continue
        value, active = _value(field, key_path, examples, required)
        text = f"{indent}{name}: {_yaml(value)}" if active else f"{indent}# {name}: {_yaml(value)}".rstrip()
        out.append(_line(text, about))
        options = _options(field.annotation)
        if options and len(", ".join(options)) > 40:
            wrapped = textwrap.wrap("allowed: " + ", ".join(options), WIDTH - len(indent) - 4)
            out.extend(f"{indent}  # {part}" for part in wrapped)
    return out


def _value(field, key_path: tuple, examples: dict, required: bool) -> tuple[Any, bool]:
    default = field.get_default(call_default_factory=True)
    if key_path in examples:
        return examples[key_path], required or key_path in ACTIVE_EXAMPLES
    if default is not PydanticUndefined and default is not None:
        return default, True
    options = _options(field.annotation)
    if options:
        return ([options[0]] if container_args(field.annotation, list) else options[0]), required
    return (_fallback(field.annotation) if required else None), required


def _fallback(annotation) -> Any:
    for alt in alternatives(annotation):
        if alt in (int, float):
            return 0
        if alt is dt.date:
            return dt.date.today()
        if alt is bool:
            return False
        if get_origin(alt) is list:
            return []
        if get_origin(alt) is dict:
            return {}
    return ""


def _options(annotation) -> tuple[str, ...]:
    listed = container_args(annotation, list)
    return choices(listed[0]) if listed else choices(annotation)


def _about(field, required: bool) -> str:
    parts = ["required" if required else "optional"]
    if field.description:
        parts.append(field.description.rstrip("."))
    options = _options(field.annotation)
    if options and len(", ".join(options)) <= 40 and " | ".join(options) not in (field.description or ""):
        parts.append(" | ".join(options))
    low = next((getattr(m, "ge", None) for m in field.metadata if getattr(m, "ge", None) is not None), None)
    high = next((getattr(m, "le", None) for m in field.metadata if getattr(m, "le", None) is not None), None)
    if low is not None and high is not None and "..".join(map(str, (low, high))) not in (field.description or ""):
        parts.append(f"{low:g}..{high:g}")
    default = field.get_default(call_default_factory=True)
    if default not in (None, PydanticUndefined, [], {}) and not required and not model_in(field.annotation):
        parts.append(f"default {_yaml(default)}")
    return "; ".join(parts)


def _line(text: str, about: str) -> str:
    return f"{text.ljust(COMMENT_COLUMN)} # {about}" if about else text


PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_ ,.'()+-]*$")
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _yaml(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, BaseModel):
        return "{}"
    text = str(value)
    if PLAIN.match(text) and text.lower() not in YAML_WORDS and ", " not in text and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def profile_template(condition: str = "sarcopenia", today: dt.date | None = None) -> str:
    """A commented profile with every key, valid as it is."""
    from planner.profile import Profile
    today = today or dt.date.today()
    title = ("A client profile for planner: fill in what you know, delete what you do not need.\n"
             "Every key is listed with its meaning and allowed values; '# key:' lines are optional.\n"
             "Check it with `planner validate FILE`, then `planner generate FILE -o NAME.pdf`.\n"
             "Weights in kg (or weight_lb), heights in cm (or height_in), dates as YYYY-MM-DD.")
    return render_template(Profile, profile_examples(today, condition), title)


def reassessment_template(today: dt.date | None = None) -> str:
    """A commented reassessment with every key, valid as it is."""
    from planner.reassess import Reassessment
    today = today or dt.date.today()
    title = ("A reassessment for planner: the tests of the day, how the programme went, what changed.\n"
             "Check it with `planner validate FILE`, then `planner reassess PLAN.pdf FILE`.\n"
             "Weeks starting on or after `date` are rebuilt; weeks before it stay as printed.")
    return render_template(Reassessment, reassessment_examples(today), title)
