"""Balance practice that progresses: the Otago ladder climbed week by week.

Otago (domain.md, Prescription round 2): hold on with two hands -> one hand -> none,
wide -> narrow base, static -> moving; progress as the client steadies. Balance
practice loads no muscle group, so moving it along its ladder never touches the
48 h and 2-3 a week rules; only the session's minutes must still fit.
"""

from __future__ import annotations

from planner.catalog import Catalog
from planner.eligibility import Eligibility

FIRST_STEP_WEEK = 3  # after familiarisation (weeks 1-2) one rung up; block two another


def balance_steps(week: int, block: int) -> int:
    """Rungs above the solved one for this week: 0 in familiarisation, 1 after, 2 in block two."""
    if week < FIRST_STEP_WEEK:
        return 0
    return 1 if block == 1 else 2


def climb(sessions: dict[int, list[str]], steps: int, catalog: Catalog, elig: Eligibility,
          fits, too_hard: frozenset[str] = frozenset()) -> dict[int, list[str]]:
    """Each session's balance exercise moved up to `steps` eligible rungs, as far as `fits(ids)`
    allows and never onto a rung in `too_hard` (after a step-down)."""
    if steps <= 0:
        return sessions
    out = {}
    for day, ids in sessions.items():
        chosen = list(ids)
        for index, exercise_id in enumerate(ids):
            if catalog.exercise(exercise_id).component != "balance":
                continue
            for step in range(steps, 0, -1):
                candidate = _up(exercise_id, step, catalog, elig)
                if candidate is None or candidate in ids or candidate in too_hard:
                    continue
                trial = chosen[:index] + [candidate] + chosen[index + 1:]
                if fits(trial):
                    chosen = trial
                    break
        out[day] = chosen
    return out


def _up(exercise_id: str, steps: int, catalog: Catalog, elig: Eligibility) -> str | None:
    current = exercise_id
    for _ in range(steps):
        harder = catalog.exercise(current).harder
        if harder is None or harder not in elig.ids or catalog.exercise(harder).component != "balance":
            return None
        current = harder
    return current
