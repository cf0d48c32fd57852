"""The aerobic prescription, pool marker and warm-up/cool-down in words on the week pages and diary."""

from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.render import aerobic_view
from tests.factories import make_profile

POOL_DAY = Path(__file__).resolve().parent.parent / "data" / "profiles" / "pool-day.yaml"


@pytest.fixture(scope="module")
def plan():
    return build_plan(load_profile(POOL_DAY), default_catalog())


def test_routines_once_per_setting(plan):
    texts = aerobic_view.routines(plan.weeks[0].sessions)
    assert len(texts) == 2
    assert texts[0].startswith("On land: Warm-up (5 min)") and texts[1].startswith("In the pool: Warm-up (5 min)")


def test_pool_session_marked(plan):
    marks = {s.weekday: aerobic_view.setting_words(s) for s in plan.weeks[0].sessions}
    assert marks == {"mon": "", "wed": "in the pool", "fri": ""}


def test_week_advice_names_each_weeks_dose(plan):
    one = aerobic_view.week_advice([plan.weeks[0]])
    assert one.startswith("Aerobic work: walking, 10 minutes on 3 days, effort 3/10")
    two = aerobic_view.week_advice(plan.weeks[1:3])
    assert "week 2:" in two and "week 3:" in two


def test_seated_client_is_not_told_to_walk():
    plan = build_plan(make_profile(limitations=["seated_only"], equipment=["chair", "resistance_band"],
                                   targets=["chest", "upper_back", "biceps", "triceps"]), default_catalog())
    assert "walk" not in aerobic_view.week_advice([plan.weeks[0]]).lower()
    assert aerobic_view.diary_label(plan.weeks[0]).startswith("Arm cycling")
