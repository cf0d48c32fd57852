"""Rendering a Plan: HTML for a screen, a PDF to hand over, a calendar to import.

Plan -> view model (planner/render/view.py) -> Jinja2 templates -> HTML -> PDF;
the calendar is written straight from the plan with icalendar.
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.plan import Plan

FORMATS = ("html", "pdf", "ics")
PAPERS = ("a4", "letter")


PARTS = ("all", "patient", "clinician")


def render_document(plan: Plan, fmt: str, *, catalog: Catalog, paper: str = "a4", large: bool | None = None,
                    from_week: int = 1, part: str = "all") -> bytes:
    """Render a plan as html, pdf or ics bytes; the same plan always gives the same bytes.

    `large` forces large print on or off (None: as the profile says, by default from age 75);
    `from_week` reprints the weeks from N on; `part` picks the whole programme, the patient's
    pages alone, or the clinician's page alone.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    if fmt == "ics":
        from planner.render.ics import render_ics
        return render_ics(plan, from_week=from_week)
    from planner.render.view import build_programme
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {PARTS}")
    programme = build_programme(plan, catalog, paper=paper, large=large, from_week=from_week, part=part)
    if fmt == "html":
        from planner.render.html import render_html
        return render_html(programme, media="screen").encode("utf-8")
    from planner.render.pdf import render_pdf
    return render_pdf(programme)
