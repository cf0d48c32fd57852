"""Week words follow the doses printed: a lighter week is lighter, a step-down is not 'stepping up'."""

from planner.render.phase_words import week_words
from tests.render.plan_factory import make_plan, make_profile


def _with_doses(plan, week_number, *, sets=None, effort=None):
    """The plan with every exercise of one week given these sets and effort."""
    week = plan.weeks[week_number - 1]
    sessions = [s.model_copy(update={"exercises": [e.model_copy(update={k: v for k, v in
                (("sets", sets), ("effort_rpe", effort)) if v is not None}) for e in s.exercises]})
                for s in week.sessions]
    weeks = list(plan.weeks)
    weeks[week_number - 1] = week.model_copy(update={"sessions": sessions})
    return plan.model_copy(update={"weeks": weeks})


def test_fewer_sets_than_last_week_is_a_lighter_week_and_says_easier_only_when_it_is(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    plan = _with_doses(_with_doses(plan, 4, sets=3, effort=8), 5, sets=1, effort=8)
    words = week_words(plan)[5]
    assert words.light and words.label == "Lighter week"
    assert "easier effort" not in words.purpose and "8/10" in words.purpose
    easier = week_words(_with_doses(plan, 5, sets=1, effort=5))[5]
    assert "easier effort" in easier.purpose


def test_a_week_easier_than_the_last_full_week_is_easing_back_not_stepping_up(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    plan = _with_doses(_with_doses(plan, 4, sets=3, effort=7), 5, sets=3, effort=5)
    plan = plan.model_copy(update={"weeks": [w.model_copy(update={"phase": "intensify", "deload": False})
                                              if w.week == 5 else w for w in plan.weeks]})
    assert week_words(plan)[5].label == "Easing back"


def test_more_than_the_last_full_week_is_stepping_up(catalog):
    plan = make_plan(catalog, make_profile(weeks=8))
    plan = _with_doses(_with_doses(plan, 4, sets=2, effort=6), 5, sets=3, effort=7)
    plan = plan.model_copy(update={"weeks": [w.model_copy(update={"phase": "intensify", "deload": False})
                                              if w.week == 5 else w for w in plan.weeks]})
    assert week_words(plan)[5].label == "Stepping up"
    assert week_words(plan)[1].label == "Getting started"
