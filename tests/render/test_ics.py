"""The calendar: one event per session and per reassessment, stable across plan versions."""

import datetime as dt

import pytest
from icalendar import Calendar

from planner.render import render_document
from planner.render.ics import event_uid, plan_key
from tests.render.plan_factory import make_plan, make_profile


@pytest.fixture(scope="module")
def calendar_bytes(small_plan, catalog) -> bytes:
    return render_document(small_plan, "ics", catalog=catalog)


@pytest.fixture(scope="module")
def events(calendar_bytes):
    return list(Calendar.from_ical(calendar_bytes).walk("VEVENT"))


def test_one_event_per_session_and_per_reassessment(small_plan, events):
    sessions = sum(len(w.sessions) for w in small_plan.weeks)
    assert len(events) == sessions + len(set(small_plan.reassessment_dates))


def test_without_a_time_events_are_all_day_on_their_dates(small_plan, events):
    expected = sorted([s.date for w in small_plan.weeks for s in w.sessions] + list(small_plan.reassessment_dates))
    assert sorted(e.decoded("dtstart") for e in events) == expected
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert not any(e.walk("VALARM") for e in events)


def test_description_is_short_and_points_to_the_booklet(small_plan, events):
    session = small_plan.weeks[0].sessions[0]
    event = next(e for e in events if e.decoded("dtstart") == session.date)
    description = str(event["description"])
    for item in session.exercises:
        assert item.name in description
    assert "booklet" in description and "week 1" in description
    assert not any(rule in description for rule in small_plan.stop_rules)
    assert len(description) < 600


def test_uids_are_unique_and_do_not_carry_the_version(small_plan, events):
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert all(uid.startswith(f"{plan_key(small_plan)}-") and "-v1-" not in uid for uid in uids)
    assert {int(e["sequence"]) for e in events} == {small_plan.version}


def test_dtstamp_is_the_plan_date_not_the_clock(small_plan, events):
    made = small_plan.history[-1].date
    assert {e.decoded("dtstamp") for e in events} == {dt.datetime.combine(made, dt.time(), tzinfo=dt.timezone.utc)}


def test_same_plan_same_bytes(small_plan, catalog, calendar_bytes):
    assert render_document(small_plan, "ics", catalog=catalog) == calendar_bytes


def test_a_new_version_updates_the_same_events(small_plan, catalog, events):
    later = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")), version=2)
    parsed = list(Calendar.from_ical(render_document(later, "ics", catalog=catalog)).walk("VEVENT"))
    before = {str(e["uid"]) for e in events}
    live = [e for e in parsed if str(e["status"]) != "CANCELLED"]
    assert {str(e["uid"]) for e in live} == before
    assert {int(e["sequence"]) for e in parsed} == {2}


def test_a_time_gives_timed_events_of_the_session_length_with_a_reminder(catalog):
    profile = make_profile(weeks=8, days=("mon", "thu"))
    profile = profile.model_copy(update={"schedule": profile.schedule.model_copy(update={"time": "09:30"})})
    plan = make_plan(catalog, profile)
    parsed = Calendar.from_ical(render_document(plan, "ics", catalog=catalog))
    session = plan.weeks[0].sessions[0]
    event = next(e for e in parsed.walk("VEVENT") if e.decoded("dtstart") == dt.datetime.combine(session.date, dt.time(9, 30)))
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=session.minutes)
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == dt.timedelta(minutes=-30)


def test_client_text_never_enters_a_uid(catalog):
    plan = make_plan(catalog, make_profile(name="Ana; UID:evil\\nX", weeks=8, days=("mon", "thu")))
    parsed = Calendar.from_ical(render_document(plan, "ics", catalog=catalog))
    assert all("evil" not in str(e["uid"]) for e in parsed.walk("VEVENT"))
    assert "Ana\\; UID:evil" in str(parsed["x-wr-calname"])  # escaped: icalendar leaves X- text as written


def test_event_uid_depends_on_the_day_not_the_version(small_plan):
    later = small_plan.model_copy(update={"version": 3})
    day = small_plan.weeks[0].sessions[0].date
    assert event_uid(small_plan, "session", day) == event_uid(later, "session", day)
