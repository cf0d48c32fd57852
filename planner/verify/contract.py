"""Contract rules: the plan has the shape and bookkeeping spec/plan.md promises.

Other tools read the plan JSON, so its numbering, dates and copies of catalog
facts must be exactly right, not only plausible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from planner.verify.facts import PlanFacts, day, where
from planner.verify.shape import plan_shape_problems
from planner.verify.violation import Finding
from planner.verify.vocabulary import PLAN_FORMAT, WEEKDAYS


def plan_shape(plan: Any) -> Iterator[Finding]:
    """Hard: every key the contract names is present with its type, so each rule
    can be judged; a plan that fails here is not checked further."""
    for problem in plan_shape_problems(plan):
        yield Finding(problem)


def plan_format(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: format is "planner.plan/1", the contract version the rules are written for."""
    if facts.plan["format"] != PLAN_FORMAT:
        yield Finding(f"format is {facts.plan['format']!r}, expected {PLAN_FORMAT!r}")


def version_matches_history(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: version equals the last history entry's, so a reprint names the right version."""
    if facts.plan["version"] != facts.latest["version"]:
        yield Finding(f"version is {facts.plan['version']} but the last history entry "
                      f"is version {facts.latest['version']}")


def history_versions(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: history runs version 1, 2, ... n with one generate then reassessments,
    so every rebuilt version can be traced back to the first."""
    for index, entry in enumerate(facts.history):
        if entry["version"] != index + 1:
            yield Finding(f"history entry {index + 1} has version {entry['version']}, expected {index + 1}")
        expected = "generate" if index == 0 else "reassess"
        if entry["action"] != expected:
            yield Finding(f"history entry {index + 1} has action {entry['action']!r}, expected {expected!r}")


def week_numbering(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: weeks are numbered 1..N in order with N = schedule.weeks, the length the
    client asked for."""
    numbers = [w["week"] for w in facts.weeks]
    wanted = list(range(1, facts.schedule["weeks"] + 1))
    if numbers != wanted:
        yield Finding(f"weeks are numbered {_span(numbers)}; expected 1..{len(wanted)} "
                      f"(schedule.weeks is {len(wanted)})")


def week_start(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: week k starts on schedule.start + 7(k-1), so dates and week numbers agree."""
    for week in facts.weeks:
        expected = facts.week_start(week["week"]).isoformat()
        if week["start"] != expected:
            yield Finding(f"starts on {week['start']}, expected {expected}", **where(week))


def session_order(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: sessions are in date order with at most one a day, as printed and counted."""
    for week in facts.weeks:
        dates = [day(s["date"]) for s in week["sessions"]]
        for session, before, after in zip(week["sessions"][1:], dates, dates[1:]):
            if after == before:
                yield Finding("two sessions on the same date", **where(week, session))
            elif after < before:
                yield Finding(f"comes after the session on {before.isoformat()}; sessions must be "
                              "in date order", **where(week, session))


def session_in_week(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every session date lies inside its own week, so per-week counts are honest."""
    for week, session in facts.sessions():
        first = day(week["start"])
        last = first + dt.timedelta(days=6)
        if not first <= day(session["date"]) <= last:
            yield Finding(f"outside its week ({first.isoformat()} to {last.isoformat()})",
                          **where(week, session))


def weekday_matches_date(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the printed weekday is the date's real weekday; a client trains by the weekday."""
    for week, session in facts.sessions():
        actual = WEEKDAYS[day(session["date"]).weekday()]
        if session["weekday"] != actual:
            yield Finding(f"weekday says {session['weekday']} but the date is a {actual}",
                          **where(week, session))


def loaded_by(facts: PlanFacts, session: dict) -> set[str]:
    """Primary muscles of the session's strength and power work; balance practice (catalog
    component) loads no muscle group (spec/plan.md round 2)."""
    loaded = set()
    for exercise in session["exercises"]:
        entry = facts.catalog_entry(exercise["id"])
        component = entry.component if entry is not None else exercise.get("component", "strength")
        if component != "balance":
            loaded |= set(exercise["primary_muscles"])
    return loaded


def session_muscle_groups(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a session's muscle_groups are exactly the union of its strength and power
    exercises' primary muscles, without repeats; the frequency and rest rules count these."""
    for week, session in facts.sessions():
        listed = session["muscle_groups"]
        loaded = loaded_by(facts, session)
        if len(set(listed)) != len(listed):
            yield Finding("muscle_groups lists a muscle twice", **where(week, session))
        for muscle in sorted(loaded - set(listed)):
            yield Finding("loaded by an exercise but missing from muscle_groups",
                          **where(week, session, muscle))
        for muscle in sorted(set(listed) - loaded):
            yield Finding("in muscle_groups but no exercise loads it", **where(week, session, muscle))


def exercise_matches_catalog(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an exercise's (and alternative's) name, modality, primary muscles, equipment
    and one-sidedness are the catalog's, so the printed instructions fit the exercise."""
    for week, session, exercise in facts.exercises():
        entry = facts.catalog_entry(exercise["id"])
        if entry is None:
            continue  # reported by exercise_in_catalog
        label = exercise["id"]
        if exercise["name"] != entry.name:
            yield Finding(f"{label}: name {exercise['name']!r}, catalog says {entry.name!r}",
                          **where(week, session))
        if exercise["modality"] != entry.modality:
            yield Finding(f"{label}: modality {exercise['modality']}, catalog says {entry.modality}",
                          **where(week, session))
        if sorted(exercise["primary_muscles"]) != sorted(entry.primary_muscles):
            yield Finding(f"{label}: primary muscles {exercise['primary_muscles']}, catalog says "
                          f"{list(entry.primary_muscles)}", **where(week, session))
        if sorted(exercise["equipment"]) != sorted(entry.equipment):
            yield Finding(f"{label}: equipment {exercise['equipment']}, catalog says "
                          f"{list(entry.equipment)}", **where(week, session))
        if "unilateral" in exercise and exercise["unilateral"] != entry.unilateral:
            yield Finding(f"{label}: unilateral is {exercise['unilateral']}, catalog says "
                          f"{entry.unilateral}", **where(week, session))
        for alternative in exercise.get("alternatives", []):
            other = facts.catalog_entry(alternative["id"])
            if other is None:
                continue
            if (alternative["name"], alternative["modality"]) != (other.name, other.modality):
                yield Finding(f"{label}: alternative {alternative['id']} is printed as "
                              f"{alternative['name']!r} ({alternative['modality']}), catalog says "
                              f"{other.name!r} ({other.modality})", **where(week, session))


def dose_shape(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a dose is reps [low, high] with 1 <= low <= high and no hold, or a hold in
    seconds and no reps, as the catalog prescribes it; at least one set, rest not negative."""
    for week, session, exercise in facts.exercises():
        label = exercise["id"]
        reps, hold = exercise["reps"], exercise["hold_s"]
        if reps is not None and hold is not None:
            yield Finding(f"{label}: has both reps and hold_s", **where(week, session))
        elif reps is None and hold is None:
            yield Finding(f"{label}: has neither reps nor hold_s", **where(week, session))
        elif reps is not None and not 1 <= reps[0] <= reps[1]:
            yield Finding(f"{label}: reps {reps} is not [low, high] with 1 <= low <= high",
                          **where(week, session))
        elif hold is not None and hold <= 0:
            yield Finding(f"{label}: hold_s {hold} is not a positive number of seconds",
                          **where(week, session))
        if exercise["sets"] < 1:
            yield Finding(f"{label}: {exercise['sets']} sets", **where(week, session))
        if exercise["rest_s"] < 0:
            yield Finding(f"{label}: negative rest", **where(week, session))
        entry = facts.catalog_entry(label)
        if entry is None or (reps is None) == (hold is None):
            continue  # unknown exercise or broken form: reported above
        given = "hold" if reps is None else "reps"
        if given != entry.dose:
            yield Finding(f"{label}: prescribed as {given} but the catalog doses it as {entry.dose}",
                          **where(week, session))


def _span(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:14])
    return shown + (", ..." if len(numbers) > 14 else "") if numbers else "(none)"


RULES = [plan_format, version_matches_history, history_versions, week_numbering, week_start,
         session_order, session_in_week, weekday_matches_date, session_muscle_groups,
         exercise_matches_catalog, dose_shape]
