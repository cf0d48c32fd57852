"""Plain-words reasons why no plan can satisfy the rules (exit 4).

Cheap checks run before the solver so the common conflicts get precise messages;
the solver's infeasible core of assumption literals covers the rest.
"""

from __future__ import annotations

from collections import Counter

from planner.catalog import Catalog
from planner.eligibility import Eligibility, why_not, pool_problem, muscles_not_strengthened
from planner.profile import Profile
from planner.vocab import WEEKDAYS


def day_name(start_weekday: int, day: int) -> str:
    return WEEKDAYS[(start_weekday + day) % 7]


def max_rested_sessions(days: list[int]) -> int:
    """Most sessions a week with every two at least 2 days apart, the week repeating."""
    best = 0
    for mask in range(1 << len(days)):
        chosen = [d for i, d in enumerate(days) if mask >> i & 1]
        ok = all((b - a) % 7 >= 2 and (a - b) % 7 >= 2 for i, a in enumerate(chosen) for b in chosen[i + 1:])
        if ok:
            best = max(best, len(chosen))
    return best


def precheck(profile: Profile, catalog: Catalog, elig: Eligibility, days: list[int],
             start_weekday: int) -> list[str]:
    """Conflicts visible without solving: no exercise for a target, days too close together."""
    reasons = []
    if profile.schedule.pool_days and not elig.pool_usable:
        reasons.append(f"schedule.pool_days asks for pool sessions on {', '.join(profile.schedule.pool_days)} "
                       f"but {pool_problem(profile, elig.rule)}: leave pool_days out")
    for muscle in elig.targets:
        if not any(muscle in e.primary_muscles for e in elig.exercises):
            reasons.append(f"no exercise this client can do trains {muscle} "
                           f"({_why_none(profile, catalog, elig, muscle)}); "
                           f"add equipment, or leave {muscle} out of targets")
    names = ", ".join(day_name(start_weekday, d) for d in days)
    rested = max_rested_sessions(days)
    wanted = profile.schedule.sessions_per_week
    if rested < 2:
        reasons.append(f"each muscle group needs 2 sessions a week with 48 h rest, which needs two days "
                       f"at least 2 days apart; {names} {'is' if len(days) == 1 else 'are'} not: "
                       "add a day with a rest day between")
    elif wanted is not None and wanted <= 3 and rested < wanted:
        reasons.append(f"{wanted} sessions a week with 48 h rest need days at least 2 apart; "
                       f"{names} allow only {rested}: add days or ask for {rested} sessions")
    return reasons


def _why_none(profile: Profile, catalog: Catalog, elig: Eligibility, muscle: str) -> str:
    """The commonest reasons the exercises for a muscle were ruled out."""
    weak = muscles_not_strengthened(profile, elig.rule)
    reasons = Counter()
    for exercise in catalog.exercises.values():
        if muscle in exercise.primary_muscles:
            reason = why_not(exercise, profile, catalog, elig.rule, elig.pool_usable, weak)
            if reason:
                reasons[reason.split(":")[0]] += 1
    common = [reason for reason, _ in reasons.most_common(3)]
    return "; ".join(common) or "none in the catalog"


def explain_core(core: list[str], profile: Profile, start_weekday: int) -> list[str]:
    """Turn the solver's infeasible set of assumptions into what to change."""
    reasons = []
    days_off = sorted(int(name.split(":")[1]) for name in core if name.startswith("day_off:"))
    targets = [name.split(":")[1] for name in core if name.startswith("target:")]
    names = ", ".join(profile.schedule.days)
    wanted = profile.schedule.sessions_per_week
    if "minutes_per_session" in core:
        fixed = f" in {wanted} sessions" if wanted and "sessions_per_week" in core else ""
        reasons.append(f"{profile.schedule.minutes_per_session} minutes per session is too little to train "
                       f"{', '.join(targets) if targets else 'every target muscle'} twice a week{fixed} on "
                       f"{names}; allow more minutes, {'more sessions, ' if fixed else ''}add a day, "
                       "or train fewer muscle groups")
    elif "sessions_per_week" in core:
        reasons.append(f"{profile.schedule.sessions_per_week} sessions a week on {names} cannot give every "
                       "muscle group 2-3 sessions with 48 h rest; change sessions_per_week or the days")
    if days_off and "minutes_per_session" not in core:
        extra = ", ".join(day_name(start_weekday, d) for d in days_off)
        reasons.append(f"the days {names} cannot give every target muscle 2 sessions with 48 h rest "
                       f"in the time; adding one of {extra} would")
    if "balance" in core:
        reasons.append(f"every session must hold a balance exercise for this client (falls risk); "
                       f"{profile.schedule.minutes_per_session} minutes on {names} leave no room: allow more minutes")
    if "sit_to_stand" in core:
        reasons.append("a sit-to-stand exercise is needed every week (65 or over) but does not fit beside "
                       "the other rules: allow more minutes or add a day")
    shoulder = [name.split(":")[1].replace("_", " ") for name in core if name.startswith("shoulder:")]
    if shoulder:
        reasons.append(f"shoulder preservation for a seated client ({', '.join(shoulder)}) does not fit: "
                       "allow more minutes or add a day")
    pool_days = sorted(int(name.split(":")[1]) for name in core if name.startswith("pool_day:"))
    if pool_days:
        # A pool session holds only water exercises (sessions are whole), so a pool day
        # may not fit with the 48 h rest or the muscles the water exercises load.
        reasons.append(f"the pool day(s) {', '.join(day_name(start_weekday, d) for d in pool_days)} cannot hold "
                       "a whole pool session with the other rules (48 h rest, 2-3 sessions a muscle); "
                       "change schedule.pool_days or the days")
    if "max_exercises" in core:
        reasons.append("at most 6 exercises fit in a session (more lowers adherence); with these days every "
                       "target muscle cannot be trained twice a week: add a session or train fewer muscle groups")
    if targets and not reasons:
        reasons.append(f"{', '.join(targets)} cannot be trained twice a week with 48 h rest on {names}; "
                       "add days or leave them out of targets")
    return reasons or ["the rules conflict for this profile (days, minutes and muscle groups together, "
                       "and after a reassessment the volume the kept weeks reached)"]
