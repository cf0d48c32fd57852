"""`planner validate`: which kind of file each is, and every problem in it at once.

A profile and a reassessment are read as `generate` and `reassess` read them
(forgiving usual spellings); a plan as `render` and `reassess` read it.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import InputError, InputErrors


def validate_file(path: str | Path) -> tuple[str | None, list[InputError]]:
    """(kind, problems) for one file; kind is None when it is not one of ours at all."""
    from planner import sources
    from planner.kinds import kind_of
    try:
        doc = sources.read_document(path)
    except InputError as exc:
        return None, [exc]
    kind = kind_of(doc.data)
    if kind is None:
        return None, [InputError("is not a profile, reassessment or plan (expected a mapping of keys "
                                 "at the top level)", file=str(path))]
    try:
        if kind == "plan":
            from planner.planfile import load_plan
            load_plan(path)
        elif kind == "reassessment":
            from planner.reassess import Reassessment
            sources.validate(Reassessment, doc, forgiving=True)
        else:
            from planner.profile import Profile
            sources.validate(Profile, doc, forgiving=True)
    except InputErrors as exc:
        return kind, list(exc.problems)
    except InputError as exc:
        return kind, [exc]
    return kind, []
