"""Programme -> PDF with WeasyPrint: fetches nothing but packaged assets, same plan -> same bytes.

Determinism: the creation and modification dates come from the plan (the
<meta name="dcterms.*"> tags the template writes from the plan's history date),
never from the clock; the PDF file identifier is derived from the HTML itself;
and font subsets, whose 'head' table fontTools stamps with the current time,
get the plan's date through SOURCE_DATE_EPOCH (the reproducible-builds
convention fontTools honours).
Speed: each exercise drawing is handed to WeasyPrint once, as an image parsed
once and drawn once as a PDF form (planner/render/reuse.py), instead of inline
SVG parsed and drawn again at every use; and the cyclic garbage collector is
paused while WeasyPrint builds its many short-lived boxes (a quarter of the
time went to collections that found little to free).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os

from planner.render.weasy import HTML

from planner.render.fetcher import PackagedAssetFetcher
from planner.render.html import render_html
from planner.render.reuse import drawing_cache
from planner.render.view import Programme


def render_pdf(programme: Programme, *, fetcher: PackagedAssetFetcher | None = None) -> bytes:
    """Lay out the print HTML and write the PDF; the fetcher records every URL asked for."""
    fetcher = fetcher or PackagedAssetFetcher()
    fetcher.register(programme.figure_assets)
    source = render_html(programme, media="print")
    made = dt.datetime.combine(dt.date.fromisoformat(programme.plan_date_iso), dt.time(), tzinfo=dt.timezone.utc)
    return html_to_pdf(source, fetcher=fetcher, epoch=int(made.timestamp()))


@contextlib.contextmanager
def _source_date(epoch: int):
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@contextlib.contextmanager
def _collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def html_to_pdf(source: str, *, fetcher: PackagedAssetFetcher, epoch: int) -> bytes:
    """WeasyPrint with our fetcher, a content-derived file identifier and fixed font timestamps."""
    identifier = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with _collector_paused(), _source_date(epoch):
        document = HTML(string=source, base_url=fetcher.base_url(), url_fetcher=fetcher, media_type="print")
        return document.write_pdf(pdf_identifier=identifier, cache=drawing_cache(fetcher.generated, fetcher))
