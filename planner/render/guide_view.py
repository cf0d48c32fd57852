"""The exercise guide: every exercise of the plan once, then the alternatives more briefly."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planner.catalog import Catalog
from planner.plan import Plan
from planner.render import words
from planner.render.drawings import THUMBNAIL, FigureRef, Figures


@dataclass(frozen=True)
class GuideEntry:
    id: str
    name: str
    figure: FigureRef | None
    modality: str
    equipment: str
    muscles: str
    steps: list[str]
    cues: list[str]
    easier: str | None
    harder: str | None
    role: str            # "in your plan" or "alternative"
    first_week: int
    replaces: list[str] = field(default_factory=list)   # for an alternative: what it stands in for


def guide(plan: Plan, catalog: Catalog, figures: Figures) -> list[GuideEntry]:
    """Every exercise of the plan once, in order of first use; then alternatives not already in."""
    first_week: dict[str, int] = {}
    alternatives: dict[str, int] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                first_week.setdefault(item.id, week.week)
                for alternative in item.alternatives:
                    alternatives.setdefault(alternative.id, week.week)
    names = {alt.id: alt.name for w in plan.weeks for s in w.sessions for item in s.exercises
             for alt in item.alternatives}
    names.update({item.id: item.name for w in plan.weeks for s in w.sessions for item in s.exercises})
    replaces: dict[str, list[str]] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                for alternative in item.alternatives:
                    if item.name not in replaces.setdefault(alternative.id, []):
                        replaces[alternative.id].append(item.name)
    allowed = _client_may_do(plan, catalog)
    entries = [_guide_entry(ex_id, names.get(ex_id, ex_id), "in your plan", week, catalog, figures, allowed)
               for ex_id, week in first_week.items()]
    entries += [replace(_guide_entry(ex_id, names[ex_id], "alternative", week, catalog, figures, allowed),
                        replaces=replaces[ex_id])
                for ex_id, week in alternatives.items() if ex_id not in first_week]
    return entries


def _client_may_do(plan: Plan, catalog: Catalog) -> frozenset[str]:
    """The exercises this client may do, so easier/harder steps they may not take (an overhead
    press for a wheelchair user, a one-leg raise at grade 3) are not named (issue 11)."""
    from planner.eligibility import eligibility
    return eligibility(plan.profile, catalog).ids


def _guide_entry(exercise_id: str, name: str, role: str, week: int, catalog: Catalog,
                 figures: Figures, allowed: frozenset[str] | None = None) -> GuideEntry:
    exercise = catalog.exercises.get(exercise_id)
    if exercise is None:
        # A saved plan may name an exercise a newer catalog dropped: print what the plan knows.
        return GuideEntry(id=exercise_id, name=name, figure=None, modality="", equipment="",
                          muscles="", steps=[], cues=["Ask your clinician to show you this exercise."],
                          easier=None, harder=None, role=role, first_week=week)

    def variant(other_id: str | None) -> str | None:
        if other_id is None:
            return None
        other = catalog.exercises.get(other_id)
        if other is None or (allowed is not None and other.id not in allowed):
            return None
        return other.name

    equipment = [e for e in exercise.equipment if e != "pool"]
    # A planned exercise gets its start -> end drawing; an alternative the week pages' thumbnail.
    figure = (figures.get(exercise.id, "both", 240, 110) if role == "in your plan"
              else figures.get(exercise.id, *THUMBNAIL))
    return GuideEntry(
        id=exercise.id, name=exercise.name, figure=figure,
        modality=words.MODALITY_LABELS.get(exercise.modality, exercise.modality),
        equipment=words.listing([words.label(e) for e in equipment]) or "none",
        muscles=words.muscles_text(list(exercise.primary_muscles)),
        steps=list(exercise.steps), cues=list(exercise.cues),
        easier=variant(exercise.easier), harder=variant(exercise.harder), role=role, first_week=week)
