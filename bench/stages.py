"""Each stage of `planner generate`, timed on its own inside one process.

The stages follow planner.pipeline.build_plan: screen and eligibility, the
CP-SAT template (planner.pipeline.solve_fitting_time), the nutrition menus
(planner.nutrition.build_nutrition); then the renderers. For "WeasyPrint
alone", print_html writes the very HTML (and drawings) the PDF is made from,
so that WeasyPrint can be run on it without planner.
"""

from __future__ import annotations

import gc
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from planner import safety
from planner.catalog import Catalog
from planner.eligibility import eligibility
from planner.nutrition import build_nutrition
from planner.pipeline import build_plan, solve_fitting_time
from planner.plan import Plan
from planner.profile import Profile
from planner.progression import skeleton, week_levels
from planner.render import render_document

from measure import timed


@dataclass(frozen=True)
class Stages:
    solve_s: float
    status: str
    nutrition_s: float
    plan_s: float
    html_s: float | None
    pdf_s: float | None
    pages: int | None
    plan: Plan


def solve(profile: Profile, catalog: Catalog) -> tuple[str, float]:
    """Solver status and seconds of the template solve, as build_plan runs it."""
    safety.screen(profile)
    elig = eligibility(profile, catalog)
    shapes = skeleton(profile.schedule.weeks)
    (template, *_), seconds = timed(
        solve_fitting_time, profile, catalog, elig,
        lambda cap: week_levels(profile, elig.rule, shapes, max_sets=cap))
    return template.status, seconds


def print_html(plan: Plan, catalog: Catalog, folder: Path) -> Path:
    """Write the final print HTML of a plan, and the drawings it links to, into folder."""
    from planner.render.html import render_html
    from planner.render.view import build_programme

    programme = build_programme(plan, catalog, paper="a4")
    for name, data in programme.figure_assets.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    page = folder / "programme.html"
    page.write_text(render_html(programme, media="print"), encoding="utf-8")
    return page


def weasyprint_alone(page: Path, *, collector: bool = True) -> float:
    """Seconds WeasyPrint takes, in this process, to turn an HTML file into a PDF.

    `collector=False` pauses Python's cyclic garbage collector meanwhile, as planner's renderer does.
    """
    from weasyprint import HTML

    if not collector:
        gc.disable()
    try:
        _, seconds = timed(HTML(filename=str(page), media_type="print").write_pdf)
    finally:
        gc.enable()
    return seconds


def page_count(pdf: bytes) -> int:
    """Pages of a PDF: page objects, counted inside its compressed object streams too."""
    pages = 0
    for start in re.finditer(rb"stream\r?\n", pdf):
        body = pdf[start.end():pdf.find(b"endstream", start.end())]
        try:
            body = zlib.decompressobj().decompress(body)
        except zlib.error:
            pass
        pages += len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", body))
    return pages


def measure(profile: Profile, catalog: Catalog, *, pdf: bool = True) -> Stages:
    """Time every stage once (the PDF stages only when `pdf`)."""
    status, solve_s = solve(profile, catalog)
    plan, plan_s = timed(build_plan, profile, catalog)
    training_days = sorted({s.weekday for w in plan.weeks for s in w.sessions})
    _, nutrition_s = timed(build_nutrition, profile, catalog, training_days)
    _, html_s = timed(render_document, plan, "html", catalog=catalog, paper="a4")
    pdf_s = pages = None
    if pdf:
        document, pdf_s = timed(render_document, plan, "pdf", catalog=catalog, paper="a4")
        pages = page_count(document)
    return Stages(solve_s, status, nutrition_s, plan_s, html_s, pdf_s, pages, plan)

