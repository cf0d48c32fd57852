"""Turning a solved template and the week levels into the plan's weeks.

Every date, dose, alternative and session length of the plan JSON is set here;
the solver decided which exercises go on which day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.balance import balance_steps, climb
from planner.catalog import Catalog, Exercise
from planner.eligibility import Eligibility
from planner import aerobic, warmup
from planner.plan import AerobicWeek, Alternative, HomePractice, PlannedExercise, RoutineItem, Session, Week
from planner.profile import Profile
from planner.progression import Level, WeekShape, dose_for, dose_seconds, unloaded_small_movement
from planner.timing import session_minutes
from planner.vocab import LIMB_MUSCLES, MUSCLE_GROUPS, WEEKDAYS


def alternatives(exercise: Exercise, elig: Eligibility) -> list[Alternative]:
    """Up to two swaps without added load in the same setting, sharing a primary muscle.

    Sessions are whole (pool or land, plan contract round 2), so a pool exercise's
    alternatives are pool exercises and a land exercise's are on land: a swap never
    sends the client into or out of the water mid-session.
    """
    def overlap(other: Exercise) -> tuple:
        shared = len(set(other.primary_muscles) & set(exercise.primary_muscles))
        extra = len(set(other.primary_muscles) - set(exercise.primary_muscles))
        return (-shared, extra, other.pattern != exercise.pattern, other.id)

    if exercise.component == "balance":
        # A swap for balance practice is the easier rung (more support), never a harder one (Otago).
        easier = next((e for e in elig.exercises if e.id == exercise.easier), None)
        return [Alternative(id=easier.id, name=easier.name, modality=easier.modality)] if easier else []
    in_water = exercise.modality == "aquatic"
    candidates = [e for e in elig.exercises if e.id != exercise.id and e.component == exercise.component
                  and (e.modality == "aquatic") == in_water
                  and set(e.primary_muscles) & set(exercise.primary_muscles)]
    # No added load in a swap: it must suit a client whose muscle is graded 3 too.
    out = sorted((e for e in candidates if e.load_kind in ("bodyweight", "water")), key=overlap)[:2]
    return [Alternative(id=e.id, name=e.name, modality=e.modality) for e in out]


def affected_note(exercise: Exercise, profile: Profile) -> str | None:
    """One-sided work for an affected limb: start with that side and do it first."""
    if not exercise.unilateral:
        return None
    for part in profile.affected:
        if part in ("left_leg", "right_leg", "left_arm", "right_arm") and \
                set(exercise.primary_muscles) & set(LIMB_MUSCLES[part]):
            side = part.replace("_", " ")
            return f"Start with the {side}; if it tires first, add one extra set on the {side} only."
    return None


def capped_dose(exercise: Exercise, level: Level, profile: Profile, elig: Eligibility):
    """The week's dose, with isometric holds capped where screening says (hypertension: ACSM)."""
    dose = dose_for(exercise, level, profile)
    cap = elig.acts.hold_cap_s if elig.acts else None
    if cap is not None and "isometric" in exercise.tags and dose.hold_s is not None and dose.hold_s > cap:
        dose = replace(dose, hold_s=cap)
    return dose


# Power (ICFSR 2021; Fragala/NSCA 2019): for older adults a fast lifting phase at a
# moderate load improves function more than slow lifting. Not for neurogenic weakness
# (effort capped, recovery first), and only where the thighs are graded 4 or more.
POWER_RPE = 6  # moderate load, 40-60% of maximum
POWER_NOTE = ("Power: rise as fast as you safely can, then lower slowly over 3 seconds; "
              "stop the set when you slow down.")
REACHABLE_NOTE = ("Too easy at this effort? Hold a household load (a filled water bottle or a tin) "
                  "or move on to the harder version your clinician shows you.")


def power_candidate(exercise: Exercise, profile: Profile) -> bool:
    """A sit-to-stand or squat a 65+ client (not neurogenic) may do fast in the intensify phase."""
    return (profile.older_adult and profile.condition != "neurogenic" and exercise.compound
            and exercise.component == "strength"
            and exercise.pattern == "squat" and exercise.modality == "land" and not exercise.unilateral
            and profile.grade("quadriceps") >= 4)


def planned(exercise: Exercise, level: Level, profile: Profile, elig: Eligibility, *,
            power: bool = False) -> PlannedExercise:
    """One exercise with its full dose for one week (`power`: done fast, at a moderate effort)."""
    dose = capped_dose(exercise, level, profile, elig)
    notes = [affected_note(exercise, profile)]
    effort = dose.effort_rpe
    if power:
        effort = min(effort, POWER_RPE)
        notes.append(POWER_NOTE)
    if unloaded_small_movement(exercise) and level.effort_rpe > dose.effort_rpe and not level.deload:
        # An unloaded small movement cannot reach the week's effort: say how to make it harder.
        notes.append(REACHABLE_NOTE)
    note = " ".join(n for n in notes if n) or None
    return PlannedExercise(
        id=exercise.id, name=exercise.name, modality=exercise.modality, equipment=list(exercise.equipment),
        primary_muscles=list(exercise.primary_muscles), sets=dose.sets, reps=dose.reps, hold_s=dose.hold_s,
        effort_rpe=effort, rest_s=dose.rest_s, load=dose.load,
        alternatives=alternatives(exercise, elig), unilateral=exercise.unilateral,
        note=note, component="power" if power else exercise.component, pattern=exercise.pattern,
        tags=list(exercise.tags))


