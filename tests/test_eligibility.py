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


def test_seated_only_allows_seated_and_pool_bench_work_only():
    # Standing water work names seated_only in its excluded_by (catalog); pool-bench work does not.
    standing = [e.model_copy(update={"excluded_by": ["seated_only"]}) if e.modality == "aquatic" else e
                for e in full_body_exercises()]
    exercises = standing + [make_exercise("seated-press", ["chest"], modality="seated", equipment=["chair"],
                                          pattern="push"),
                            make_exercise("pool-bench-sweep", ["chest"], modality="aquatic", equipment=["pool"],
                                          pattern="push", load_kind="water", min_grade=2)]
    allowed = ids(make_profile(limitations=["seated_only"], equipment=["chair", "pool"]), exercises)
    assert allowed == {"seated-press", "pool-bench-sweep"}


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


# --- Round 2 (issue 11): seated clients, grades, screening, clinician controls --------------

def test_wheelchair_user_works_seated_and_has_a_seat_without_listing_a_chair():
    exercises = full_body_exercises() + [make_exercise("seated-press", ["chest"], modality="seated",
                                                       equipment=["chair"], pattern="push")]
    for limitation in ("wheelchair_user", "seated_only"):
        assert ids(make_profile(limitations=[limitation], targets=["chest"]), exercises) == {"seated-press"}


def test_seated_client_gets_no_overhead_and_no_untargeted_leg_work():
    exercises = [
        make_exercise("seated-overhead", ["shoulders"], modality="seated", equipment=["chair"],
                      pattern="overhead", tags=["overhead"]),
        make_exercise("seated-raise", ["shoulders"], modality="seated", equipment=["chair"], pattern="raise"),
        make_exercise("seated-knee", ["quadriceps"], modality="seated", equipment=["chair"]),
        make_exercise("seated-lean", ["shoulders", "core"], modality="seated", equipment=["chair"], pattern="core"),
    ]
    assert ids(make_profile(limitations=["wheelchair_user"], targets=["shoulders"]), exercises) == {"seated-raise"}
    assert "seated-knee" in ids(make_profile(limitations=["seated_only"], targets=["quadriceps"]), exercises)


def test_strength_work_needs_a_target_but_balance_practice_does_not():
    exercises = full_body_exercises() + [
        make_exercise("stance", ["glutes"], pattern="balance", dose="hold", component="balance")]
    allowed = ids(make_profile(targets=["chest"]), exercises)
    assert "push-up" in allowed and "stance" in allowed and "squat" not in allowed


def test_body_weight_on_one_leg_needs_grade_4():
    exercises = [make_exercise("one-leg", ["calves"], pattern="calf", tags=["single_leg"]),
                 make_exercise("two-legs", ["calves"], pattern="calf")]
    assert ids(make_profile(strength={"calves": 3}), exercises) == {"two-legs"}
    assert ids(make_profile(strength={"calves": 4}), exercises) == {"one-leg", "two-legs"}
    assert ids(make_profile(strength={"quadriceps": 3}), exercises) == {"two-legs"}  # the standing knee


def test_quadriceps_graded_3_warns_of_giving_way_in_standing_work():
    elig = eligibility(make_profile(strength={"quadriceps": 3}), make_catalog(full_body_exercises()))
    assert any("give way" in w for w in elig.warnings)


def test_clinician_exclusion_is_hard():
    assert "squat" not in ids(make_profile(exercises={"exclude": ["squat"]}))
