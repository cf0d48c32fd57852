"""Calendar, week pages and diary: every session shown, remarks once, efforts in words and numbers."""

import datetime as dt

from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_every_week_page_holds_every_session_of_its_week(small_plan, catalog):
    programme = build_programme(small_plan, catalog)
    assert [len(page.sessions) for page in programme.weeks] == [len(w.sessions) for w in small_plan.weeks]
    rows = programme.weeks[0].sessions[0].rows
    assert [row.name for row in rows] == [i.name for i in small_plan.weeks[0].sessions[0].exercises]
    assert all(row.figure is not None for page in programme.weeks for s in page.sessions for row in s.rows)



def test_a_repeated_remark_is_printed_once_per_week(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    for page, week in zip(build_programme(plan, catalog).weeks, plan.weeks):
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
