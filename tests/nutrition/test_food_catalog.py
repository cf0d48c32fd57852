"""catalog/foods.yaml: figures consistent with their USDA source, and enough choice for narrow diets."""

from __future__ import annotations

import re

from nutrition_factories import food_catalog

PER_100_G = re.compile(r"USDA FDC: (\d+(?:\.\d+)?) g/100 g")
ANIMAL = {"omnivore", "pescatarian"}


def foods():
    return list(food_catalog().foods.values())


def test_at_least_sixty_foods():
    assert len(foods()) >= 60


def test_protein_per_portion_matches_the_per_100_g_source_figure():
    for food in foods():
        match = PER_100_G.search(food.source or "")
        assert match, f"{food.id}: no per-100 g figure in source"
        expected = food.portion_g * float(match[1]) / 100
        assert abs(food.protein_g - expected) <= 0.051, food.id
        assert round(food.protein_g, 1) == food.protein_g, f"{food.id}: more than one decimal"


def test_leucine_follows_the_domain_estimates():
    for food in foods():
        share = 0.11 if "whey" in food.id else 0.07 if food.diet == "vegan" else 0.08
        # Figures are to the hundredth of a gram.
        assert abs(food.leucine_g - share * food.protein_g) <= 0.0051, food.id


def test_diet_tags_match_what_the_food_is():
    by_id = food_catalog().foods
    assert by_id["egg"].diet == "vegetarian" and "egg" in by_id["egg"].allergens
    assert by_id["salmon"].diet == "pescatarian" and "fish" in by_id["salmon"].allergens
    assert by_id["shrimp"].diet == "pescatarian" and "shellfish" in by_id["shrimp"].allergens
    assert by_id["chicken-breast"].diet == "omnivore"
    assert "soy" in by_id["edamame"].allergens and "soy" in by_id["tofu"].allergens
    assert "gluten" in by_id["oats"].allergens and "gluten" not in by_id["gluten-free-oats"].allergens
    for food in foods():
        if "dairy" in food.allergens or "egg" in food.allergens:
            assert food.diet != "vegan", food.id


def test_domain_figures_are_used_where_domain_md_gives_them():
    per_100 = {"chicken-breast": 31.0, "egg": 12.6, "greek-yogurt": 10.3, "whole-milk": 3.15,
               "cottage-cheese": 11.0, "lentils": 9.0, "tofu": 17.3, "salmon": 22.1,
               "tuna-canned": 25.5, "black-beans": 8.9, "chickpeas": 8.9, "quinoa": 4.4}
    by_id = food_catalog().foods
    for food_id, figure in per_100.items():
        assert PER_100_G.search(by_id[food_id].source)[1] == f"{figure}", food_id
    assert by_id["egg"].portion_g == 50


def test_a_vegan_free_of_soy_gluten_and_nuts_has_choice_at_every_meal():
    narrow = [f for f in foods() if f.diet == "vegan"
              and not {"soy", "gluten", "nuts", "peanuts"} & set(f.allergens)]
    for meal in ("breakfast", "lunch", "dinner", "snack"):
        assert len([f for f in narrow if meal in f.meals]) >= 6, meal
