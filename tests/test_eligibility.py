"""Who can do what: equipment, pool, limitations, grades, condition rules."""

from planner.eligibility import eligibility
from tests.factories import full_body_exercises, make_catalog, make_exercise, make_profile


def ids(profile, exercises=None):
    return eligibility(profile, make_catalog(exercises or full_body_exercises())).ids


def test_equipment_and_pool_needed():
    assert "band-curl" not in ids(make_profile())
    assert "band-curl" in ids(make_profile(equipment=["resistance_band"]))
    assert "pool-walk" in ids(make_profile(equipment=["pool"]))


def test_pool_contraindication_removes_aquatic_work():
    elig = eligibility(make_profile(equipment=["pool"], screening={"conditions": ["open_wound"]}),
                       make_catalog(full_body_exercises()))
    assert "pool-walk" not in elig.ids and any("pool" in w.lower() for w in elig.warnings)


def test_seated_only_allows_seated_modality_only():
    exercises = full_body_exercises() + [make_exercise("seated-press", ["chest"], modality="seated",
                                                       equipment=["chair"], pattern="push")]
    allowed = ids(make_profile(limitations=["seated_only"], equipment=["chair", "pool"]), exercises)
    assert allowed == {"seated-press"}


def test_excluded_by_limitation():
    exercises = [make_exercise("floor-bridge", ["glutes"], excluded_by=["no_floor"])]
    assert ids(make_profile(limitations=["no_floor"]), exercises) == set()


def test_grades_gate_exercises_and_weak_muscles_are_not_targets():
    profile = make_profile(strength={"quadriceps": 2, "calves": 1}, equipment=["pool"])
    elig = eligibility(profile, make_catalog(full_body_exercises()))
    assert "squat" not in elig.ids          # min_grade 3 > quadriceps 2
    assert "pool-walk" in elig.ids          # buoyancy-assisted, grade 2
    assert "calf-raise" not in elig.ids and "calves" not in elig.targets
    assert any("calves" in w for w in elig.warnings)


def test_grade_three_gets_no_added_load():
    exercises = [make_exercise("band-row", ["upper_back"], equipment=["resistance_band"], load_kind="band",
                               min_grade=3)]
    assert ids(make_profile(strength={"upper_back": 3}, equipment=["resistance_band"]), exercises) == set()


def test_als_strengthens_only_grade_3_and_above():
    profile = make_profile(condition="neurogenic", neurogenic_cause="als", strength={"biceps": 2})
    elig = eligibility(profile, make_catalog(full_body_exercises()))
    assert "biceps" not in elig.targets


def test_neurogenic_withholds_eccentric_emphasis():
    exercises = [make_exercise("nordic", ["hamstrings"], eccentric_emphasis=True, pattern="hinge")]
    assert ids(make_profile(condition="neurogenic"), exercises) == set()
    assert ids(make_profile(), exercises) == {"nordic"}
