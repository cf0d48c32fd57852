"""The functional tests as the programme prints them: how to do each, its cut-off, its change.

Cut-offs are EWGSOP2 2019 (grip, chair stand, gait speed), CDC STEADI's falls-risk
cut-offs for SPPB and TUG (where balance practice starts), and the
seed's 400 m for the six-minute walk; grip differs by sex. The numbers come from
planner.assessment, the module that flags the tests, so the sheet prints the very
thresholds the plan was flagged with. The smallest changes worth acting on are
commonly cited values, printed as such (domain.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from planner.assessment import (
    CHAIR_STAND_CUTOFF_S, FALLS_RISK_CUTOFFS, GAIT_SPEED_CUTOFF_M_S, GRIP_CUTOFF_KG, SMALLEST_CHANGE,
    WALK_REDUCED_M, predicted_walk_m,
)

# Timed up and go and SPPB are worked on from the falls-risk cut-offs (CDC STEADI: 12 s and
# 9 points), where the programme's balance practice starts, not from EWGSOP2's severity
# cut-offs (20 s, 8 points): the sheet marks what the programme works on.
FALLS_RISK = {c.test: c.threshold for c in FALLS_RISK_CUTOFFS}
TUG_CUTOFF_S = FALLS_RISK["timed_up_and_go_s"]
SPPB_CUTOFF = int(FALLS_RISK["sppb_points"])
from planner.plan import Plan
from planner.render.words import number


@dataclass(frozen=True)
class FunctionalTest:
    key: str                      # the AssessmentRecord field
    name: str
    unit: str
    how: str
    cutoff: Callable[[str], str]  # sex -> the flag threshold in words
    flagged: Callable[[float, str], bool]
    worth_noting: str | None      # smallest change worth acting on (commonly cited)
    source: str
    needs_standing: bool = True   # a seated client (seated_only, wheelchair_user) is not given it


def _grip_cutoff(sex: str) -> float:
    return GRIP_CUTOFF_KG[sex]


def _change(key: str, unit: str) -> str | None:
    return f"about {number(SMALLEST_CHANGE[key], 2)} {unit}" if key in SMALLEST_CHANGE else None


FUNCTIONAL_TESTS: tuple[FunctionalTest, ...] = (
    FunctionalTest(
        key="grip_kg", name="Grip strength", unit="kg",
        how="Sit with your elbow bent at a right angle against your side. Squeeze the grip "
            "meter as hard as you can for about three seconds. Try three times with each hand, "
            "resting a minute between tries, and write down the best result.",
        cutoff=lambda sex: f"below {number(_grip_cutoff(sex))} kg",
        flagged=lambda value, sex: value < _grip_cutoff(sex),
        worth_noting=_change("grip_kg", "kg"), source="EWGSOP2 2019", needs_standing=False),
    FunctionalTest(
        key="chair_stand_5x_s", name="Five chair stands", unit="s",
        how="Use a firm chair without arms, its back against a wall. Cross your arms over "
            "your chest. Stand up fully and sit down again five times as quickly as you "
            "safely can; the time stops when you stand up the fifth time.",
        cutoff=lambda sex: f"over {number(CHAIR_STAND_CUTOFF_S)} s",
        flagged=lambda value, sex: value > CHAIR_STAND_CUTOFF_S,
        worth_noting=_change("chair_stand_5x_s", "s"), source="EWGSOP2 2019"),
    FunctionalTest(
        key="walk_6min_m", name="Six-minute walk", unit="m",
        how="Walk up and down a flat, measured corridor (about 30 m) for six minutes at the "
            "fastest pace you can keep up. Slowing down or resting is allowed; the clock keeps "
            "running. Write down the total distance.",
        cutoff=lambda sex: f"under {number(WALK_REDUCED_M)} m",
        flagged=lambda value, sex: value < WALK_REDUCED_M,
        worth_noting=_change("walk_6min_m", "m"), source="seed; Enright & Sherrill 1998 for the predicted distance"),
    FunctionalTest(
        key="gait_speed_m_s", name="Gait speed", unit="m/s",
        how="Mark 4 m on a flat floor. Walk it at your usual pace, starting from standing. "
            "Time it twice and keep the quicker try; speed is 4 divided by the seconds.",
        cutoff=lambda sex: f"{number(GAIT_SPEED_CUTOFF_M_S)} m/s or slower",
        flagged=lambda value, sex: value <= GAIT_SPEED_CUTOFF_M_S,
        worth_noting=_change("gait_speed_m_s", "m/s"), source="EWGSOP2 2019"),
    FunctionalTest(
        key="timed_up_and_go_s", name="Timed up and go", unit="s",
        how="Sit in a chair with arms. On 'go', stand up, walk at your usual pace to a line "
            "3 m away, turn, walk back and sit down. The time stops when you are seated.",
        cutoff=lambda sex: f"{number(TUG_CUTOFF_S)} s or longer",
        flagged=lambda value, sex: value >= TUG_CUTOFF_S,
        worth_noting=_change("timed_up_and_go_s", "s"), source="CDC STEADI (falls risk); EWGSOP2 2019: 20 s"),
    FunctionalTest(
        key="sppb_points", name="Short Physical Performance Battery (SPPB)", unit="points",
        how="Three parts scored 0 to 4 each: standing balance (feet together, half-tandem, "
            "then heel-to-toe, ten seconds each), a 4 m walk at usual pace, and five chair "
            "stands. Add the parts for a score out of 12.",
        cutoff=lambda sex: f"{SPPB_CUTOFF} points or fewer",
        flagged=lambda value, sex: value <= SPPB_CUTOFF,
        worth_noting=_change("sppb_points", "points"), source="CDC STEADI (falls risk); EWGSOP2 2019: 8 points"),
)


def predicted_walk_text(plan: Plan) -> str | None:
    """The predicted six-minute walk in a sentence, from the plan or worked out from the profile."""
    predicted = next((r.walk_6min_predicted_m for r in plan.assessments if r.walk_6min_predicted_m), None)
    if predicted is None:
        predicted = predicted_walk_m(plan.profile)
    if predicted is None or predicted <= 0:
        return None
    return (f"Six-minute walk predicted for your age, sex, height and weight: about "
            f"{round(predicted / 10) * 10} m (Enright & Sherrill 1998).")
