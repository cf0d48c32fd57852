"""The reassessment sheet: every test, a column per reassessment date, the client's cut-offs."""

from planner.render.view import build_programme


def test_reassessment_sheet_has_every_test_and_a_column_per_date(small_plan, catalog):
    sheet = build_programme(small_plan, catalog).sheet
    assert len(sheet.dates) == len(small_plan.reassessment_dates)
    assert {t.name for t in sheet.tests} >= {"Grip strength", "Five chair stands", "Six-minute walk", "Gait speed"}
    # The longer batteries print only when the clinician measured them at least once.
    assert not any("SPPB" in t.name or t.name == "Timed up and go" for t in sheet.tests)
    grip = next(t for t in sheet.tests if t.name == "Grip strength")
    assert "16 kg" in grip.cutoff     # the client is a woman


def test_a_wheelchair_user_is_given_seated_tests_and_no_walking(catalog):
    from pathlib import Path
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    examples = Path(__file__).resolve().parents[2] / "examples"
    plan = build_plan(load_profile(examples / "ana-wheelchair-spinal-cord-injury.yaml"), catalog)
    programme = build_programme(plan, catalog)
    assert [test.name for test in programme.sheet.tests] == ["Grip strength"]
    assert programme.sheet.predicted_walk is None and programme.clinician.predicted_walk is None
    advice = plan.notes + (plan.nutrition.notes if plan.nutrition else [])
    assert not any("light walk" in note.lower() or "walk lightly" in note.lower() for note in advice)
    assert all("walk" not in page.walk_advice.lower() for page in programme.weeks)
    assert all("walk" not in week.aerobic_label.lower() for week in programme.diary)
    # Grip alone: no shoes, chair or corridor to keep the same, no one standing beside.
    assert "grip meter" in programme.sheet.intro
    assert not any(w in programme.sheet.intro for w in ("shoes", "corridor", "standing"))


def test_the_sheet_says_what_to_keep_the_same_for_the_tests_on_it(small_plan, catalog):
    intro = build_programme(small_plan, catalog).sheet.intro
    for thing in ("usual shoes", "the same chair", "the same corridor", "the same grip meter", "standing beside"):
        assert thing in intro

def test_a_battery_the_clinician_used_is_on_the_sheet(catalog):
    from tests.render.plan_factory import make_plan, make_profile
    profile = make_profile(weeks=8, days=("mon", "thu"))
    profile = profile.model_copy(update={"assessment": profile.assessment.model_copy(update={"sppb_points": 7})})
    sheet = build_programme(make_plan(catalog, profile), catalog).sheet
    assert any("SPPB" in t.name for t in sheet.tests)
