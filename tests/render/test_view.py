"""The programme's view model as a whole: version, date and sections."""

from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_plan_date_and_version_come_from_the_history(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), version=2)
    programme = build_programme(plan, catalog)
    assert programme.version == 2
    assert programme.plan_date_iso == plan.history[-1].date.isoformat()


def test_sections_follow_the_clients_reading_order(small_plan, catalog):
    anchors = [anchor for anchor, _ in build_programme(small_plan, catalog).sections]
    assert anchors == ["cover", "overview", "weeks", "guide", "nutrition", "diary", "reassessment", "clinician"]


def test_every_drawing_the_pages_name_is_provided_for_print(small_plan, catalog):
    programme = build_programme(small_plan, catalog)
    named = {row.figure.src for page in programme.weeks for s in page.sessions for row in s.rows}
    named |= {entry.figure.src for entry in programme.guide if entry.figure}
    assert named == set(programme.figure_assets)
