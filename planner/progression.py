"""Periodisation: the shape of the 8-12 weeks and every exercise's dose in each week.

Shape (domain.md): familiarisation in weeks 1-2, build, a lighter week at least
every 4th week and before each reassessment (midpoint and end), then intensify.
Doses start where the condition and age say (older adults 1 light set of 10-15;
neurogenic effort capped, never to failure) and rise by bounded steps.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from planner.catalog import ConditionRule, Exercise
from planner.profile import Profile
from planner.timing import exercise_seconds

MAX_LOADED_RUN = 3  # loaded weeks in a row before a lighter one ("every 4th week")


@dataclass(frozen=True)
class WeekShape:
    week: int
    phase: str
    deload: bool
    block: int  # 1 up to the midpoint reassessment, 2 after it


@dataclass(frozen=True)
class Level:
    """The dose of a week, before it is fitted to an exercise."""

    sets: int
    effort_rpe: int
    reps: tuple[int, int]
    hold_s: int
    rest_s: int
    load_stage: int  # 0 light, 1 moderate, 2 heavier
    deload: bool = False  # a lighter week: capped efforts come down too


def midpoint(weeks: int) -> int:
    """The week after which the midpoint reassessment happens."""
    return math.ceil(weeks / 2)


def skeleton(weeks: int) -> list[WeekShape]:
    """Phase and lighter-week flag of every week."""
    mid = midpoint(weeks)
    planned_light = {mid, weeks}
    light: set[int] = set(planned_light)
    run = 0
    for week in range(1, weeks + 1):
        if week <= 2 or week in light:
            run = 0
            continue
        run += 1
        # A fourth loaded week in a row becomes lighter, unless a planned lighter
        # week follows at once (two lighter weeks in a row waste a week).
        if run > MAX_LOADED_RUN and week + 1 not in planned_light:
            light.add(week)
            run = 0
    shapes = []
    for week in range(1, weeks + 1):
        block = 1 if week <= mid else 2
        if week <= 2:
            phase = "familiarisation"
        elif week == weeks:
            phase = "consolidate"
        elif week in light:
            phase = "deload"
        else:
            phase = "build" if block == 1 else "intensify"
        shapes.append(WeekShape(week=week, phase=phase, deload=week in light, block=block))
    return shapes


def reassessment_dates(start: dt.date, weeks: int) -> list[dt.date]:
    """Midpoint and end: the day after the lighter week that closes each block."""
    return [start + dt.timedelta(days=7 * midpoint(weeks)), start + dt.timedelta(days=7 * weeks)]


def cautious(profile: Profile) -> bool:
    """Older adults, sarcopenia and neurogenic weakness start lighter and build slower."""
    return profile.older_adult or profile.condition in ("sarcopenia", "neurogenic")


def week_levels(profile: Profile, rule: ConditionRule, shapes: list[WeekShape],
                *, shift: int = 0, from_week: int = 1, before: Level | None = None,
                max_sets: int | None = None) -> dict[int, Level]:
    """The dose level of each week from `from_week` on.

    `shift` moves a rebuilt plan up (+1) or down (-1) after a reassessment;
    `before` is the last loaded level of the kept weeks, so lighter weeks and
    step-downs are measured from it; `max_sets` caps the sets when sessions
    are too short for the condition's full dose.
    """
    if max_sets is not None:
        rule = rule.model_copy(update={"max_sets": min(rule.max_sets, max_sets)})
    slow = cautious(profile)
    cap = rule.effort_cap_rpe
    levels: dict[int, Level] = {}
    last_loaded = before
    # A step down never takes loaded weeks back to week 1's effort: the plan must progress.
    first_effort = _loaded_level(profile, rule, shapes[0], shapes, slow, cap).effort_rpe
    for shape in shapes:
        if shape.week < from_week:
            continue
        if shape.deload:
            base = last_loaded or _loaded_level(profile, rule, shape, shapes, slow, cap)
            # A lighter week lowers sets and effort, the final consolidate week too
            # (issue 11: a lighter week is lighter in effort too), unless that would
            # bring the last week back to week 1's effort: the programme ends above its start.
            effort = max(3, base.effort_rpe - 1)
            if shape.phase == "consolidate" and effort <= first_effort:
                # No room: one less would take the last week back to week 1's effort.
                effort = base.effort_rpe
            level = Level(sets=max(1, base.sets - 1), effort_rpe=effort,
                          reps=base.reps, hold_s=max(10, base.hold_s - 10), rest_s=60,
                          load_stage=max(0, base.load_stage - 1), deload=True)
        else:
            level = _loaded_level(profile, rule, shape, shapes, slow, cap)
            level = replace(level, reps=double_progression(level.reps, shape, shapes))
            if shift:
                # Loaded weeks keep at least 2 sets after familiarisation, so a lighter
                # week can still be lighter; a step up never more than doubles the sets.
                floor = 1 if shape.phase == "familiarisation" else min(2, rule.max_sets)
                ceiling = rule.max_sets if before is None else min(rule.max_sets, 2 * before.sets)
                level = replace(
                    level,
                    sets=min(ceiling, max(floor, level.sets + shift)),
                    effort_rpe=min(cap, max(first_effort + 1 if shape.phase != "familiarisation" else 3,
                                            level.effort_rpe + shift)),
                    load_stage=min(2, max(0, level.load_stage + shift)))
            last_loaded = level
        levels[shape.week] = level
    return levels


def double_progression(reps: tuple[int, int], shape: WeekShape, shapes: list[WeekShape]) -> tuple[int, int]:
    """Reps climb inside a run of build or intensify weeks: the lower half of the range first,
    then up to the top; the next phase brings the heavier load or the harder rung.

    ACSM 2009 double progression: raise the load when the top of the rep range is reached
    with 1-2 reps to spare, so exercises get harder inside a block without waiting for a
    reassessment.
    """
    if shape.phase not in ("build", "intensify"):
        return reps
    run = _phase_run(shape, shapes)
    low, high = reps
    if len(run) < 2 or high - low < 4:  # a narrow range has no room for two steps
        return reps
    middle = (low + high + 1) // 2
    return (low, middle) if shape.week == run[0] else (middle, high)


def _phase_run(shape: WeekShape, shapes: list[WeekShape]) -> list[int]:
    """The consecutive loaded weeks of the same phase around `shape`."""
    by_week = {s.week: s for s in shapes}
    start = shape.week
    while start - 1 in by_week and not by_week[start - 1].deload and by_week[start - 1].phase == shape.phase:
        start -= 1
    end = shape.week
    while end + 1 in by_week and not by_week[end + 1].deload and by_week[end + 1].phase == shape.phase:
        end += 1
    return list(range(start, end + 1))


def _loaded_level(profile: Profile, rule: ConditionRule, shape: WeekShape, shapes: list[WeekShape],
                  slow: bool, cap: int) -> Level:
    light_reps = (10, 15) if slow else (10, 12)
    if shape.phase == "familiarisation":
        sets = rule.start_sets if shape.week == 1 or slow else min(rule.max_sets, rule.start_sets + 1)
        return Level(sets=sets, effort_rpe=min(cap, 5 if not slow else 4 + (shape.week == 2)),
                     reps=light_reps, hold_s=15 if slow else 20, rest_s=60, load_stage=0)
    if shape.phase == "build":
        return Level(sets=min(rule.max_sets, 2), effort_rpe=min(cap, 6 if rule.effort_cap_rpe > 6 else 5),
                     reps=(10, 12) if slow else (8, 12), hold_s=20 if slow else 30, rest_s=75, load_stage=1)
    # intensify: the final loaded weeks go one step harder where the cap allows
    last_loaded = max(s.week for s in shapes if not s.deload)
    effort = 7 if shape.week < last_loaded - 1 else 8
    return Level(sets=rule.max_sets, effort_rpe=min(cap, effort), reps=(8, 12),
                 hold_s=30 if slow else 40, rest_s=90, load_stage=2)


# Load in words per kind of load and stage (light, moderate, heavier); the cautious
# column is for older adults and neurogenic weakness.
LOAD_WORDS = {
    "band": (("light band", "light band", "medium band"), ("light band", "medium band", "firm band")),
    "dumbbell": (("1-2 kg dumbbells", "2-3 kg dumbbells", "3-4 kg dumbbells"),
                 ("2-4 kg dumbbells", "4-6 kg dumbbells", "6-10 kg dumbbells")),
    "kettlebell": (("4 kg kettlebell", "6 kg kettlebell", "8 kg kettlebell"),
                   ("8 kg kettlebell", "12 kg kettlebell", "16 kg kettlebell")),
    "ankle_weight": (("0.5 kg ankle weight", "1 kg ankle weight", "1.5 kg ankle weight"),
                     ("1 kg ankle weight", "2 kg ankle weight", "3 kg ankle weight")),
    "machine": (("light setting: 15 easy repetitions", "setting you could move 15 times",
                 "setting you could move 12 times"),
                ("light setting: 15 easy repetitions", "setting you could move 12-15 times",
                 "setting you could move 10-12 times")),
    "grip_trainer": (("soft grip trainer", "soft grip trainer", "medium grip trainer"),
                     ("soft grip trainer", "medium grip trainer", "firm grip trainer")),
}
WATER_WORDS = {"chest": "chest-deep water", "waist": "waist-deep water", "hip": "hip-deep water",
               "none": "in the pool"}


def load_words(exercise: Exercise, stage: int, profile: Profile) -> str:
    """The load in words, e.g. 'light band', '2-4 kg dumbbells', 'chest-deep water'."""
    if exercise.load_kind == "bodyweight":
        return "bodyweight"
    if exercise.load_kind == "water":
        depth = exercise.figure.water if exercise.figure else "none"
        words = WATER_WORDS[depth]
        return words + (", move briskly" if stage == 2 else "")
    column = 0 if cautious(profile) else 1
    return LOAD_WORDS[exercise.load_kind][column][stage]


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: tuple[int, int] | None
    hold_s: int | None
    effort_rpe: int
    rest_s: int
    load: str


# --- Dose by priority and reachable effort (issue 11, Build 8) ------------------------

# Small muscle groups: they take smaller steps (ACSM 2009) and, for function, matter
# less than the large lower-limb groups a client stands, walks and climbs with.
SMALL_GROUPS = frozenset({"forearms", "biceps"})
ARM_GROUPS = frozenset({"forearms", "biceps", "triceps", "shoulders"})
# An unloaded small movement (a fist clench, an arm curl without weight, a seated ankle
# pump) cannot be taken to 7/10 effort: without load there is nothing to push against.
REACHABLE_UNLOADED_RPE = 6
PRIORITY_EXTRA_SETS = 1


def priority_muscles(profile: Profile) -> frozenset[str]:
    """The clinician's `priority` groups and the affected limb's groups: they get an extra set."""
    from planner.vocab import LIMB_MUSCLES
    limb = {m for part in profile.affected for m in LIMB_MUSCLES[part]}
    return frozenset(set(profile.priority) | limb)


def unloaded_small_movement(exercise: Exercise) -> bool:
    """A bodyweight single-joint movement of the arms, or done seated: its effort is capped."""
    return (exercise.load_kind == "bodyweight" and not exercise.compound
            and (exercise.modality == "seated" or set(exercise.primary_muscles) <= ARM_GROUPS))


def exercise_sets(exercise: Exercise, level_sets: int, profile: Profile) -> int:
    """Sets for one exercise: priority and affected-limb work one more, forearm/biceps-only work one fewer.

    So weekly sets follow priority: a `priority` or affected muscle above the rest, large
    lower-limb groups above forearms and biceps (domain.md, Prescription round 2; ACSM
    2009: small muscle groups take smaller steps). When every target is a small group,
    nothing is taken away, so a lighter week can still be lighter.
    """
    muscles = set(exercise.primary_muscles)
    if muscles & priority_muscles(profile):
        return level_sets + PRIORITY_EXTRA_SETS
    if muscles <= SMALL_GROUPS and not set(profile.targets) <= SMALL_GROUPS:
        return max(1, level_sets - 1)
    return level_sets


def dose_for(exercise: Exercise, level: Level, profile: Profile) -> Dose:
    """Fit a week's level to one exercise (reps or a timed hold)."""
    sets = exercise_sets(exercise, level.sets, profile)
    effort = level.effort_rpe
    if unloaded_small_movement(exercise):
        effort = min(effort, REACHABLE_UNLOADED_RPE - level.deload)
    if exercise.dose == "hold":
        return Dose(sets=sets, reps=None, hold_s=level.hold_s, effort_rpe=effort,
                    rest_s=min(level.rest_s, 60), load=load_words(exercise, level.load_stage, profile))
    # Single-joint work on small muscles recovers faster between sets (ACSM: 1-2 min).
    rest = level.rest_s if exercise.compound else min(level.rest_s, 60)
    return Dose(sets=sets, reps=level.reps, hold_s=None, effort_rpe=effort,
                rest_s=rest, load=load_words(exercise, level.load_stage, profile))


def dose_seconds(exercise: Exercise, dose: Dose) -> int:
    """Time this exercise takes at this dose (see planner.timing)."""
    return exercise_seconds(sets=dose.sets, reps_high=dose.reps[1] if dose.reps else None,
                            hold_s=dose.hold_s, rest_s=dose.rest_s, tempo_s=exercise.tempo_s,
                            unilateral=exercise.unilateral)


def peak_seconds(exercise: Exercise, levels: list[Level], profile: Profile) -> int:
    """The longest this exercise takes in any week: what the solver budgets for."""
    return max(dose_seconds(exercise, dose_for(exercise, level, profile)) for level in levels)
