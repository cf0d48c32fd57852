"""The calendar: one event per session and per reassessment, the same bytes every time."""

import datetime as dt

import pytest
from icalendar import Calendar

from planner.render import render_document
from planner.render.ics import plan_key
from planner.render.words import dose_text
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


def test_events_fall_on_the_session_and_reassessment_dates(small_plan, events):
    expected = sorted([s.date for w in small_plan.weeks for s in w.sessions] + list(small_plan.reassessment_dates))
    assert sorted(e.decoded("dtstart") for e in events) == expected
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)


def test_session_description_lists_each_exercise_with_its_dose(small_plan, events):
    session = small_plan.weeks[0].sessions[0]
    event = next(e for e in events if e.decoded("dtstart") == session.date)
    description = str(event["description"])
    for item in session.exercises:
        assert f"{item.name}: {dose_text(item)}" in description


def test_uids_are_unique_and_carry_the_version(small_plan, events):
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert all(uid.startswith(f"{plan_key(small_plan)}-v{small_plan.version}-") for uid in uids)


def test_dtstamp_is_the_plan_date_not_the_clock(small_plan, events):
    made = small_plan.history[-1].date
    assert {e.decoded("dtstamp") for e in events} == {dt.datetime.combine(made, dt.time(), tzinfo=dt.timezone.utc)}


def test_same_plan_same_bytes(small_plan, catalog, calendar_bytes):
    assert render_document(small_plan, "ics", catalog=catalog) == calendar_bytes


def test_a_new_version_gets_new_uids(small_plan, catalog, events):
    later = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")), version=2)
    later_uids = {str(e["uid"]) for e in Calendar.from_ical(render_document(later, "ics", catalog=catalog)).walk("VEVENT")}
    assert later_uids.isdisjoint(str(e["uid"]) for e in events)


def test_client_text_never_enters_a_uid(catalog):
    plan = make_plan(catalog, make_profile(name="Ana; UID:evil\\nX", weeks=8, days=("mon", "thu")))
    parsed = Calendar.from_ical(render_document(plan, "ics", catalog=catalog))
    assert all("evil" not in str(e["uid"]) for e in parsed.walk("VEVENT"))
    assert "Ana\\; UID:evil" in str(parsed["x-wr-calname"])  # escaped: icalendar leaves X- text as written
