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



def test_a_battery_the_clinician_used_is_on_the_sheet(catalog):
    from tests.render.plan_factory import make_plan, make_profile
    profile = make_profile(weeks=8, days=("mon", "thu"))
    profile = profile.model_copy(update={"assessment": profile.assessment.model_copy(update={"sppb_points": 7})})
    sheet = build_programme(make_plan(catalog, profile), catalog).sheet
    assert any("SPPB" in t.name for t in sheet.tests)
