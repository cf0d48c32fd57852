"""Which exercises this client can do, and which muscles may be strengthened at all.

Rules (domain.md, issue 3): equipment and pool at hand, limitation tags, seated
only, strength grades (every primary muscle graded >= the exercise's min_grade;
grade 0-1 muscles are not strengthened), condition rules (neurogenic: no heavy
eccentric work; ALS: only muscles graded >= 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.catalog import Catalog, ConditionRule, Exercise
from planner.profile import Profile

# Conditions in which the pool is not safe (domain.md, "Aquatic work").
POOL_CONTRAINDICATIONS = ("open_wound", "infection", "fever", "incontinence", "uncontrolled_epilepsy",
                          "unstable_heart_disease", "uncontrolled_hypertension")


@dataclass(frozen=True)
class Eligibility:
    """The exercises a client can do and the muscles the plan must train."""

    exercises: tuple[Exercise, ...]
    targets: tuple[str, ...]
    not_strengthened: dict[str, str]
    rule: ConditionRule
    pool_usable: bool
    warnings: tuple[str, ...] = field(default=())

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.exercises)


def condition_rule(profile: Profile, catalog: Catalog) -> ConditionRule:
    """The caps that apply: the neurogenic cause's when it has its own entry."""
    cause = profile.neurogenic_cause if profile.condition == "neurogenic" else None
    return catalog.condition_rule(profile.condition, cause)


def pool_problem(profile: Profile, rule: ConditionRule) -> str | None:
    """Why the pool cannot be used, or None."""
    if not profile.has_pool:
        return "no pool at hand"
    blocked = [c for c in profile.screening.conditions if c in POOL_CONTRAINDICATIONS]
    if blocked:
        return f"pool work is unsafe with {', '.join(c.replace('_', ' ') for c in blocked)}"
    if not rule.pool_allowed:
        return f"pool work is not advised for {rule.label}"
    return None


def muscles_not_strengthened(profile: Profile, rule: ConditionRule) -> dict[str, str]:
    """Muscle -> reason, for muscles graded too weak to strengthen."""
    out = {}
    for muscle, grade in profile.strength.items():
        if grade <= 1:
            out[muscle] = (f"graded {grade} (no useful contraction): not strengthened; "
                           "ask the clinician about electrotherapy")
        elif grade < rule.min_grade_to_strengthen:
            out[muscle] = (f"graded {grade}: {rule.label} plans strengthen only muscles graded "
                           f"{rule.min_grade_to_strengthen} or more")
    return out


def why_not(exercise: Exercise, profile: Profile, catalog: Catalog, rule: ConditionRule,
            pool_usable: bool, weak: dict[str, str]) -> str | None:
    """The first reason this client cannot do this exercise, or None if they can."""
    missing = exercise.needs - set(profile.equipment)
    if missing:
        return f"needs {', '.join(sorted(missing))}"
    if exercise.modality == "aquatic" and not pool_usable:
        return "pool not usable"
    clashing = set(exercise.excluded_by) & set(profile.limitations)
    if clashing:
        return f"unsafe with {', '.join(sorted(clashing))}"
    for tag in profile.limitations:
        limitation = catalog.limitations.get(tag)
        if limitation and exercise.modality in limitation.excludes_modalities:
            return f"{exercise.modality} work is excluded by {tag}"
        if limitation and exercise.pattern in limitation.excludes_patterns:
            return f"{exercise.pattern} work is excluded by {tag}"
    for muscle in exercise.primary_muscles:
        if muscle in weak:
            return f"{muscle} is not strengthened ({weak[muscle]})"
        if profile.grade(muscle) < exercise.min_grade:
            return f"{muscle} graded {profile.grade(muscle)}, exercise needs {exercise.min_grade}"
    if exercise.load_kind not in ("bodyweight", "water"):
        graded_three = [m for m in exercise.primary_muscles if profile.grade(m) <= 3]
        if graded_three:
            # Grade 3 moves against gravity only: no added load (domain.md).
            return f"{graded_three[0]} graded {profile.grade(graded_three[0])}: no added load yet"
    if exercise.eccentric_emphasis and not rule.eccentric_emphasis_allowed:
        return f"heavy eccentric work is withheld in {rule.label}"
    return None


def eligibility(profile: Profile, catalog: Catalog) -> Eligibility:
    """Filter the catalog for this client and settle the muscles to train."""
    rule = condition_rule(profile, catalog)
    pool_reason = pool_problem(profile, rule)
    pool_usable = pool_reason is None
    weak = muscles_not_strengthened(profile, rule)
    warnings = []
    for muscle, reason in weak.items():
        warnings.append(f"{muscle} {reason}.")
    if profile.has_pool and not pool_usable:
        warnings.append(f"The pool is left out: {pool_reason}.")
    exercises = tuple(sorted(
        (e for e in catalog.exercises.values()
         if why_not(e, profile, catalog, rule, pool_usable, weak) is None),
        key=lambda e: e.id))
    targets = tuple(m for m in profile.targets if m not in weak)
    return Eligibility(exercises=exercises, targets=targets, not_strengthened=weak, rule=rule,
                       pool_usable=pool_usable, warnings=tuple(warnings))
