"""A client weighed in pounds reads pounds, feet and inches; the plan record keeps kilograms."""

from __future__ import annotations

import copy
import re

import pytest

from planner.profile import Profile
from planner.progression import LOAD_WORDS
from planner.render.units import LB_PER_KG, amount_text, height_text, load_text, units, weight_text
from tests.factories import BASE_PROFILE

KG_WORDS = sorted({w for columns in LOAD_WORDS.values() for column in columns for w in column if " kg " in w})


@pytest.mark.parametrize("load", KG_WORDS)
def test_every_load_in_kilograms_has_a_weight_sold_in_pounds_near_it(load):
    us = load_text(load, "us")
    assert "kg" not in us and " lb " in us
    kilograms = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", load)]
    pounds = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", us)]
    assert len(kilograms) == len(pounds)
    for kg, lb in zip(kilograms, pounds):
        # The nearest size in the shops: within 15% of the prescribed weight (the effort
        # figure beside it sets the real dose).
        assert abs(lb / LB_PER_KG - kg) / kg <= 0.15, (load, us)
    assert us.split(" lb ")[1] == load.split(" kg ")[1]     # still dumbbells, a kettlebell, ...


def test_metric_and_words_without_kilograms_read_the_same():
    assert load_text("2-4 kg dumbbells", "metric") == "2-4 kg dumbbells"
    assert load_text("medium band", "us") == "medium band"
    assert load_text("chest-deep water", "us") == "chest-deep water"


def test_weight_and_height():
    assert weight_text(84.8, "us") == "187 lb"
    assert weight_text(84.8, "metric") == "84.8 kg"
    assert height_text(177.8, "us") == "5 ft 10 in"
    assert height_text(182.9, "us") == "6 ft 0 in"
    assert height_text(177.8, "metric") == "177.8 cm"


def _profile(client: dict, printing: dict | None = None) -> Profile:
    data = copy.deepcopy(BASE_PROFILE)
    data["client"] = {k: v for k, v in data["client"].items() if k != "weight_kg"} | client
    if printing is not None:
        data["print"] = printing
    return Profile.model_validate(data)


def test_units_follow_how_the_weight_was_given_and_survive_the_plan_record():
    pounds = _profile({"weight_lb": 187})
    assert pounds.print.units == "us" and units(pounds) == "us"
    # The record keeps weight_kg only: the resolved units are what remember the pounds.
    again = Profile.model_validate(pounds.model_dump(mode="json"))
    assert "weight_lb" not in pounds.model_dump(mode="json")["client"]
    assert units(again) == "us"
    assert units(_profile({"weight_kg": 70})) == "metric"
    assert units(_profile({"weight_lb": 187}, {"units": "metric"})) == "metric"
    assert units(_profile({"weight_kg": 70}, {"units": "us"})) == "us"


@pytest.mark.parametrize("metric, us", [
    ("150 g", "5½ oz"), ("15 g", "½ oz"), ("454 g", "1 lb"), ("1.5 kg", "3¼ lb"),
    ("250 ml", "1 cup"), ("200 ml", "¾ cup"), ("300 ml", "1¼ cups"), ("15 ml", "1 tbsp"),
    ("1 l", "1 quart"), ("1.5 l", "1½ quarts"),
    ("2 slices (56 g)", "2 slices (2 oz)"), ("2 × 1 slice (28 g)", "2 × 1 slice (1 oz)"),
])
def test_food_amounts_in_us_measures(metric, us):
    assert amount_text(metric, "us") == us
    assert amount_text(metric, "metric") == metric


def test_the_menu_of_a_client_weighed_in_pounds_reads_ounces_and_cups_and_protein_in_grams():
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    from planner.render.nutrition_view import nutrition_view
    from tests.factories import REPO

    plan = build_plan(load_profile(REPO / "examples" / "frank-us-units.yaml"), default_catalog())
    view = nutrition_view(plan.nutrition, units(plan.profile))
    foods = [food for day in view.menus for meal in day.meals for food in meal.foods]
    foods += [item for aisle in view.shopping for item in aisle.items]
    assert foods and not [f for f in foods if re.search(r"\d\s?(g|kg|ml|l)\b", f)]
    assert any(" oz" in f or "\u00a0oz" in f for f in foods)
    assert view.daily_target.endswith(" g")
