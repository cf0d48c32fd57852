"""Dose rules: effort within the condition's cap, no added load on grade-3 muscles,
and the one session-time formula the printed minutes must honour.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from fractions import Fraction

from planner.verify.facts import PlanFacts, where
from planner.verify.reference import Reference
from planner.verify.violation import Finding

WARM_UP_AND_COOL_DOWN_S = 600
SET_UP_S = 30
MAX_RPE = 10
UNLOADED_KINDS = frozenset({"bodyweight", "water"})
# "bodyweight" names no added load, so it is taken out before looking for load words.
_BODY_WEIGHT = re.compile(r"body[\s-]?weight")
_LOAD_WORDS = re.compile(r"kg|band|dumbbell|weight")


def exercise_seconds(exercise: dict, ref: Reference) -> Fraction | None:
    """Set-up + sets x sides x work + sets x rest; None when the catalog cannot say."""
    entry = ref.exercises.get(exercise["id"])
    reps, hold = exercise["reps"], exercise["hold_s"]
    if entry is None or (reps is None) == (hold is None):
        return None
    tempo = Fraction(entry.tempo_s).limit_denominator(1000)
    work = Fraction(hold) if reps is None else reps[1] * tempo
    sides = 2 if entry.unilateral else 1
    sets = exercise["sets"]
    return SET_UP_S + sets * sides * work + sets * exercise["rest_s"]


def estimated_minutes(session: dict, ref: Reference) -> int | None:
    """Whole minutes for a session with warm-up and cool-down, or None if unknown."""
    parts = [exercise_seconds(e, ref) for e in session["exercises"]]
    if any(part is None for part in parts):
        return None
    return math.ceil((WARM_UP_AND_COOL_DOWN_S + sum(parts)) / 60)


def effort_cap(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: effort_rpe is 0..10 and never above the condition's cap in conditions.yaml
    (a neurogenic cause's own entry first): neurogenic weakness must never be pushed hard."""
    rule = facts.condition_rule
    if rule is None:
        yield Finding(f"conditions.yaml has no entry for condition {facts.condition!r}; "
                      "the effort cap cannot be judged")
    judged = {w["week"] for w in facts.judged_weeks}
    for week, session, exercise in facts.exercises():
        rpe = exercise["effort_rpe"]
        if not 0 <= rpe <= MAX_RPE:
            yield Finding(f"{exercise['id']}: effort {rpe} is off the 0-10 scale", **where(week, session))
        elif rule is not None and week["week"] in judged and rpe > rule.effort_cap_rpe:
            yield Finding(f"{exercise['id']}: effort RPE {rpe} is above the cap of "
                          f"{rule.effort_cap_rpe} for {rule.id}", **where(week, session))


def no_added_load_at_grade_3(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an exercise (or alternative) for a muscle graded 3 adds no load (catalog
    load_kind bodyweight or water, and no kg, band, dumbbell or weight in the load):
    grade 3 means the muscle moves against gravity and no more."""
    for week, session, exercise in facts.exercises(facts.judged_weeks):
        for item in [exercise, *exercise.get("alternatives", [])]:
            entry = facts.catalog_entry(item["id"])
            if entry is None:
                continue
            for muscle in entry.primary_muscles:
                if facts.grade(muscle) != 3:
                    continue
                label = item["id"] if item is exercise else f"{exercise['id']}: alternative {item['id']}"
                if entry.load_kind not in UNLOADED_KINDS:
                    yield Finding(f"{label}: graded 3 but the exercise adds load ({entry.load_kind})",
                                  **where(week, session, muscle))
                elif item is exercise and _LOAD_WORDS.search(_BODY_WEIGHT.sub("", exercise["load"].lower())):
                    yield Finding(f"{label}: graded 3 but the load says {exercise['load']!r}",
                                  **where(week, session, muscle))


RULES = [effort_cap, no_added_load_at_grade_3]
