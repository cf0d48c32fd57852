"""Calendar, week blocks and diary: every session and every week's dose shown, remarks once."""

import datetime as dt
import re

from planner.render import words
from planner.render.schedule_view import MAX_EXTRA_ROWS, NOT_THIS_WEEK, blocks, session_rows
from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_every_week_is_printed_once_in_order_with_every_session_and_dose(small_plan, catalog):
    programme = build_programme(small_plan, catalog, large=False)
    assert [n for page in programme.weeks for n in page.numbers] == [w.week for w in small_plan.weeks]
    for page in programme.weeks:
        first = small_plan.weeks[page.numbers[0] - 1]
        assert len(page.sessions) == len(first.sessions)
        for index, view in enumerate(page.sessions):
            assert [row.name for row in view.rows] == [i.name for i in first.sessions[index].exercises]
            # Every week of the block has its dose in a column whose head names its session date.
            for number in page.numbers:
                week = small_plan.weeks[number - 1]
                column = next(i for i, c in enumerate(view.columns)
                              if c.label in (f"Week {number}",) or (
                                  "–" in c.label and int(c.label.split()[1].split("–")[0]) <= number
                                  <= int(c.label.split("–")[1])))
                for row, item in zip(view.rows, week.sessions[index].exercises):
                    assert row.cells[column].dose == words.dose_text(item)
                    assert row.cells[column].effort == f"effort {item.effort_rpe}/10"
    assert all(row.figure is not None for page in programme.weeks for s in page.sessions for row in s.rows)


def test_a_block_holds_weeks_with_the_same_days_and_ends_at_a_reassessment(small_plan, catalog):
    for block in blocks(small_plan):
        weeks = [w for column in block for w in column]
        assert len({tuple(s.weekday for s in w.sessions) for w in weeks}) == 1
        for index in range(len(weeks[0].sessions)):
            sessions = [w.sessions[index] for w in weeks]
            assert len(session_rows(sessions)) <= max(len(s.exercises) for s in sessions) + MAX_EXTRA_ROWS
        for day in small_plan.reassessment_dates:
            assert not (weeks[0].start < day <= weeks[-1].start), "a reassessment falls inside a block"


def _swapped(plan, from_week: int, positions: list[int], catalog):
    """The plan with session 1's exercises at `positions` replaced from `from_week` on."""
    used = {e.id for w in plan.weeks for s in w.sessions for e in s.exercises}
    spare = sorted(i for i, e in catalog.exercises.items() if i not in used and e.modality == "land")
    weeks = []
    for week in plan.weeks:
        if week.week >= from_week:
            first = week.sessions[0]
            exercises = list(first.exercises)
            for spare_id, position in zip(spare, positions):
                exercises[position] = exercises[position].model_copy(
                    update={"id": spare_id, "name": catalog.exercises[spare_id].name})
            week = week.model_copy(update={"sessions": [first.model_copy(update={"exercises": exercises}),
                                                        *week.sessions[1:]]})
        weeks.append(week)
    return plan.model_copy(update={"weeks": weeks}), spare


def test_an_exercise_that_changes_inside_a_block_gets_its_own_row_under_the_one_it_replaces(small_plan, catalog):
    plan, spare = _swapped(small_plan, 3, [1], catalog)
    page = build_programme(plan, catalog).weeks[0]
    assert page.numbers[:3] == [1, 2, 3]         # one block still: one exercise changed
    rows = page.sessions[0].rows
    old = small_plan.weeks[0].sessions[0].exercises[1].id
    at = [row.id for row in rows].index(old)
    assert rows[at + 1].id == spare[0]
    weeks_of = [[int(n) for n in re.findall(r"\d+", c.label)] for c in page.sessions[0].columns]
    for column, numbers in enumerate(weeks_of):
        done_then = numbers[0] < 3
        assert (rows[at].cells[column].dose == NOT_THIS_WEEK) is not done_then
        assert (rows[at + 1].cells[column].dose == NOT_THIS_WEEK) is done_then
    assert all(row.figure is not None for row in rows)


def test_a_block_ends_where_many_exercises_change(small_plan, catalog):
    plan, _ = _swapped(small_plan, 2, [0, 1, 2], catalog)
    first = blocks(plan)[0]
    assert [w.week for column in first for w in column] == [1]


