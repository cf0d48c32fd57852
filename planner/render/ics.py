"""Plan -> iCalendar: each session and each reassessment an event that later versions update.

A calendar that updates (issue 13): a session's UID depends on the client and the
session's date only, never on the plan version, so importing version 2 updates the
events of version 1 instead of duplicating them; SEQUENCE is the plan version, so the
newer event wins; a day that held a session in an earlier version and holds none now
is sent as CANCELLED (with that day's UID). With `schedule.time` the events are timed,
as long as the session, with a reminder 30 minutes before; without it they are all-day.
The description is short and points to the booklet; the stop rules are in the booklet.

Same plan, same bytes: DTSTAMP is the plan's own date, never the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event, vText

from planner.plan import Plan, Session, Week
from planner.render import words
from planner.render.cover_view import plan_date
from planner.render.phase_words import week_words

PRODID = "-//planner//exercise and protein programme//EN"
UID_DOMAIN = "planner.invalid"   # reserved name: these UIDs point at no real host
REMINDER_MINUTES = 30
TEST_MINUTES = 60


def plan_key(plan: Plan) -> str:
    """A short stable key for the client and plan start; free text never goes into a UID as is."""
    client = plan.profile.client
    seed = "\n".join([client.id or "", client.name, plan.profile.schedule.start.isoformat()])
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def event_uid(plan: Plan, kind: str, day: dt.date) -> str:
    """The same for every version of the plan: the client, the kind of event and its day."""
    return f"{plan_key(plan)}-{kind}-{day:%Y%m%d}@{UID_DOMAIN}"


def _stamp(plan: Plan) -> dt.datetime:
    return dt.datetime.combine(plan_date(plan), dt.time(0, 0), tzinfo=dt.timezone.utc)


def _start_time(plan: Plan) -> dt.time | None:
    text = getattr(plan.profile.schedule, "time", None)
    if not text:
        return None
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def session_description(plan: Plan, week: Week, session: Session) -> str:
    """Short: the week, the length, the exercises by name, and where the booklet has the rest."""
    label = week_words(plan)[week.week].label
    names = ", ".join(item.name for item in session.exercises)
    return (f"Week {week.week} ({label}), about {session.minutes} minutes: {names}.\n"
            f"Doses: your programme booklet, week {week.week}. "
            f"Stop rules: first page of the booklet.")


def _event(plan: Plan, kind: str, day: dt.date, summary: str, description: str, minutes: int,
           status: str = "CONFIRMED") -> Event:
    event = Event()
    event.add("uid", event_uid(plan, kind, day))
    event.add("sequence", plan.version)
    event.add("dtstamp", _stamp(plan))
    start = _start_time(plan)
    if start is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        # Floating local time: the client's own clock, wherever the calendar is.
        begin = dt.datetime.combine(day, start)
        event.add("dtstart", begin)
        event.add("dtend", begin + dt.timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("description", description)
    event.add("status", status)
    if start is not None and status == "CONFIRMED":
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
    return event


def _cancelled_days(plan: Plan, session_days: set[dt.date]) -> list[dt.date]:
    """Days of rebuilt weeks that may have held a session in an earlier version and hold none now.

    The plan does not keep its earlier versions' days, so every free day of a rebuilt week is
    cancelled: a calendar ignores a cancellation of an event it never had.
    """
    rebuilt = [entry.rebuilt_from_week for entry in plan.history[1:] if entry.rebuilt_from_week]
    if not rebuilt:
        return []
    first = min(rebuilt)
    days = []
    for week in plan.weeks:
        if week.week >= first:
            days += [week.start + dt.timedelta(days=i) for i in range(7)
                     if week.start + dt.timedelta(days=i) not in session_days]
    return days


def render_ics(plan: Plan, *, from_week: int = 1) -> bytes:
    """The calendar as bytes: sessions, cancelled days, then reassessments, in date order."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property is not escaped by icalendar: vText escapes ; , \ as RFC 5545 asks.
    calendar.add("x-wr-calname", vText(f"Exercise programme — {plan.profile.client.name}"))
    session_days = {s.date for w in plan.weeks for s in w.sessions}
    for week in plan.weeks:
        if week.week < from_week:
            continue
        for session in week.sessions:
            calendar.add_component(_event(
                plan, "session", session.date,
                f"Exercise session — week {week.week}",
                session_description(plan, week, session), session.minutes))
    for day in _cancelled_days(plan, session_days):
        calendar.add_component(_event(plan, "session", day, "Exercise session — cancelled",
                                      "This session was moved or removed after your tests. "
                                      "See your new programme booklet.", 30, status="CANCELLED"))
    for day in sorted(set(plan.reassessment_dates)):
        calendar.add_component(_event(
            plan, "reassessment", day, "Tests with your clinician",
            "Bring the reassessment sheet from the back of your booklet, and your diary.", TEST_MINUTES))
    return calendar.to_ical()
