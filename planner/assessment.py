"""Functional tests: flags against EWGSOP2 cut-offs and the 6-minute-walk prediction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planner.plan import AssessmentRecord
from planner.profile import Assessment, Profile

# EWGSOP2 2019 cut-offs (domain.md). The print reads these same names (render/functional_tests).
GRIP_CUTOFF_KG = {"male": 27.0, "female": 16.0}
CHAIR_STAND_CUTOFF_S = 15.0
GAIT_SPEED_CUTOFF_M_S = 0.8
SPPB_CUTOFF = 8
TUG_CUTOFF_S = 20.0
WALK_REDUCED_M = 400.0

# Smallest changes worth acting on (commonly cited; a clinician may override).
SMALLEST_CHANGE = {"walk_6min_m": 30.0, "grip_kg": 5.0, "chair_stand_5x_s": 2.3, "gait_speed_m_s": 0.1}
# Direction of improvement for each test: +1 higher is better, -1 lower is better.
BETTER = {"walk_6min_m": 1, "grip_kg": 1, "chair_stand_5x_s": -1, "gait_speed_m_s": 1}


@dataclass(frozen=True)
class Cutoff:
    """One test's threshold: the value, which side of it is flagged, what it marks, the source."""

    test: str                 # the Assessment / AssessmentRecord field
    threshold: float
    direction: Literal["below", "at_or_below", "above", "at_or_above"]
    marks: str
    source: str

    def words(self) -> str:
        """The threshold in words: 'at or above 12'."""
        return f"{self.direction.replace('_', ' ')} {self.threshold:g}"

    def crossed(self, value: float | None) -> bool:
        """True when a measured value is on the flagged side of the threshold."""
        if value is None:
            return False
        return {"below": value < self.threshold, "at_or_below": value <= self.threshold,
                "above": value > self.threshold, "at_or_above": value >= self.threshold}[self.direction]


# Raised falls risk (domain.md, Prescription round 2: CDC STEADI; chair stand EWGSOP2).
# Any one infers balance_impaired: progressive balance practice 3 days a week.
FALLS_RISK_CUTOFFS: tuple[Cutoff, ...] = (
    Cutoff("gait_speed_m_s", 0.8, "at_or_below", "raised falls risk", "CDC STEADI"),
    Cutoff("sppb_points", 9, "at_or_below", "raised falls risk", "CDC STEADI"),
    Cutoff("timed_up_and_go_s", 12.0, "at_or_above", "raised falls risk", "CDC STEADI"),
    Cutoff("chair_stand_5x_s", 15.0, "above", "raised falls risk", "EWGSOP2 2019"),
)
BALANCE_FROM_AGE = 65  # Otago and Sherrington 2019: older adults


def falls_risk_flags(tests: Assessment | None) -> list[str]:
    """The falls-risk cut-offs the tests cross, as 'test value (source)'."""
    if tests is None:
        return []
    return [f"{c.test} {getattr(tests, c.test):g} ({c.source})" for c in FALLS_RISK_CUTOFFS
            if c.crossed(getattr(tests, c.test))]


def balance_reasons(profile: Profile) -> list[str]:
    """Why this client needs balance practice (empty: no need). Hard rule (Sherrington 2019, Otago)."""
    reasons = []
    if profile.client.age >= BALANCE_FROM_AGE:
        reasons.append(f"age {profile.client.age}")
    if "balance_impaired" in profile.limitations:
        reasons.append("balance_impaired")
    if (profile.client.falls_last_year or 0) >= 1:
        reasons.append(f"{profile.client.falls_last_year} fall(s) in the last year")
    reasons += falls_risk_flags(profile.assessment)
    return reasons


def predicted_walk_m(profile: Profile) -> float | None:
    """Enright & Sherrill 1998 predicted 6-minute walk distance, when height is known."""
    height, weight, age = profile.client.height_cm, profile.weight_kg, profile.client.age
    if height is None:
        return None
    if profile.client.sex == "male":
        value = 7.57 * height - 5.02 * age - 1.76 * weight - 309
    else:
        value = 2.11 * height - 2.29 * weight - 5.78 * age + 667
    return round(value, 0)


