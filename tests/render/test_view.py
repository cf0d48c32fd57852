"""The programme's view model: what each section shows, decided before any template runs."""

import datetime as dt

from planner.render.view import DEFAULT_STOP_RULES, build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_guide_lists_every_planned_exercise_once_in_order_of_first_use(small_plan, catalog):
    programme = build_programme(small_plan, catalog)
    planned = list(dict.fromkeys(item.id for w in small_plan.weeks for s in w.sessions for item in s.exercises))
    in_plan = [entry.id for entry in programme.guide if entry.role == "in your plan"]
    assert in_plan == planned


def test_guide_adds_alternatives_not_already_in_the_plan(small_plan, catalog):
    programme = build_programme(small_plan, catalog)
    ids = [entry.id for entry in programme.guide]
    assert len(ids) == len(set(ids))
    alternatives = {a.id for w in small_plan.weeks for s in w.sessions for i in s.exercises for a in i.alternatives}
    assert alternatives <= set(ids)


def test_guide_names_easier_and_harder_variants_from_the_catalog(small_plan, catalog):
    for entry in build_programme(small_plan, catalog).guide:
        exercise = catalog.exercises[entry.id]
        assert entry.easier == (catalog.exercises[exercise.easier].name if exercise.easier else None)
        assert entry.harder == (catalog.exercises[exercise.harder].name if exercise.harder else None)
        assert entry.steps == list(exercise.steps) and entry.figure is not None


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


def test_plan_stop_rules_are_printed_as_given(small_plan, catalog):
    assert build_programme(small_plan, catalog).cover.stop_rules == small_plan.stop_rules


def test_without_plan_stop_rules_the_fixed_list_is_printed(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), stop_rules=False)
    cover = build_programme(plan, catalog).cover
    assert cover.stop_rules == list(DEFAULT_STOP_RULES)
    joined = " ".join(cover.stop_rules).lower()
    for sign in ("chest pain", "dizziness", "breathlessness", "numbness", "pain that lasts"):
        assert sign in joined


def test_baseline_values_are_flagged_by_the_clients_cut_offs(catalog):
    # 20 kg grip is below the men's cut-off (27) but not the women's (16).
    for sex, flagged in (("male", True), ("female", False)):
        profile = make_profile(sex=sex, weeks=8)
        profile = profile.model_copy(update={"assessment": profile.assessment.model_copy(update={"grip_kg": 20.0})})
        rows = {row.name: row for row in build_programme(make_plan(catalog, profile), catalog).cover.tests}
        assert rows["Grip strength"].flagged == [flagged]


def test_reassessment_sheet_has_every_test_and_a_column_per_date(small_plan, catalog):
    sheet = build_programme(small_plan, catalog).sheet
    assert len(sheet.dates) == len(small_plan.reassessment_dates)
    assert {t.name for t in sheet.tests} >= {"Grip strength", "Five chair stands", "Six-minute walk",
                                             "Gait speed", "Timed up and go"}
    assert any("SPPB" in t.name for t in sheet.tests)
    grip = next(t for t in sheet.tests if t.name == "Grip strength")
    assert "16 kg" in grip.cutoff     # the client is a woman


def test_no_nutrition_means_the_clinician_sets_protein(catalog):
    programme = build_programme(make_plan(catalog, make_profile(weeks=8), nutrition=False), catalog)
    assert programme.nutrition is None
    assert "clinician" in programme.nutrition_fallback


def test_nutrition_marks_the_after_session_meal(small_plan, catalog):
    nutrition = build_programme(small_plan, catalog).nutrition
    assert [m.after_session for m in nutrition.meals] == [m.after_session for m in small_plan.nutrition.meals]
    assert len(nutrition.menus) == len(small_plan.nutrition.menus)


def test_plan_date_and_version_come_from_the_history(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), version=2)
    programme = build_programme(plan, catalog)
    assert programme.version == 2
    assert programme.plan_date_iso == plan.history[-1].date.isoformat()


def test_session_heading_names_the_effort_the_rows_give_in_numbers(small_plan, catalog):
    from planner.render.words import effort_word
    page = build_programme(small_plan, catalog).weeks[0]
    session = small_plan.weeks[0].sessions[0]
    view = page.sessions[0]
    assert [row.effort for row in view.rows] == [f"{i.effort_rpe}/10" for i in session.exercises]
    assert effort_word(max(i.effort_rpe for i in session.exercises)) in view.effort


def test_a_reassessed_plan_says_what_changed_on_the_cover(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), version=2)
    facts = dict(build_programme(plan, catalog).cover.programme)
    assert "weeks 7 on rebuilt" in facts["Version 2"] and "stepped up" in facts["Version 2"]
