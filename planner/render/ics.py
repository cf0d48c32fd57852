"""Plan -> iCalendar: each session and each reassessment an all-day event.

Same plan, same bytes: UIDs are built from the client, the plan version and the
date, and DTSTAMP is the plan's own date, never the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event, vText

from planner.plan import Plan, Session, Week
from planner.render import words
from planner.render.functional_tests import FUNCTIONAL_TESTS
from planner.render.cover_view import DEFAULT_STOP_RULES, plan_date

PRODID = "-//planner//exercise and protein programme//EN"
UID_DOMAIN = "planner.invalid"   # reserved name: these UIDs point at no real host


def plan_key(plan: Plan) -> str:
    """A short stable key for the client and plan start; free text never goes into a UID as is."""
    client = plan.profile.client
    seed = "\n".join([client.id or "", client.name, plan.profile.schedule.start.isoformat()])
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def _stamp(plan: Plan) -> dt.datetime:
    return dt.datetime.combine(plan_date(plan), dt.time(0, 0), tzinfo=dt.timezone.utc)


def _exercise_line(item) -> str:
    line = (f"- {item.name}: {words.dose_text(item)}, effort {words.effort_text(item.effort_rpe)}, "
            f"rest {words.rest_text(item.rest_s)}, {item.load}")
    if item.alternatives:
        line += f" (instead: {', '.join(a.name for a in item.alternatives)})"
    return line


def session_description(plan: Plan, week: Week, session: Session) -> str:
    """The event text: length, muscles, each exercise with its dose, and the stop rules."""
    stop_rules = plan.stop_rules or list(DEFAULT_STOP_RULES)
    lines = [f"Week {week.week} ({words.PHASE_LABELS['deload' if week.deload else week.phase]}), "
             f"about {session.minutes} minutes.",
             f"Works: {words.muscles_text(list(session.muscle_groups))}.", ""]
    lines += [_exercise_line(item) for item in session.exercises]
    lines += ["", "Stop and call your clinician on: " + "; ".join(stop_rules) + "."]
    return "\n".join(lines)


def _event(plan: Plan, kind: str, day: dt.date, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", f"{plan_key(plan)}-v{plan.version}-{kind}-{day:%Y%m%d}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(plan))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def render_ics(plan: Plan) -> bytes:
    """The calendar as bytes: sessions then reassessments, in date order."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property is not escaped by icalendar: vText escapes ; , \ as RFC 5545 asks.
    calendar.add("x-wr-calname", vText(f"Exercise programme — {plan.profile.client.name}"))
    for week in plan.weeks:
        for session in week.sessions:
            calendar.add_component(_event(
                plan, "session", session.date,
                f"Exercise session — week {week.week}, {len(session.exercises)} exercises",
                session_description(plan, week, session)))
    tests = ", ".join(test.name for test in FUNCTIONAL_TESTS)
    for day in sorted(set(plan.reassessment_dates)):
        calendar.add_component(_event(
            plan, "reassessment", day, "Reassessment with your clinician",
            f"Functional tests ({tests}). Bring the reassessment sheet and your diary."))
    return calendar.to_ical()
