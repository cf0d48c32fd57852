"""Session rules of round 2 (issue 11, part B): whole pool or land sessions, the
clinician's pool days, at most 6 exercises, named warm-up and cool-down, and a
weekly aerobic prescription the client can do.

Re-derived from the plan JSON and the catalog only (modality from the catalog
where it knows the exercise), sharing no code with the solver.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.verify.facts import PlanFacts, day, where
from planner.verify.violation import Finding
from planner.verify.vocabulary import WEEKDAYS

SETTINGS = ("land", "pool")
# Henry 1999 (2 vs 8 exercises), Medina-Mirapeix 2009 (> 6 vs <= 3): adherence falls
# as the number of exercises grows (domain.md, "Prescription, round 2").
MAX_EXERCISES = 6
ROUTINE_MINUTES = (4, 6)  # warm-up and cool-down: about 5 minutes each (plan contract, round 2)
AEROBIC_MODES = ("walk", "water_walk", "arm_ergometer", "wheelchair_propulsion", "cycle")
SEATED_MODES = ("arm_ergometer", "wheelchair_propulsion")  # Martin Ginis 2018


def _aquatic(facts: PlanFacts, exercise: dict) -> bool:
    entry = facts.catalog_entry(exercise["id"])
    modality = entry.modality if entry is not None else exercise.get("modality")
    return modality == "aquatic"


def _is_pool(facts: PlanFacts, session: dict) -> bool:
    setting = session.get("setting")
    if setting in SETTINGS:
        return setting == "pool"
    return any(_aquatic(facts, e) for e in session["exercises"])


def whole_sessions(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: a session is a pool session or a land session, never both: in a pool session
    every exercise is aquatic, in a land session none is (nobody climbs out of the pool
    for a band press and back in)."""
    for week, session in facts.sessions(facts.judged_weeks):
        setting = session.get("setting")
        if setting is not None and setting not in SETTINGS:
            yield Finding(f"setting {setting!r} is not land or pool", **where(week, session))
            continue
        aquatic = [e["id"] for e in session["exercises"] if _aquatic(facts, e)]
        dry = [e["id"] for e in session["exercises"] if not _aquatic(facts, e)]
        if setting is None and aquatic and dry:
            yield Finding(f"pool exercises ({', '.join(aquatic)}) and land exercises ({', '.join(dry)}) "
                          "in one session", **where(week, session))
        elif setting == "pool" and dry:
            yield Finding(f"a pool session with land exercises: {', '.join(dry)}", **where(week, session))
        elif setting == "land" and aquatic:
            yield Finding(f"a land session with pool exercises: {', '.join(aquatic)}", **where(week, session))


