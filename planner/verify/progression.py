"""Progression rules (issue 4): phases, weekly volume, lighter weeks, a harder end
than start, and reassessment dates with a lighter week before each.

Weekly volume of a muscle is the sum of sets of the exercises that have it as a
primary muscle. In a reassessed plan the kept weeks were judged when they were
planned, so comparisons that end in a kept week are not judged again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from planner.verify.facts import PlanFacts, day, where
from planner.verify.violation import Finding
from planner.verify.vocabulary import MUSCLE_GROUPS, PHASES, WEEKDAYS

LIGHTER_PHASES = ("deload",)
NEVER_LIGHTER_PHASES = ("familiarisation", "build", "intensify")  # consolidate may be either
MAX_VOLUME_FACTOR = 2
EASY_RPE = 3  # a lighter week need not go below an easy effort
MAX_DAYS_BETWEEN_REASSESSMENTS = 42  # every 4-6 weeks at the latest (domain.md)


def weekly_volume(week: dict) -> Counter:
    """Sets per muscle group in a week."""
    volume: Counter = Counter()
    for session in week["sessions"]:
        for exercise in session["exercises"]:
            for muscle in exercise["primary_muscles"]:
                volume[muscle] += exercise["sets"]
    return volume


def total_sets(week: dict) -> int:
    return sum(e["sets"] for s in week["sessions"] for e in s["exercises"])


def top_effort(week: dict) -> int:
    return max((e["effort_rpe"] for s in week["sessions"] for e in s["exercises"]), default=0)


def _consecutive_full_weeks(facts: PlanFacts) -> Iterator[tuple[dict, dict]]:
    """Pairs of consecutive non-lighter weeks whose later week is judged."""
    full = [w for w in facts.weeks if not facts.is_lighter(w)]
    for earlier, later in zip(full, full[1:]):
        if later["week"] >= facts.rebuilt_from_week:
            yield earlier, later


def _days_changed(facts: PlanFacts) -> bool:
    """Did the latest reassessment change the training days?"""
    if facts.previous is not None:
        return facts.previous["profile"]["schedule"]["days"] != facts.days
    kept = [w for w in facts.weeks if w["week"] < facts.rebuilt_from_week]
    return any(WEEKDAYS[day(s["date"]).weekday()] not in facts.days for _, s in facts.sessions(kept))


def _volume_may_drop(facts: PlanFacts, later: dict) -> set[str] | None:
    """Muscles whose volume may fall into `later` (None: all of them)."""
    if not facts.reassessed:
        return set()
    first_rebuilt = next((w["week"] for w in facts.weeks
                          if w["week"] >= facts.rebuilt_from_week and not facts.is_lighter(w)), None)
    if later["week"] != first_rebuilt:
        return set()
    if facts.latest.get("decision") == "step_down" or _days_changed(facts):
        return None
    if facts.latest.get("training_changes"):
        # equipment, limitations, minutes or targets changed: exercises may be gone
        return None
    # A muscle that is no longer a target (graded too weak now) stops being trained.
    return set(MUSCLE_GROUPS) - set(facts.target_muscles)


def week_phase(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: each week's phase is familiarisation, build, deload, intensify or
    consolidate, and deload is true exactly for the lighter weeks (a deload phase, or a
    consolidate week marked lighter), so the printed shape matches the doses."""
    for week in facts.weeks:
        phase = week["phase"]
        if phase not in PHASES:
            yield Finding(f"phase {phase!r} is not one of {', '.join(PHASES)}", **where(week))
        elif phase in LIGHTER_PHASES and not week["deload"]:
            yield Finding(f"phase {phase} but deload is false", **where(week))
        elif phase in NEVER_LIGHTER_PHASES and week["deload"]:
            yield Finding(f"phase {phase} cannot be a lighter week, yet deload is true", **where(week))


def volume_never_drops(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: outside lighter weeks a muscle's weekly volume never drops (except where a
    reassessment stepped down or changed the days), or the muscle stops gaining."""
    for earlier, later in _consecutive_full_weeks(facts):
        exempt = _volume_may_drop(facts, later)
        if exempt is None:
            continue
        before, after = weekly_volume(earlier), weekly_volume(later)
        for muscle in MUSCLE_GROUPS:
            if after[muscle] < before[muscle] and muscle not in exempt:
                yield Finding(f"volume falls from {before[muscle]} sets in week {earlier['week']} "
                              f"to {after[muscle]}", **where(later, muscle=muscle))


def volume_rise_bounded(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: from one non-lighter week to the next a muscle's weekly volume at most
    doubles; bigger jumps outpace what tissue adapts to."""
    for earlier, later in _consecutive_full_weeks(facts):
        before, after = weekly_volume(earlier), weekly_volume(later)
        for muscle in MUSCLE_GROUPS:
            if before[muscle] > 0 and after[muscle] > MAX_VOLUME_FACTOR * before[muscle]:
                yield Finding(f"volume jumps from {before[muscle]} sets in week {earlier['week']} "
                              f"to {after[muscle]}, more than double", **where(later, muscle=muscle))


