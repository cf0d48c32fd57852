"""Each stage of `planner generate`, timed on its own inside one process.

The stages follow planner.pipeline.build_plan: screen and eligibility, the
CP-SAT template (planner.pipeline.solve_fitting_time), the nutrition menus
(planner.nutrition.build_nutrition); then the renderers. "WeasyPrint alone"
lays out the very print HTML the PDF is made from, with the same asset fetcher,
so the difference to the whole run is our own work.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

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
    weasyprint_s: float | None
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


def weasyprint_alone(plan: Plan, catalog: Catalog, *, collector: bool = True) -> float:
    """Seconds WeasyPrint takes to turn this plan's final print HTML into a PDF.

    `collector=False` pauses Python's cyclic garbage collector meanwhile, as planner's renderer does.
    """
    from weasyprint import HTML
    from planner.render.fetcher import PackagedAssetFetcher
    from planner.render.html import render_html
    from planner.render.view import build_programme

    programme = build_programme(plan, catalog, paper="a4")
    fetcher = PackagedAssetFetcher()
    fetcher.register(programme.figure_assets)
    source = render_html(programme, media="print")
    if not collector:
        gc.disable()
    try:
        _, seconds = timed(lambda: HTML(string=source, base_url=fetcher.base_url(), url_fetcher=fetcher,
                                        media_type="print").write_pdf())
    finally:
        gc.enable()
    return seconds


def measure(profile: Profile, catalog: Catalog, *, pdf: bool = True) -> Stages:
    """Time every stage once (the PDF stages only when `pdf`)."""
    status, solve_s = solve(profile, catalog)
    plan, plan_s = timed(build_plan, profile, catalog)
    training_days = sorted({s.weekday for w in plan.weeks for s in w.sessions})
    _, nutrition_s = timed(build_nutrition, profile, catalog, training_days)
    _, html_s = timed(render_document, plan, "html", catalog=catalog, paper="a4")
    pdf_s = weasy_s = None
    if pdf:
        _, pdf_s = timed(render_document, plan, "pdf", catalog=catalog, paper="a4")
        weasy_s = weasyprint_alone(plan, catalog)
    return Stages(solve_s, status, nutrition_s, plan_s, html_s, pdf_s, weasy_s, plan)
