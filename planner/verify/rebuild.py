"""What a reassessment may change (issue 11, Build 9), re-derived from the plan JSON:
a step-down brings in no harder ladder rung than the kept weeks used; a step-up changes
at most 2 exercises per session; a referral, when recorded, is a sentence.

The kept weeks are in the plan itself (weeks before `rebuilt_from_week`), so these
rules need no previous version; with `--previous` the kept weeks are also checked
identical to it (reassessment.kept_weeks_unchanged).
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.verify.facts import PlanFacts, day, where
from planner.verify.violation import Finding

MAX_STEP_UP_CHANGES = 2


def _kept(facts: PlanFacts) -> list[dict]:
    return [w for w in facts.weeks if w["week"] < facts.rebuilt_from_week]


def step_down_no_harder_rung(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: after a step-down no rebuilt week uses a ladder rung above the highest the kept
    weeks used on that ladder: worse results call for easier work, never harder."""
    if not facts.reassessed or facts.latest.get("decision") != "step_down":
        return
    ceiling: dict[str, int] = {}
    for _, _, exercise in facts.exercises(_kept(facts)):
        rung = facts.ref.ladder_rung(exercise["id"])
        if rung is not None:
            ceiling[rung[0]] = max(ceiling.get(rung[0], 0), rung[1])
    for week, session, exercise in facts.exercises(facts.judged_weeks):
        rung = facts.ref.ladder_rung(exercise["id"])
        if rung is not None and rung[0] in ceiling and rung[1] > ceiling[rung[0]]:
            yield Finding(f"{exercise['id']}: rung {rung[1] + 1} of its ladder after a step-down; the kept "
                          f"weeks went up to rung {ceiling[rung[0]] + 1}", **where(week, session))


def step_up_changes(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a step-up (with no training key changed) changes at most 2 exercises in each
    session and keeps the session days of the last kept week: the client keeps what they
    learned."""
    if not facts.reassessed or facts.latest.get("decision") != "step_up" or facts.latest.get("training_changes"):
        return
    kept = _kept(facts)
    if not kept:
        return
    last = kept[-1]
    before = {(day(s["date"]) - day(last["start"])).days: {e["id"] for e in s["exercises"]}
              for s in last["sessions"]}
    for week, session in facts.sessions(facts.judged_weeks):
        offset = (day(session["date"]) - day(week["start"])).days
        ids = {e["id"] for e in session["exercises"]}
        if offset not in before:
            yield Finding("a session on a day the kept weeks had none, after a step-up", **where(week, session))
            continue
        changed = max(len(ids - before[offset]), len(before[offset] - ids))
        if changed > MAX_STEP_UP_CHANGES:
            yield Finding(f"{changed} exercises changed by the step-up; at most {MAX_STEP_UP_CHANGES} a session",
                          **where(week, session))


def week_to_week_changes(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: from one week to the next a session (same day of the plan week) changes at most 2
    exercises, the midpoint step up the ladder included; only a reassessment's rebuild that is
    not a plain step-up may change more (step_up_changes judges that one)."""
    by_number = {w["week"]: w for w in facts.weeks}
    for week in facts.judged_weeks:
        earlier = by_number.get(week["week"] - 1)
        if earlier is None or week["week"] == facts.rebuilt_from_week:
            continue
        before = {(day(s["date"]) - day(earlier["start"])).days: {e["id"] for e in s["exercises"]}
                  for s in earlier["sessions"]}
        for session in week["sessions"]:
            offset = (day(session["date"]) - day(week["start"])).days
            if offset not in before:
                continue
            ids = {e["id"] for e in session["exercises"]}
            changed = max(len(ids - before[offset]), len(before[offset] - ids))
            if changed > MAX_STEP_UP_CHANGES:
                yield Finding(f"{changed} exercises changed from week {earlier['week']}; at most "
                              f"{MAX_STEP_UP_CHANGES} a session", **where(week, session))


def referral_recorded(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a history entry's referral, when present, is a sentence naming the review it asks for."""
    for index, entry in enumerate(facts.history, start=1):
        text = entry.get("referral")
        if text is None:
            continue
        if not isinstance(text, str) or "review" not in text.lower():
            yield Finding(f"history entry {index} has a referral that names no review: {text!r}")


RULES = [step_down_no_harder_rung, step_up_changes, week_to_week_changes, referral_recorded]
