"""Plain-text views of the catalog: filters keep exactly the matching entries."""

from __future__ import annotations

import pytest

from planner.catalog import COVERAGE_MINIMUM, Catalog, Exercise, Food, coverage_table
from planner.catalogview import coverage_report, describe, exercise_rows, food_rows
from planner.errors import InputError
from planner.vocab import MUSCLE_GROUPS


@pytest.fixture
def catalog(exercise_entry) -> Catalog:
    entries = [
        exercise_entry("wall-sit", equipment=["wall"], dose="hold", harder="goblet-squat"),
        exercise_entry("goblet-squat", equipment=["dumbbells"], easier="wall-sit"),
        exercise_entry("seated-calf-raise", modality="seated", equipment=["chair"], pattern="calf",
                       primary_muscles=["calves"], compound=False),
        exercise_entry("pool-heel-raise", modality="aquatic", equipment=["pool"], pattern="calf",
                       primary_muscles=["calves"], compound=False, min_grade=2),
        exercise_entry("band-row", equipment=["resistance_band"], pattern="pull",
                       primary_muscles=["upper_back"], secondary_muscles=["biceps"]),
    ]
    foods = [
        Food(id="greek-yogurt", name="Greek yogurt, nonfat", portion="170 g", portion_g=170, protein_g=17.5,
             leucine_g=1.4, diet="vegetarian", allergens=["milk", "lactose"], meals=["breakfast", "snack"]),
        Food(id="chickpeas", name="Chickpeas, cooked", portion="120 g", portion_g=120, protein_g=10.7,
             leucine_g=0.75, diet="vegan", meals=["lunch", "dinner"]),
    ]
    return Catalog(exercises={e["id"]: Exercise(**e) for e in entries}, foods={f.id: f for f in foods},
                   limitations={}, conditions={}, folder="(in memory)")


def listed(rows: list[str]) -> set[str]:
    return {row.split()[0] for row in rows}


def test_unfiltered_list_has_every_exercise(catalog):
    assert listed(exercise_rows(catalog)) == set(catalog.exercises)


def test_filter_by_primary_muscle_and_modality(catalog):
    assert listed(exercise_rows(catalog, muscle="calves")) == {"seated-calf-raise", "pool-heel-raise"}
    assert listed(exercise_rows(catalog, muscle="calves", modality="aquatic")) == {"pool-heel-raise"}
    assert listed(exercise_rows(catalog, muscle="biceps")) == set()  # secondary only


def test_equipment_none_keeps_what_needs_nothing_but_a_wall(catalog):
    assert listed(exercise_rows(catalog, equipment="none")) == {"wall-sit"}


def test_equipment_list_keeps_what_that_kit_is_enough_for(catalog):
    rows = exercise_rows(catalog, equipment="chair, resistance_band")
    assert listed(rows) == {"wall-sit", "seated-calf-raise", "band-row"}


def test_food_rows_list_every_food_in_id_order(catalog):
    rows = food_rows(catalog)
    assert [row.split()[0] for row in rows] == ["chickpeas", "greek-yogurt"]
    assert "17.5 g protein" in rows[1] and "milk, lactose" in rows[1]


def test_describe_an_exercise_shows_steps_and_ladder(catalog):
    text = describe(catalog, "goblet-squat")
    assert text.splitlines()[0] == "Goblet squat (goblet-squat)"
    assert "wall-sit -> goblet-squat" in text
    for number, step in enumerate(catalog.exercises["goblet-squat"].steps, 1):
        assert f"{number}. {step}" in text


def test_describe_a_food_shows_protein_and_diet(catalog):
    text = describe(catalog, "chickpeas")
    assert "10.7 g" in text and "vegan" in text


def test_describe_an_unknown_id_is_an_input_error(catalog):
    with pytest.raises(InputError, match="squatz"):
        describe(catalog, "squatz")


def test_coverage_report_has_a_row_per_muscle_and_marks_each_shortfall(catalog, exercise_entry):
    # Enough calf work for two columns to be met, so marked and unmarked cells both occur.
    extra = [exercise_entry(f"calf-raise-{n}", pattern="calf", primary_muscles=["calves"]) for n in range(3)]
    catalog = catalog.model_copy(update={"exercises": {**catalog.exercises,
                                                       **{e["id"]: Exercise(**e) for e in extra}}})
    lines = coverage_report(catalog).splitlines()
    for column, minimum in COVERAGE_MINIMUM.items():
        assert f"{column} >={minimum}" in lines[0]
    rows = {line.split()[0]: line for line in lines[2:]}
    assert list(rows) == list(MUSCLE_GROUPS)
    for muscle, counts in coverage_table(catalog).items():
        short = sum(counts[c] < m for c, m in COVERAGE_MINIMUM.items())
        assert rows[muscle].count("!") == short, muscle
    assert rows["calves"].count("!") < len(COVERAGE_MINIMUM)