def test_rest_and_load_print_once_under_the_name_and_in_a_cell_only_where_a_week_differs(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    for page in build_programme(plan, catalog).weeks:
        for session in page.sessions:
            for row in session.rows:
                assert row.steady.startswith("rest ") or not row.steady
                # The usual rest is said once; a cell names a rest only when it is another one.
                assert all(row.steady.split(" · ")[0] not in cell.extra for cell in row.cells if cell.extra)


def test_weeks_printed_alike_share_a_column(small_plan, catalog):
    for block in blocks(small_plan):
        for column in block:
            keys = {tuple(e.model_dump_json() for s in w.sessions for e in s.exercises) for w in column}
            assert len(keys) == 1


def test_large_print_keeps_at_most_three_columns_split_evenly(small_plan, catalog):
    from planner.render.view import LARGE_COLUMNS
    assert LARGE_COLUMNS == 3
    assert all(len(block) <= 2 for block in blocks(small_plan, max_columns=2))
    widths = [len(block) for block in blocks(small_plan, max_columns=2)]
    assert 1 not in widths[:-1] or max(widths) == 1     # no lone column left beside a full block
    pages = build_programme(small_plan, catalog, large=True).weeks
    assert all(len(s.columns) <= LARGE_COLUMNS for page in pages for s in page.sessions)


def test_a_reassessment_is_announced_on_the_block_it_closes(small_plan, catalog):
    pages = build_programme(small_plan, catalog).weeks
    for day in small_plan.reassessment_dates:
        holding = [p for p in pages
                   if small_plan.weeks[p.numbers[0] - 1].start < day
                   <= small_plan.weeks[p.numbers[-1] - 1].start + dt.timedelta(days=7)]
        assert holding and all(words.long_date(day) in p.reassessments for p in holding)


def test_a_repeated_remark_is_printed_once_per_block(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    for page in build_programme(plan, catalog).weeks:
        remarks = {i.note for n in page.numbers for s in plan.weeks[n - 1].sessions for i in s.exercises if i.note}
        assert sorted(page.notes) == sorted(remarks)
        numbered = {row.note_number for s in page.sessions for row in s.rows if row.note_number}
        assert numbered == set(range(1, len(page.notes) + 1))


def test_calendar_runs_monday_to_sunday_and_marks_sessions_and_reassessments(catalog):
    profile = make_profile(weeks=8, days=("wed", "sat"))
    profile = profile.model_copy(update={"schedule": profile.schedule.model_copy(
        update={"start": dt.date(2026, 12, 9)})})          # a Wednesday
    plan = make_plan(catalog, profile)
    overview = build_programme(plan, catalog).overview
    assert overview.weekday_labels == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    marked = sum(1 for row in overview.rows for cell in row.cells if cell.session_minutes)
    assert marked == sum(len(w.sessions) for w in plan.weeks)
    assert overview.rows[0].cells[0].day == "7 Dec" and not overview.rows[0].cells[0].in_plan
    # Rows run to the Sunday after the last week, so a test day just after the plan shows too.
    last_sunday = plan.weeks[-1].start + dt.timedelta(days=6 + 6 - (plan.weeks[-1].start + dt.timedelta(days=6)).weekday())
    shown = [d for d in plan.reassessment_dates if dt.date(2026, 12, 7) <= d <= last_sunday]
    assert sum(1 for row in overview.rows for cell in row.cells if cell.reassessment) == len(shown)


def test_diary_has_a_cell_per_session_and_a_walk_box_per_day(small_plan, catalog):
    diary = build_programme(small_plan, catalog).diary
    assert [len(week.sessions) for week in diary] == [len(w.sessions) for w in small_plan.weeks]
    weeks = {w.week: w for w in small_plan.weeks}
    assert all(week.walk_days.count("\u2610") == (weeks[week.number].aerobic.days if weeks[week.number].aerobic else 7)
               for week in diary)


def test_from_week_prints_only_what_is_left(small_plan, catalog):
    programme = build_programme(small_plan, catalog, from_week=5)
    assert [n for page in programme.weeks for n in page.numbers] == [5, 6, 7, 8]
    assert [week.number for week in programme.diary] == [5, 6, 7, 8]
    assert all(entry.first_week >= 5 for entry in programme.guide)
    assert programme.overview.rows[0].week == 5


def _with_balance(plan, catalog, *, differ_in_week: int | None = None):
    """The plan with the same balance exercise ending every session (one session differs in `differ_in_week`)."""
    balance_id = sorted(i for i, e in catalog.exercises.items() if e.component == "balance")[0]
    template = plan.weeks[0].sessions[0].exercises[0].model_copy(
        update={"id": balance_id, "name": catalog.exercises[balance_id].name, "component": "balance",
                "reps": None, "hold_s": 20, "sets": 2, "alternatives": []})
    weeks = []
    for week in plan.weeks:
        sessions = []
        for index, session in enumerate(week.sessions):
            item = template.model_copy(update={"hold_s": 30}) if (week.week == differ_in_week and index) else template
            sessions.append(session.model_copy(update={"exercises": [*session.exercises, item]}))
        weeks.append(week.model_copy(update={"sessions": sessions}))
    return plan.model_copy(update={"weeks": weeks}), template


def test_balance_the_same_in_every_session_prints_once_per_block(small_plan, catalog):
    plan, balance = _with_balance(small_plan, catalog)
    for page in build_programme(plan, catalog).weeks:
        assert all(balance.id not in [row.id for row in s.rows] for s in page.sessions)
        assert [row.id for row in page.balance.rows] == [balance.id]
        assert all(cell.dose == words.dose_text(balance) for cell in page.balance.rows[0].cells)
        assert len(page.balance.columns) == len(page.sessions[0].columns)


def test_balance_that_differs_between_sessions_stays_in_each_session(small_plan, catalog):
    plan, balance = _with_balance(small_plan, catalog, differ_in_week=1)
    first = build_programme(plan, catalog).weeks[0]
    assert first.balance is None
    assert all(balance.id in [row.id for row in s.rows] for s in first.sessions)
