"""The catalogs: the shipped data meets the coverage the planner relies on, and bad data is caught."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.catalog import (
    Catalog, Exercise, coverage_gaps, coverage_table, default_catalog, ladder, ladder_problems,
    load_catalog,
)
from planner.errors import InputError
from planner.vocab import CONDITIONS, LIMITATIONS, MUSCLE_GROUPS

ANIMAL_ALLERGENS = {"milk", "lactose", "egg", "fish", "crustaceans", "molluscs"}


def catalog_of(*entries: dict) -> Catalog:
    """An in-memory catalog holding just these exercises."""
    exercises = {entry["id"]: Exercise(**entry) for entry in entries}
    return Catalog(exercises=exercises, foods={}, limitations={}, conditions={}, folder="(in memory)")


# --- The shipped catalog ----------------------------------------------------------

def test_shipped_catalog_loads_with_enough_exercises():
    assert len(load_catalog().exercises) >= 90


def test_shipped_catalog_has_no_coverage_gaps():
    assert coverage_gaps(default_catalog()) == []


def test_shipped_catalog_has_enough_foods():
    assert len(default_catalog().foods) >= 50


def test_every_limitation_and_condition_has_a_rule(tmp_path, exercise_entry, write_catalog):
    # The rule files are read on their own, so this holds while exercises are still being written.
    rules = load_catalog(write_catalog(tmp_path, [exercise_entry("sit-to-stand")]))
    assert set(rules.limitations) == set(LIMITATIONS)
    assert set(CONDITIONS) <= set(rules.conditions)
    for rule in rules.conditions.values():
        assert rule.start_sets <= rule.max_sets


def test_neurogenic_rules_are_conservative(tmp_path, exercise_entry, write_catalog):
    rules = load_catalog(write_catalog(tmp_path, [exercise_entry("sit-to-stand")]))
    for cause in ("als", "guillain_barre", "multiple_sclerosis", "diabetic_neuropathy",
                  "spinal_cord_injury", "other"):
        rule = rules.condition_rule("neurogenic", cause)
        assert rule.effort_cap_rpe <= 6 and not rule.to_failure
        assert not rule.eccentric_emphasis_allowed and rule.clinician_oversight
    assert rules.condition_rule("neurogenic", "als").min_grade_to_strengthen >= 3
    assert rules.condition_rule("neurogenic", "other") == rules.conditions["neurogenic"]


def test_shipped_foods_are_plausible():
    for food in default_catalog().foods.values():
        assert food.protein_g <= 0.9 * food.portion_g, food.id
        if food.protein_g >= 2:
            # Leucine is 7-11% of protein (domain.md); far outside means a unit slip.
            assert 0.04 <= food.leucine_g / food.protein_g <= 0.14, food.id
        if food.diet == "vegan":
            assert not ANIMAL_ALLERGENS & set(food.allergens), food.id
        if food.diet == "vegetarian":
            assert not {"fish", "crustaceans", "molluscs"} & set(food.allergens), food.id
        if "lactose" in food.allergens:
            assert "milk" in food.allergens, food.id


def test_a_vegan_avoiding_soy_and_gluten_has_choices_at_every_meal():
    foods = [f for f in default_catalog().foods.values()
             if f.diet == "vegan" and not {"soy", "gluten"} & set(f.allergens)]
    weight_kg = 78
    reachable = 0.0
    for meal in ("breakfast", "lunch", "dinner", "snack"):
        choices = [f for f in foods if meal in f.meals]
        assert len(choices) >= 2, meal
        best = max(f.protein_g * f.max_g / f.portion_g for f in choices)
        reachable += min(best, 0.55 * weight_kg)  # no meal above ~0.55 g/kg
    # Even the richest single food per meal must be able to reach 1.2 g/kg over four meals.
    assert reachable >= 1.2 * weight_kg


# --- Exercise entries -------------------------------------------------------------

@pytest.mark.parametrize("fields", [
    {"modality": "aquatic", "equipment": []},                                   # pool work without a pool
    {"modality": "land", "equipment": ["pool"]},                                # a pool on land
    {"primary_muscles": ["quadriceps"], "secondary_muscles": ["quadriceps"]},   # both primary and secondary
    {"harder": "sit-to-stand"},                                                 # its own harder step
    {"primary_muscles": ["abs"]},                                               # not one of the 12 groups
    {"min_grade": 1},                                                           # nothing trains grade 0-1
    {"steps": ["Stand up."]},                                                   # too few steps
    {"id": "Sit To Stand"},                                                     # not a slug
])
def test_incoherent_exercise_is_refused(exercise_entry, fields):
    with pytest.raises(ValidationError):
        Exercise(**exercise_entry("sit-to-stand", **fields))


def test_malformed_catalog_file_names_file_key_and_line(tmp_path, exercise_entry, write_catalog):
    folder = write_catalog(tmp_path, [exercise_entry("sit-to-stand")])
    broken = folder / "exercises" / "broken.yaml"
    broken.write_text(
        "exercises:\n"
        "  - id: wall-push-up\n"
        "    name: Wall push-up\n"
        "    modality: underwater\n"
        "    equipment: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    assert caught.value.file == str(broken)
    assert caught.value.key == "exercises[0].modality" and caught.value.line == 4


def test_a_key_given_twice_in_a_catalog_file_is_refused(tmp_path, exercise_entry, write_catalog):
    # `--catalog` reads a clinic's own files: a repeated key must not silently win.
    folder = write_catalog(tmp_path, [exercise_entry("sit-to-stand")])
    (folder / "exercises" / "test.yaml").write_text(
        "exercises:\n"
        "  - id: sit-to-stand\n"
        "    name: Sit to stand\n"
        "    modality: land\n"
        "    equipment: []\n"
        "    primary_muscles: [quadriceps]\n"
        "    pattern: squat\n"
        "    dose: reps\n"
        "    min_grade: 3\n"
        "    min_grade: 5\n"
        "    compound: true\n"
        "    steps: [Sit tall near the front of the chair., Stand up and sit down slowly.]\n"
        "    cues: [Knees follow the toes.]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="duplicate") as caught:
        load_catalog(folder)
    assert caught.value.line == 10


def test_an_exercise_id_used_twice_is_refused(tmp_path, exercise_entry, write_catalog):
    folder = write_catalog(tmp_path, [exercise_entry("sit-to-stand")])
    (folder / "exercises" / "more.yaml").write_text(
        (folder / "exercises" / "test.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate exercise id 'sit-to-stand'"):
        load_catalog(folder)


# --- Ladders ----------------------------------------------------------------------

def test_a_sound_ladder_has_no_problems_and_reads_easiest_first(exercise_entry):
    catalog = catalog_of(
        exercise_entry("chair-sit-to-stand", harder="sit-to-stand"),
        exercise_entry("sit-to-stand", easier="chair-sit-to-stand", harder="goblet-squat"),
        exercise_entry("goblet-squat", easier="sit-to-stand", equipment=["dumbbells"]),
    )
    assert ladder_problems(catalog) == []
    for rung in catalog.exercises:
        assert ladder(catalog, rung) == ["chair-sit-to-stand", "sit-to-stand", "goblet-squat"]


def test_a_dangling_harder_step_is_reported(exercise_entry):
    catalog = catalog_of(exercise_entry("sit-to-stand", harder="pistol-squat"))
    problems = ladder_problems(catalog)
    assert any("pistol-squat" in p and "not in the catalog" in p for p in problems)


def test_a_one_way_link_is_reported(exercise_entry):
    catalog = catalog_of(exercise_entry("sit-to-stand", harder="goblet-squat"),
                         exercise_entry("goblet-squat"))
    problems = ladder_problems(catalog)
    assert any(p.startswith("sit-to-stand:") and "goblet-squat" in p for p in problems)


def test_a_cycle_is_reported(exercise_entry):
    catalog = catalog_of(
        exercise_entry("sit-to-stand", easier="goblet-squat", harder="goblet-squat"),
        exercise_entry("goblet-squat", easier="sit-to-stand", harder="sit-to-stand"),
    )
    assert any("cycle" in p for p in ladder_problems(catalog))


def test_a_step_to_an_unrelated_muscle_is_reported(exercise_entry):
    catalog = catalog_of(
        exercise_entry("sit-to-stand", harder="wall-push-up"),
        exercise_entry("wall-push-up", easier="sit-to-stand", primary_muscles=["chest", "triceps"],
                       pattern="push"),
    )
    assert any("share no primary muscle" in p for p in ladder_problems(catalog))


def test_loading_a_catalog_with_a_broken_ladder_fails(tmp_path, exercise_entry, write_catalog):
    folder = write_catalog(tmp_path, [exercise_entry("sit-to-stand", harder="pistol-squat")])
    with pytest.raises(InputError, match="pistol-squat") as caught:
        load_catalog(folder)
    assert caught.value.file == str(folder / "exercises")


# --- Coverage ---------------------------------------------------------------------

def test_coverage_counts_primary_muscles_by_column(exercise_entry):
    catalog = catalog_of(
        exercise_entry("wall-sit", equipment=["wall"], dose="hold"),
        exercise_entry("chair-sit-to-stand", equipment=["chair"]),
        exercise_entry("seated-knee-extension", modality="seated", equipment=["chair"], compound=False,
                       min_grade=2, secondary_muscles=["hamstrings"]),
        exercise_entry("pool-squat", modality="aquatic", equipment=["pool"], min_grade=2),
    )
    quadriceps = coverage_table(catalog)["quadriceps"]
    assert quadriceps == {"land": 2, "no_equipment": 1, "seated": 1, "aquatic": 1, "grade_2": 2}
    assert coverage_table(catalog)["hamstrings"]["seated"] == 0  # secondary muscles do not count


def test_coverage_gaps_name_what_is_missing(exercise_entry):
    gaps = coverage_gaps(catalog_of(exercise_entry("sit-to-stand")))
    assert any(g.startswith("only 1 exercises") for g in gaps)
    assert "chest: 0 land exercise(s); at least 3 needed" in gaps
    assert any(g.startswith("pattern squat: longest ladder has 1 level(s)") for g in gaps)
    assert all(any(g.startswith(m + ":") for g in gaps) for m in MUSCLE_GROUPS)


def test_every_shipped_exercise_carries_tags_and_the_rules_find_their_work():
    from planner.catalog import coverage_gaps, default_catalog
    catalog = default_catalog()
    assert not coverage_gaps(catalog)
    assert all("tags" in e.model_fields_set for e in catalog.exercises.values())
    roles = {e.role for e in catalog.exercises.values()}
    assert {"sit_to_stand", "external_rotation", "scapular"} <= roles
    seated_balance = [e for e in catalog.exercises.values() if e.component == "balance" and e.modality == "seated"]
    standing_balance = [e for e in catalog.exercises.values() if e.component == "balance" and e.modality == "land"]
    assert seated_balance and len(standing_balance) >= 5
    assert all(e.figure is not None for e in seated_balance + standing_balance)
    # Overhead work is tagged, so shoulder preservation can find it.
    assert all("overhead" in e.tags for e in catalog.exercises.values() if e.pattern == "overhead")


def test_a_tag_outside_the_closed_list_is_refused():
    from tests.factories import make_exercise
    with pytest.raises(ValidationError):
        make_exercise("odd", ["calves"], tags=["jumping"])
