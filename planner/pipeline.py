"""The whole generation in one place: profile -> eligibility -> solver -> Plan.

screen (red flags) -> eligibility -> week shape and levels -> CP-SAT template ->
weeks with doses -> nutrition -> assessments, notes, warnings, history.
"""

from __future__ import annotations

import datetime as dt

from planner import aerobic, assessment, safety
from planner.assemble import build_weeks, step_up
from planner.catalog import Catalog
from planner.errors import Infeasible, InputError
from planner.eligibility import Eligibility, eligibility
from planner.plan import HistoryEntry, Plan
from planner.profile import Profile
from planner.progression import (
    Level, WeekShape, cautious, peak_seconds, reassessment_dates, skeleton, week_levels,
)
from planner.solver import Template, order_session, solve_template


def plan_date(profile: Profile) -> dt.date:
    """The date a plan is made on: the baseline assessment, else the day before the start.

    Taken from the profile, not the clock, so the same profile gives the same bytes.
    """
    if profile.assessment and profile.assessment.date:
        return profile.assessment.date
    return profile.schedule.start - dt.timedelta(days=1)


def solve_for(profile: Profile, catalog: Catalog, elig: Eligibility, levels: list[Level], *,
              preferred=(), forbidden_first_days=(), continuity=None, explain: bool = True) -> Template:
    """Solve the weekly template, budgeting each exercise at its longest dose."""
    seconds = {e.id: peak_seconds(e, levels, profile) for e in elig.exercises}
    return solve_template(profile, catalog, elig, seconds, preferred=list(preferred),
                          forbidden_first_days=list(forbidden_first_days), continuity=continuity,
                          explain=explain)


MIN_PEAK_SETS = 2  # below this a lighter week could not have fewer sets


def solve_fitting_time(profile: Profile, catalog: Catalog, elig: Eligibility, levels_for, *,
                       preferred=(), forbidden_first_days=(), solved_weeks=None, continuity_for=None):
    """Solve at the condition's full dose; if sessions are too short, peak at fewer sets.

    `levels_for(max_sets)` gives the week levels; `solved_weeks` limits which
    weeks' doses must fit. Returns (template, levels, peak sets, warnings).
    """
    caps = sorted({elig.rule.max_sets, min(elig.rule.max_sets, MIN_PEAK_SETS)}, reverse=True)
    for cap in caps:
        levels = levels_for(cap)
        budget = [level for week, level in levels.items() if solved_weeks is None or week in solved_weeks]
        try:
            template = solve_for(profile, catalog, elig, budget, preferred=preferred,
                                 forbidden_first_days=forbidden_first_days,
                                 continuity=continuity_for(levels) if continuity_for else None,
                                 explain=cap == caps[-1])
        except Infeasible:
            if cap == caps[-1]:
                raise
            continue
        warnings = []
        if cap < elig.rule.max_sets:
            warnings.append(f"{profile.schedule.minutes_per_session} minutes per session leave room for at most "
                            f"{cap} sets of each exercise (the full dose is {elig.rule.max_sets}); "
                            "allow more minutes for the full programme.")
        return template, levels, cap, warnings
    raise AssertionError("unreachable")


def steps_up_automatically(profile: Profile, elig: Eligibility) -> bool:
    """Step up the ladder at the midpoint without waiting for a reassessment?

    Not for slow-progression (neurogenic) clients, nor for cautious clients whose
    baseline tests already cross two or more cut-offs: their step waits for the
    reassessment to show it is safe.
    """
    if elig.rule.progression == "slow":
        return False
    if cautious(profile) and profile.assessment is not None:
        if len(assessment.flags(profile.assessment, profile)) >= 2:
            return False
    return True


# Pain monitoring for a painful or osteoarthritic knee or hip (OARSI 2019): said once. The
# limitation and the screening condition each said it, and Rosa (knee pain and knee
# osteoarthritis) read it twice in other words.
PAIN_MONITORING = "Pain up to 3 of 10 during or after exercise that settles by the next day is acceptable."
PAIN_MONITORED = frozenset({"knee_pain", "hip_pain", "knee_osteoarthritis", "hip_osteoarthritis"})