def flags(tests: Assessment, profile: Profile) -> list[str]:
    """Every cut-off the tests cross, in words with the source."""
    found = []
    sex = profile.client.sex
    if tests.grip_kg is not None and tests.grip_kg < GRIP_CUTOFF_KG[sex]:
        found.append(f"grip {tests.grip_kg:g} kg, below {GRIP_CUTOFF_KG[sex]:g} kg for {'men' if sex == 'male' else 'women'} "
                     "(probable sarcopenia, EWGSOP2)")
    if tests.chair_stand_5x_s is not None and tests.chair_stand_5x_s > CHAIR_STAND_CUTOFF_S:
        found.append(f"5 chair stands in {tests.chair_stand_5x_s:g} s, over 15 s (EWGSOP2)")
    if tests.gait_speed_m_s is not None and tests.gait_speed_m_s <= GAIT_SPEED_CUTOFF_M_S:
        found.append(f"gait speed {tests.gait_speed_m_s:g} m/s, at or below 0.8 m/s (severity, EWGSOP2)")
    if tests.sppb_points is not None and tests.sppb_points <= SPPB_CUTOFF:
        found.append(f"SPPB {tests.sppb_points} points, 8 or less (EWGSOP2)")
    if tests.timed_up_and_go_s is not None and tests.timed_up_and_go_s >= TUG_CUTOFF_S:
        found.append(f"timed up and go {tests.timed_up_and_go_s:g} s, 20 s or more (EWGSOP2)")
    for cutoff in FALLS_RISK_CUTOFFS:
        value = getattr(tests, cutoff.test)
        if cutoff.crossed(value) and not _already_flagged(cutoff.test, tests, sex):
            name, unit = TEST_WORDS[cutoff.test]
            found.append(f"{name} {value:g} {unit}, {cutoff.words()} {unit} ({cutoff.marks}, {cutoff.source})")
    if tests.walk_6min_m is not None:
        predicted = predicted_walk_m(profile)
        if tests.walk_6min_m < WALK_REDUCED_M:
            found.append(f"6-minute walk {tests.walk_6min_m:g} m, under 400 m (reduced capacity)")
        if predicted and tests.walk_6min_m < predicted:
            share = round(100 * tests.walk_6min_m / predicted)
            found.append(f"6-minute walk {share}% of the {predicted:g} m predicted (Enright & Sherrill)")
    return found


TEST_WORDS = {"gait_speed_m_s": ("gait speed", "m/s"), "sppb_points": ("SPPB", "points"),
              "timed_up_and_go_s": ("timed up and go", "s"), "chair_stand_5x_s": ("5 chair stands", "s")}


def _already_flagged(test: str, tests: Assessment, sex: str) -> bool:
    """True when the EWGSOP2 flag for the same test is already raised (no double flag)."""
    value = getattr(tests, test)
    return value is not None and {
        "gait_speed_m_s": value <= GAIT_SPEED_CUTOFF_M_S, "sppb_points": value <= SPPB_CUTOFF,
        "timed_up_and_go_s": value >= TUG_CUTOFF_S, "chair_stand_5x_s": value > CHAIR_STAND_CUTOFF_S,
    }.get(test, False)


def record(tests: Assessment, profile: Profile, *, date=None) -> AssessmentRecord:
    """The plan's record of one set of tests, with flags."""
    return AssessmentRecord(
        date=date or tests.date,
        grip_kg=tests.grip_kg, chair_stand_5x_s=tests.chair_stand_5x_s,
        walk_6min_m=tests.walk_6min_m, gait_speed_m_s=tests.gait_speed_m_s,
        sppb_points=tests.sppb_points, timed_up_and_go_s=tests.timed_up_and_go_s,
        flags=flags(tests, profile), walk_6min_predicted_m=predicted_walk_m(profile),
    )


def change_verdict(before: AssessmentRecord | None, after: Assessment) -> str:
    """'improved', 'worse' or 'unchanged' by the smallest worthwhile changes.

    Any test worse by at least its smallest change counts as worse; otherwise any
    test better by at least its smallest change counts as improved.
    """
    if before is None:
        return "unchanged"
    improved = worse = False
    for test, smallest in SMALLEST_CHANGE.items():
        old, new = getattr(before, test), getattr(after, test)
        if old is None or new is None:
            continue
        delta = (new - old) * BETTER[test]
        if delta <= -smallest:
            worse = True
        elif delta >= smallest:
            improved = True
    return "worse" if worse else "improved" if improved else "unchanged"
