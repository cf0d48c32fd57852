"""Drawings are drawn once per PDF and placed again at every use."""

from planner.render import pdf as pdf_module
from planner.render import reuse
from planner.render.view import build_programme


def test_each_drawing_becomes_one_form_placed_at_every_use(small_plan, catalog, monkeypatch):
    made = []

    def recording_cache(generated, fetcher):
        cache = reuse.drawing_cache(generated, fetcher)
        made.append(cache)
        return cache

    monkeypatch.setattr(pdf_module, "drawing_cache", recording_cache)
    programme = build_programme(small_plan, catalog)
    pdf_module.render_pdf(programme)
    (cache,) = made
    assert {url.rsplit("/", 1)[1] for url in cache} == {path.rsplit("/", 1)[1] for path in programme.figure_assets}
    # If WeasyPrint stopped offering forms, drawings would fall back and make none: this would fail.
    assert all(len(drawing._forms) == 1 for drawing in cache.values())
    rows = sum(len(s.rows) for page in programme.weeks for s in page.sessions)
    thumbnails = sum(d.placements for url, d in cache.items() if "-end-96x72" in url)
    assert thumbnails >= rows
