"""The cover: who the programme is for, who made it, the tests, the stop rules, the small print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner import safety
from planner.catalog import Catalog
from planner.plan import AssessmentRecord, Plan
from planner.render import units, words
from planner.render.functional_tests import FUNCTIONAL_TESTS


# Printed on every programme when the plan carries no stop rules of its own (an old plan):
# the one general list lives in planner.safety (one home per clinical fact, issue 11).
DEFAULT_STOP_RULES = tuple(safety.STOP_RULES)


DISCLAIMER = (
    "Made for the person named on it; it does not replace your clinician's advice. Exercise at "
    "the effort written, not harder, and stop and get help if anything in the stop rules happens. "
    "Keep taking your medicines as prescribed: never stop or change one because of this programme."
)


MEDICATION_NOTE = ("Some medicines can affect muscles (for example steroids, statins and some "
                   "antibiotics). Mention this programme to your doctor; do not stop any medicine "
                   "on your own.")


SEX_LABELS = {"female": "Female", "male": "Male"}


@dataclass(frozen=True)
class TestRow:
    name: str
    unit: str
    values: list[str]            # one per assessment, "—" when not measured
    flagged: list[bool]
    cutoff: str


@dataclass(frozen=True)
class Cover:
    client_name: str
    client_id: str | None
    facts: list[tuple[str, str]]          # (label, value) about the client
    clinician: list[tuple[str, str]]      # (label, value) about who prepared it
    clinic: str | None
    clinician_notes: str | None
    programme: list[tuple[str, str]]      # (label, value) about dates and schedule
    condition: str
    goals: list[str]
    test_dates: list[str]
    tests: list[TestRow]
    stop_rules: list[str]
    stop_intro: str | None                # a lead-in when the rules are short phrases
    medications: list[str]
    medication_note: str | None
    notes: list[str]
    disclaimer: str


def plan_date(plan: Plan) -> dt.date:
    """The date of this version of the plan: the last history entry's."""
    if plan.history:
        return plan.history[-1].date
    return plan.weeks[0].start if plan.weeks else dt.date(2000, 1, 1)


def _plan_end(plan: Plan) -> dt.date | None:
    if not plan.weeks:
        return None
    return plan.weeks[-1].start + dt.timedelta(days=6)


def cover(plan: Plan, catalog: Catalog, *, from_week: int = 1) -> Cover:
    profile = plan.profile
    client = profile.client
    unit_system = units.units(profile)
    facts = [("Age", f"{client.age}"), ("Sex", SEX_LABELS.get(client.sex, client.sex)),
             ("Weight", units.weight_text(client.weight_kg, unit_system))]
    if client.height_cm:
        facts.append(("Height", units.height_text(client.height_cm, unit_system)))
    if client.id:
        facts.append(("Clinic reference", client.id))

    clinician_rows: list[tuple[str, str]] = []
    clinician = profile.clinician
    if clinician:
        for title, value in (("Clinician", clinician.name), ("Clinic", clinician.clinic),
                             ("Phone", clinician.phone)):
            if value:
                clinician_rows.append((title, value))

    end = _plan_end(plan)
    sessions = sum(len(w.sessions) for w in plan.weeks)
    # Two facts a row where they read as one ("12 weeks, 36 sessions: 7 Dec 2026 – 28 Feb
    # 2027"); the version and its date are in the cover's band (issue 13: compact).
    programme = []
    length = f"{len(plan.weeks)} weeks, {sessions} sessions"
    programme.append(("Dates", f"{length}: {words.date_range(plan.weeks[0].start, end)}" if plan.weeks else length))
    programme.append(("Sessions", _sessions_text(plan, from_week)))
    if from_week > 1 and from_week <= len(plan.weeks):
        programme.append(("This print", f"weeks {from_week} to {len(plan.weeks)}, from "
                                         f"{words.long_date(plan.weeks[from_week - 1].start)}"))
    for entry in plan.history[1:]:
        programme.append((f"Version {entry.version}", _history_text(entry)))
    if profile.equipment:
        programme.append(("Equipment", words.listing([words.label(e) for e in profile.equipment])))
    if profile.limitations:
        programme.append(("Taken into account", words.listing(
            [_limitation_label(catalog, x) for x in profile.limitations])))

    rule = catalog.conditions.get(profile.neurogenic_cause or "") or catalog.conditions.get(profile.condition)
    condition = rule.label if rule else words.label(profile.condition)

    tests, dates = _test_rows(plan)
    # Flags with their sources, the predicted walk and the warnings are the clinician's:
    # they print on the clinician page (clinician_view), never here (issue 13).
    medications = list(profile.screening.medications)
    return Cover(
        client_name=client.name, client_id=client.id, facts=facts, clinician=clinician_rows,
        clinic=clinician.clinic if clinician else None,
        clinician_notes=clinician.notes if clinician else None,
        programme=programme, condition=condition, goals=_goals(plan), test_dates=dates,
        tests=tests,
        stop_rules=list(plan.stop_rules) or list(DEFAULT_STOP_RULES),
        stop_intro=None,  # the rules are whole sentences (planner.safety)
        medications=medications, medication_note=MEDICATION_NOTE if medications else None,
        notes=list(plan.notes), disclaimer=DISCLAIMER,
    )


