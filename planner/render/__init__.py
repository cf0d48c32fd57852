"""Rendering a Plan: HTML for a screen, a PDF to hand over, a calendar to import.

Plan -> view model (planner/render/view.py) -> Jinja2 templates -> HTML -> PDF;
the calendar is written straight from the plan with icalendar.
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.plan import Plan

FORMATS = ("html", "pdf", "ics")
PAPERS = ("a4", "letter")


def render_document(plan: Plan, fmt: str, *, catalog: Catalog, paper: str = "a4") -> bytes:
    """Render a plan as html, pdf or ics bytes; the same plan always gives the same bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; expected one of {PAPERS}")
    if fmt == "ics":
        from planner.render.ics import render_ics
        return render_ics(plan)
    from planner.render.view import build_programme
    programme = build_programme(plan, catalog, paper=paper)
    if fmt == "html":
        from planner.render.html import render_html
        return render_html(programme, media="screen").encode("utf-8")
    from planner.render.pdf import render_pdf
    return render_pdf(programme)
