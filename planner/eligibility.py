"""Which exercises this client can do, and which muscles may be strengthened at all.

Rules (domain.md, issue 3): equipment and pool at hand, limitation tags, seated
only, strength grades (every primary muscle graded >= the exercise's min_grade;
grade 0-1 muscles are not strengthened), condition rules (neurogenic: no heavy
eccentric work; ALS: only muscles graded >= 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.assessment import BALANCE_FROM_AGE, balance_reasons
from planner.catalog import Catalog, ConditionRule, Exercise
from planner.profile import Profile
from planner.screening import ScreeningActs, screening_acts
from planner.vocab import LOWER_LIMB_AND_TRUNK, MUSCLE_GROUPS

# domain.md (Grades): body weight on one limb (one-leg calf raise, split squat) needs grade 4+.
SINGLE_LEG_GRADE = 4

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
    acts: ScreeningActs | None = None
    balance_reasons: tuple[str, ...] = ()   # why balance practice is a must (empty: not needed)
    sit_to_stand: bool = False              # a sit-to-stand ladder exercise every week (65+, standing)

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


def plan_targets(profile: Profile, acts: ScreeningActs, weak: dict[str, str],
                 catalog: Catalog | None = None, rule: ConditionRule | None = None,
                 pool_usable: bool = False) -> tuple[str, ...]:
    """The muscles the plan trains: the profile's targets plus those screening adds
    (osteoporosis: back extensors, Too Fit To Fall; knee osteoarthritis: quadriceps, OARSI
    2019) where some exercise the client can do trains them, less the too weak."""
    wanted = {m for m in profile.targets if m not in weak}
    for muscle in acts.adds_targets:
        if muscle in wanted or muscle in weak or catalog is None:
            continue
        trial = tuple(m for m in MUSCLE_GROUPS if m in wanted | {muscle})
        if any(muscle in e.primary_muscles and e.component != "balance"
               and why_not(e, profile, catalog, rule, pool_usable, weak, acts, trial) is None
               for e in catalog.exercises.values()):
            wanted.add(muscle)
    return tuple(m for m in MUSCLE_GROUPS if m in wanted)


def why_not(exercise: Exercise, profile: Profile, catalog: Catalog, rule: ConditionRule,
            pool_usable: bool, weak: dict[str, str], acts: ScreeningActs | None = None,
            targets: tuple[str, ...] | None = None) -> str | None:
    """The first reason this client cannot do this exercise, or None if they can."""
    acts = acts if acts is not None else screening_acts(profile, catalog)
    targets = targets if targets is not None else plan_targets(profile, acts, weak, catalog, rule, pool_usable)
    if exercise.id in profile.exercises.exclude:
        return "excluded by the clinician"
    missing = exercise.needs - profile.equipment_at_hand
    if missing:
        return f"needs {', '.join(sorted(missing))}"
    if exercise.modality == "aquatic" and not pool_usable:
        return "pool not usable"
    limitations = profile.effective_limitations | acts.treat_as
    clashing = set(exercise.excluded_by) & limitations
    if clashing:
        return f"unsafe with {', '.join(sorted(clashing))}"
    for tag in sorted(limitations):
        limitation = catalog.limitations.get(tag)
        if limitation and exercise.modality in limitation.excludes_modalities:
            return f"{exercise.modality} work is excluded by {tag}"
        if limitation and exercise.pattern in limitation.excludes_patterns:
            return f"{exercise.pattern} work is excluded by {tag}"
        if limitation and set(exercise.tags) & set(limitation.excludes_tags):
            return f"{sorted(set(exercise.tags) & set(limitation.excludes_tags))[0]} work is excluded by {tag}"
    for tag in exercise.tags:
        if tag in acts.excluded_tags:
            return f"{tag} work is unsafe with {acts.excluded_tags[tag]}"
    for muscle in exercise.primary_muscles:
        if muscle in weak:
            return f"{muscle} is not strengthened ({weak[muscle]})"
        if profile.grade(muscle) < exercise.min_grade:
            return f"{muscle} graded {profile.grade(muscle)}, exercise needs {exercise.min_grade}"
    if "single_leg" in exercise.tags:
        for muscle in single_leg_muscles(exercise):
            if profile.grade(muscle) < SINGLE_LEG_GRADE:
                # domain.md (Grades): MRC 3 moves against gravity only, not body weight on one limb.
                return f"{muscle} graded {profile.grade(muscle)}: body weight on one limb needs grade 4"
    if exercise.load_kind not in ("bodyweight", "water"):
        graded_three = [m for m in exercise.primary_muscles if profile.grade(m) <= 3]
        if graded_three:
            # Grade 3 moves against gravity only: no added load (domain.md).
            return f"{graded_three[0]} graded {profile.grade(graded_three[0])}: no added load yet"
    if exercise.eccentric_emphasis and not rule.eccentric_emphasis_allowed:
        return f"heavy eccentric work is withheld in {rule.label}"
    if exercise.component != "balance":
        if not set(exercise.primary_muscles) & set(targets):
            return "trains none of the target muscles"
        if profile.seated:
            # A seated client's legs and trunk are worked only when the clinician asks (issue 11).
            untargeted = [m for m in exercise.primary_muscles if m in LOWER_LIMB_AND_TRUNK and m not in targets]
            if untargeted:
                return f"{untargeted[0]} is not a target of this seated client"
    return None


def single_leg_muscles(exercise: Exercise) -> list[str]:
    """The muscles that carry body weight on one limb: the primaries, and the standing knee."""
    muscles = list(exercise.primary_muscles)
    if exercise.modality == "land" and "quadriceps" not in muscles:
        muscles.append("quadriceps")
    return muscles


def needs_sit_to_stand(profile: Profile) -> bool:
    """Every client 65+ who can stand practises sit-to-stand (issue 11; Otago, EWGSOP2 chair stand)."""
    return profile.client.age >= BALANCE_FROM_AGE and not profile.seated


def eligibility(profile: Profile, catalog: Catalog) -> Eligibility:
    """Filter the catalog for this client and settle the muscles to train."""
    rule = condition_rule(profile, catalog)
    acts = screening_acts(profile, catalog)
    if acts.effort_cap_rpe is not None and acts.effort_cap_rpe < rule.effort_cap_rpe:
        # Heart disease, MS: the screening cap is lower than the condition's (ACSM).
        rule = rule.model_copy(update={"effort_cap_rpe": acts.effort_cap_rpe})
    pool_reason = pool_problem(profile, rule)
    pool_usable = pool_reason is None
    weak = muscles_not_strengthened(profile, rule)
    targets = plan_targets(profile, acts, weak, catalog, rule, pool_usable)
    warnings = list(acts.warnings)
    for muscle in acts.adds_targets:
        if muscle not in targets and muscle not in weak:
            warnings.append(f"{muscle.replace('_', ' ')} work that screening asks for could not be given with "
                            "this equipment and these limitations; ask the clinician.")
    for muscle, reason in weak.items():
        warnings.append(f"{muscle} {reason}.")
    if profile.has_pool and not pool_usable:
        warnings.append(f"The pool is left out: {pool_reason}.")
    exercises = tuple(sorted(
        (e for e in catalog.exercises.values()
         if why_not(e, profile, catalog, rule, pool_usable, weak, acts, targets) is None),
        key=lambda e: e.id))
    standing_work = any(e.modality == "land" for e in exercises)
    if standing_work and profile.grade("quadriceps") <= 3:
        # domain.md (Grades): a grade-3 quadriceps holds the knee against gravity only.
        warnings.append(f"Quadriceps graded {profile.grade('quadriceps')}: the knee may give way in standing "
                        "exercises; always stand within reach of a sturdy support, and stop if the knee buckles.")
    sit_to_stand = needs_sit_to_stand(profile) and any(e.role == "sit_to_stand" for e in exercises)
    if needs_sit_to_stand(profile) and not sit_to_stand and "chair" not in profile.equipment_at_hand:
        warnings.append("No sit-to-stand exercise could be given: it needs a sturdy chair (add chair to "
                        "equipment); practising standing up from a chair matters at any age over 65.")
    return Eligibility(exercises=exercises, targets=targets, not_strengthened=weak, rule=rule,
                       pool_usable=pool_usable, warnings=tuple(warnings), acts=acts,
                       balance_reasons=tuple(balance_reasons(profile)), sit_to_stand=sit_to_stand)