def session_for(date: dt.date, ids: list[str], level: Level, profile: Profile, catalog: Catalog,
                elig: Eligibility, phase: str | None = None) -> Session:
    """A dated session: exercises, the muscles they load, and its length in minutes.

    In the intensify phase the session's first power candidate is done fast (power work).
    """
    exercises = [catalog.exercise(i) for i in ids]
    power_id = next((e.id for e in exercises if power_candidate(e, profile)), None) \
        if phase == "intensify" else None
    seconds = sum(dose_seconds(e, capped_dose(e, level, profile, elig)) for e in exercises)
    # Balance practice loads no muscle group (spec/plan.md round 2).
    muscles = sorted({m for e in exercises if e.component != "balance" for m in e.primary_muscles},
                     key=MUSCLE_GROUPS.index)
    # The solver keeps sessions whole (rules.add_whole_sessions): water exercises make a pool session.
    setting = "pool" if any(e.modality == "aquatic" for e in exercises) else "land"
    return Session(date=date, weekday=WEEKDAYS[date.weekday()], muscle_groups=muscles,
                   minutes=session_minutes(seconds),
                   exercises=[planned(e, level, profile, elig, power=e.id == power_id) for e in exercises],
                   setting=setting,
                   warm_up=[RoutineItem(name=n, minutes=m) for n, m in warmup.warm_up(setting, profile)],
                   cool_down=[RoutineItem(name=n, minutes=m) for n, m in warmup.cool_down(setting, profile)])


def build_weeks(profile: Profile, catalog: Catalog, elig: Eligibility, sessions: dict[int, list[str]],
                shapes: list[WeekShape], levels: dict[int, Level], *, from_week: int = 1,
                block_two_sessions: dict[int, list[str]] | None = None,
                reference: dict[int, list[str]] | None = None,
                too_hard: frozenset[str] = frozenset()) -> list[Week]:
    """The plan's weeks from `from_week` on; block two may use stepped-up sessions.

    Balance practice climbs its ladder week by week, but a session still changes at most
    2 exercises from the week before, and from `reference` (the last kept week, after a
    step-up) when given; after a step-down it never climbs into `too_hard`.
    """
    weeks = []
    aerobic_weeks = aerobic.weekly(profile, shapes, elig.pool_usable)
    previous: dict[int, list[str]] | None = None
    for shape in shapes:
        if shape.week < from_week:
            continue
        start = profile.schedule.start + dt.timedelta(days=7 * (shape.week - 1))
        plan_sessions = block_two_sessions if (shape.block == 2 and block_two_sessions) else sessions
        climbed = climb_balance(plan_sessions, shape, levels, profile, catalog, elig, too_hard)
        plan_sessions = few_changes(plan_sessions, climbed, [c for c in (previous, reference) if c], catalog,
                                    too_hard, elig.ids)
        previous = plan_sessions
        week_sessions = [session_for(start + dt.timedelta(days=offset), ids, levels[shape.week], profile,
                                     catalog, elig, shape.phase)
                         for offset, ids in sorted(plan_sessions.items())]
        prescription = aerobic_weeks[shape.week]
        weeks.append(Week(week=shape.week, start=start, phase=shape.phase, deload=shape.deload,
                          sessions=week_sessions,
                          home_practice=home_practice(start, plan_sessions, levels[shape.week], profile,
                                                      catalog, elig),
                          aerobic=AerobicWeek(mode=prescription.mode, minutes=prescription.minutes,
                                              days=prescription.days, effort_rpe=prescription.effort_rpe)))
    return weeks


def changes(ids: list[str], before: list[str]) -> int:
    """Exercises changed between two sessions (as the verifier counts them)."""
    return max(len(set(ids) - set(before)), len(set(before) - set(ids)))


def few_changes(solved: dict[int, list[str]], climbed: dict[int, list[str]], compared: list[dict[int, list[str]]],
                catalog: Catalog, too_hard: frozenset[str], allowed) -> dict[int, list[str]]:
    """Each session's balance exercise: the climbed rung, else last week's, else the solved one,
    the first that keeps the session within MAX_STEP_CHANGES of every week it is compared with
    (Henry 1999: the client keeps what they learned)."""
    out = {}
    for day, ids in climbed.items():
        chosen = list(ids)
        for index, exercise_id in enumerate(ids):
            if catalog.exercise(exercise_id).component != "balance":
                continue
            options = [exercise_id] + [i for c in compared for i in c.get(day, [])
                                       if i in allowed and catalog.exercise(i).component == "balance"]
            options.append(solved[day][index])
            for option in dict.fromkeys(options):
                if option in too_hard or (option != exercise_id and option in chosen):
                    continue
                trial = chosen[:index] + [option] + chosen[index + 1:]
                if all(changes(trial, c[day]) <= MAX_STEP_CHANGES for c in compared if day in c):
                    chosen = trial
                    break
            else:
                chosen[index] = solved[day][index]
        out[day] = chosen
    return out


