"""Exercise drawings drawn once per PDF and placed again at every use.

WeasyPrint parses an image once per URL but draws an SVG afresh each time it
appears; a twelve-week programme shows the same few dozen thumbnails hundreds
of times. Here each drawing is written once as a PDF form XObject and every
later use only places that form: smaller files and a quicker print.

The drawings reach WeasyPrint through its documented `cache` option (URL ->
image). The image object speaks WeasyPrint's image protocol
(`get_intrinsic_size`, `draw`); should a WeasyPrint version not offer the form
calls used here, the drawing falls back to WeasyPrint's own way of drawing it.
"""

from __future__ import annotations

from xml.etree import ElementTree

from planner.render.weasy import SVGImage


class ReusedDrawing:
    """An SVG of our own, parsed once, drawn into one form per PDF resource set and size."""

    def __init__(self, svg: bytes, url: str, url_fetcher):
        self._image = SVGImage(ElementTree.fromstring(svg), url, url_fetcher, None)
        self._forms: dict[tuple[int, float, float], str] = {}
        self.placements = 0

    def get_intrinsic_size(self, image_resolution, font_size):
        return self._image.get_intrinsic_size(image_resolution, font_size)

    def draw(self, stream, concrete_width, concrete_height, image_rendering):
        resources = getattr(stream, "_resources", None)
        if resources is None or not hasattr(stream, "add_group") or not hasattr(stream, "draw_x_object"):
            self._image.draw(stream, concrete_width, concrete_height, image_rendering)
            return
        # A form lives in one resource dictionary; a page inside a transparency group has its own.
        key = (id(resources), round(concrete_width, 3), round(concrete_height, 3))
        form = self._forms.get(key)
        if form is None:
            group = stream.add_group(0, 0, concrete_width, concrete_height)
            self._image.draw(group, concrete_width, concrete_height, image_rendering)
            form = self._forms[key] = group.id
        stream.draw_x_object(form)
        self.placements += 1


def drawing_cache(generated: dict[str, bytes], url_fetcher) -> dict[str, ReusedDrawing]:
    """WeasyPrint's image cache, filled in advance with our drawings (absolute URL -> image)."""
    return {url: ReusedDrawing(svg, url, url_fetcher) for url, svg in generated.items()}
