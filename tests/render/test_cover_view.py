"""The cover: stop rules always, tests flagged by the client's own cut-offs, what changed."""

from planner.render.cover_view import DEFAULT_STOP_RULES
from planner.render.view import build_programme
from tests.render.plan_factory import make_plan, make_profile


def test_plan_stop_rules_are_printed_as_given(small_plan, catalog):
    assert build_programme(small_plan, catalog).cover.stop_rules == small_plan.stop_rules



def test_without_plan_stop_rules_the_fixed_list_is_printed(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), stop_rules=False)
    cover = build_programme(plan, catalog).cover
    assert cover.stop_rules == list(DEFAULT_STOP_RULES)
    joined = " ".join(cover.stop_rules).lower()
    for sign in ("chest pain", "dizzy", "short of breath", "numbness", "lasts"):  # planner.safety, one list
        assert sign in joined



def test_baseline_values_are_flagged_by_the_clients_cut_offs(catalog):
    # 20 kg grip is below the men's cut-off (27) but not the women's (16).
    for sex, flagged in (("male", True), ("female", False)):
        profile = make_profile(sex=sex, weeks=8)
        profile = profile.model_copy(update={"assessment": profile.assessment.model_copy(update={"grip_kg": 20.0})})
        rows = {row.name: row for row in build_programme(make_plan(catalog, profile), catalog).cover.tests}
        assert rows["Grip strength"].flagged == [flagged]



def test_a_reassessed_plan_says_what_changed_on_the_cover(catalog):
    plan = make_plan(catalog, make_profile(weeks=8), version=2)
    facts = dict(build_programme(plan, catalog).cover.programme)
    assert "weeks 7 on" in facts["Version 2"] and "harder" in facts["Version 2"]


def test_the_cover_names_the_days_sessions_fall_on_not_every_day_offered(catalog):
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    from tests.factories import REPO

    # Lucas offers Mon, Wed, Fri and Sat and is given three sessions a week.
    plan = build_plan(load_profile(REPO / "examples" / "lucas-after-leg-cast.yaml"), default_catalog())
    used = {s.date.strftime("%A") for w in plan.weeks for s in w.sessions}
    assert len(used) == 3 < len(plan.profile.schedule.days)
    text = dict(build_programme(plan, default_catalog()).cover.programme)["Sessions"]
    assert "Saturdays" not in text and all(day + "s" in text for day in used)
    low, high = (int(x) for x in text.rsplit(", ", 1)[1].removesuffix(" minutes").split("–"))
    minutes = [s.minutes for w in plan.weeks for s in w.sessions]
    assert (low, high) == (min(minutes), max(minutes))