def climb_balance(sessions: dict[int, list[str]], shape: WeekShape, levels: dict[int, Level], profile: Profile,
                  catalog: Catalog, elig: Eligibility, too_hard: frozenset[str] = frozenset()
                  ) -> dict[int, list[str]]:
    """Balance practice one rung harder after familiarisation, two in block two (Otago), where
    the session still fits its minutes at every week's dose."""
    limit = profile.schedule.minutes_per_session

    def fits(ids: list[str]) -> bool:
        return all(session_minutes(sum(dose_seconds(catalog.exercise(i), capped_dose(catalog.exercise(i), level,
                                                                                     profile, elig))
                                       for i in ids)) <= limit for level in levels.values())
    return climb(sessions, balance_steps(shape.week, shape.block), catalog, elig, fits, too_hard)


BALANCE_DAYS = 3  # Otago: balance practice 3 times a week (domain.md, Prescription round 2)


def home_practice(start: dt.date, sessions: dict[int, list[str]], level: Level, profile: Profile,
                  catalog: Catalog, elig: Eligibility) -> list[HomePractice]:
    """Balance practice at home on days without a session, so a client who needs balance work
    practises on at least 3 days a week even with 2 sessions (Otago; Sherrington 2019)."""
    if not elig.balance_reasons:
        return []
    balance_ids = list(dict.fromkeys(i for day in sorted(sessions) for i in sessions[day]
                                     if catalog.exercise(i).component == "balance"))
    if not balance_ids:
        return []
    # A pool session may hold no balance practice (sessions are whole): only sessions with
    # balance work count as balance days.
    practice_days = sorted(day for day in sessions
                           if any(catalog.exercise(i).component == "balance" for i in sessions[day]))
    chosen = []
    while len(practice_days) < BALANCE_DAYS:
        free = [d for d in range(7) if d not in practice_days]
        # The free day farthest from every practice day (cyclic week), earliest on ties.
        best = max(free, key=lambda d: (min(min((d - p) % 7, (p - d) % 7) for p in practice_days)
                                        if practice_days else 7, -d))
        practice_days.append(best)
        chosen.append(best)
    exercise = catalog.exercise(balance_ids[0])
    return [HomePractice(date=start + dt.timedelta(days=day), component="balance",
                         exercises=[planned(exercise, level, profile, elig)])
            for day in sorted(chosen)]


def same_job(exercise: Exercise, other: Exercise) -> bool:
    """A rung keeps what the hard rules picked the exercise for: its role (sit-to-stand,
    rotator cuff, shoulder blades), its component, and whether it pushes or pulls."""
    pushes_or_pulls = {exercise.pattern, other.pattern} & {"push", "pull"}
    return (other.role == exercise.role and other.component == exercise.component
            and (not pushes_or_pulls or other.pattern == exercise.pattern))


# A step changes at most 2 exercises a session: the client keeps most of what they
# learned (issue 11, Build 9; adherence falls with new exercises, Henry 1999).
MAX_STEP_CHANGES = 2


def step_up(sessions: dict[int, list[str]], catalog: Catalog, elig: Eligibility, profile: Profile,
            block_levels: list[Level], direction: str = "harder") -> dict[int, list[str]]:
    """Move each exercise one rung along its ladder where the client can do that rung.

    A rung is taken only when it trains exactly the same primary muscles (so the
    rest and frequency rules still hold), is eligible, is not already in the
    session, and the session still fits the time at every week's dose; at most
    2 exercises a session change (MAX_STEP_CHANGES).
    """
    limit = profile.schedule.minutes_per_session
    stepped = {}
    for day, ids in sessions.items():
        new_ids = []
        for exercise_id in ids:
            exercise = catalog.exercise(exercise_id)
            other_id = getattr(exercise, direction)
            other = catalog.exercises.get(other_id) if other_id else None
            changed = sum(1 for old, new in zip(ids, new_ids) if old != new)
            if (changed < MAX_STEP_CHANGES and other is not None and other.id in elig.ids
                    and other.id not in ids and other.id not in new_ids
                    and set(other.primary_muscles) == set(exercise.primary_muscles)
                    and same_job(exercise, other)
                    # a pool session stays whole: water rungs for water exercises only
                    and (other.modality == "aquatic") == (exercise.modality == "aquatic")):
                new_ids.append(other.id)
            else:
                new_ids.append(exercise_id)
        fits = all(
            session_minutes(sum(dose_seconds(catalog.exercise(i), dose_for(catalog.exercise(i), level, profile))
                                for i in new_ids)) <= limit
            for level in block_levels)
        stepped[day] = new_ids if fits else list(ids)
    return stepped