def notes_for(profile: Profile, catalog: Catalog, elig: Eligibility, pool_session: bool = False) -> list[str]:
    """Condition, limitation and screening notes printed on the programme (pool safety when a pool
    session exists)."""
    notes = list(elig.rule.notes) + ([] if profile.seated else list(elig.rule.standing_notes))
    for tag in profile.limitations:
        rule = catalog.limitations.get(tag)
        if rule:
            notes.append(rule.note)
    if elig.balance_reasons and profile.seated:
        notes.append("Seated balance practice is part of every week, on at least 3 days: brakes on, feet "
                     "supported, a hand ready on the armrest, and on home-practice days too.")
    elif elig.balance_reasons:
        # Otago: standing balance always beside a stable support (domain.md, Prescription round 2).
        notes.append("Balance practice is part of every week, on at least 3 days: always within reach of a "
                     "sturdy chair, counter or wall, and on home-practice days too.")
    if elig.acts is not None:
        notes.extend(elig.acts.advice)
    if PAIN_MONITORED & {*profile.limitations, *profile.screening.conditions}:
        notes.append(PAIN_MONITORING)
    # The aerobic prescription (WHO 2020) in the client's own mode replaces "a light walk every day",
    # which a client who cannot walk cannot follow.
    notes.append(aerobic.advice(profile, elig.pool_usable))
    if pool_session:
        # The condition's own note may already warn of warm therapy pools: say it once.
        notes.extend(n for n in pool_safety(profile) if n != POOL_HEAT or not any("34-35" in m for m in notes))
    # A condition and a limitation may give the same note word for word (stand by a support): once.
    return list(dict.fromkeys(notes))


# Pool safety (domain.md, "Aquatic work"; ADA 2016 on low blood sugar; MS heat
# sensitivity, Uhthoff): printed when the plan holds a pool session.
POOL_ALONE = "In the pool: never swim or exercise alone; a lifeguard or a companion should be there."
POOL_ENTRY = ("Enter and leave the water by the steps or the hoist, holding the rail; floors around the pool are "
              "wet and slippery, so wear non-slip shoes up to the edge.")
# A client who cannot stand gets in by hoist or pool chair, and may not feel a scrape or a
# pressure mark on numb skin (spinal cord injury): check the skin after each pool session.
POOL_ENTRY_SEATED = ("Get in and out of the water by the hoist or a pool chair, with a trained helper; after the "
                     "session, dry off and check your skin for scrapes or pressure marks you may not feel.")
POOL_SUGAR = ("Low blood sugar is harder to notice in water: check your glucose before the pool session and keep "
              "fast sugar at the poolside.")
POOL_HEAT = ("Therapy pools are often 34-35.5 °C: too warm when heat brings on your symptoms; choose a cooler "
             "pool (27-29 °C) and get out to cool down if symptoms flare.")
GLUCOSE_LOWERING = ("insulin", "glicl", "glipi", "glibencl", "glimepir", "sulfonylurea")


def pool_safety(profile: Profile) -> list[str]:
    """The pool safety notes for this client: always alone/entry/floors; sugar and heat when they apply."""
    notes = [POOL_ALONE, POOL_ENTRY_SEATED if profile.seated else POOL_ENTRY]
    medications = " ".join(profile.screening.medications).lower()
    if "diabetes" in profile.screening.conditions or any(name in medications for name in GLUCOSE_LOWERING):
        notes.append(POOL_SUGAR)
    if profile.neurogenic_cause == "multiple_sclerosis":
        notes.append(POOL_HEAT)
    return notes


def stop_rules_for(elig: Eligibility) -> list[str]:
    """The one stop-rule list: the general rules, then each condition's and medicine's own."""
    extra = list(elig.acts.stop_rules) if elig.acts is not None else []
    return list(safety.STOP_RULES) + [rule for rule in extra if rule not in safety.STOP_RULES]


