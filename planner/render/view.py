"""The programme's view model: everything the templates show, prepared from a Plan.

Templates only display; every choice of what to print, in which order and in
which words is made here. Free text from the profile stays plain `str`, so
Jinja2's autoescaping prints it literally; only SVG drawn by our own code is
marked safe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Callable

from markupsafe import Markup

from planner.catalog import Catalog, Exercise
from planner.plan import AssessmentRecord, PlannedExercise, Plan, Session, Week
from planner.render import words
from planner.render.chart import LoadChart, load_chart
from planner.assessment import predicted_walk_m
from planner.render.functional_tests import FUNCTIONAL_TESTS
from planner.render.nutrition_view import NO_TARGET, NutritionView, nutrition_view

# Printed on every programme when the plan carries no stop rules of its own (domain.md, Safety).
DEFAULT_STOP_RULES = (
    "Chest pain, pressure or tightness",
    "Dizziness, light-headedness or feeling faint",
    "Unusual breathlessness, more than the effort explains",
    "New numbness or tingling",
    "Pain that lasts, in a muscle or joint, after you stop",
)

DISCLAIMER = (
    "This programme was prepared for the person named on it, from the assessment and details "
    "given to your clinician. It does not replace their advice. Exercise at the effort written, "
    "not harder; if anything in the stop rules happens, stop and get help. Keep taking your "
    "medicines as prescribed: never stop or change one because of this programme without "
    "talking to the doctor who prescribed it."
)

MEDICATION_NOTE = ("Some medicines can affect muscles (for example steroids, statins and some "
                   "antibiotics). Mention this programme to your doctor; do not stop any medicine "
                   "on your own.")

# What the effort numbers on the week pages feel like (the 0-10 RPE scale, in plain words).
EFFORT_SCALE = (
    ("0", "At rest."),
    ("1–2", "Very easy: you hardly notice it."),
    ("3–4", "Easy: breathing a little faster; you could go on for a long time."),
    ("5–6", "Moderate: you can still talk, not sing; the last repetitions take some effort."),
    ("7–8", "Hard: a few words at a time; at the end of a set you could still do 2 or 3 more."),
    ("9–10", "Very hard to all-out: no repetition left. Never needed in this programme."),
)

WALK_ADVICE = "A light walk every day, also on rest days, at a pace where you can still talk."

SEX_LABELS = {"female": "Female", "male": "Male"}

# The small drawing beside each exercise on the week pages: its end position, 4:3.
THUMBNAIL = ("end", 96, 72)

FigureFn = Callable[[Exercise, str, int, int], str]


# --- Section models ---------------------------------------------------------------

@dataclass(frozen=True)
class TestRow:
    name: str
    unit: str
    values: list[str]            # one per assessment, "—" when not measured
    flagged: list[bool]
    cutoff: str


@dataclass(frozen=True)
class Cover:
    client_name: str
    client_id: str | None
    facts: list[tuple[str, str]]          # (label, value) about the client
    clinician: list[tuple[str, str]]      # (label, value) about who prepared it
    clinic: str | None
    clinician_notes: str | None
    programme: list[tuple[str, str]]      # (label, value) about dates and schedule
    condition: str
    goals: list[str]
    test_dates: list[str]
    tests: list[TestRow]
    test_flags: list[str]
    predicted_walk: str | None
    stop_rules: list[str]
    stop_intro: str | None                # a lead-in when the rules are short phrases
    medications: list[str]
    medication_note: str | None
    notes: list[str]
    warnings: list[str]
    disclaimer: str


@dataclass(frozen=True)
class CalendarCell:
    day: str
    session_minutes: int | None
    reassessment: bool


@dataclass(frozen=True)
class CalendarRow:
    week: int
    phase: str
    phase_label: str
    deload: bool
    cells: list[CalendarCell]


@dataclass(frozen=True)
class Overview:
    weekday_labels: list[str]
    rows: list[CalendarRow]
    chart: LoadChart
    phases: list[tuple[str, str, str]]     # (phase key, label, purpose) in order of appearance
    reassessments: list[str]
    sessions_total: int
    effort_scale: list[tuple[str, str]]


@dataclass(frozen=True)
class ExerciseRow:
    id: str
    name: str
    figure: FigureRef | None
    dose: str
    effort: str
    rest: str
    load: str
    alternatives: list[str]
    note_number: int | None     # points at the week's numbered notes
    modality: str


@dataclass(frozen=True)
class SessionView:
    title: str
    heading_date: str
    position: str
    minutes: int
    muscles: str
    effort: str                 # the session's effort in words: "easy", "easy to moderate"
    rows: list[ExerciseRow]


@dataclass(frozen=True)
class WeekPage:
    number: int
    dates: str
    phase: str
    phase_label: str
    purpose: str
    deload: bool
    sessions: list[SessionView]
    reassessments: list[str]
    notes: list[str]            # numbered in order; rows point at them
    walk_advice: str


@dataclass(frozen=True)
class GuideEntry:
    id: str
    name: str
    figure: FigureRef | None
    modality: str
    equipment: str
    muscles: str
    steps: list[str]
    cues: list[str]
    easier: str | None
    harder: str | None
    role: str            # "in your plan" or "alternative"
    first_week: int
    replaces: list[str] = field(default_factory=list)   # for an alternative: what it stands in for


@dataclass(frozen=True)
class DiarySession:
    date: str           # "Mon 7 Dec"
    position: str       # "session 1 of 3"


@dataclass(frozen=True)
class DiaryWeek:
    number: int
    dates: str
    phase_label: str
    sessions: list[DiarySession]
    walk_days: str           # "Mon ☐   Tue ☐ ...": one tick box per day, as one line of text
    reassessments: list[str]


@dataclass(frozen=True)
class SheetTest:
    name: str
    unit: str
    how: str
    cutoff: str
    worth_noting: str | None
    baseline: str


@dataclass(frozen=True)
class ReassessmentSheet:
    dates: list[str]
    tests: list[SheetTest]
    sex_label: str
    predicted_walk: str | None


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
    weeks: list[WeekPage]
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


# --- Building ---------------------------------------------------------------------

def plan_date(plan: Plan) -> dt.date:
    """The date of this version of the plan: the last history entry's."""
    if plan.history:
        return plan.history[-1].date
    return plan.weeks[0].start if plan.weeks else dt.date(2000, 1, 1)


