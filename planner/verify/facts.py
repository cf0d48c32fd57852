"""What the rules read from a plan: the plan itself, its profile and the catalog.

The plan has passed the shape check before this is built, so keys are present
and typed. Profile keys the contract gives defaults for fall back to them here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cached_property

from planner.verify.reference import CatalogExercise, ConditionRule, Reference, ScreeningRule
from planner.verify.vocabulary import MUSCLE_GROUPS, SHORTFALL_WARNING

NORMAL_GRADE = 5  # an ungraded muscle is taken as normal (profile contract)
NOT_STRENGTHENED_BELOW = 2  # grades 0-1: no useful contraction, nothing to strengthen
SEATED_LIMITATIONS = frozenset({"seated_only", "wheelchair_user"})
LOWER_LIMB_AND_TRUNK = frozenset({"quadriceps", "hamstrings", "glutes", "calves", "core", "lower_back"})
SINGLE_LEG_GRADE = 4  # domain.md (Grades)
UNLOADED_KINDS = frozenset({"bodyweight", "water"})
POOL_CONTRAINDICATIONS = frozenset({"open_wound", "infection", "fever", "incontinence", "uncontrolled_epilepsy",
                                    "unstable_heart_disease", "uncontrolled_hypertension"})
BALANCE_FROM_AGE = 65  # Otago; Sherrington 2019
# Falls-risk cut-offs (CDC STEADI; chair stand EWGSOP2), written out again for the verifier.
FALLS_RISK = (("gait_speed_m_s", lambda v: v <= 0.8), ("sppb_points", lambda v: v <= 9),
              ("timed_up_and_go_s", lambda v: v >= 12), ("chair_stand_5x_s", lambda v: v > 15))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class PlanFacts:
    """One plan (and optionally its previous version) with the catalog beside it."""

    def __init__(self, plan: dict, reference: Reference, previous: dict | None = None):
        self.plan = plan
        self.ref = reference
        self.previous = previous
        self.profile = plan["profile"]
        self.weeks: list[dict] = plan["weeks"]
        self.nutrition: dict | None = plan["nutrition"]
        self.history: list[dict] = plan["history"]

    # --- the profile --------------------------------------------------------------

    @property
    def schedule(self) -> dict:
        return self.profile["schedule"]

    @property
    def start(self) -> dt.date:
        return day(self.schedule["start"])

    @property
    def days(self) -> list[str]:
        return self.schedule["days"]

    @property
    def sessions_per_week(self) -> int | None:
        return self.schedule.get("sessions_per_week")

    @property
    def minutes_per_session(self) -> int:
        return self.schedule.get("minutes_per_session", 45)

    @property
    def weight_kg(self) -> float:
        return self.profile["client"]["weight_kg"]

    @property
    def condition(self) -> str:
        return self.profile["condition"]

    @property
    def cause(self) -> str | None:
        return self.profile.get("neurogenic_cause") if self.condition == "neurogenic" else None

    @property
    def equipment(self) -> set[str]:
        return set(self.profile.get("equipment", []))

    @property
    def limitations(self) -> set[str]:
        return set(self.profile.get("limitations", []))

    @property
    def _screening(self) -> dict:
        """The profile's screening section; a mangled one (null, a list) reads as empty."""
        screening = self.profile.get("screening")
        return screening if isinstance(screening, dict) else {}

    def _screening_names(self, key: str) -> list[str]:
        """A screening list's names, skipping anything that is not text (null, a number)."""
        names = self._screening.get(key)
        return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []

    @property
    def health_conditions(self) -> set[str]:
        return set(self._screening_names("conditions"))

    @property
    def on_dialysis(self) -> bool:
        return self._screening.get("on_dialysis") is True

    @property
    def diet_profile(self) -> dict:
        return self.profile.get("nutrition", {})

    def grade(self, muscle: str) -> int:
        return self.profile.get("strength", {}).get(muscle, NORMAL_GRADE)

    @property
    def condition_rule(self) -> ConditionRule | None:
        """The neurogenic cause's entry when it has one, else the condition's."""
        conditions = self.ref.conditions
        if self.cause is not None and self.cause in conditions:
            return conditions[self.cause]
        return conditions.get(self.condition)

    @property
    def strengthen_from_grade(self) -> int:
        """Lowest grade a muscle needs before the plan may strengthen it."""
        lowest = NOT_STRENGTHENED_BELOW
        if self.cause == "als":
            lowest = 3  # domain.md: ALS strengthens only muscles that move against gravity
        rule = self.condition_rule
        if rule is not None:
            lowest = max(lowest, rule.min_grade_to_strengthen)
        return lowest

    @cached_property
    def target_muscles(self) -> tuple[str, ...]:
        """The profile's targets, plus what screening adds (osteoporosis: back extensors), less
        the muscles too weak to strengthen."""
        targets = self.profile.get("targets", ["all"])
        named = set(MUSCLE_GROUPS) if "all" in targets else set(targets)
        named = {m for m in named if self.grade(m) >= self.strengthen_from_grade}
        for muscle in (m for rule in self.screening_rules for m in rule.adds_targets):
            # Added only where some strength exercise open to the client trains it.
            if muscle in named or self.grade(muscle) < self.strengthen_from_grade:
                continue
            trial = named | {muscle}
            if any(muscle in e.primary_muscles and e.component != "balance" and self.possible(e)
                   and not (self.seated and {m for m in e.primary_muscles if m in LOWER_LIMB_AND_TRUNK} - trial)
                   for e in self.ref.exercises.values()):
                named.add(muscle)
        return tuple(m for m in MUSCLE_GROUPS if m in named)

    @property
    def seated(self) -> bool:
        return bool(self.limitations & SEATED_LIMITATIONS)

    @property
    def age(self) -> int:
        age = self.profile["client"].get("age")
        return age if isinstance(age, int) else 0

    @property
    def at_hand(self) -> set[str]:
        """Equipment listed, plus a seat for a seated client (spec/profile.md round 2)."""
        return self.equipment | ({"chair"} if self.seated else set())

    @cached_property
    def medication_classes(self) -> set[str]:
        """medications.yaml classes named by the client's medicines (whole words)."""
        found = set()
        for written in self._screening_names("medications"):
            words = set(re.findall(r"[a-z]+", written.lower()))
            found |= {cid for cid, names in (self.ref.medication_names or {}).items() if words & set(names)}
        return found

    @cached_property
    def screening_rules(self) -> list[ScreeningRule]:
        """screening.yaml rules for the client's conditions (and MS cause) and medicine classes."""
        conditions = set(self.health_conditions)
        if self.cause == "multiple_sclerosis":
            conditions.add("multiple_sclerosis")
        by_condition = self.ref.screening_conditions or {}
        by_medicine = self.ref.screening_medications or {}
        return ([by_condition[c] for c in sorted(conditions) if c in by_condition]
                + [by_medicine[m] for m in sorted(self.medication_classes) if m in by_medicine])

    @cached_property
    def balance_reasons(self) -> list[str]:
        """Why balance practice is a must: 65+, balance_impaired, a fall, a falls-risk test."""
        reasons = []
        if self.age >= BALANCE_FROM_AGE:
            reasons.append(f"age {self.age}")
        if "balance_impaired" in self.limitations:
            reasons.append("balance_impaired")
        falls = self.profile["client"].get("falls_last_year")
        if isinstance(falls, int) and falls >= 1:
            reasons.append("a fall in the last year")
        tests = self.profile.get("assessment")
        tests = tests if isinstance(tests, dict) else {}
        reasons += [test for test, crossed in FALLS_RISK
                    if isinstance(tests.get(test), (int, float)) and crossed(tests[test])]
        return reasons

    def possible(self, entry: CatalogExercise) -> bool:
        """Could this client do the catalog exercise at all (equipment, setting, limitations,
        grades, clinician's exclusions)? Used to ask only for work that exists."""
        limitations = self.limitations | ({"seated_only"} if self.seated else set())
        limitations |= {t for rule in self.screening_rules for t in rule.treat_as}
        if set(entry.equipment) - self.at_hand - {"wall"}:
            return False
        if self.seated and entry.modality != "seated":
            return False
        rule = self.condition_rule
        if entry.modality == "aquatic" and (self.health_conditions & POOL_CONTRAINDICATIONS
                                            or (rule is not None and not rule.pool_allowed)):
            return False
        if entry.eccentric_emphasis and (self.condition == "neurogenic"
                                         or (rule is not None and not rule.eccentric_emphasis_allowed)):
            return False
        if "single_leg" in entry.tags:
            standing = list(entry.primary_muscles) + (["quadriceps"] if entry.modality == "land" else [])
            if any(self.grade(m) < SINGLE_LEG_GRADE for m in standing):
                return False
        if entry.load_kind not in UNLOADED_KINDS and any(self.grade(m) <= 3 for m in entry.primary_muscles):
            return False
        if set(entry.excluded_by) & limitations or entry.id in self.excluded_ids:
            return False
        for tag in limitations:
            rule = self.ref.limitations.get(tag)
            if rule and (entry.modality in rule.excludes_modalities or entry.pattern in rule.excludes_patterns
                         or set(entry.tags) & set(rule.excludes_tags)):
                return False
        if set(entry.tags) & {t for rule in self.screening_rules for t in rule.excludes_tags}:
            return False
        return all(self.grade(m) >= max(entry.min_grade, self.strengthen_from_grade)
                   for m in entry.primary_muscles)

    @property
    def excluded_ids(self) -> set[str]:
        return set((self.profile.get("exercises") or {}).get("exclude", []))

    # --- weeks, sessions, exercises -------------------------------------------------

    @property
    def week_count(self) -> int:
        return len(self.weeks)

    def week_start(self, number: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * (number - 1))

    @property
    def plan_end(self) -> dt.date:
        """The last day of the planned weeks."""
        return self.week_start(self.week_count + 1) - dt.timedelta(days=1)

    def sessions(self, weeks: list[dict] | None = None) -> Iterator[tuple[dict, dict]]:
        for week in self.weeks if weeks is None else weeks:
            for session in week["sessions"]:
                yield week, session

    def exercises(self, weeks: list[dict] | None = None) -> Iterator[tuple[dict, dict, dict]]:
        for week, session in self.sessions(weeks):
            for exercise in session["exercises"]:
                yield week, session, exercise

    def catalog_entry(self, exercise_id: str) -> CatalogExercise | None:
        return self.ref.exercises.get(exercise_id)

    # --- reassessment -----------------------------------------------------------------

    @property
    def latest(self) -> dict:
        return self.history[-1]

    @property
    def reassessed(self) -> bool:
        return self.latest["action"] == "reassess"

    @property
    def rebuilt_from_week(self) -> int:
        """First week planned under the current profile (1 for a plan never reassessed)."""
        if not self.reassessed:
            return 1
        if self.latest.get("rebuilt_from_week") is not None:
            return self.latest["rebuilt_from_week"]
        return self.first_week_on_or_after(day(self.latest["date"]))

    def first_week_on_or_after(self, date: dt.date) -> int:
        for week in self.weeks:
            if day(week["start"]) >= date:
                return week["week"]
        return self.week_count + 1

    @property
    def judged_weeks(self) -> list[dict]:
        """Weeks judged against the current profile; earlier ones were judged in the
        previous version (and, with --previous, must be identical to it)."""
        return [w for w in self.weeks if w["week"] >= self.rebuilt_from_week]

    def is_lighter(self, week: dict) -> bool:
        return week["deload"] is True

    # --- nutrition ----------------------------------------------------------------------

    @property
    def protein_shortfall_declared(self) -> bool:
        return any(w.startswith(SHORTFALL_WARNING) for w in self.plan["warnings"])


def where(week: dict | None = None, session: dict | None = None, muscle: str | None = None) -> dict:
    """Location keywords for a finding."""
    return {
        "week": week["week"] if week is not None else None,
        "date": session["date"] if session is not None else None,
        "muscle": muscle,
    }
