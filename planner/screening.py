"""What screening findings change in the programme (domain.md, "Prescription, round 2").

Conditions (screening.conditions, and an MS neurogenic cause) and medication classes
(catalog/medications.yaml names, catalog/screening.yaml acts) each add exclusions,
caps, advice and stop rules. Blood pressure of 160/100 or more asks for medical
clearance first (ACSM). Red flags are planner.safety's job, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.catalog import Catalog, ScreeningRule
from planner.nutrition.medications import medication_classes, muscle_affecting
from planner.profile import Profile

# ACSM: resting blood pressure >= 160/100 -> medical clearance before moderate to vigorous work.
CLEARANCE_BP = (160, 100)


@dataclass(frozen=True)
class ScreeningActs:
    """Everything screening changes, gathered from every rule that applies."""

    rules: tuple[ScreeningRule, ...]
    excluded_tags: dict[str, str]          # tag -> the condition or medicine that excludes it
    treat_as: frozenset[str]               # limitations whose exclusions apply too
    hold_cap_s: int | None
    effort_cap_rpe: int | None
    adds_targets: tuple[str, ...]
    land_work_for: tuple[str, ...]
    advice: tuple[str, ...]
    stop_rules: tuple[str, ...]
    warnings: tuple[str, ...]
    clinician_notes: tuple[str, ...]


def rules_for(profile: Profile, catalog: Catalog) -> list[ScreeningRule]:
    """The screening rules that apply: conditions in profile order, then medication classes."""
    conditions = list(profile.screening.conditions)
    if profile.neurogenic_cause == "multiple_sclerosis" and "multiple_sclerosis" not in conditions:
        conditions.append("multiple_sclerosis")
    found = [catalog.screening_conditions[c] for c in conditions if c in catalog.screening_conditions]
    seen = set()
    for _, med_class in muscle_affecting(profile.screening.medications, medication_classes(catalog.folder)):
        rule = catalog.screening_medications.get(med_class.id)
        if rule is not None and rule.id not in seen:
            seen.add(rule.id)
            found.append(rule)
    return found


def needs_clearance(profile: Profile) -> bool:
    """Resting blood pressure at or above 160/100 (either number)."""
    pressure = profile.screening.blood_pressure_values()
    return bool(pressure and (pressure[0] >= CLEARANCE_BP[0] or pressure[1] >= CLEARANCE_BP[1]))


def screening_acts(profile: Profile, catalog: Catalog) -> ScreeningActs:
    """Gather exclusions, caps, advice, stop rules and warnings for this client."""
    rules = rules_for(profile, catalog)
    excluded: dict[str, str] = {}
    for rule in rules:
        for tag in rule.excludes_tags:
            excluded.setdefault(tag, rule.label.lower())
    holds = [r.hold_cap_s for r in rules if r.hold_cap_s is not None]
    efforts = [r.effort_cap_rpe for r in rules if r.effort_cap_rpe is not None]
    warnings, notes = [], [r.clinician_note for r in rules if r.clinician_note]
    if needs_clearance(profile):
        systolic, diastolic = profile.screening.blood_pressure_values()
        warnings.append(f"Resting blood pressure {systolic}/{diastolic} is 160/100 or more: get medical "
                        "clearance before starting moderate exercise (ACSM).")
        notes.append(f"Blood pressure {systolic}/{diastolic} >= 160/100: medical clearance before moderate "
                     "to vigorous work (ACSM).")
    if "heart_disease" in profile.screening.conditions:
        warnings.append("Heart disease: get your doctor's clearance before starting; keep the effort "
                        "moderate (at most 6 of 10).")
    targets = []
    for rule in rules:
        targets += [m for m in rule.adds_targets if m not in targets]
    return ScreeningActs(
        rules=tuple(rules), excluded_tags=excluded,
        treat_as=frozenset(t for r in rules for t in r.treat_as),
        hold_cap_s=min(holds) if holds else None, effort_cap_rpe=min(efforts) if efforts else None,
        adds_targets=tuple(targets),
        land_work_for=tuple(dict.fromkeys(m for r in rules for m in r.land_work_for)),
        advice=tuple(line for r in rules for line in r.advice),
        stop_rules=tuple(dict.fromkeys(line for r in rules for line in r.stop_rules)),
        warnings=tuple(warnings), clinician_notes=tuple(notes))
