"""Programme -> PDF with WeasyPrint: fetches nothing but packaged assets, same plan -> same bytes.

Determinism: the creation and modification dates come from the plan (the
<meta name="dcterms.*"> tags the template writes from the plan's history date),
never from the clock; the PDF file identifier is derived from the HTML itself.
Speed: each exercise drawing is handed to WeasyPrint once, as an image the
fetcher serves from memory, instead of being parsed again at every use; and the
cyclic garbage collector is paused while WeasyPrint builds its many short-lived
boxes (a quarter of the time went to collections that found little to free).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib

from weasyprint import HTML

from planner.render.fetcher import PackagedAssetFetcher
from planner.render.html import render_html
from planner.render.view import Programme


def render_pdf(programme: Programme, *, fetcher: PackagedAssetFetcher | None = None) -> bytes:
    """Lay out the print HTML and write the PDF; the fetcher records every URL asked for."""
    fetcher = fetcher or PackagedAssetFetcher()
    fetcher.register(programme.figure_assets)
    source = render_html(programme, media="print")
    return html_to_pdf(source, fetcher=fetcher)


@contextlib.contextmanager
def _collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def html_to_pdf(source: str, *, fetcher: PackagedAssetFetcher) -> bytes:
    """WeasyPrint with our fetcher and a content-derived file identifier."""
    identifier = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with _collector_paused():
        document = HTML(string=source, base_url=fetcher.base_url(), url_fetcher=fetcher, media_type="print")
        return document.write_pdf(pdf_identifier=identifier)
