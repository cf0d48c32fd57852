"""The reassessment sheet: each test with blanks to fill in, how to do it, its cut-off."""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan import Plan
from planner.render import words
from planner.render.cover_view import SEX_LABELS
from planner.render.functional_tests import FUNCTIONAL_TESTS, predicted_walk_text


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
    intro: str = ""


CORE_TESTS = ("grip_kg", "chair_stand_5x_s", "walk_6min_m", "gait_speed_m_s")

# What must stay the same from one test day to the next for the results to compare,
# by the tests on the sheet: a seated client's sheet (grip alone) told them to wear
# their usual shoes and use the same corridor.
KEEP_THE_SAME = (
    (("grip_kg",), "the same grip meter"),
    (("chair_stand_5x_s", "timed_up_and_go_s", "sppb_points"), "the same chair"),
    (("walk_6min_m", "gait_speed_m_s", "timed_up_and_go_s", "sppb_points"), "the same corridor"),
)


def intro(keys: list[str]) -> str:
    """Who the tests are done with and what stays the same each time, for the tests printed
    (a seated client's sheet holds no standing test: sheet() leaves them out)."""
    same = [thing for tests, thing in KEEP_THE_SAME if any(k in keys for k in tests)]
    standing = any(k != "grip_kg" for k in keys)
    who = "Do these tests with your physiotherapist" + (
        ", or with someone standing beside you." if standing else ".")
    if not same:
        return who + " Write each result in the blank for the date."
    keep = (f"Wear your usual shoes, use {words.listing(same)}" if standing
            else f"Use {words.listing(same)}")
    return f"{who} {keep} each time, and write the result in the blank for the date."


def sheet(plan: Plan) -> ReassessmentSheet:
    sex = plan.profile.client.sex
    baseline = plan.assessments[0] if plan.assessments else None
    tests, keys = [], []
    for test in FUNCTIONAL_TESTS:
        if plan.profile.seated and test.needs_standing:
            continue  # walking, gait and chair-stand tests are not for a seated client (issue 11)
        value = getattr(baseline, test.key) if baseline else None
        # The four core tests always; the longer batteries only when the clinician uses them.
        if test.key not in CORE_TESTS and not any(getattr(r, test.key) is not None for r in plan.assessments):
            continue
        keys.append(test.key)
        tests.append(SheetTest(
            name=test.name, unit=test.unit, how=test.how, cutoff=test.cutoff(sex),
            worth_noting=test.worth_noting,
            baseline="—" if value is None else f"{words.number(value, 2)} {test.unit}"))
    dates = [words.short_date(d) for d in sorted(plan.reassessment_dates)]
    return ReassessmentSheet(dates=dates, tests=tests, sex_label=SEX_LABELS.get(sex, sex).lower(),
                             predicted_walk=None if plan.profile.seated else predicted_walk_text(plan),
                             intro=intro(keys))
