"""Telling which kind of user file a document is: a profile, a reassessment or a plan.

`planner validate` and batch runs read folders where the three sit side by side;
a file is judged by its top-level keys against the models' own field names, so a
key added to a model counts without a list kept here.
"""

from __future__ import annotations

from typing import Any, Literal

Kind = Literal["profile", "reassessment", "plan"]
PLAN_FORMAT_PREFIX = "planner.plan/"


def kind_of(data: Any) -> Kind | None:
    """The kind of a parsed document, or None when it is none of them (not a mapping)."""
    if not isinstance(data, dict):
        return None
    if str(data.get("format", "")).startswith(PLAN_FORMAT_PREFIX):
        return "plan"
    from planner.profile import Profile
    keys = set(data)
    # A key only a profile requires settles it, without importing the reassessment
    # model (and the solver behind it): `planner validate` of a profile stays quick.
    if keys & {name for name, field in Profile.model_fields.items() if field.is_required()}:
        return "profile"
    from planner.reassess import Reassessment
    profile_keys = set(Profile.model_fields)
    reassessment_keys = set(Reassessment.model_fields)
    # Keys both know (strength, assessment) say nothing; a tie is a profile, the commoner file.
    as_profile = len(keys & (profile_keys - reassessment_keys))
    as_reassessment = len(keys & (reassessment_keys - profile_keys))
    return "reassessment" if as_reassessment > as_profile else "profile"