@dataclass(frozen=True)
class FigureRef:
    """One drawing: inline SVG for a screen, a packaged-asset path for print."""

    svg: Markup
    src: str


class _Figures:
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
                from planner.render.figures import figure_svg
                # Our own drawing code builds this SVG from catalog numbers: safe to embed.
                svg = figure_svg(exercise, which=which, width_px=width, height_px=height)
                # Catalog ids are slugs (a-z, 0-9, '-'), so the path needs no quoting.
                self._drawn[key] = FigureRef(svg=Markup(svg),
                                             src=f"figures/{exercise_id}-{which}-{width}x{height}.svg")
        return self._drawn[key]

    def assets(self) -> dict[str, bytes]:
        """Every drawing made, by the path the print HTML names it with."""
        return {ref.src: ref.svg.encode("utf-8") for ref in self._drawn.values() if ref is not None}


def build_programme(plan: Plan, catalog: Catalog, *, paper: str = "a4") -> Programme:
    """Prepare every section of the programme from a plan and the catalog it was built from."""
    figures = _Figures(catalog)
    profile = plan.profile
    clinician = profile.clinician
    author = " — ".join(x for x in (clinician.name, clinician.clinic) if x) if clinician else ""
    weeks = [_week_page(plan, week, figures) for week in plan.weeks]
    guide = _guide(plan, catalog, figures)
    return Programme(
        title=f"Exercise and nutrition programme — {profile.client.name}",
        paper=paper,
        client_name=profile.client.name,
        version=plan.version,
        plan_date=words.long_date(plan_date(plan)),
        plan_date_iso=plan_date(plan).isoformat(),
        author=author or "planner",
        cover=_cover(plan, catalog),
        overview=_overview(plan),
        weeks=weeks,
        guide=guide,
        nutrition=nutrition_view(plan.nutrition),
        nutrition_fallback=NO_TARGET,
        diary=[_diary_week(plan, week) for week in plan.weeks],
        sheet=_sheet(plan),
        sections=list(SECTION_TITLES),
        figure_assets=figures.assets(),
    )