def pool_days_kept(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: with schedule.pool_days (which needs a pool), each pool day of a week holds a pool
    session and no other day does: the clinician booked the pool for those days."""
    pool_days = facts.schedule.get("pool_days") or []
    if not pool_days:
        return
    if "pool" not in facts.equipment:
        yield Finding("schedule.pool_days is set but pool is not in equipment")
    for week in facts.judged_weeks:
        held = set()
        for session in week["sessions"]:
            weekday = WEEKDAYS[day(session["date"]).weekday()]
            pool = _is_pool(facts, session)
            if weekday in pool_days:
                held.add(weekday)
                if not pool:
                    yield Finding(f"a land session on {weekday}, a pool day", **where(week, session))
            elif pool:
                yield Finding(f"a pool session on {weekday}, not one of the pool days "
                              f"({', '.join(pool_days)})", **where(week, session))
        for weekday in pool_days:
            if weekday not in held:
                yield Finding(f"no session on {weekday}, a pool day", **where(week))


def exercises_per_session(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: at most 6 strength or power exercises a session besides warm-up and cool-down:
    adherence falls as the number of exercises grows (Henry 1999; Medina-Mirapeix 2009);
    one short balance practice comes on top (Otago), and at most one."""
    for week, session in facts.sessions(facts.judged_weeks):
        kinds = [e.get("component", "strength") for e in session["exercises"]]
        count = sum(1 for kind in kinds if kind != "balance")
        if count > MAX_EXERCISES:
            yield Finding(f"{count} strength exercises; at most {MAX_EXERCISES} a session", **where(week, session))
        if kinds.count("balance") > 1:
            yield Finding(f"{kinds.count('balance')} balance exercises; one balance practice a session",
                          **where(week, session))


def warm_up_and_cool_down(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every session names its warm-up and cool-down, about 5 minutes each (4-6), the
    minutes the session time includes; a pool session's routines are done in the water."""
    low, high = ROUTINE_MINUTES
    for week, session in facts.sessions(facts.judged_weeks):
        for key in ("warm_up", "cool_down"):
            items = session.get(key)
            if not isinstance(items, list) or not items:
                yield Finding(f"no {key.replace('_', '-')} named", **where(week, session))
                continue
            if any(not isinstance(i, dict) or not str(i.get("name", "")).strip()
                   or not isinstance(i.get("minutes"), int) or isinstance(i.get("minutes"), bool)
                   for i in items):
                yield Finding(f"a {key.replace('_', '-')} item without a name or whole minutes",
                              **where(week, session))
                continue
            total = sum(i["minutes"] for i in items)
            if not low <= total <= high:
                yield Finding(f"{key.replace('_', '-')} of {total} minutes; about 5 ({low}-{high})",
                              **where(week, session))


def aerobic_prescription(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: every week prescribes aerobic work (WHO 2020) the client can do: seated clients
    and wheelchair users by arm ergometry or wheelchair propulsion (Martin Ginis 2018),
    water walking only with a pool, at most 300 minutes a week, effort within the
    condition's cap."""
    rule = facts.condition_rule
    seated = facts.seated
    for week in facts.judged_weeks:
        aerobic = week.get("aerobic")
        if not isinstance(aerobic, dict):
            yield Finding("no aerobic prescription", **where(week))
            continue
        mode, minutes, days, rpe = (aerobic.get(k) for k in ("mode", "minutes", "days", "effort_rpe"))
        if mode not in AEROBIC_MODES or not all(isinstance(v, int) and not isinstance(v, bool)
                                                for v in (minutes, days, rpe)):
            yield Finding(f"aerobic prescription {aerobic!r} is not mode, minutes, days, effort_rpe",
                          **where(week))
            continue
        if seated and mode not in SEATED_MODES:
            yield Finding(f"aerobic mode {mode} for a seated client; arm ergometer or wheelchair propulsion",
                          **where(week))
        if mode == "water_walk" and "pool" not in facts.equipment:
            yield Finding("aerobic mode water_walk without a pool", **where(week))
        if not (1 <= days <= 7 and minutes >= 1 and minutes * days <= 300):
            yield Finding(f"aerobic {minutes} min on {days} days; 1-7 days, at most 300 min a week",
                          **where(week))
        if rule is not None and rpe > rule.effort_cap_rpe:
            yield Finding(f"aerobic effort {rpe} above the cap of {rule.effort_cap_rpe} for {rule.id}",
                          **where(week))


def power_not_neurogenic(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: fast-lifting power work is never prescribed for neurogenic weakness (effort
    capped, no fast or heavy eccentric work; ICFSR 2021 power is for older adults)."""
    if facts.condition != "neurogenic":
        return
    for week, session, exercise in facts.exercises(facts.judged_weeks):
        if exercise.get("component") == "power":
            yield Finding(f"{exercise['id']}: power work for neurogenic weakness", **where(week, session))


ARM_GROUPS = frozenset({"forearms", "biceps", "triceps", "shoulders"})
REACHABLE_UNLOADED_RPE = 6


def reachable_effort(facts: PlanFacts) -> Iterator[Finding]:
    """Hard: an unloaded small movement (a bodyweight single-joint exercise of the arms, or
    one done seated) is never prescribed above effort 6/10: without a load the client cannot
    reach 7 (a household load or the harder rung is the way up)."""
    for week, session, exercise in facts.exercises(facts.judged_weeks):
        entry = facts.catalog_entry(exercise["id"])
        if entry is None or entry.load_kind != "bodyweight" or entry.compound:
            continue
        if entry.modality != "seated" and not set(entry.primary_muscles) <= ARM_GROUPS:
            continue
        if exercise["effort_rpe"] > REACHABLE_UNLOADED_RPE:
            yield Finding(f"{exercise['id']}: an unloaded small movement at effort {exercise['effort_rpe']}; "
                          f"at most {REACHABLE_UNLOADED_RPE} can be reached", **where(week, session))


RULES = [whole_sessions, pool_days_kept, exercises_per_session, warm_up_and_cool_down,
         aerobic_prescription, power_not_neurogenic, reachable_effort]