def clinician_notes_for(profile: Profile, elig: Eligibility) -> list[str]:
    """What only the clinician reads: why balance is a must, screening decisions."""
    notes = []
    if elig.balance_reasons:
        notes.append("Balance practice on >= 3 days a week (Sherrington 2019; Otago): "
                     + "; ".join(elig.balance_reasons) + ".")
    if elig.acts is not None:
        notes.extend(elig.acts.clinician_notes)
        for rule in elig.acts.rules:
            notes.append(f"{rule.label}: {rule.source}.")
    return notes


def check_exercise_choices(profile: Profile, catalog: Catalog) -> None:
    """Every id the clinician preferred or excluded is a catalog exercise (InputError, exit 2)."""
    for key in ("prefer", "exclude"):
        for index, exercise_id in enumerate(getattr(profile.exercises, key)):
            if exercise_id not in catalog.exercises:
                raise InputError(f"{exercise_id!r} is not a catalog exercise (see `planner catalog list`)",
                                 key=f"exercises.{key}.{index}")


def build_plan(profile: Profile, catalog: Catalog) -> Plan:
    """Build the whole plan for one client, or raise SafetyRefusal / Infeasible / InputError."""
    safety.screen(profile)
    check_exercise_choices(profile, catalog)
    from planner.nutrition import build_nutrition  # late: nutrition pulls its own solver

    elig = eligibility(profile, catalog)
    shapes = skeleton(profile.schedule.weeks)
    template, levels, peak_sets, time_warnings = solve_fitting_time(
        profile, catalog, elig, lambda cap: week_levels(profile, elig.rule, shapes, max_sets=cap))

    block_two = None
    if steps_up_automatically(profile, elig):
        block_levels = [levels[s.week] for s in shapes if s.block == 2]
        stepped = step_up(template.sessions, catalog, elig, profile, block_levels)
        block_two = {day: order_session([catalog.exercise(i) for i in ids]) for day, ids in stepped.items()}
    weeks = build_weeks(profile, catalog, elig, template.sessions, shapes, levels,
                        block_two_sessions=block_two)

    training_days = sorted({s.weekday for w in weeks for s in w.sessions})
    nutrition, nutrition_warnings = build_nutrition(profile, catalog, training_days)
    warnings = list(elig.warnings) + time_warnings + list(nutrition_warnings)
    if elig.rule.clinician_oversight:
        warnings.append(f"{elig.rule.label}: this programme needs a clinician's oversight.")
    assessments = []
    if profile.assessment is not None:
        assessments.append(assessment.record(profile.assessment, profile))
    made = plan_date(profile)
    return Plan(
        version=1, profile=profile, weeks=weeks, nutrition=nutrition, assessments=assessments,
        reassessment_dates=reassessment_dates(profile.schedule.start, profile.schedule.weeks),
        warnings=warnings, history=[HistoryEntry(version=1, action="generate", date=made)],
        stop_rules=stop_rules_for(elig), notes=notes_for(profile, catalog, elig, has_pool_session(weeks)),
        clinician_notes=clinician_notes_for(profile, elig),
        solver={"status": template.status, "objective": template.objective,
                "soft_penalties": template.penalties, "peak_sets": peak_sets},
        catalog_version=catalog_fingerprint(catalog),
    )


def has_pool_session(weeks) -> bool:
    """Does any week hold a pool session?"""
    return any(s.setting == "pool" for w in weeks for s in w.sessions)


def catalog_fingerprint(catalog: Catalog) -> str:
    """A short, stable digest of the catalog so a plan says which catalog made it."""
    import hashlib
    digest = hashlib.sha256()
    for exercise_id in sorted(catalog.exercises):
        digest.update(catalog.exercises[exercise_id].model_dump_json().encode())
    for food_id in sorted(catalog.foods):
        digest.update(catalog.foods[food_id].model_dump_json().encode())
    return digest.hexdigest()[:12]
