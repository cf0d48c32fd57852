"""Schedule rules (issue 3): training days, sessions a week, how often each muscle
is trained, rest between sessions and the time a session takes.

Muscles are counted from the exercises' primary muscles, which is what the body
actually does in a session (contract.session_muscle_groups checks the printed list).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from planner.verify.contract import loaded_by
from planner.verify.dose import estimated_minutes
from planner.verify.facts import PlanFacts, day, where
from planner.verify.violation import Finding
from planner.verify.vocabulary import MUSCLE_GROUPS, WEEKDAYS

DEFAULT_SESSION_COUNTS = (2, 3)
TIMES_A_WEEK = (2, 3)  # each target muscle (ACSM 2009: 2-3 days a week)
MIN_REST_DAYS = 2  # 48 h at day granularity


def loaded_muscles(facts: PlanFacts, session: dict) -> set[str]:
    """Muscles a session loads: strength and power work, not balance practice."""
    return loaded_by(facts, session)


def training_days(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every session falls on a weekday the client said they can train."""
    for week, session in facts.sessions(facts.judged_weeks):
        weekday = WEEKDAYS[day(session["date"]).weekday()]
        if weekday not in facts.days:
            yield Finding(f"a {weekday}, not one of the client's days ({', '.join(facts.days)})",
                          **where(week, session))


def sessions_per_week(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: each week has schedule.sessions_per_week sessions, or 2 or 3 when none is
    given (ACSM 2009: novices train 2-3 days a week)."""
    wanted = facts.sessions_per_week
    allowed = (wanted,) if wanted is not None else DEFAULT_SESSION_COUNTS
    for week in facts.judged_weeks:
        count = len(week["sessions"])
        if count not in allowed:
            wish = f"{wanted} as asked" if wanted is not None else "2 or 3"
            yield Finding(f"{count} session(s); expected {wish}", **where(week))


def target_frequency(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every target muscle that may be strengthened is trained in 2 to 3 sessions
    of every week: fewer does not rebuild it, more leaves it no time to recover."""
    low, high = TIMES_A_WEEK
    for week in facts.judged_weeks:
        counts = Counter(m for s in week["sessions"] for m in loaded_muscles(facts, s))
        for muscle in facts.target_muscles:
            if not low <= counts[muscle] <= high:
                yield Finding(f"trained in {counts[muscle]} session(s); a target muscle needs "
                              f"{low} to {high} a week", **where(week, muscle=muscle))


def muscle_frequency_cap(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: no muscle is loaded in more than 3 sessions a week, target or not."""
    high = TIMES_A_WEEK[1]
    for week in facts.weeks:
        counts = Counter(m for s in week["sessions"] for m in loaded_muscles(facts, s))
        for muscle in MUSCLE_GROUPS:
            if counts[muscle] > high:
                yield Finding(f"loaded in {counts[muscle]} sessions; at most {high} a week",
                              **where(week, muscle=muscle))


def rest_48h(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: two sessions loading the same muscle are at least 2 calendar days apart
    (48 h), across week boundaries too, so the muscle recovers before it is loaded again."""
    last_loaded: dict[str, str] = {}
    ordered = sorted(facts.sessions(), key=lambda pair: pair[1]["date"])
    for week, session in ordered:
        for muscle in sorted(loaded_muscles(facts, session), key=MUSCLE_GROUPS.index):
            before = last_loaded.get(muscle)
            if before is not None and (day(session["date"]) - day(before)).days < MIN_REST_DAYS:
                yield Finding(f"loaded on {before} and {session['date']}, less than "
                              f"{MIN_REST_DAYS} days apart", **where(week, session, muscle))
            last_loaded[muscle] = session["date"]


def session_time_limit(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a session takes no longer than schedule.minutes_per_session, the time the
    client has."""
    limit = facts.minutes_per_session
    for week, session in facts.sessions(facts.judged_weeks):
        if session["minutes"] > limit:
            yield Finding(f"{session['minutes']} minutes; the client has {limit}", **where(week, session))


def session_minutes_honest(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: the printed minutes are at least the estimate (600 s warm-up and cool-down,
    then per exercise 30 s set-up + sets x sides x work + sets x rest), so the time a
    client plans for is enough."""
    for week, session in facts.sessions():
        estimate = estimated_minutes(session, facts.ref)
        if estimate is not None and session["minutes"] < estimate:
            yield Finding(f"printed as {session['minutes']} minutes but takes about {estimate}",
                          **where(week, session))


RULES = [training_days, sessions_per_week, target_frequency, muscle_frequency_cap, rest_48h,
         session_time_limit, session_minutes_honest]
