"""The exercise drawings a programme uses: drawn once each, named for print, inline for a screen."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from planner.catalog import Catalog
from planner.render.figures import figure_svg


# The small drawing beside each exercise on the week pages: its end position, 4:3.
THUMBNAIL = ("end", 96, 72)


@dataclass(frozen=True)
class FigureRef:
    """One drawing: inline SVG for a screen, a packaged-asset path for print."""

    svg: Markup
    src: str


class Figures:
    """Figures drawn once per exercise and size; a plan repeats exercises many times."""

    def __init__(self, catalog: Catalog):
        self._catalog = catalog
        self._drawn: dict[tuple[str, str, int, int], FigureRef | None] = {}

    def get(self, exercise_id: str, which: str, width: int, height: int) -> FigureRef | None:
        key = (exercise_id, which, width, height)
        if key not in self._drawn:
            exercise = self._catalog.exercises.get(exercise_id)
            if exercise is None:
                self._drawn[key] = None
            else:
                # Our own drawing code builds this SVG from catalog numbers: safe to embed.
                svg = figure_svg(exercise, which=which, width_px=width, height_px=height)
                # Catalog ids are slugs (a-z, 0-9, '-'), so the path needs no quoting.
                self._drawn[key] = FigureRef(svg=Markup(svg),
                                             src=f"figures/{exercise_id}-{which}-{width}x{height}.svg")
        return self._drawn[key]

    def assets(self) -> dict[str, bytes]:
        """Every drawing made, by the path the print HTML names it with."""
        return {ref.src: ref.svg.encode("utf-8") for ref in self._drawn.values() if ref is not None}
