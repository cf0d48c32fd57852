"""The exercise guide: each planned exercise once, its variants, then the alternatives."""

from planner.render.guide_view import steps_for
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
    from planner.eligibility import eligibility
    can_do = {e.id for e in eligibility(small_plan.profile, catalog).exercises}
    alternatives = {a.id for w in small_plan.weeks for s in w.sessions for i in s.exercises for a in i.alternatives}
    assert alternatives & can_do <= set(ids)
    # A pool alternative for a client without a pool is not offered.
    assert not (alternatives - can_do) & set(ids)
    assert alternatives - can_do, "the factory's pool alternatives should make this test bite"



def test_guide_names_only_variants_the_client_can_do(small_plan, catalog):
    from planner.eligibility import eligibility
    can_do = {e.id for e in eligibility(small_plan.profile, catalog).exercises}
    named = 0
    for entry in build_programme(small_plan, catalog).guide:
        exercise = catalog.exercises[entry.id]
        for variant, shown in ((exercise.easier, entry.easier), (exercise.harder, entry.harder)):
            expected = catalog.exercises[variant].name if variant and variant in can_do else None
            assert shown == expected
            named += shown is not None
        assert entry.steps == steps_for(list(exercise.steps), small_plan.profile.seated)
    assert named, "no variant named at all: the test would pass for the wrong reason"


def test_a_variant_needing_missing_equipment_is_not_offered(catalog):
    from tests.render.plan_factory import make_plan, make_profile
    plan = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")))
    for entry in build_programme(plan, catalog).guide:
        for name in (entry.easier, entry.harder):
            if name:
                variant = next(e for e in catalog.exercises.values() if e.name == name)
                assert set(variant.equipment) <= {"chair", "wall"}, (entry.name, name)


def test_every_guide_entry_has_its_drawing(small_plan, catalog):
    # An alternative is printed as its start -> end drawing and its name, so it needs the drawing.
    # With a pool at hand the factory's pool alternatives become doable and are printed.
    profile = small_plan.profile.model_copy(update={"equipment": [*small_plan.profile.equipment, "pool"]})
    entries = build_programme(small_plan.model_copy(update={"profile": profile}), catalog).guide
    assert any(entry.role == "alternative" for entry in entries)
    for entry in entries:
        if catalog.exercises[entry.id].figure is not None:
            assert entry.figure is not None, entry.id


def test_tags_name_position_and_equipment_once(catalog):
    from tests.render.plan_factory import make_plan, make_profile
    plan = make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")))
    for entry in build_programme(plan, catalog).guide:
        assert " ·  · " not in entry.tags and not entry.tags.endswith("·")
        # "Standing at a wall · Wall" says the wall twice.
        assert entry.tags.lower().count("wall") <= 1, entry.tags
        assert ("from week" in entry.tags) == (entry.first_week > 1)


def test_the_wheelchair_sentence_is_for_those_who_sit(catalog):
    seated = [e for e in catalog.exercises.values() if any("In a wheelchair," in step for step in e.steps)]
    assert seated, "no catalog step speaks to wheelchair users: the test would pass for the wrong reason"
    for exercise in seated:
        assert steps_for(list(exercise.steps), True) == list(exercise.steps)
        standing = steps_for(list(exercise.steps), False)
        assert standing and not any("In a wheelchair," in step for step in standing)
        # Only that sentence goes: every other word of the steps is still there.
        assert len(standing) == len([s for s in exercise.steps if not s.startswith("In a wheelchair,")])
        assert all(step.endswith((".", "!", "?")) for step in standing), standing
