"""catalog/foods.yaml: figures consistent with their USDA source, realistic serving bounds,
the EU allergens, cuisines and slots, and enough choice for narrow diets."""

from __future__ import annotations

import re

from nutrition_factories import food_catalog

PER_100_G = re.compile(r"(\d+(?:\.\d+)?) g protein, (\d+(?:\.\d+)?) kcal/100 g")
CUISINES = ["general", "brazilian", "mediterranean", "british", "north_american", "latin_american",
            "south_asian", "east_asian"]
SHARES = {0.08, 0.095, 0.11, 0.07, 0.062, 0.075}


def foods():
    return list(food_catalog().foods.values())


def test_at_least_two_hundred_foods_and_dishes():
    assert len(foods()) >= 200


def test_protein_and_energy_per_serving_match_the_per_100_g_source_figures():
    for food in foods():
        match = PER_100_G.search(food.source or "")
        assert match and "FDC" in food.source, f"{food.id}: no per-100 g figures in source"
        assert abs(food.protein_g - food.portion_g * float(match[1]) / 100) <= 0.051, food.id
        assert abs(food.kcal - food.portion_g * float(match[2]) / 100) <= 0.51, food.id


def test_leucine_is_one_of_the_domain_shares_of_protein():
    for food in foods():
        if food.protein_g:
            assert any(abs(food.leucine_g - share * food.protein_g) <= 0.0051 for share in SHARES), food.id


def test_audit_corrections_and_allergens():
    by_id = food_catalog().foods
    assert "19.4 g protein" in by_id["tuna-canned"].source
    assert "2.9 g protein" in by_id["soy-milk"].source
    assert by_id["parmesan"].diet == "omnivore"
    assert "sesame" in by_id["hummus"].allergens and "lupin" in by_id["lupini-beans"].allergens
    assert "sulphites" in by_id["dried-apricots"].allergens and by_id["dried-apricots"].max_g <= 40
    assert by_id["mussels"].allergens == ["molluscs"] and by_id["shrimp"].allergens == ["crustaceans"]
    assert "raw" in by_id["egg-whites"].name.lower() or "raw" in by_id["egg-whites"].source
    assert "gluten" in by_id["oats"].allergens and "gluten" not in by_id["gluten-free-oats"].allergens
    assert "peanuts" in by_id["peanut-butter"].allergens and "tree_nuts" in by_id["almonds"].allergens
    for food in foods():
        if "milk" in food.allergens or "egg" in food.allergens:
            assert food.diet != "vegan", food.id
        if "lactose" in food.allergens:
            assert "milk" in food.allergens, food.id


def test_realistic_serving_bounds():
    by_id = food_catalog().foods
    assert (by_id["whole-milk"].min_g, by_id["whole-milk"].max_g) == (150, 300)
    for seeds in ("hemp-seeds", "pumpkin-seeds", "sunflower-seeds"):
        assert (by_id[seeds].min_g, by_id[seeds].max_g) == (10, 30)
    for pulse in ("lentils", "chickpeas", "black-beans", "split-peas"):
        assert 80 <= by_id[pulse].min_g and by_id[pulse].max_g <= 200
    for food in foods():
        assert food.min_g <= food.portion_g <= food.max_g <= 3 * food.min_g + 150, food.id


def test_common_dishes_fill_several_slots():
    by_id = food_catalog().foods
    for dish in ("rice-and-beans", "feijoada", "eggs-on-toast", "porridge-with-milk", "dal",
                 "tofu-stir-fry"):
        assert dish in by_id
    assert set(by_id["eggs-on-toast"].slots) == {"protein", "staple"}
    assert set(by_id["tofu-stir-fry"].slots) == {"protein", "vegetable"}


def test_every_cuisine_can_fill_every_main_meal_slot():
    for cuisine in CUISINES:
        mine = [f for f in foods() if cuisine in f.cuisines or "general" in f.cuisines]
        for meal, slots in (("breakfast", ("protein", "staple", "fruit")),
                            ("lunch", ("protein", "staple", "vegetable")),
                            ("dinner", ("protein", "staple", "vegetable"))):
            for slot in slots:
                assert len([f for f in mine if meal in f.meals and slot in f.slots]) >= 3, (cuisine, meal, slot)
        assert len([f for f in foods() if cuisine in f.cuisines]) >= 30, cuisine


def test_a_vegan_free_of_soy_gluten_and_nuts_has_choice_at_every_meal():
    narrow = [f for f in foods() if f.diet == "vegan"
              and not {"soy", "gluten", "tree_nuts", "peanuts"} & set(f.allergens)]
    for meal in ("breakfast", "lunch", "dinner", "snack"):
        assert len([f for f in narrow if meal in f.meals]) >= 6, meal
