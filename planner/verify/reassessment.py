"""Reassessment rules (issue 4): a rebuilt plan keeps the weeks already done exactly
as they were and records the rebuild in its history.

The comparisons with the previous version run only when it is given
(`planner check NEW.json --previous OLD.json`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from planner.verify.facts import PlanFacts, day, where
from planner.verify.violation import Finding

DECISIONS = ("step_up", "repeat", "step_down")


def rebuild_recorded(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a reassessment entry records its decision (step_up, repeat or step_down) and
    rebuilds exactly the weeks that start on or after its date, as the contract says."""
    for index, entry in enumerate(facts.history[1:], start=2):
        if entry["action"] != "reassess":
            continue
        if entry.get("decision") not in DECISIONS:
            yield Finding(f"history entry {index} has decision {entry.get('decision')!r}; "
                          f"expected one of {', '.join(DECISIONS)}")
    if not facts.reassessed or facts.latest.get("rebuilt_from_week") is None:
        return
    expected = facts.first_week_on_or_after(day(facts.latest["date"]))
    if facts.latest["rebuilt_from_week"] != expected:
        yield Finding(f"history says the plan was rebuilt from week {facts.latest['rebuilt_from_week']}, "
                      f"but the first week starting on or after {facts.latest['date']} is week {expected}")


def previous_version(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the new plan is the previous version plus one, and its history is the
    previous history with one entry more, so versions form one line."""
    if facts.previous is None:
        return
    old_version, new_version = facts.previous["version"], facts.plan["version"]
    if new_version != old_version + 1:
        yield Finding(f"version {new_version} does not follow the previous version {old_version}")
    old_history, new_history = facts.previous["history"], facts.history
    if len(new_history) != len(old_history) + 1 or _json(new_history[:len(old_history)]) != _json(old_history):
        yield Finding("history does not extend the previous plan's history by exactly one entry")


def kept_weeks_unchanged(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every week that starts before the reassessment date is identical to the
    previous version's: those weeks are already done (or under way) as printed."""
    if facts.previous is None or not facts.reassessed:
        return
    reassessed_on = day(facts.latest["date"])
    old_weeks = {w.get("week"): w for w in facts.previous["weeks"]}
    for week in facts.weeks:
        if day(week["start"]) >= reassessed_on:
            continue
        old = old_weeks.get(week["week"])
        if old is None:
            yield Finding("kept from before the reassessment but missing from the previous plan",
                          **where(week))
        elif _json(old) != _json(week):
            yield Finding(f"starts before the reassessment on {facts.latest['date']} but differs "
                          f"from the previous plan{_first_difference(old, week)}", **where(week))


def _json(value: object) -> str:
    """A JSON value as canonical text: 1 and 1.0, or true and 1, are different values."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _first_difference(old: object, new: object, path: str = "") -> str:
    """Where two JSON values first differ, for a readable message."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            if key not in old or key not in new or _json(old[key]) != _json(new[key]):
                return _first_difference(old.get(key), new.get(key), f"{path}.{key}" if path else key)
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new)):
            if _json(a) != _json(b):
                return _first_difference(a, b, f"{path}[{index}]")
    return f" (at {path})" if path else ""


RULES = [rebuild_recorded, previous_version, kept_weeks_unchanged]
