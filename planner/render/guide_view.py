"""The exercise guide: every exercise of the plan once, then the alternatives more briefly."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from planner.catalog import Catalog
from planner.plan import Plan
from planner.render import words
from planner.render.drawings import FigureRef, Figures


GUIDE_WIDTH, GUIDE_HEIGHT = 240, 110     # the start -> end drawing, px (CSS sets the printed size)

# Seated steps carry a sentence for wheelchair users ("In a wheelchair, put the brakes on.").
WHEELCHAIR_SENTENCE = re.compile(r"\s*\bIn a wheelchair,[^.]*\.")


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

    @property
    def tags(self) -> str:
        """One short line under the name: position, what to have at hand, and when it starts."""
        parts = [self.modality.capitalize()] if self.modality else []
        if self.equipment and self.equipment != "none":
            parts.append(self.equipment)
        if self.first_week > 1:
            parts.append(f"from week {self.first_week}")
        return " · ".join(parts)


def doable(plan: Plan, catalog: Catalog) -> set[str] | None:
    """Catalog ids this client can do with their equipment and limitations (None: unknown).

    'Easier' and 'Harder' are printed only when the client can do them: a 'Harder: dumbbell
    curl' for someone without dumbbells is a suggestion they cannot follow (issue 13).
    """
    try:
        from planner.eligibility import eligibility
        return {exercise.id for exercise in eligibility(plan.profile, catalog).exercises}
    except Exception:   # a saved plan the current rules cannot judge: print no variants
        return None


def exercise_positions(plan: Plan, catalog: Catalog) -> dict[str, str]:
    """How the body is placed for each exercise of the plan, in words."""
    ids = {item.id for w in plan.weeks for s in w.sessions for item in s.exercises}
    ids |= {a.id for w in plan.weeks for s in w.sessions for item in s.exercises for a in item.alternatives}
    return {i: words.position_text(catalog.exercises[i]) for i in ids if i in catalog.exercises}


def guide(plan: Plan, catalog: Catalog, figures: Figures, *, from_week: int = 1) -> list[GuideEntry]:
    """Every exercise of the weeks printed once, in order of first use; then alternatives not already in."""
    first_week: dict[str, int] = {}
    alternatives: dict[str, int] = {}
    can_do = doable(plan, catalog)
    # Someone who stands and walks has no brakes to put on: the sentence for wheelchair users is
    # kept for anyone who works seated (seated_only may well mean a wheelchair), dropped otherwise.
    wheelchair = plan.profile.seated
    weeks = [w for w in plan.weeks if w.week >= from_week]
    for week in weeks:
        for session in week.sessions:
            for item in session.exercises:
                first_week.setdefault(item.id, week.week)
                for alternative in item.alternatives:
                    # Only what the client can do: equipment at hand, limitations respected.
                    if can_do is None or alternative.id in can_do:
                        alternatives.setdefault(alternative.id, week.week)
    names = {alt.id: alt.name for w in weeks for s in w.sessions for item in s.exercises
             for alt in item.alternatives}
    names.update({item.id: item.name for w in weeks for s in w.sessions for item in s.exercises})
    replaces: dict[str, list[str]] = {}
    for week in weeks:
        for session in week.sessions:
            for item in session.exercises:
                for alternative in item.alternatives:
                    if item.name not in replaces.setdefault(alternative.id, []):
                        replaces[alternative.id].append(item.name)
    entries = [_guide_entry(ex_id, names.get(ex_id, ex_id), "in your plan", week, catalog, figures, can_do,
                            wheelchair)
               for ex_id, week in first_week.items()]
    entries += [replace(_guide_entry(ex_id, names[ex_id], "alternative", week, catalog, figures, can_do,
                                     wheelchair),
                        replaces=replaces[ex_id])
                for ex_id, week in alternatives.items() if ex_id not in first_week]
    return entries


def steps_for(steps: list[str], wheelchair: bool) -> list[str]:
    """The catalog's steps as this client reads them: without the wheelchair sentences if they stand."""
    if wheelchair:
        return list(steps)
    kept = [WHEELCHAIR_SENTENCE.sub("", step).strip() for step in steps]
    return [step for step in kept if step]


def _guide_entry(exercise_id: str, name: str, role: str, week: int, catalog: Catalog,
                 figures: Figures, can_do: set[str] | None, wheelchair: bool = True) -> GuideEntry:
    exercise = catalog.exercises.get(exercise_id)
    if exercise is None:
        # A saved plan may name an exercise a newer catalog dropped: print what the plan knows.
        return GuideEntry(id=exercise_id, name=name, figure=None, modality="", equipment="",
                          muscles="", steps=[], cues=["Ask your clinician to show you this exercise."],
                          easier=None, harder=None, role=role, first_week=week)

    def variant(other_id: str | None) -> str | None:
        if other_id is None or can_do is None or other_id not in can_do:
            return None
        other = catalog.exercises.get(other_id)
        if other is None:
            return None
        return other.name

    position = words.position_text(exercise)
    # "Standing at a wall · Wall" says it twice; the pool is in the position words too.
    equipment = [e for e in exercise.equipment if e != "pool" and not (e == "wall" and "wall" in position)]
    # A planned exercise gets its start -> end drawing; an alternative is described in words
    # only (a drawing each would add a page to the printed guide).
    figure = figures.get(exercise.id, "both", GUIDE_WIDTH, GUIDE_HEIGHT)
    return GuideEntry(
        id=exercise.id, name=exercise.name, figure=figure,
        modality=position,
        equipment=words.listing([words.label(e) for e in equipment]) or "none",
        muscles=words.muscles_text(list(exercise.primary_muscles)),
        steps=steps_for(list(exercise.steps), wheelchair), cues=list(exercise.cues),
        easier=variant(exercise.easier), harder=variant(exercise.harder), role=role, first_week=week)
