"""The programme's view model: everything the templates show, prepared from a Plan.

Templates only display; every choice of what to print, in which order and in
which words is made in the section modules this one assembles (cover_view,
schedule_view, guide_view, nutrition_view, sheet_view). Free text from the
profile stays plain `str`, so Jinja2's autoescaping prints it literally; only
SVG drawn by our own code is marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.catalog import Catalog
from planner.plan import Plan
from planner.render import words
from planner.render.cover_view import Cover, cover, plan_date
from planner.render.drawings import Figures
from planner.render.guide_view import GuideEntry, guide
from planner.render.nutrition_view import NO_TARGET, NutritionView, nutrition_view
from planner.render.schedule_view import DiaryWeek, Overview, WeekPage, diary_week, overview, week_groups, week_page
from planner.render.sheet_view import ReassessmentSheet, sheet


@dataclass(frozen=True)
class Programme:
    title: str
    paper: str
    client_name: str
    version: int
    plan_date: str
    plan_date_iso: str
    author: str
    cover: Cover
    overview: Overview
    week_count: int
    weeks: list[WeekPage]          # one per week, or per run of weeks printed alike
    guide: list[GuideEntry]
    nutrition: NutritionView | None
    nutrition_fallback: str
    diary: list[DiaryWeek]
    sheet: ReassessmentSheet
    sections: list[tuple[str, str]] = field(default_factory=list)   # (anchor, title)
    figure_assets: dict[str, bytes] = field(default_factory=dict)   # print: path -> SVG bytes


SECTION_TITLES = (
    ("cover", "Your programme"),
    ("overview", "Overview"),
    ("weeks", "Week by week"),
    ("guide", "Exercise guide"),
    ("nutrition", "Nutrition"),
    ("diary", "Diary"),
    ("reassessment", "Reassessment sheet"),
)


def build_programme(plan: Plan, catalog: Catalog, *, paper: str = "a4") -> Programme:
    """Prepare every section of the programme from a plan and the catalog it was built from."""
    figures = Figures(catalog)
    profile = plan.profile
    clinician = profile.clinician
    author = " — ".join(x for x in (clinician.name, clinician.clinic) if x) if clinician else ""
    weeks = [week_page(plan, group, figures) for group in week_groups(plan)]
    entries = guide(plan, catalog, figures)
    return Programme(
        title=f"Exercise and nutrition programme — {profile.client.name}",
        paper=paper,
        client_name=profile.client.name,
        version=plan.version,
        plan_date=words.long_date(plan_date(plan)),
        plan_date_iso=plan_date(plan).isoformat(),
        author=author or "planner",
        cover=cover(plan, catalog),
        overview=overview(plan),
        week_count=len(plan.weeks),
        weeks=weeks,
        guide=entries,
        nutrition=nutrition_view(plan.nutrition),
        nutrition_fallback=NO_TARGET,
        diary=[diary_week(plan, week) for week in plan.weeks],
        sheet=sheet(plan),
        sections=list(SECTION_TITLES),
        figure_assets=figures.assets(),
    )
