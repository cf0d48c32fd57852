"""The exercise guide: each planned exercise once, its variants, then the alternatives."""

from planner.render.view import build_programme


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
    from planner.eligibility import eligibility
    allowed = eligibility(small_plan.profile, catalog).ids

    def named(other_id):  # a step the client may not take (overhead for a seated client) is not named
        return catalog.exercises[other_id].name if other_id and other_id in allowed else None

    for entry in build_programme(small_plan, catalog).guide:
        exercise = catalog.exercises[entry.id]
        assert entry.easier == named(exercise.easier)
        assert entry.harder == named(exercise.harder)
        assert entry.steps == list(exercise.steps) and entry.figure is not None
