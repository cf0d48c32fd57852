"""Food words for a US client: the catalog's British names as a US supermarket labels them."""

from __future__ import annotations

import re

import pytest

from planner.render.us_english import US_PHRASES, us_words

BRITISH = re.compile("|".join(re.escape(p) for p, _ in US_PHRASES), re.IGNORECASE)


@pytest.mark.parametrize("british, us", [
    ("Wholemeal bread", "Whole wheat bread"),
    ("Semi-skimmed milk", "2% milk"),
    ("Porridge oats (dry weight), cooked with water", "Rolled oats (dry weight), cooked with water"),
    ("Courgette (zucchini), grilled", "Zucchini, grilled"),
    ("Jacket potato, baked", "Baked potato"),
    ("Tuna and sweetcorn sandwich (wholemeal)", "Tuna and corn sandwich (whole wheat)"),
    ("Tins, jars and pulses", "Cans, jars and beans"),
    ("Magnesium: pulses, seeds", "Magnesium: beans and lentils, seeds"),
    ("a filled water bottle or a tin)", "a filled water bottle or a can)"),
    # A whole phrase only: congee is a rice porridge in both countries.
    ("Chicken rice porridge (congee)", "Chicken rice porridge (congee)"),
])
def test_british_us_words_read_as_us_ones(british, us):
    assert us_words(british, "us") == us
    assert us_words(british, "metric") == british


def test_a_us_clients_menu_shopping_list_and_notes_use_us_words(catalog):
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    from planner.render.nutrition_view import nutrition_view
    from planner.render.units import units
    from tests.factories import REPO

    plan = build_plan(load_profile(REPO / "examples" / "frank-us-units.yaml"), default_catalog())
    british_in_plan = [f.name for d in plan.nutrition.menus for m in d.meals for f in m.foods if BRITISH.search(f.name)]
    assert british_in_plan, "the example no longer tests anything: pick foods with British names"
    view = nutrition_view(plan.nutrition, units(plan.profile))
    printed = [food for day in view.menus for meal in day.meals for food in meal.foods]
    printed += [a.aisle for a in view.shopping] + [i for a in view.shopping for i in a.items] + view.notes
    assert not [text for text in printed if BRITISH.search(text)]
