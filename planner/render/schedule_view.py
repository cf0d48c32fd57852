"""The schedule as the client sees it: the calendar overview, the week pages, the diary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.plan import PlannedExercise, Plan, Session, Week
from planner.render import aerobic_view, words
from planner.render.chart import LoadChart, load_chart
from planner.render.drawings import THUMBNAIL, FigureRef, Figures


# What the effort numbers on the week pages feel like (the 0-10 RPE scale, in plain words).
EFFORT_SCALE = (
    ("0", "At rest."),
    ("1–2", "Very easy: you hardly notice it."),
    ("3–4", "Easy: breathing a little faster; you could go on for a long time."),
    ("5–6", "Moderate: you can still talk, not sing; the last repetitions take some effort."),
    ("7–8", "Hard: a few words at a time; at the end of a set you could still do 2 or 3 more."),
    ("9–10", "Very hard to all-out: no repetition left. Never needed in this programme."),
)


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
    title: str                  # "Monday 14 December 2026"; on a page for several weeks "Monday 21 Dec, 28 Dec and 4 Jan"
    position: str
    minutes: int
    muscles: str
    effort: str                 # the session's effort in words: "easy", "easy to moderate"
    rows: list[ExerciseRow]
    routines: str = ""          # "Pool session." for a pool session (aerobic_view.setting_words)


@dataclass(frozen=True)
class WeekPage:
    """One page for a week, or for consecutive weeks whose sessions are the same in every detail."""
    numbers: list[int]
    title: str                  # "Week 2", "Weeks 3 to 5"
    span: str                   # "Week 2", "Weeks 3–5": for the kicker and the running footer
    dates: str
    week_dates: list[str]       # when the page covers several weeks: "week 3: 21–27 Dec 2026", ...
    phase: str
    phase_label: str
    purpose: str
    deload: bool
    sessions: list[SessionView]
    reassessments: list[str]
    notes: list[str]            # numbered in order; rows point at them
    walk_advice: str
    home_practice: str | None = None   # balance practice on days without a session (plan home_practice)
    routines: list[str] = ()    # warm-up and cool-down, once per setting (aerobic_view.routines)


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
    aerobic_label: str = "Daily walk"   # what the row of day boxes is for (aerobic_view.diary_label)


def reassessment_days(plan: Plan) -> set[dt.date]:
    return set(plan.reassessment_dates)


def overview(plan: Plan) -> Overview:
    reassessments = reassessment_days(plan)
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


def _exercise_row(item: PlannedExercise, figures: Figures, notes: list[str]) -> ExerciseRow:
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


def _session_view(sessions: list[Session], position: int, count: int, figures: Figures,
                  notes: list[str]) -> SessionView:
    """The same session of one or more weeks: its rows once, its dates all named in the heading."""
    session = sessions[0]
    if len(sessions) == 1:
        title = words.long_date(session.date)
    else:
        title = f"{words.WEEKDAY_LONG[session.date.weekday()]} {words.listing([words.day_month(s.date) for s in sessions])}"
    return SessionView(
        title=title, position=f"Session {position} of {count}", minutes=session.minutes,
        muscles=words.muscles_text(list(session.muscle_groups)),
        effort=_effort_words([item.effort_rpe for item in session.exercises]),
        rows=[_exercise_row(item, figures, notes) for item in session.exercises],
        routines=aerobic_view.setting_words(session))


def _effort_words(efforts: list[int]) -> str:
    """The effort words of a session once, in its heading; the rows keep the numbers."""
    if not efforts:
        return ""
    low, high = words.effort_word(min(efforts)), words.effort_word(max(efforts))
    return low if low == high else f"{low} to {high}"


def _week_end(week: Week) -> dt.date:
    return week.start + dt.timedelta(days=6)


def _printed_alike(week: Week) -> tuple:
    """Everything a week page shows except its dates."""
    return (week.phase, week.deload,
            tuple((s.weekday, s.minutes, tuple(s.muscle_groups), tuple(e.model_dump_json() for e in s.exercises))
                  for s in week.sessions))


def week_groups(plan: Plan) -> list[list[Week]]:
    """The plan's weeks, consecutive weeks with identical sessions and doses grouped together.

    Twelve weeks hold only a few different prescriptions (build weeks repeat, intensify weeks
    repeat): printing each once, with all its dates, spares the client pages of identical
    tables, and keeps the printed programme quick to lay out. A reassessment inside a group
    is still announced on its page, with its date.
    """
    groups: list[list[Week]] = []
    previous = None
    for week in plan.weeks:
        key = _printed_alike(week)
        if key == previous:
            groups[-1].append(week)
        else:
            groups.append([week])
        previous = key
    return groups


def week_page(plan: Plan, weeks: list[Week], figures: Figures) -> WeekPage:
    """The page of one week, or of consecutive weeks printed alike (see week_groups)."""
    first, last = weeks[0], weeks[-1]
    phase = "deload" if first.deload else first.phase
    count = len(first.sessions)
    notes: list[str] = []
    sessions = [_session_view([week.sessions[i] for week in weeks], i + 1, count, figures, notes)
                for i in range(count)]
    numbers = [week.week for week in weeks]
    several = len(weeks) > 1
    return WeekPage(
        numbers=numbers,
        title=(f"Week {first.week}" if not several else f"Weeks {first.week} and {last.week}" if len(weeks) == 2
               else f"Weeks {first.week} to {last.week}"),
        span=f"Weeks {first.week}–{last.week}" if several else f"Week {first.week}",
        dates=words.date_range(first.start, _week_end(last)),
        week_dates=[f"week {w.week}: {words.date_range(w.start, _week_end(w))}" for w in weeks] if several else [],
        phase=phase, phase_label=words.PHASE_LABELS[phase], purpose=words.PHASE_PURPOSE[phase],
        deload=first.deload,
        sessions=sessions,
        reassessments=[words.long_date(d) for d in sorted(reassessment_days(plan))
                       if first.start <= d <= _week_end(last)],
        notes=notes, walk_advice=aerobic_view.week_advice(weeks),
        routines=aerobic_view.routines(first.sessions), home_practice=home_practice_text(first))


def home_practice_text(week: Week) -> str | None:
    """'Thursday: Feet-together stand, 2 × 30 s hold.' for each home-practice day of the week."""
    parts = []
    for practice in week.home_practice:
        exercises = "; ".join(f"{e.name}, {words.dose_text(e)}" for e in practice.exercises)
        parts.append(f"{practice.date.strftime('%A')}: {exercises}.")
    return " ".join(parts) or None


TICK_BOX = "\u2610"        # ☐, in DejaVu Sans


DAY_GAP = "\u2003\u2003"    # em spaces: kept by the layout, unlike ordinary spaces


def diary_week(plan: Plan, week: Week) -> DiaryWeek:
    end = _week_end(week)
    days = [week.start + dt.timedelta(days=offset) for offset in range(7)]
    count = len(week.sessions)
    sessions = [DiarySession(date=words.weekday_day_month(s.date), position=f"session {i + 1} of {count}")
                for i, s in enumerate(week.sessions)]
    # Non-breaking spaces keep each weekday with its box when the line wraps.
    walk = DAY_GAP.join(f"{words.WEEKDAY_SHORT[d.weekday()]}\u00a0{TICK_BOX}" for d in days)
    phase = "deload" if week.deload else week.phase
    return DiaryWeek(number=week.week, dates=words.date_range(week.start, end),
                     phase_label=words.PHASE_LABELS[phase], sessions=sessions, walk_days=walk,
                     reassessments=[words.weekday_day_month(d) for d in sorted(reassessment_days(plan))
                                    if week.start <= d <= end],
                     aerobic_label=aerobic_view.diary_label(week))
