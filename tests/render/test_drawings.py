"""Drawings are made once per exercise and size, and named so print can fetch them from memory."""

from planner.render.drawings import Figures


def test_a_drawing_is_made_once_and_shared(catalog):
    figures = Figures(catalog)
    exercise_id = sorted(catalog.exercises)[0]
    first = figures.get(exercise_id, "end", 96, 72)
    assert figures.get(exercise_id, "end", 96, 72) is first
    assert first.svg.startswith("<svg") and first.src.startswith("figures/") and first.src.endswith(".svg")


def test_assets_hold_every_drawing_made_by_its_print_name(catalog):
    figures = Figures(catalog)
    ids = sorted(catalog.exercises)[:3]
    refs = [figures.get(i, "both", 240, 110) for i in ids]
    assert figures.assets() == {ref.src: ref.svg.encode("utf-8") for ref in refs}


def test_an_exercise_missing_from_the_catalog_has_no_drawing(catalog):
    assert Figures(catalog).get("no-such-exercise", "end", 96, 72) is None
