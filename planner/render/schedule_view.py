"""The schedule as the client sees it: the calendar overview, the week pages, the diary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.plan import PlannedExercise, Plan, Session, Week
from planner.render import aerobic_view, units, words
from planner.render.chart import LoadChart, load_chart
from planner.render.drawings import THUMBNAIL, FigureRef, Figures
from planner.render.phase_words import week_words
from planner.render.us_english import us_words


# What the effort numbers on the week pages feel like (the 0-10 RPE scale, in plain words).
EFFORT_SCALE = (
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
    light: bool = False
    in_plan: bool = True


@dataclass(frozen=True)
class CalendarRow:
    week: int
    title: str
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
class DoseColumn:
    """One week, or consecutive weeks printed alike, of a block: a column of doses."""
    label: str                  # "Week 1", "Weeks 3–5"
    dates: str                  # this session's dates in those weeks: "7 Dec", "21 Dec · 28 Dec · 4 Jan"
    phase_label: str
    light: bool


@dataclass(frozen=True)
class DoseCell:
    dose: str                   # "2 × 10–12 reps"
    effort: str                 # "effort 6/10"
    extra: str                  # rest and load, when they change along the row


@dataclass(frozen=True)
class BlockRow:
    id: str
    name: str
    figure: FigureRef | None
    position: str               # "seated", "standing at a wall", "lying on a mat"
    steady: str                 # rest and load when the same in every column: "rest 1 min · light band"
    cells: list[DoseCell]
    alternatives: list[str]
    note_number: int | None


@dataclass(frozen=True)
class BlockSession:
    title: str                  # "Session 1 · Mondays"
    minutes: str                # "20–42 minutes"
    muscles: str
    columns: list[DoseColumn]
    rows: list[BlockRow]
    setting: str = ""           # "in the pool" for a pool session (aerobic_view.setting_words)


@dataclass(frozen=True)
class BlockPage:
    """A block of weeks whose sessions hold the same exercises: each session once, each week's dose beside it."""
    numbers: list[int]
    title: str                  # "Weeks 1 to 6"
    span: str                   # "Weeks 1–6"
    dates: str
    phases: list[tuple[str, str, str]]   # (label, weeks, purpose), in order, each label once
    sessions: list[BlockSession]
    reassessments: list[str]
    notes: list[str]            # numbered in order; rows point at them
    walk_advice: str
    home_practice: str | None = None   # balance practice on days without a session (plan home_practice)
    routines: list[str] = ()    # warm-up and cool-down, once per setting (aerobic_view.routines)
    balance: BlockSession | None = None   # the balance practice every session ends with, once per block


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
    walk_days: str           # "☐ ☐ ☐": a tick box for each day of the week's aerobic prescription
    reassessments: list[str]
    aerobic_label: str = "Daily walk"   # what the row of day boxes is for (aerobic_view.diary_label)


def reassessment_days(plan: Plan) -> set[dt.date]:
    return set(plan.reassessment_dates)


def overview(plan: Plan, *, from_week: int = 1) -> Overview:
    """The calendar, Monday to Sunday whatever day the plan starts on, with each session's length."""
    reassessments = reassessment_days(plan)
    phase = week_words(plan)
    weeks = [w for w in plan.weeks if w.week >= from_week] or list(plan.weeks)
    week_of: dict[dt.date, Week] = {}
    sessions: dict[dt.date, Session] = {}
    for week in weeks:
        for offset in range(7):
            week_of[week.start + dt.timedelta(days=offset)] = week
        for session in week.sessions:
            sessions[session.date] = session
    rows, phases = [], []
    if weeks:
        monday = weeks[0].start - dt.timedelta(days=weeks[0].start.weekday())
        last = _week_end(weeks[-1])
        while monday <= last:
            days = [monday + dt.timedelta(days=i) for i in range(7)]
            inside = [week_of[d] for d in days if d in week_of]
            # The row is named after the plan week holding most of its days.
            week = max(inside, key=inside.count) if inside else weeks[0]
            cells = [CalendarCell(day=words.day_month(d),
                                  session_minutes=sessions[d].minutes if d in sessions else None,
                                  reassessment=d in reassessments,
                                  light=d in week_of and phase[week_of[d].week].light,
                                  in_plan=d in week_of) for d in days]
            label = phase[week.week]
            # A last row holding only the plan's final day (and the test day after it) is not
            # a second "Week 12": it goes unnamed.
            named = not rows or rows[-1].week != week.week
            rows.append(CalendarRow(week=week.week, title=f"Week {week.week}" if named else "",
                                    phase=label.key, phase_label=label.label, deload=label.light, cells=cells))
            monday += dt.timedelta(days=7)
    for week in weeks:
        entry = (phase[week.week].key, phase[week.week].label, phase[week.week].purpose)
        if entry[:2] not in [p[:2] for p in phases]:
            phases.append(entry)
    return Overview(weekday_labels=list(words.WEEKDAY_SHORT), rows=rows,
                    chart=load_chart(weeks, sorted(reassessments)), phases=phases,
                    reassessments=[words.long_date(d) for d in sorted(reassessments)
                                   if not weeks or d >= weeks[0].start],
                    sessions_total=sum(len(w.sessions) for w in weeks),
                    effort_scale=list(EFFORT_SCALE))


