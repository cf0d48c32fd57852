"""Calendar, week pages and diary: every session shown, remarks once, efforts in words and numbers."""

import datetime as dt

from planner.render import words
from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_every_week_is_printed_once_in_order_with_every_session(small_plan, catalog):
    programme = build_programme(small_plan, catalog)
    assert [n for page in programme.weeks for n in page.numbers] == [w.week for w in small_plan.weeks]
    for page in programme.weeks:
        for number in page.numbers:
            week = small_plan.weeks[number - 1]
            assert len(page.sessions) == len(week.sessions)
            for view, session in zip(page.sessions, week.sessions):
                assert [row.name for row in view.rows] == [i.name for i in session.exercises]
                assert words.day_month(session.date) in view.title
    assert all(row.figure is not None for page in programme.weeks for s in page.sessions for row in s.rows)


def test_consecutive_weeks_with_the_same_sessions_share_a_page(small_plan, catalog):
    # The factory's weeks 1-2 (getting started) and 3-4 (building up) repeat; 5-8 all differ.
    pages = build_programme(small_plan, catalog).weeks
    assert [page.numbers for page in pages] == [[1, 2], [3, 4], [5], [6], [7], [8]]
    first = pages[0]
    assert first.title == "Weeks 1 and 2" and first.span == "Weeks 1–2"
    assert len(first.week_dates) == 2 and pages[2].week_dates == []
    assert first.sessions[0].title == "Monday 7 Dec and 14 Dec"
    assert pages[2].sessions[0].title == "Monday 4 January 2027"


def test_a_week_that_differs_in_any_dose_keeps_its_own_page(catalog):
    plan = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")))
    changed = plan.weeks[1].sessions[0].exercises[0].model_copy(update={"rest_s": 120})
    plan.weeks[1].sessions[0].exercises[0] = changed
    assert [page.numbers for page in build_programme(plan, catalog).weeks][:2] == [[1], [2]]


def test_a_reassessment_inside_shared_weeks_is_announced_with_its_date(small_plan, catalog):
    pages = build_programme(small_plan, catalog).weeks
    for day in small_plan.reassessment_dates:
        holding = [p for p in pages if any(small_plan.weeks[n - 1].start <= day <= small_plan.weeks[n - 1].start
                                           + dt.timedelta(days=6) for n in p.numbers)]
        for page in holding:
            assert words.long_date(day) in page.reassessments



def test_a_repeated_remark_is_printed_once_per_week(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    for page in build_programme(plan, catalog).weeks:
        week = plan.weeks[page.numbers[0] - 1]
        remarks = {i.note for s in week.sessions for i in s.exercises if i.note}
        assert sorted(page.notes) == sorted(remarks)
        numbered = {row.note_number for s in page.sessions for row in s.rows if row.note_number}
        assert numbered == set(range(1, len(page.notes) + 1))



def test_session_heading_names_the_effort_the_rows_give_in_numbers(small_plan, catalog):
    from planner.render.words import effort_word
    page = build_programme(small_plan, catalog).weeks[0]
    session = small_plan.weeks[0].sessions[0]
    view = page.sessions[0]
    assert [row.effort for row in view.rows] == [f"{i.effort_rpe}/10" for i in session.exercises]
    assert effort_word(max(i.effort_rpe for i in session.exercises)) in view.effort



def test_calendar_marks_sessions_and_reassessments(small_plan, catalog):
    overview = build_programme(small_plan, catalog).overview
    marked = sum(1 for row in overview.rows for cell in row.cells if cell.session_minutes)
    assert marked == sum(len(w.sessions) for w in small_plan.weeks)
    last_day = small_plan.weeks[-1].start + dt.timedelta(days=6)
    inside = [d for d in small_plan.reassessment_dates if small_plan.weeks[0].start <= d <= last_day]
    tests = sum(1 for row in overview.rows for cell in row.cells if cell.reassessment)
    assert tests == len(inside)



def test_diary_has_a_line_per_session_and_a_walk_box_per_day(small_plan, catalog):
    diary = build_programme(small_plan, catalog).diary
    assert [len(week.sessions) for week in diary] == [len(w.sessions) for w in small_plan.weeks]
    assert all(week.walk_days.count("\u2610") == 7 for week in diary)
