"""How long a session takes: the one formula the solver and the printed plan use.

seconds = warm-up and cool-down + for each exercise: set-up + sets x sides x work
+ sets x rest, where work is the top of the rep range times the tempo, or the hold.
The independent verifier re-derives the same numbers from the plan JSON.
"""

from __future__ import annotations

import math

WARM_UP_S = 300
COOL_DOWN_S = 300
SET_UP_S = 30  # moving to the exercise, fetching a band, reading the sheet


def exercise_seconds(*, sets: int, reps_high: int | None, hold_s: int | None, rest_s: int,
                     tempo_s: float, unilateral: bool) -> int:
    """Time for one exercise at a given dose, including set-up and rests."""
    work = hold_s if hold_s is not None else reps_high * tempo_s
    sides = 2 if unilateral else 1
    return int(math.ceil(SET_UP_S + sets * sides * work + sets * rest_s))


def session_minutes(exercise_seconds_total: int) -> int:
    """Whole minutes of a session, warm-up and cool-down included."""
    return int(math.ceil((WARM_UP_S + COOL_DOWN_S + exercise_seconds_total) / 60))
