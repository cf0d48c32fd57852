"""Forgiving where it is safe (planner/forgiving.py): usual spellings, and did-you-mean."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from planner.forgiving import canonical, choices, every_key, forgive, suggest, type_at
from planner.profile import Profile, mrc_grade
from planner.vocab import WEEKDAYS

SEX = ("female", "male")
CONDITIONS = ("ckd", "diabetes", "copd", "hypertension", "uncontrolled_hypertension", "knee_osteoarthritis")


@pytest.mark.parametrize("written, options, meant", [
    ("Monday", WEEKDAYS, "mon"), ("Mon", WEEKDAYS, "mon"), ("TUE", WEEKDAYS, "tue"),
    ("Tues", WEEKDAYS, "tue"), ("thursday", WEEKDAYS, "thu"), ("F", SEX, "female"), ("m", SEX, "male"),
    ("COPD", CONDITIONS, "copd"), ("Knee osteoarthritis", CONDITIONS, "knee_osteoarthritis"),
    ("knee-osteoarthritis", CONDITIONS, "knee_osteoarthritis"),
    ("peanut", ("peanuts", "nuts"), "peanuts"), ("eggs", ("egg", "fish"), "egg"),
])
def test_usual_forms_mean_one_choice(written, options, meant):
    assert canonical(written, options) == meant


@pytest.mark.parametrize("written, options", [
    ("t", WEEKDAYS),                   # tue or thu
    ("s", WEEKDAYS),                   # sat or sun
    ("hyp", CONDITIONS),               # a beginning is no spelling of a condition (hypotension?)
    ("diab", CONDITIONS),
    ("hypertension_uncontrolled", CONDITIONS),  # never read as plain hypertension
    ("kidney", CONDITIONS),            # a guess, not a spelling: suggested, not taken
    ("di", CONDITIONS),                # too short to be sure in a long list
])
def test_anything_that_could_mean_two_things_is_left_for_validation(written, options):
    assert canonical(written, options) is None


@pytest.mark.parametrize("word, options, meant", [
    ("patient", ("client", "condition", "schedule"), "client"),
    ("grip", ("grip_kg", "chair_stand_5x_s"), "grip_kg"),
    ("sppb", ("sppb_points", "grip_kg"), "sppb_points"),
    ("tug", ("timed_up_and_go_s", "gait_speed_m_s"), "timed_up_and_go_s"),
    ("minutes", ("start", "minutes_per_session"), "minutes_per_session"),
    ("weight", ("weight_kg", "weight_lb", "height_cm"), "weight_kg"),
    ("wensday", WEEKDAYS, "wed"),
    ("quadricpes", ("quadriceps", "hamstrings"), "quadriceps"),
])
def test_the_nearest_known_name_is_suggested(word, options, meant):
    assert suggest(word, options) == meant


def test_nothing_is_suggested_when_nothing_is_near():
    assert suggest("favourite_colour", ("client", "schedule")) is None
    assert suggest(42, ("client",)) is None


def test_the_vocabulary_is_read_from_the_models():
    holder, annotation = type_at(Profile, ("schedule", "days", 0))
    assert holder.__name__ == "Schedule" and choices(annotation) == WEEKDAYS
    _, key_type = type_at(Profile, ("strength", "[key]"))
    assert "quadriceps" in choices(key_type)
    assert ("client",) in [tuple(p) for p in every_key(Profile)["weight_kg"]]


def test_a_key_another_module_adds_is_forgiven_without_a_list():
    # What a parallel change adding `print: {paper: a4 | letter}` gets for free.
    class Print(BaseModel):
        model_config = ConfigDict(extra="forbid")
        paper: Literal["a4", "letter"] = "a4"
        share: float = Field(0.5, ge=0, le=1)

    class Holder(BaseModel):
        model_config = ConfigDict(extra="forbid")
        print: Print = Print()
        days: list[Literal["mon", "tue"]] = []

    data = forgive(Holder, {"print": {"paper": "Letter", "share": "85%"}, "days": ["Monday", "TUE"]})
    assert data == {"print": {"paper": "letter", "share": 0.85}, "days": ["mon", "tue"]}
    assert Holder.model_validate(data).print.paper == "letter"


def test_a_percentage_is_only_read_where_the_key_is_a_share():
    class Minutes(BaseModel):
        minutes: int = Field(45, ge=20, le=120)

    assert forgive(Minutes, {"minutes": "85%"}) == {"minutes": "85%"}


@pytest.mark.parametrize("written, grade", [(4, 4), ("4", 4), ("4-", 4), ("4+", 4), (" 3 - ", 3), ("0", 0)])
def test_mrc_grades_with_shades_are_their_whole_grade(written, grade):
    assert mrc_grade(written) == grade


@pytest.mark.parametrize("written", ["four", "6-", True, None, "4--"])
def test_what_is_no_grade_has_none(written):
    assert mrc_grade(written) is None
