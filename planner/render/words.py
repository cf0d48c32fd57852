"""Plain words for printed values: dates, doses, labels.

One home for how a number reads on paper, so the week pages, the guide and the
calendar events say a dose the same way. No locale lookups: the output must not
change with the machine it is printed on.
"""

from __future__ import annotations

import datetime as dt

from planner.plan import PlannedExercise

WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

# What each week is called is judged from its doses: planner/render/phase_words.py.

MUSCLE_LABELS = {
    "chest": "chest", "upper_back": "upper back", "lower_back": "lower back",
    "shoulders": "shoulders", "biceps": "biceps", "triceps": "triceps",
    # "forearms (grip)": in a list, "forearms and grip" read "shoulders and forearms and grip".
    "forearms": "forearms (grip)", "core": "core", "glutes": "buttocks (glutes)",
    "quadriceps": "front of thigh", "hamstrings": "back of thigh", "calves": "calves",
}

MODALITY_LABELS = {"land": "standing", "seated": "seated", "aquatic": "in the pool"}


def position_text(exercise) -> str:
    """Where the body is, from the exercise itself: 'seated', 'standing at a wall', 'lying on a mat'.

    Read from the catalog's drawing (a seat under the hip, a mat, a wall) so the words match the
    picture; 'standing or on the floor' told a client who cannot get down to kneel on it.
    """
    if exercise.modality == "aquatic":
        return "in the pool"
    figure = exercise.figure
    props = set(figure.props) if figure else set()
    seated = exercise.modality == "seated" or bool(figure and (figure.start.seated or figure.end.seated))
    if seated:
        return "seated"
    if "mat" in props:
        return "lying on a mat"
    if "wall" in props:
        return "standing at a wall"
    if "table" in props:
        return "standing at a table"
    return "standing"

BODY_PART_LABELS = {
    "left_leg": "left leg", "right_leg": "right leg", "left_arm": "left arm",
    "right_arm": "right arm", "trunk": "trunk",
}


def day_month(day: dt.date) -> str:
    """'7 Dec'."""
    return f"{day.day} {MONTH_SHORT[day.month - 1]}"


def weekday_day_month(day: dt.date) -> str:
    """'Mon 7 Dec'."""
    return f"{WEEKDAY_SHORT[day.weekday()]} {day_month(day)}"


def long_date(day: dt.date) -> str:
    """'Mon 7 December 2026': the one way a whole date is printed, everywhere (issue 13)."""
    return f"{WEEKDAY_SHORT[day.weekday()]} {day.day} {MONTH_LONG[day.month - 1]} {day.year}"


short_date = long_date


def date_range(first: dt.date, last: dt.date) -> str:
    """'7–13 Dec 2026', '28 Dec 2026 – 3 Jan 2027'."""
    if first.year != last.year:
        return f"{day_month(first)} {first.year} – {day_month(last)} {last.year}"
    if first.month != last.month:
        return f"{day_month(first)} – {day_month(last)} {last.year}"
    return f"{first.day}–{last.day} {MONTH_SHORT[last.month - 1]} {last.year}"


def short_date_range(first: dt.date, last: dt.date) -> str:
    """'7–13 Dec', '28 Dec–3 Jan': date_range without the year, for a column head or a diary row."""
    if first.month == last.month:
        return f"{first.day}–{day_month(last)}"
    return f"{day_month(first)}–{day_month(last)}"


def number(value: float, places: int = 1) -> str:
    """A measurement without a trailing '.0': 74, 18.5."""
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# Timed sets that move: a walk or a carry goes on for its seconds; "Water walking
# 2 × 30 s hold" asked a client to hold a walk.
MOVING_PATTERNS = frozenset({"gait", "carry_grip"})


def reps_text(item: PlannedExercise) -> str:
    """What one set asks for: '10–12 reps', '8 reps', '30 s hold', '30 s' of walking."""
    if item.reps is None:
        if getattr(item, "pattern", None) in MOVING_PATTERNS:
            return f"{item.hold_s} s" if item.hold_s else "walk"
        return f"{item.hold_s} s hold" if item.hold_s else "hold"
    low, high = item.reps
    return f"{low} reps" if low == high else f"{low}–{high} reps"


def dose_text(item: PlannedExercise) -> str:
    """Sets and reps (or hold) in one phrase: '2 × 10–12 reps each side'."""
    side = " each side" if item.unilateral else ""
    return f"{item.sets} × {reps_text(item)}{side}"


def rest_text(seconds: int) -> str:
    """Rest between sets: '45 s', '1½ min', '2 min'."""
    if seconds < 60 or seconds % 30:
        return f"{seconds} s"
    minutes, half = divmod(seconds, 60)
    return f"{minutes}½ min" if half else f"{minutes} min"


def effort_word(rpe: int) -> str:
    """What an effort of 0-10 feels like, in a word a client understands."""
    if rpe <= 2:
        return "very easy"
    if rpe <= 4:
        return "easy"
    if rpe <= 6:
        return "moderate"
    if rpe <= 8:
        return "hard"
    return "very hard"


def effort_text(rpe: int) -> str:
    """Effort on the 0-10 scale with its word: '5/10 moderate'."""
    return f"{rpe}/10 {effort_word(rpe)}"


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def muscles_text(muscles: list[str]) -> str:
    """Muscle groups in everyday words."""
    return listing([MUSCLE_LABELS.get(m, m.replace("_", " ")) for m in muscles])


# Muscle groups gathered into the parts of the body a client names (session heads): two or
# more groups of one part print as the part, a single group by its own name.
BODY_PARTS = (
    ("legs", ("glutes", "quadriceps", "hamstrings", "calves")),
    ("back", ("upper_back", "lower_back")),
    ("arms", ("biceps", "triceps", "forearms")),
)


def body_parts_text(muscles: list[str]) -> str:
    """'the chest, back, shoulders, arms and legs': what a session works, in a few words."""
    parts, seen = [], set()
    for muscle in muscles:
        part = next(((name, members) for name, members in BODY_PARTS if muscle in members), None)
        if part is None:
            parts.append(MUSCLE_LABELS.get(muscle, muscle.replace("_", " ")))
            continue
        name, members = part
        if name in seen:
            continue
        present = [m for m in muscles if m in members]
        parts.append(name if len(present) > 1 else MUSCLE_LABELS.get(muscle, muscle))
        seen.add(name)
    return listing(parts)


def label(identifier: str) -> str:
    """A vocabulary id as words: 'resistance_band' -> 'Resistance band'."""
    text = identifier.replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]