def lighter_week_lighter(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a lighter week has fewer sets in total than the last full week before it and
    a lower top effort (unless one less would be back at week 1's effort, or below 3),
    so it really lets the body recover: lighter in effort too, not only in volume."""
    last_full = None
    for week in facts.weeks:
        if not facts.is_lighter(week):
            last_full = week
            continue
        if last_full is None or week["week"] < facts.rebuilt_from_week:
            continue
        if total_sets(week) >= total_sets(last_full):
            yield Finding(f"a lighter week with {total_sets(week)} sets, not fewer than the "
                          f"{total_sets(last_full)} of week {last_full['week']}", **where(week))
        before = top_effort(last_full)
        # No room to go lower when one less would be back at week 1's effort (or easy).
        room = before > max(EASY_RPE, top_effort(facts.weeks[0]) + 1)
        if top_effort(week) > before or (top_effort(week) == before and room):
            yield Finding(f"a lighter week with top effort {top_effort(week)}, not below the "
                          f"{before} of week {last_full['week']}", **where(week))


def last_week_harder(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the last week is harder than the first (more sets per session on average,
    a higher top effort, or an exercise further up a catalog ladder): the plan progresses."""
    first, last = facts.weeks[0], facts.weeks[-1]
    if len(facts.weeks) < 2 or not first["sessions"] or not last["sessions"]:
        return
    more_sets = total_sets(last) * len(first["sessions"]) > total_sets(first) * len(last["sessions"])
    harder_effort = top_effort(last) > top_effort(first)
    if more_sets or harder_effort or _higher_rung(facts, first, last):
        return
    yield Finding(f"not harder than week {first['week']}: no more sets per session, no higher "
                  "effort and no exercise further up its ladder", **where(last))


def _higher_rung(facts: PlanFacts, first: dict, last: dict) -> bool:
    def rungs(week: dict) -> set[tuple[str, int]]:
        found = (facts.ref.ladder_rung(e["id"]) for s in week["sessions"] for e in s["exercises"])
        return {rung for rung in found if rung is not None}
    start = rungs(first)
    return any(ladder == other and step > other_step
               for ladder, step in rungs(last) for other, other_step in start)


def reassessment_dates_spacing(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: reassessment dates are in order, inside the plan or on the day after it, the
    first at most 6 weeks after the start (or the latest reassessment) and at most 6 weeks
    apart, so progress is measured every 4-6 weeks."""
    dates = [day(text) for text in facts.plan["reassessment_dates"]]
    if dates != sorted(set(dates)):
        yield Finding("reassessment_dates are not in date order without repeats")
    after_plan = facts.plan_end + dt.timedelta(days=1)
    for date in dates:
        if not facts.start <= date <= after_plan:
            yield Finding(f"reassessment on {date.isoformat()} is outside the plan "
                          f"({facts.start.isoformat()} to {after_plan.isoformat()})", date=date.isoformat())
    anchor = day(facts.latest["date"]) if facts.reassessed else facts.start
    ahead = sorted(d for d in dates if d >= anchor)
    previous = anchor
    for date in ahead:
        if (date - previous).days > MAX_DAYS_BETWEEN_REASSESSMENTS:
            yield Finding(f"reassessment {(date - previous).days} days after {previous.isoformat()}; "
                          f"at most {MAX_DAYS_BETWEEN_REASSESSMENTS}", date=date.isoformat())
        previous = date
    if not ahead:
        yield Finding(f"no reassessment planned on or after {anchor.isoformat()}; one is due "
                      f"within {MAX_DAYS_BETWEEN_REASSESSMENTS} days")


def lighter_before_reassessment(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the week before each reassessment date's week is a lighter week, so the tests
    measure the client rested rather than tired."""
    by_number = {w["week"]: w for w in facts.weeks}
    for text in facts.plan["reassessment_dates"]:
        date = day(text)
        if date < facts.start:
            continue
        before = (date - facts.start).days // 7  # the week before the date's week
        week = by_number.get(before)
        if week is None or before < facts.rebuilt_from_week:
            continue
        if not facts.is_lighter(week):
            yield Finding(f"the week before the reassessment on {text} is not a lighter week",
                          **where(week))


RULES = [week_phase, volume_never_drops, volume_rise_bounded, lighter_week_lighter, last_week_harder,
         reassessment_dates_spacing, lighter_before_reassessment]
