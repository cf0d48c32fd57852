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


CORE_TESTS = ("grip_kg", "chair_stand_5x_s", "walk_6min_m", "gait_speed_m_s")


def sheet(plan: Plan) -> ReassessmentSheet:
    sex = plan.profile.client.sex
    baseline = plan.assessments[0] if plan.assessments else None
    tests = []
    for test in FUNCTIONAL_TESTS:
        if plan.profile.seated and test.needs_standing:
            continue  # walking, gait and chair-stand tests are not for a seated client (issue 11)
        value = getattr(baseline, test.key) if baseline else None
        # The four core tests always; the longer batteries only when the clinician uses them.
        if test.key not in CORE_TESTS and not any(getattr(r, test.key) is not None for r in plan.assessments):
            continue
        tests.append(SheetTest(
            name=test.name, unit=test.unit, how=test.how, cutoff=test.cutoff(sex),
            worth_noting=test.worth_noting,
            baseline="—" if value is None else f"{words.number(value, 2)} {test.unit}"))
    dates = [words.short_date(d) for d in sorted(plan.reassessment_dates)]
    return ReassessmentSheet(dates=dates, tests=tests, sex_label=SEX_LABELS.get(sex, sex).lower(),
                             predicted_walk=None if plan.profile.seated else predicted_walk_text(plan))
