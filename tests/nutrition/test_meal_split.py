"""planner.nutrition.split: per-meal targets that add up, stay under the cap and name the day."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planner.errors import InputError

from planner.nutrition.split import MEALS_BY_COUNT, split_meals
from planner.nutrition.target import daily_protein_g, daily_target

from nutrition_factories import profile

def split_for(prof):
    daily = daily_protein_g(daily_target(prof)[0], prof.weight_kg)
    return daily, split_meals(prof, daily)


@pytest.mark.parametrize("meals_per_day", [3, 4, 5, 6])
@pytest.mark.parametrize("weight_kg", [30, 55, 70, 110, 300])
def test_meal_targets_add_up_to_the_day_in_half_grams(meals_per_day, weight_kg):
    daily, split = split_for(profile(weight_kg=weight_kg, nutrition={"meals_per_day": meals_per_day}))
    grams = [m.protein_g for m in split.meals]
    assert sum(grams) == daily
    assert all((g * 2).is_integer() and g > 0 for g in grams)
    assert [m.name for m in split.meals] == list(MEALS_BY_COUNT[meals_per_day])


@pytest.mark.parametrize("override", [None, 1.6, 2.2])
@pytest.mark.parametrize("meals_per_day", [4, 5, 6])
def test_no_meal_above_0_55_g_per_kg(override, meals_per_day):
    prof = profile(weight_kg=80, nutrition={"meals_per_day": meals_per_day, "protein_g_per_kg": override})
    _, split = split_for(prof)
    assert max(m.protein_g for m in split.meals) <= 0.55 * 80


@pytest.mark.parametrize("override", [None, 1.5, 1.65])
def test_three_meals_carry_every_band_under_the_cap(override):
    _, split = split_for(profile(weight_kg=80, active=True,
                                 nutrition={"meals_per_day": 3, "protein_g_per_kg": override}))
    assert len(split.meals) == 3
    assert max(m.protein_g for m in split.meals) <= 0.55 * 80


def test_three_meals_that_cannot_carry_a_high_clinician_value_are_refused():
    # The profile refuses it, naming the key, before any split is tried.
    with pytest.raises(ValidationError) as refused:
        profile(weight_kg=80, nutrition={"meals_per_day": 3, "protein_g_per_kg": 2.0})
    assert "cannot be split into 3 meals" in str(refused.value)


def test_main_meals_reach_20_g_when_the_total_allows():
    _, split = split_for(profile(weight_kg=60, nutrition={"meals_per_day": 5}))   # 72 g a day
    mains = [m for m in split.meals if not m.name.endswith("snack")]
    assert all(m.protein_g >= 20 for m in mains)


def test_older_adults_main_meals_reach_25_g_with_a_leucine_target_when_the_total_allows():
    _, split = split_for(profile(age=75, weight_kg=75, nutrition={"meals_per_day": 4}))  # 97.5 g
    mains = [m for m in split.meals if not m.name.endswith("snack")]
    assert all(m.protein_g >= 25 and m.leucine_g == 2.5 for m in mains)


def test_main_meals_aim_at_about_0_4_g_per_kg_and_snacks_take_the_rest():
    _, split = split_for(profile(weight_kg=100, active=True, nutrition={"meals_per_day": 5}))  # 150 g
    mains = [m.protein_g for m in split.meals if not m.name.endswith("snack")]
    snacks = [m.protein_g for m in split.meals if m.name.endswith("snack")]
    assert all(38 <= g <= 42 for g in mains)
    assert all(g < min(mains) for g in snacks)


def test_snacks_never_exceed_main_meals():
    for override in (0.5, 1.2, 2.2):
        _, split = split_for(profile(weight_kg=70, nutrition={"meals_per_day": 6, "protein_g_per_kg": override}))
        mains = [m.protein_g for m in split.meals if not m.name.endswith("snack")]
        snacks = [m.protein_g for m in split.meals if m.name.endswith("snack")]
        assert max(snacks) <= min(mains) + 0.5


def test_one_meal_follows_the_session_lunch_after_a_late_morning_session():
    _, split = split_for(profile())
    assert [m.name for m in split.meals if m.after_session] == ["lunch"]
    assert split.session_time == "late morning"


def test_neurogenic_clients_train_in_the_morning_and_breakfast_follows():
    _, split = split_for(profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis"))
    assert [m.name for m in split.meals if m.after_session] == ["breakfast"]


@pytest.mark.parametrize("meals_per_day", [3, 4, 5, 6])
def test_exactly_one_meal_is_marked_after_the_session(meals_per_day):
    _, split = split_for(profile(nutrition={"meals_per_day": meals_per_day}))
    assert sum(m.after_session for m in split.meals) == 1
