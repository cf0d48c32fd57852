"""The functional tests as the programme prints them: how to do each, its cut-off, its change.

Cut-offs are EWGSOP2 2019 (grip, chair stand, gait speed, SPPB, TUG) and the
seed's 400 m for the six-minute walk; grip differs by sex. The smallest changes
worth acting on are commonly cited values, printed as such (domain.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

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


def _grip_cutoff(sex: str) -> float:
    return 27.0 if sex == "male" else 16.0


FUNCTIONAL_TESTS: tuple[FunctionalTest, ...] = (
    FunctionalTest(
        key="grip_kg", name="Grip strength", unit="kg",
        how="Sit with your elbow bent at a right angle against your side. Squeeze the grip "
            "meter as hard as you can for about three seconds. Try three times with each hand, "
            "resting a minute between tries, and write down the best result.",
        cutoff=lambda sex: f"below {number(_grip_cutoff(sex))} kg",
        flagged=lambda value, sex: value < _grip_cutoff(sex),
        worth_noting="about 5 kg", source="EWGSOP2 2019"),
    FunctionalTest(
        key="chair_stand_5x_s", name="Five chair stands", unit="s",
        how="Use a firm chair without arms, its back against a wall. Cross your arms over "
            "your chest. Stand up fully and sit down again five times as quickly as you "
            "safely can; the time stops when you stand up the fifth time.",
        cutoff=lambda sex: "over 15 s",
        flagged=lambda value, sex: value > 15.0,
        worth_noting="about 2.3 s", source="EWGSOP2 2019"),
    FunctionalTest(
        key="walk_6min_m", name="Six-minute walk", unit="m",
        how="Walk up and down a flat, measured corridor (about 30 m) for six minutes at the "
            "fastest pace you can keep up. Slowing down or resting is allowed; the clock keeps "
            "running. Write down the total distance.",
        cutoff=lambda sex: "under 400 m",
        flagged=lambda value, sex: value < 400.0,
        worth_noting="about 30 m", source="seed; Enright & Sherrill 1998 for the predicted distance"),
    FunctionalTest(
        key="gait_speed_m_s", name="Gait speed", unit="m/s",
        how="Mark 4 m on a flat floor. Walk it at your usual pace, starting from standing. "
            "Time it twice and keep the quicker try; speed is 4 divided by the seconds.",
        cutoff=lambda sex: "0.8 m/s or slower",
        flagged=lambda value, sex: value <= 0.8,
        worth_noting="about 0.1 m/s", source="EWGSOP2 2019"),
    FunctionalTest(
        key="timed_up_and_go_s", name="Timed up and go", unit="s",
        how="Sit in a chair with arms. On 'go', stand up, walk at your usual pace to a line "
            "3 m away, turn, walk back and sit down. The time stops when you are seated.",
        cutoff=lambda sex: "20 s or longer",
        flagged=lambda value, sex: value >= 20.0,
        worth_noting=None, source="EWGSOP2 2019"),
    FunctionalTest(
        key="sppb_points", name="Short Physical Performance Battery (SPPB)", unit="points",
        how="Three parts scored 0 to 4 each: standing balance (feet together, half-tandem, "
            "then heel-to-toe, ten seconds each), a 4 m walk at usual pace, and five chair "
            "stands. Add the parts for a score out of 12.",
        cutoff=lambda sex: "8 points or fewer",
        flagged=lambda value, sex: value <= 8,
        worth_noting=None, source="EWGSOP2 2019"),
)


def predicted_walk_m(sex: str, age: int, height_cm: float | None, weight_kg: float) -> float | None:
    """Predicted six-minute walk distance (Enright & Sherrill 1998); None without a height."""
    if height_cm is None:
        return None
    if sex == "male":
        return 7.57 * height_cm - 5.02 * age - 1.76 * weight_kg - 309
    return 2.11 * height_cm - 2.29 * weight_kg - 5.78 * age + 667