def _plan_end(plan: Plan) -> dt.date | None:
    if not plan.weeks:
        return None
    return plan.weeks[-1].start + dt.timedelta(days=6)


def _cover(plan: Plan, catalog: Catalog) -> Cover:
    profile = plan.profile
    client = profile.client
    facts = [("Age", f"{client.age}"), ("Sex", SEX_LABELS.get(client.sex, client.sex)),
             ("Weight", f"{words.number(client.weight_kg)} kg")]
    if client.height_cm:
        facts.append(("Height", f"{words.number(client.height_cm)} cm"))
    if client.id:
        facts.append(("Clinic reference", client.id))

    clinician_rows: list[tuple[str, str]] = []
    clinician = profile.clinician
    if clinician:
        for title, value in (("Clinician", clinician.name), ("Clinic", clinician.clinic),
                             ("Phone", clinician.phone)):
            if value:
                clinician_rows.append((title, value))

    end = _plan_end(plan)
    sessions = sum(len(w.sessions) for w in plan.weeks)
    programme = []
    if plan.weeks:
        programme.append(("Dates", words.date_range(plan.weeks[0].start, end)))
    programme.append(("Length", f"{len(plan.weeks)} weeks, {sessions} sessions"))
    programme.append(("Training days", words.listing(
        [words.WEEKDAY_LONG[_weekday_index(d)] for d in profile.schedule.days])))
    programme.append(("Session length", f"up to {profile.schedule.minutes_per_session} minutes"))
    programme.append(("Plan version", f"{plan.version}, made {words.day_month(plan_date(plan))} {plan_date(plan).year}"))
    for entry in plan.history[1:]:
        programme.append((f"Version {entry.version}", _history_text(entry)))
    if profile.equipment:
        programme.append(("Equipment", words.listing([words.label(e) for e in profile.equipment])))
    if profile.limitations:
        programme.append(("Taken into account", words.listing(
            [_limitation_label(catalog, x) for x in profile.limitations])))

    rule = catalog.conditions.get(profile.neurogenic_cause or "") or catalog.conditions.get(profile.condition)
    condition = rule.label if rule else words.label(profile.condition)

    tests, dates = _test_rows(plan)
    flags = []
    for record in plan.assessments:
        # With one set of tests the date is in the table head; with several, say which.
        when = (words.short_date(record.date) if record.date else "baseline") + ": "
        flags.extend(f"{when if len(plan.assessments) > 1 else ''}{flag}" for flag in record.flags)

    medications = list(profile.screening.medications)
    return Cover(
        client_name=client.name, client_id=client.id, facts=facts, clinician=clinician_rows,
        clinic=clinician.clinic if clinician else None,
        clinician_notes=clinician.notes if clinician else None,
        programme=programme, condition=condition, goals=_goals(plan), test_dates=dates,
        tests=tests, test_flags=flags, predicted_walk=_predicted_walk_text(plan),
        stop_rules=list(plan.stop_rules) or list(DEFAULT_STOP_RULES),
        stop_intro=None if plan.stop_rules else "Stop exercising at once and call your clinician if you have:",
        medications=medications, medication_note=MEDICATION_NOTE if medications else None,
        notes=list(plan.notes), warnings=list(plan.warnings), disclaimer=DISCLAIMER,
    )


