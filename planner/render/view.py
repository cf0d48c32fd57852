"""The programme's view model: everything the templates show, prepared from a Plan.

Templates only display; every choice of what to print, in which order and in
which words is made in the section modules this one assembles (cover_view,
schedule_view, guide_view, nutrition_view, sheet_view). Free text from the
profile stays plain `str`, so Jinja2's autoescaping prints it literally; only
SVG drawn by our own code is marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planner.catalog import Catalog
from planner.plan import Plan
from planner.render import units, words
from planner.render.clinician_view import ClinicianPage, clinician_page
from planner.render.cover_view import Cover, cover, plan_date
from planner.render.drawings import Figures
from planner.render.guide_view import GuideEntry, exercise_positions, guide
from planner.render.nutrition_view import NO_TARGET, NutritionView, nutrition_view
from planner.render.phase_words import week_words
from planner.render.schedule_view import BlockPage, DiaryWeek, Overview, block_page, blocks, diary_week, overview
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
    weeks: list[BlockPage]         # one per block of weeks with the same exercises
    guide: list[GuideEntry]
    nutrition: NutritionView | None
    nutrition_fallback: str
    diary: list[DiaryWeek]
    sheet: ReassessmentSheet
    sections: list[tuple[str, str]] = field(default_factory=list)   # (anchor, title)
    large: bool = False            # large print: bigger type and drawings, one session a page
    clinician: ClinicianPage | None = None
    from_week: int = 1             # a reprint of what is left starts here
    part: str = "all"              # all | patient (no clinician page) | clinician (that page alone)
    figure_assets: dict[str, bytes] = field(default_factory=dict)   # print: path -> SVG bytes


LARGE_PRINT_AGE = 75    # clear-print guidance for older readers: 16-18 pt (issue 13)
LARGE_COLUMNS = 3       # dose columns that stay readable at 16 pt beside a 4 cm drawing


SECTION_TITLES = (
    ("cover", "Your programme"),
    ("overview", "Overview"),
    ("weeks", "Week by week"),
    ("guide", "Exercise guide"),
    ("nutrition", "Nutrition"),
    ("diary", "Diary"),
    ("reassessment", "Reassessment sheet"),
    ("clinician", "For the clinician"),
)


# Drawings beside each exercise on the week pages (px at 96/in; CSS sets the printed size).
BLOCK_THUMBNAIL = ("end", 96, 72)


def large_print(plan: Plan, requested: bool | None = None) -> bool:
    """Large print when asked, else as the profile says; 'auto' means from age 75 (clear-print guidance)."""
    if requested is not None:
        return requested
    choice = getattr(getattr(plan.profile, "print", None), "large", "auto")
    if choice == "auto":
        return plan.profile.client.age >= LARGE_PRINT_AGE
    return bool(choice)


def said_once(pages: list[BlockPage]) -> list[BlockPage]:
    """The warm-up and cool-down printed with the first block, and again only where they change."""
    out, last = [], None
    for page in pages:
        out.append(page if page.routines != last else replace(page, routines=[]))
        last = page.routines
    return out


def build_programme(plan: Plan, catalog: Catalog, *, paper: str = "a4", large: bool | None = None,
                    from_week: int = 1, part: str = "all") -> Programme:
    """Prepare every section of the programme from a plan and the catalog it was built from.

    `from_week` reprints what is left after a reassessment: the cover (tests then and now),
    the weeks from N on, the guide and diary for those weeks, the menu and the sheet.
    """
    large = large_print(plan, large)
    figures = Figures(catalog)
    profile = plan.profile
    clinician = profile.clinician
    author = " — ".join(x for x in (clinician.name, clinician.clinic) if x) if clinician else ""
    phase = week_words(plan)
    positions = exercise_positions(plan, catalog)
    # Large print: fewer dose columns so each stays readable at 16 pt.
    pages = [block_page(plan, columns, figures, phase, positions, BLOCK_THUMBNAIL)
             for columns in blocks(plan, from_week=from_week, max_columns=LARGE_COLUMNS if large else 5)]
    pages = said_once(pages)
    entries = guide(plan, catalog, figures, from_week=from_week)
    shown = [w for w in plan.weeks if w.week >= from_week]
    return Programme(
        title=f"Exercise and nutrition programme — {profile.client.name}",
        paper=paper,
        client_name=profile.client.name,
        version=plan.version,
        plan_date=words.long_date(plan_date(plan)),
        plan_date_iso=plan_date(plan).isoformat(),
        author=author or "planner",
        cover=cover(plan, catalog, from_week=from_week),
        overview=overview(plan, from_week=from_week),
        week_count=len(plan.weeks),
        weeks=pages,
        guide=entries,
        nutrition=nutrition_view(plan.nutrition, units.units(plan.profile)),
        nutrition_fallback=NO_TARGET,
        diary=[diary_week(plan, week, phase) for week in shown],
        sheet=sheet(plan),
        sections=list(SECTION_TITLES),
        figure_assets=figures.assets(),
        large=large,
        clinician=clinician_page(plan, catalog),
        from_week=from_week,
        part=part,
    )
