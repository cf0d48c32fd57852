"""Reading the catalog with a plain YAML load."""

import shutil

import pytest

from planner.verify.reference import default_folder, load_reference

from .factory import CATALOG_DIR


def test_fixture_catalog_read_with_contract_defaults():
    reference = load_reference(CATALOG_DIR)
    squat = reference.exercises["sit-to-stand"]
    assert squat.tempo_s == 3.0 and squat.load_kind == "bodyweight" and not squat.unilateral
    assert reference.exercises["towel-wring"].tempo_s == 2
    assert reference.foods["tuna-canned"].allergens == ("fish",)
    assert reference.conditions["als"].min_grade_to_strengthen == 3
    assert reference.limitations["no_overhead"].excludes_patterns == ("overhead",)


def test_ladder_rung_counts_steps_from_the_bottom():
    reference = load_reference(CATALOG_DIR)
    assert reference.ladder_rung("sit-to-stand") == ("sit-to-stand", 0)
    assert reference.ladder_rung("goblet-squat") == ("sit-to-stand", 2)
    assert reference.ladder_rung("moon-walk") is None


def test_default_folder_is_a_catalog_folder():
    folder = default_folder()
    assert folder.name == "catalog" and (folder / "conditions.yaml").is_file()


def test_missing_folder_is_an_error():
    with pytest.raises(ValueError, match="does not exist"):
        load_reference("/nonexistent/catalog")


def copy_catalog(tmp_path):
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, target)
    return target


def test_missing_food_file_is_an_error(tmp_path):
    folder = copy_catalog(tmp_path)
    (folder / "foods.yaml").unlink()
    with pytest.raises(ValueError, match="foods.yaml is missing"):
        load_reference(folder)


def test_exercise_defined_twice_is_an_error(tmp_path):
    folder = copy_catalog(tmp_path)
    shutil.copy(folder / "exercises" / "trunk.yaml", folder / "exercises" / "trunk-again.yaml")
    with pytest.raises(ValueError, match="defined twice"):
        load_reference(folder)


def test_unreadable_yaml_is_an_error(tmp_path):
    folder = copy_catalog(tmp_path)
    (folder / "limitations.yaml").write_text("limitations: [unclosed\n")
    with pytest.raises(ValueError, match="not readable YAML"):
        load_reference(folder)


def test_entry_without_required_field_is_an_error(tmp_path):
    folder = copy_catalog(tmp_path)
    (folder / "exercises" / "extra.yaml").write_text("exercises:\n  - id: lonely\n    name: Lonely\n")
    with pytest.raises(ValueError, match="'lonely' has no 'modality'"):
        load_reference(folder)


def test_muscles_given_as_text_not_list_is_an_error(tmp_path):
    folder = copy_catalog(tmp_path)
    (folder / "exercises" / "extra.yaml").write_text(
        "exercises:\n  - {id: odd, name: Odd, modality: land, primary_muscles: quadriceps,"
        " pattern: squat, dose: reps, min_grade: 3}\n")
    with pytest.raises(ValueError, match="not a list of names"):
        load_reference(folder)