DECISION_WORDS = {"step_up": "stepped up", "repeat": "kept at the same level", "step_down": "made easier"}


def _history_text(entry) -> str:
    """A reassessment in a line: when, which weeks changed and which way."""
    text = f"reassessed {words.day_month(entry.date)} {entry.date.year}"
    if entry.rebuilt_from_week:
        text += f"; weeks {entry.rebuilt_from_week} on rebuilt"
    if entry.decision:
        text += f", {DECISION_WORDS.get(entry.decision, entry.decision.replace('_', ' '))}"
    return text


def _weekday_index(day: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(day)


def _limitation_label(catalog: Catalog, limitation: str) -> str:
    rule = catalog.limitations.get(limitation)
    return rule.label if rule else words.label(limitation)


def _goals(plan: Plan) -> list[str]:
    profile = plan.profile
    goals = []
    if len(profile.targets) >= 12:
        goals.append("Rebuild strength and muscle in the whole body, in a safe, gradual way.")
    else:
        goals.append(f"Rebuild strength and muscle in the {words.muscles_text(list(profile.targets))}.")
    if profile.affected:
        parts = words.listing([words.BODY_PART_LABELS.get(p, p) for p in profile.affected])
        goals.append(f"Extra one-sided work for the {parts}, to even out the difference.")
    if any(record.flags for record in plan.assessments[:1]):
        goals.append("Move the flagged tests below towards their healthy range by the reassessments.")
    else:
        goals.append("Make everyday tasks — rising from a chair, stairs, carrying — easier and steadier.")
    if plan.nutrition:
        goals.append(f"Eat about {words.number(plan.nutrition.daily_protein_g, 0)} g of protein a day, "
                     f"spread over the day's meals.")
    return goals


def _test_rows(plan: Plan) -> tuple[list[TestRow], list[str]]:
    """One row per functional test measured at least once; one column per assessment."""
    records: list[AssessmentRecord] = list(plan.assessments)
    sex = plan.profile.client.sex
    dates = [words.short_date(r.date) if r.date else ("Baseline" if i == 0 else f"Test {i + 1}")
             for i, r in enumerate(records)]
    rows = []
    for test in FUNCTIONAL_TESTS:
        values = [getattr(r, test.key) for r in records]
        if all(v is None for v in values):
            continue
        rows.append(TestRow(
            name=test.name, unit=test.unit,
            values=["—" if v is None else f"{words.number(v, 2)} {test.unit}" for v in values],
            flagged=[v is not None and test.flagged(v, sex) for v in values],
            cutoff=test.cutoff(sex)))
    return rows, dates


def _predicted_walk_text(plan: Plan) -> str | None:
    predicted = next((r.walk_6min_predicted_m for r in plan.assessments if r.walk_6min_predicted_m), None)
    if predicted is None:
        predicted = predicted_walk_m(plan.profile)
    if predicted is None or predicted <= 0:
        return None
    return (f"Six-minute walk predicted for your age, sex, height and weight: about "
            f"{round(predicted / 10) * 10} m (Enright & Sherrill 1998).")


def _reassessment_days(plan: Plan) -> set[dt.date]:
    return set(plan.reassessment_dates)


def _overview(plan: Plan) -> Overview:
    reassessments = _reassessment_days(plan)
    first_start = plan.weeks[0].start if plan.weeks else dt.date(2000, 1, 3)
    labels = [words.WEEKDAY_SHORT[(first_start + dt.timedelta(days=i)).weekday()] for i in range(7)]
    rows, phases, seen = [], [], set()
    for week in plan.weeks:
        by_date = {s.date: s for s in week.sessions}
        cells = []
        for offset in range(7):
            day = week.start + dt.timedelta(days=offset)
            session = by_date.get(day)
            cells.append(CalendarCell(day=words.day_month(day),
                                      session_minutes=session.minutes if session else None,
                                      reassessment=day in reassessments))
        phase = "deload" if week.deload else week.phase
        rows.append(CalendarRow(week=week.week, phase=phase, phase_label=words.PHASE_LABELS[phase],
                                 deload=week.deload, cells=cells))
        if phase not in seen:
            seen.add(phase)
            phases.append((phase, words.PHASE_LABELS[phase], words.PHASE_PURPOSE[phase]))
    return Overview(weekday_labels=labels, rows=rows,
                    chart=load_chart(plan.weeks, sorted(reassessments)), phases=phases,
                    reassessments=[words.long_date(d) for d in sorted(reassessments)],
                    sessions_total=sum(len(w.sessions) for w in plan.weeks),
                    effort_scale=list(EFFORT_SCALE))


def _alternative_text(alternative) -> str:
    # The pool is the one alternative that changes where you train, so it is named.
    if alternative.modality == "aquatic" and "pool" not in alternative.name.lower():
        return f"{alternative.name} (in the pool)"
    return alternative.name


def _exercise_row(item: PlannedExercise, figures: _Figures, notes: list[str]) -> ExerciseRow:
    # A remark such as "affected leg first" repeats on many rows; print it once per week.
    number = None
    if item.note:
        if item.note not in notes:
            notes.append(item.note)
        number = notes.index(item.note) + 1
    return ExerciseRow(
        id=item.id, name=item.name, figure=figures.get(item.id, *THUMBNAIL),
        dose=words.dose_text(item), effort=f"{item.effort_rpe}/10",
        rest=words.rest_text(item.rest_s), load=item.load,
        alternatives=[_alternative_text(a) for a in item.alternatives], note_number=number,
        modality=item.modality)


def _session_view(session: Session, position: int, count: int, figures: _Figures,
                  notes: list[str]) -> SessionView:
    return SessionView(
        title=words.long_date(session.date), heading_date=words.short_date(session.date),
        position=f"Session {position} of {count}", minutes=session.minutes,
        muscles=words.muscles_text(list(session.muscle_groups)),
        effort=_effort_words([item.effort_rpe for item in session.exercises]),
        rows=[_exercise_row(item, figures, notes) for item in session.exercises])


def _effort_words(efforts: list[int]) -> str:
    """The effort words of a session once, in its heading; the rows keep the numbers."""
    if not efforts:
        return ""
    low, high = words.effort_word(min(efforts)), words.effort_word(max(efforts))
    return low if low == high else f"{low} to {high}"


def _week_page(plan: Plan, week: Week, figures: _Figures) -> WeekPage:
    end = week.start + dt.timedelta(days=6)
    phase = "deload" if week.deload else week.phase
    count = len(week.sessions)
    notes: list[str] = []
    sessions = [_session_view(s, i + 1, count, figures, notes) for i, s in enumerate(week.sessions)]
    return WeekPage(
        number=week.week, dates=words.date_range(week.start, end), phase=phase,
        phase_label=words.PHASE_LABELS[phase], purpose=words.PHASE_PURPOSE[phase],
        deload=week.deload,
        sessions=sessions,
        reassessments=[words.long_date(d) for d in sorted(_reassessment_days(plan)) if week.start <= d <= end],
        notes=notes, walk_advice=WALK_ADVICE)


def _guide(plan: Plan, catalog: Catalog, figures: _Figures) -> list[GuideEntry]:
    """Every exercise of the plan once, in order of first use; then alternatives not already in."""
    first_week: dict[str, int] = {}
    alternatives: dict[str, int] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                first_week.setdefault(item.id, week.week)
                for alternative in item.alternatives:
                    alternatives.setdefault(alternative.id, week.week)
    names = {alt.id: alt.name for w in plan.weeks for s in w.sessions for item in s.exercises
             for alt in item.alternatives}
    names.update({item.id: item.name for w in plan.weeks for s in w.sessions for item in s.exercises})
    replaces: dict[str, list[str]] = {}
    for week in plan.weeks:
        for session in week.sessions:
            for item in session.exercises:
                for alternative in item.alternatives:
                    if item.name not in replaces.setdefault(alternative.id, []):
                        replaces[alternative.id].append(item.name)
    entries = [_guide_entry(ex_id, names.get(ex_id, ex_id), "in your plan", week, catalog, figures)
               for ex_id, week in first_week.items()]
    entries += [replace(_guide_entry(ex_id, names[ex_id], "alternative", week, catalog, figures),
                        replaces=replaces[ex_id])
                for ex_id, week in alternatives.items() if ex_id not in first_week]
    return entries


def _guide_entry(exercise_id: str, name: str, role: str, week: int, catalog: Catalog,
                 figures: _Figures) -> GuideEntry:
    exercise = catalog.exercises.get(exercise_id)
    if exercise is None:
        # A saved plan may name an exercise a newer catalog dropped: print what the plan knows.
        return GuideEntry(id=exercise_id, name=name, figure=None, modality="", equipment="",
                          muscles="", steps=[], cues=["Ask your clinician to show you this exercise."],
                          easier=None, harder=None, role=role, first_week=week)

    def variant(other_id: str | None) -> str | None:
        if other_id is None:
            return None
        other = catalog.exercises.get(other_id)
        return other.name if other else None

    equipment = [e for e in exercise.equipment if e != "pool"]
    # A planned exercise gets its start -> end drawing; an alternative the week pages' thumbnail.
    figure = (figures.get(exercise.id, "both", 240, 110) if role == "in your plan"
              else figures.get(exercise.id, *THUMBNAIL))
    return GuideEntry(
        id=exercise.id, name=exercise.name, figure=figure,
        modality=words.MODALITY_LABELS.get(exercise.modality, exercise.modality),
        equipment=words.listing([words.label(e) for e in equipment]) or "none",
        muscles=words.muscles_text(list(exercise.primary_muscles)),
        steps=list(exercise.steps), cues=list(exercise.cues),
        easier=variant(exercise.easier), harder=variant(exercise.harder), role=role, first_week=week)


TICK_BOX = "\u2610"        # ☐, in DejaVu Sans
DAY_GAP = "\u2003\u2003"    # em spaces: kept by the layout, unlike ordinary spaces


def _diary_week(plan: Plan, week: Week) -> DiaryWeek:
    end = week.start + dt.timedelta(days=6)
    days = [week.start + dt.timedelta(days=offset) for offset in range(7)]
    count = len(week.sessions)
    sessions = [DiarySession(date=words.weekday_day_month(s.date), position=f"session {i + 1} of {count}")
                for i, s in enumerate(week.sessions)]
    # Non-breaking spaces keep each weekday with its box when the line wraps.
    walk = DAY_GAP.join(f"{words.WEEKDAY_SHORT[d.weekday()]}\u00a0{TICK_BOX}" for d in days)
    phase = "deload" if week.deload else week.phase
    return DiaryWeek(number=week.week, dates=words.date_range(week.start, end),
                     phase_label=words.PHASE_LABELS[phase], sessions=sessions, walk_days=walk,
                     reassessments=[words.weekday_day_month(d) for d in sorted(_reassessment_days(plan))
                                    if week.start <= d <= end])


def _sheet(plan: Plan) -> ReassessmentSheet:
    sex = plan.profile.client.sex
    baseline = plan.assessments[0] if plan.assessments else None
    tests = []
    for test in FUNCTIONAL_TESTS:
        value = getattr(baseline, test.key) if baseline else None
        tests.append(SheetTest(
            name=test.name, unit=test.unit, how=test.how, cutoff=test.cutoff(sex),
            worth_noting=test.worth_noting,
            baseline="—" if value is None else f"{words.number(value, 2)} {test.unit}"))
    dates = [words.short_date(d) for d in sorted(plan.reassessment_dates)]
    return ReassessmentSheet(dates=dates, tests=tests, sex_label=SEX_LABELS.get(sex, sex).lower(),
                             predicted_walk=_predicted_walk_text(plan))