def _alternative_text(alternative) -> str:
    # The pool is the one alternative that changes where you train, so it is named.
    if alternative.modality == "aquatic" and "pool" not in alternative.name.lower():
        return f"{alternative.name} (in the pool)"
    return alternative.name


def _week_end(week: Week) -> dt.date:
    return week.start + dt.timedelta(days=6)


def _printed_alike(week: Week) -> tuple:
    """Everything a dose column shows except its dates."""
    return (week.phase, week.deload,
            tuple((s.weekday, s.minutes, tuple(s.muscle_groups), tuple(e.model_dump_json() for e in s.exercises))
                  for s in week.sessions))


def _days_of(week: Week) -> tuple:
    """What a block keeps fixed: the sessions' days, in order."""
    return tuple(s.weekday for s in week.sessions)


# A block may hold exercises that change along it (a balance step that climbs, a harder
# variant after a step-up): each gets its own row, with a dash in the weeks it is not
# done. Beyond this many extra rows in a session the block is split instead.
MAX_EXTRA_ROWS = 2


def week_groups(weeks: list[Week]) -> list[list[Week]]:
    """Consecutive weeks with identical sessions and doses grouped together (one dose column)."""
    groups: list[list[Week]] = []
    previous = None
    for week in weeks:
        key = _printed_alike(week)
        if key == previous:
            groups[-1].append(week)
        else:
            groups.append([week])
        previous = key
    return groups


def session_rows(sessions: list[Session]) -> list[str]:
    """The exercise ids of one session along a block, in order: each exercise once.

    An exercise that comes in later is placed just after the one it follows in its own
    week, so a balance step that replaces another sits right under it.
    """
    return _rows([s.exercises for s in sessions])


def _rows(lists: list[list[PlannedExercise]]) -> list[str]:
    order: list[str] = []
    for exercises in lists:
        ids = [e.id for e in exercises]
        for index, exercise_id in enumerate(ids):
            if exercise_id in order:
                continue
            place = next((order.index(i) for i in reversed(ids[:index]) if i in order), -1) + 1
            # Past the exercises this week no longer does: the one it replaces comes first.
            while place < len(order) and order[place] not in ids:
                place += 1
            order.insert(place, exercise_id)
    return order


def _fits(run: list[Week], week: Week) -> bool:
    """`week` can join `run`'s block: same session days, and no session grows by many rows."""
    if _days_of(week) != _days_of(run[0]):
        return False
    for index in range(len(week.sessions)):
        sessions = [w.sessions[index] for w in run + [week]]
        longest = max(len(s.exercises) for s in sessions)
        if len(session_rows(sessions)) > longest + MAX_EXTRA_ROWS:
            return False
    return True


