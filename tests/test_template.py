"""`planner init` (planner/template.py): a commented template with every key, valid as it is."""

from __future__ import annotations

import pytest

from planner.forgiving import every_key
from planner.profile import Profile
from planner.reassess import Reassessment
from planner.template import profile_template, reassessment_template
from planner.vocab import CONDITIONS


@pytest.mark.parametrize("condition", CONDITIONS)
def test_the_profile_template_validates_as_written(condition, tmp_path, run_planner):
    path = tmp_path / "new.yaml"
    assert run_planner("init", "--condition", condition, "-o", path).code == 0
    result = run_planner("validate", path)
    assert result.code == 0, result.out
    assert f"{path}: profile, valid" in result.out


def test_the_reassessment_template_validates_as_written(tmp_path, run_planner):
    path = tmp_path / "week6.yaml"
    assert run_planner("init", "--reassessment", "-o", path).code == 0
    result = run_planner("validate", path)
    assert result.code == 0 and f"{path}: reassessment, valid" in result.out


@pytest.mark.parametrize("model, template", [(Profile, profile_template), (Reassessment, reassessment_template)])
def test_every_key_is_in_the_template(model, template):
    text = template()
    derived = {name for name, field in model.model_fields.items()
               if isinstance(field.json_schema_extra, dict) and field.json_schema_extra.get("template") is False}
    for key in set(every_key(model)) - derived:
        assert f" {key}:" in text or f"\n{key}:" in text or f"# {key}:" in text, key


def test_allowed_values_are_listed():
    text = profile_template()
    assert "mon | tue | wed | thu | fri | sat | sun" in text
    assert "knee_osteoarthritis" in text and "resistance_band" in text


def test_optional_examples_stay_comments_so_they_cannot_change_a_plan():
    # A forgotten example grade or test result would shape the programme.
    lines = profile_template().splitlines()
    assert any(line.startswith("# strength: {quadriceps: 4}") for line in lines)
    assert any(line.strip().startswith("# grip_kg:") for line in lines)


def test_init_prints_to_the_screen_and_never_overwrites(tmp_path, run_planner):
    shown = run_planner("init")
    assert shown.code == 0 and shown.out.startswith("# A client profile")
    path = tmp_path / "kept.yaml"
    path.write_text("mine")
    assert run_planner("init", "-o", path).code == 2 and path.read_text() == "mine"