def _sessions_text(plan: Plan, from_week: int) -> str:
    """The days and length of the sessions this print holds: 'Mondays, Wednesdays and Fridays,
    23–52 minutes'. The profile's days are the days the client could train; a client offered
    four days and given three sessions a week read all four as session days."""
    weeks = [w for w in plan.weeks[from_week - 1:] if w.sessions]
    if not weeks:
        schedule = plan.profile.schedule
        return (words.listing([words.WEEKDAY_LONG[_weekday_index(d)] + "s" for d in schedule.days])
                + f", up to {schedule.minutes_per_session} minutes")
    days = [words.WEEKDAY_LONG[d] + "s" for d in sorted({s.date.weekday() for w in weeks for s in w.sessions})]
    counts = sorted({len(w.sessions) for w in weeks})
    if counts == [len(days)]:
        when = words.listing(days)
    else:
        often = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"
        when = f"{often} a week, on " + ", ".join(days[:-1]) + " or " + days[-1]
    minutes = [s.minutes for w in weeks for s in w.sessions]
    length = (f"about {minutes[0]} minutes" if min(minutes) == max(minutes)
              else f"{min(minutes)}–{max(minutes)} minutes")
    return f"{when}, {length}"


DECISION_WORDS = {"step_up": "made a little harder", "repeat": "kept at the same level", "step_down": "made easier"}


def _history_text(entry) -> str:
    """A reassessment in a line, in plain words: when, which weeks changed and which way."""
    text = f"after the tests on {words.long_date(entry.date)}"
    if entry.rebuilt_from_week:
        text += f", weeks {entry.rebuilt_from_week} on"
    if entry.decision:
        text += f" {DECISION_WORDS.get(entry.decision, entry.decision.replace('_', ' '))}"
    return text


def _weekday_index(day: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(day)


def _limitation_label(catalog: Catalog, limitation: str) -> str:
    rule = catalog.limitations.get(limitation)
    return rule.label if rule else words.label(limitation)


def _goals(plan: Plan) -> list[str]:
    profile = plan.profile
    goals = []
    if len(profile.targets) >= 12:
        goals.append("Rebuild strength and muscle in the whole body, in a safe, gradual way.")
    else:
        goals.append(f"Rebuild strength and muscle in the {words.muscles_text(list(profile.targets))}.")
    if profile.affected:
        parts = words.listing([words.BODY_PART_LABELS.get(p, p) for p in profile.affected])
        goals.append(f"Extra one-sided work for the {parts}, to even out the difference.")
    if any(record.flags for record in plan.assessments[:1]):
        goals.append("Move the flagged tests below towards their healthy range by the reassessments.")
    elif profile.seated:
        # A wheelchair user's everyday tasks are transfers and pushing the chair (issue 11).
        goals.append("Make everyday tasks — transfers, pushing your chair, reaching and carrying — easier.")
    else:
        goals.append("Make everyday tasks — rising from a chair, stairs, carrying — easier and steadier.")
    if plan.nutrition:
        goals.append(f"Eat about {words.number(plan.nutrition.daily_protein_g, 0)} g of protein a day, "
                     f"spread over the day's meals.")
    return goals


def _test_rows(plan: Plan) -> tuple[list[TestRow], list[str]]:
    """One row per functional test measured at least once; one column per assessment."""
    records: list[AssessmentRecord] = list(plan.assessments)
    sex = plan.profile.client.sex
    dates = [words.short_date(r.date) if r.date else ("Baseline" if i == 0 else f"Test {i + 1}")
             for i, r in enumerate(records)]
    rows = []
    for test in FUNCTIONAL_TESTS:
        values = [getattr(r, test.key) for r in records]
        if all(v is None for v in values):
            continue
        rows.append(TestRow(
            name=test.name, unit=test.unit,
            values=["—" if v is None else f"{words.number(v, 2)} {test.unit}" for v in values],
            flagged=[v is not None and test.flagged(v, sex) for v in values],
            cutoff=test.cutoff(sex)))
    return rows, dates