def blocks(plan: Plan, *, from_week: int = 1, max_columns: int = 5) -> list[list[list[Week]]]:
    """The weeks from `from_week` on as blocks, each a list of dose columns (lists of weeks).

    A block runs while the sessions keep their days and their exercises (give or take
    MAX_EXTRA_ROWS that change along it), and ends at a reassessment (the plan may change
    there) or when its columns would no longer fit the page's width. Printing each session
    once per block, with every week's dose beside it, is what brings twelve weeks from
    eighteen pages to four or five (issue 13).
    """
    reassessments = sorted(plan.reassessment_dates)
    weeks = [w for w in plan.weeks if w.week >= from_week]
    runs: list[list[Week]] = []
    for week in weeks:
        if runs:
            current = runs[-1]
            crossed = any(current[-1].start < day <= week.start for day in reassessments)
            if not crossed and _fits(current, week):
                current.append(week)
                continue
        runs.append([week])
    result: list[list[list[Week]]] = []
    for run in runs:
        columns = week_groups(run)
        # Too many columns for the page: split into blocks of about equal width (4 -> 2 + 2,
        # not 3 + 1), so no block is a lone narrow column.
        parts = -(-len(columns) // max_columns)
        size = -(-len(columns) // parts)
        result += [columns[i:i + size] for i in range(0, len(columns), size)]
    return result


def _steady_or_cells(items: list[PlannedExercise | None], unit_system: str) -> tuple[str, list[str]]:
    """Rest and load under the name as they are in most weeks; a week that differs says so in its cell.

    A lighter week's shorter rest or lighter band is the exception along a row: printing
    it only there keeps the cells to two or three lines, five columns across a page.
    """
    rests = [None if i is None else f"rest {words.rest_text(i.rest_s)}" for i in items]
    # Bodyweight is the default and goes unsaid; a band or a weight is named.
    loads = [None if i is None else ("" if i.load == "bodyweight" else units.load_text(i.load, unit_system))
             for i in items]
    usual_rest, usual_load = _most_common(rests), _most_common(loads)
    steady = " · ".join(x for x in (usual_rest, usual_load) if x)
    extras = [" · ".join(x for x in (rest if rest != usual_rest else "", load if load != usual_load else "") if x)
              for rest, load in zip(rests, loads)]
    return steady, [extra or "" for extra in extras]


def _most_common(values: list[str | None]) -> str:
    """The value most weeks share (the first week's on a tie)."""
    present = [v for v in values if v is not None]
    return max(present, key=present.count) if present else ""


# A week in which the row's exercise is not done (another one on its row takes its place).
NOT_THIS_WEEK = "—"


def _block_row(items: list[PlannedExercise | None], figures: Figures, notes: list[str],
               positions: dict[str, str], thumbnail: tuple, unit_system: str) -> BlockRow:
    present = [i for i in items if i is not None]
    first = present[0]
    number = None
    for item in present:
        # A remark such as "affected leg first" repeats on many rows; print it once per block.
        if item.note:
            note = us_words(item.note, unit_system)   # "a filled water bottle or a can" in the US
            if note not in notes:
                notes.append(note)
            number = notes.index(note) + 1
    steady, extras = _steady_or_cells(items, unit_system)
    cells = [DoseCell(dose=NOT_THIS_WEEK, effort="", extra="") if i is None else
             DoseCell(dose=words.dose_text(i), effort=f"effort {i.effort_rpe}/10", extra=extra)
             for i, extra in zip(items, extras)]
    alternatives: list[str] = []
    for item in present:
        for alternative in item.alternatives:
            text = _alternative_text(alternative)
            if text not in alternatives:
                alternatives.append(text)
    return BlockRow(id=first.id, name=first.name, figure=figures.get(first.id, *thumbnail),
                    position=positions.get(first.id, words.MODALITY_LABELS.get(first.modality, "")),
                    steady=steady, cells=cells, alternatives=alternatives, note_number=number)


def _weeks_text(numbers: list[int]) -> str:
    """'Week 6', 'Weeks 1–2', 'Weeks 3, 5'."""
    if len(numbers) == 1:
        return f"Week {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"Weeks {numbers[0]}–{numbers[-1]}"
    return "Weeks " + ", ".join(str(n) for n in numbers)


def _minutes(values: list[int]) -> str:
    low, high = min(values), max(values)
    return f"about {low} minutes" if low == high else f"{low}–{high} minutes"


def block_page(plan: Plan, columns: list[list[Week]], figures: Figures, phase: dict,
               positions: dict[str, str], thumbnail: tuple = THUMBNAIL) -> BlockPage:
    """One block: each session once, a dose column per week (or run of weeks printed alike)."""
    weeks = [w for column in columns for w in column]
    first, last = weeks[0], weeks[-1]
    notes: list[str] = []
    sessions = []
    count = len(first.sessions)
    # Balance practice the same in every session of each week: printed once for the block,
    # not as the same rows under every session (three rows fewer a session, issue 13).
    hoisted = _balance_in_every_session(weeks)
    unit_system = units.units(plan.profile)

    def exercises_of(session: Session) -> list[PlannedExercise]:
        return [e for e in session.exercises if not (hoisted and e.component == "balance")]

    def rows_of(lists: list[list[PlannedExercise]]) -> list[BlockRow]:
        by_id = [{e.id: e for e in exercises} for exercises in lists]
        return [_block_row([exercises.get(exercise_id) for exercises in by_id], figures, notes, positions,
                           thumbnail, unit_system)
                for exercise_id in _rows(lists)]

    for index in range(count):
        heads = []
        for column in columns:
            words_of = phase[column[0].week]
            days = [w.sessions[index].date for w in column]
            dates = (words.day_month(days[0]) if len(days) == 1
                     else f"{words.day_month(days[0])}–{words.day_month(days[-1])}")
            heads.append(DoseColumn(label=_column_label(column), dates=dates, phase_label=words_of.label,
                                    light=words_of.light))
        rows = rows_of([exercises_of(column[0].sessions[index]) for column in columns])
        day = first.sessions[index].date
        sessions.append(BlockSession(
            title=f"Session {index + 1} of {count} · {words.WEEKDAY_LONG[day.weekday()]}s",
            minutes=_minutes([w.sessions[index].minutes for w in weeks]),
            muscles=words.body_parts_text(list(first.sessions[index].muscle_groups)),
            columns=heads, rows=rows, setting=aerobic_view.setting_words(first.sessions[index])))
    balance = None
    if hoisted:
        heads = [DoseColumn(label=_column_label(column),
                            dates=words.short_date_range(column[0].start, _week_end(column[-1])),
                            phase_label=phase[column[0].week].label, light=phase[column[0].week].light)
                 for column in columns]
        balance = BlockSession(
            title="Balance practice · at the end of every session", minutes="", muscles="", columns=heads,
            rows=rows_of([[e for e in column[0].sessions[0].exercises if e.component == "balance"]
                          for column in columns]))
    numbers = [w.week for w in weeks]
    # Each distinct label once, with the weeks it names: "Weeks 1–2", "Week 6".
    seen: dict[tuple[str, str], list[int]] = {}
    for week in weeks:
        seen.setdefault((phase[week.week].label, phase[week.week].purpose), []).append(week.week)
    phases = [(label, _weeks_text(numbers), purpose) for (label, purpose), numbers in seen.items()]
    several = len(weeks) > 1
    return BlockPage(
        numbers=numbers,
        title=f"Weeks {first.week} to {last.week}" if several else f"Week {first.week}",
        span=f"Weeks {first.week}–{last.week}" if several else f"Week {first.week}",
        dates=words.date_range(first.start, _week_end(last)),
        phases=phases, sessions=sessions,
        reassessments=[words.long_date(d) for d in sorted(reassessment_days(plan))
                       if first.start < d <= _week_end(last) + dt.timedelta(days=1)],
        notes=notes, walk_advice=aerobic_view.week_advice(weeks),
        routines=aerobic_view.routines(first.sessions), home_practice=home_practice_text(first),
        balance=balance)


def _column_label(column: list[Week]) -> str:
    return f"Week {column[0].week}" if len(column) == 1 else f"Weeks {column[0].week}–{column[-1].week}"


def _balance_in_every_session(weeks: list[Week]) -> bool:
    """Every week of the block has balance practice, the same (exercise and dose) in each of its sessions."""
    for week in weeks:
        kinds = {tuple(e.model_dump_json() for e in s.exercises if e.component == "balance") for s in week.sessions}
        if len(kinds) != 1 or not next(iter(kinds)):
            return False
    return True


def home_practice_text(week: Week) -> str | None:
    """'Thursday: Feet-together stand, 2 × 30 s hold.' for each home-practice day of the week."""
    parts = []
    for practice in week.home_practice:
        exercises = "; ".join(f"{e.name}, {words.dose_text(e)}" for e in practice.exercises)
        parts.append(f"{words.WEEKDAY_LONG[practice.date.weekday()]}: {exercises}.")
    return " ".join(parts) or None


TICK_BOX = "\u2610"        # ☐, in DejaVu Sans


DAY_GAP = " "    # em spaces: kept by the layout, unlike ordinary spaces


def diary_week(plan: Plan, week: Week, phase: dict | None = None) -> DiaryWeek:
    end = _week_end(week)
    days = [week.start + dt.timedelta(days=offset) for offset in range(7)]
    count = len(week.sessions)
    sessions = [DiarySession(date=words.weekday_day_month(s.date), position=f"session {i + 1} of {count}")
                for i, s in enumerate(week.sessions)]
    # A box for each day the week prescribes ("Walk 20 min, 3 days": three boxes), not one per
    # weekday: the target is how many days, not which, and two lines less a week (issue 13).
    walk = DAY_GAP.join([TICK_BOX] * (week.aerobic.days if week.aerobic else len(days)))
    label = (phase or week_words(plan))[week.week].label
    # No year: the sessions beside it date the row, and a year wraps the cell to a third line.
    return DiaryWeek(number=week.week, dates=words.short_date_range(week.start, end),
                     phase_label=label, sessions=sessions, walk_days=walk,
                     reassessments=[words.weekday_day_month(d) for d in sorted(reassessment_days(plan))
                                    if week.start <= d <= end],
                     aerobic_label=aerobic_view.diary_label(week))
