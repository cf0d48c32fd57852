"""The reassessment sheet: every test, a column per reassessment date, the client's cut-offs."""

from planner.render.view import build_programme


def test_reassessment_sheet_has_every_test_and_a_column_per_date(small_plan, catalog):
    sheet = build_programme(small_plan, catalog).sheet
    assert len(sheet.dates) == len(small_plan.reassessment_dates)
    assert {t.name for t in sheet.tests} >= {"Grip strength", "Five chair stands", "Six-minute walk",
                                             "Gait speed", "Timed up and go"}
    assert any("SPPB" in t.name for t in sheet.tests)
    grip = next(t for t in sheet.tests if t.name == "Grip strength")
    assert "16 kg" in grip.cutoff     # the client is a woman
