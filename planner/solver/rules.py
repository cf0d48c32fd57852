"""The rules of the weekly template, one function each (OR-Tools CP-SAT).

Hard rules constrain the model; soft rules return (penalty literal or expression,
weight) pairs with readable names so the result can be explained. A session
template is solved for the seven days of a plan week (day 0 = the weekday the
plan starts on) and repeats every week, so rest is checked cyclically: day 6 of
one week and day 0 of the next are consecutive.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from planner.catalog import Exercise

Penalty = tuple[cp_model.IntVar | cp_model.LinearExpr, int, str]


def _enforce(constraint, literal) -> None:
    """Tie a constraint to an assumption literal when explaining; plain otherwise."""
    if literal is not None:
        constraint.OnlyEnforceIf(literal)


def add_exercise_makes_session(model, chosen, session, days, exercises) -> None:
    """Hard: a day has a session exactly when at least one exercise is on it."""
    for day in days:
        on_day = [chosen[day, e.id] for e in exercises]
        model.AddMaxEquality(session[day], on_day)


def add_muscle_loading(model, chosen, loads, days, exercises, muscles) -> None:
    """Hard: a muscle is loaded on a day exactly when a strength or power exercise there has it
    as a primary muscle; balance practice loads none (spec/plan.md round 2)."""
    for day in days:
        for muscle in muscles:
            training = [chosen[day, e.id] for e in exercises
                        if muscle in e.primary_muscles and e.component != "balance"]
            if training:
                model.AddMaxEquality(loads[day, muscle], training)
            else:
                model.Add(loads[day, muscle] == 0)


def add_available_days(model, session, days, available, assume) -> None:
    """Hard: sessions only on the client's days (one assumption per other day, to explain)."""
    for day in days:
        if day not in available:
            _enforce(model.Add(session[day] == 0), assume(f"day_off:{day}"))


def add_sessions_per_week(model, session, days, wanted: int | None, assume) -> None:
    """Hard: exactly the sessions asked for, else 2 or 3 (ACSM: novices 2-3 days a week)."""
    count = sum(session[day] for day in days)
    if wanted is None:
        model.Add(count >= 2)
        model.Add(count <= 3)
    else:
        _enforce(model.Add(count == wanted), assume("sessions_per_week"))


def add_weekly_frequency(model, loads, days, muscles, targets, assume) -> None:
    """Hard: each target muscle in 2-3 sessions a week; no muscle in more than 3."""
    for muscle in muscles:
        count = sum(loads[day, muscle] for day in days)
        model.Add(count <= 3)
        if muscle in targets:
            _enforce(model.Add(count >= 2), assume(f"target:{muscle}"))


def add_rest_days(model, loads, days, muscles, forbidden_first_days=()) -> None:
    """Hard: 48 h between two sessions loading the same muscle: never on consecutive days.

    Cyclic over the week, because the template repeats. `forbidden_first_days`
    holds (day, muscle) pairs already loaded the day before a rebuilt part starts.
    """
    for day in days:
        following = (day + 1) % 7
        for muscle in muscles:
            model.AddBoolOr([loads[day, muscle].Not(), loads[following, muscle].Not()])
    for day, muscle in forbidden_first_days:
        model.Add(loads[day, muscle] == 0)


def add_session_time(model, chosen, session, days, exercises, seconds: dict[str, int],
                     fixed_seconds: int, limit_seconds: int, assume) -> None:
    """Hard: each session, at its longest week's dose plus warm-up and cool-down, fits the time."""
    for day in days:
        work = sum(seconds[e.id] * chosen[day, e.id] for e in exercises)
        _enforce(model.Add(work + fixed_seconds * session[day] <= limit_seconds), assume("minutes_per_session"))


def add_one_rung_per_ladder(model, chosen, days, ladders: dict[str, list[str]]) -> None:
    """Hard: two rungs of the same ladder never share a session (one movement, one level)."""
    for day in days:
        for rungs in ladders.values():
            if len(rungs) > 1:
                model.Add(sum(chosen[day, r] for r in rungs) <= 1)


def add_whole_sessions(model, chosen, days, exercises, pool_days: list[int] | None) -> dict:
    """Hard: a session is a pool session or a land session, never both (plan contract, round 2).

    In a pool session every exercise is aquatic; in a land session none is: a client
    does not leave the water for a band press and climb back in (issue 11). With
    `pool_days` (offsets from schedule.pool_days) the clinician fixed which days are
    pool days; without it the solver decides per session. Returns the pool flag per day.
    """
    pool = {}
    for day in days:
        if pool_days is None:
            pool[day] = model.NewBoolVar(f"pool(day {day})")
        else:
            pool[day] = model.NewConstant(1 if day in pool_days else 0)
        for e in exercises:
            if e.modality == "aquatic":
                model.AddImplication(chosen[day, e.id], pool[day])
            else:
                model.AddImplication(chosen[day, e.id], pool[day].Not())
    return pool


def add_pool_days_held(model, session, days, pool_days: list[int], assume) -> None:
    """Hard: each of schedule.pool_days holds a (pool) session: the clinician booked the pool."""
    for day in pool_days:
        if day in days:
            _enforce(model.Add(session[day] == 1), assume(f"pool_day:{day}"))


# Adherence falls as the number of exercises grows (Henry 1999: 2 vs 8 exercises;
# Medina-Mirapeix 2009: > 6 vs <= 3; domain.md "Prescription, round 2").
MAX_EXERCISES_PER_SESSION = 6


def add_exercise_count(model, chosen, days, exercises, limit: int = MAX_EXERCISES_PER_SESSION,
                       assume=None) -> None:
    """Hard: at most 6 strength or power exercises a session besides warm-up and cool-down
    (Henry 1999, Medina-Mirapeix 2009). One short balance practice comes on top of them, as in
    Otago, where the strength exercises and the balance practice are prescribed side by side."""
    counted = [e for e in exercises if e.component != "balance"]
    for day in days:
        literal = assume("max_exercises") if assume is not None else None
        _enforce(model.Add(sum(chosen[day, e.id] for e in counted) <= limit), literal)


def add_volume_continuity(model, chosen, days, exercises, continuity) -> None:
    """Hard: a rebuilt plan continues the kept weeks' volume (reassessment).

    Each muscle's weekly sets in the first rebuilt full week at most double the
    last kept full week's, and do not fall unless the plan steps down or the
    profile changed; a rebuilt lighter week right after the kept weeks has fewer
    sets in total than the last kept full week.
    """
    if continuity is None:
        return
    sets = continuity.sets

    def weekly_sets(exercise, default, table):
        return table.get(exercise.id, default)

    for muscle, before in (continuity.prev_volume.items() if sets else ()):
        volume = sum(weekly_sets(e, sets, continuity.exercise_sets) * chosen[day, e.id]
                     for day in days for e in exercises if muscle in e.primary_muscles)
        if before > 0:
            model.Add(volume <= 2 * before)
        if muscle in continuity.floor_muscles:
            model.Add(volume >= before)
    if continuity.lighter_sets is not None:
        every = sum(weekly_sets(e, continuity.lighter_sets, continuity.lighter_exercise_sets) * chosen[day, e.id]
                    for day in days for e in exercises)
        model.Add(every <= continuity.prev_total - 1)


def add_no_harder_rungs(model, chosen, days, exercises, too_hard: frozenset[str]) -> None:
    """Hard: a step-down never brings in a harder ladder rung than the kept weeks used.

    Worse results or a plan found too hard call for easier work (issue 11): a single-leg
    calf raise or a split squat must not appear just because the solver could fit it.
    """
    for day in days:
        for e in exercises:
            if e.id in too_hard:
                model.Add(chosen[day, e.id] == 0)


MAX_STEP_UP_CHANGES = 2  # exercises a step-up may change in one session (learned movements stay)


def add_step_up_changes(model, chosen, session, days, exercises, previous: dict[int, list[str]],
                        limit: int = MAX_STEP_UP_CHANGES) -> None:
    """Hard: a step-up changes at most 2 exercises per session and keeps the session days.

    A client who improved keeps most of what they learned; a few harder rungs are the
    step (issue 11, Build 9; adherence falls with new and more exercises, Henry 1999).
    """
    for day in days:
        before = set(previous.get(day, ()))
        if not before:
            model.Add(session[day] == 0)
            continue
        added = sum(chosen[day, e.id] for e in exercises if e.id not in before)
        kept = sum(chosen[day, e.id] for e in exercises if e.id in before)
        model.Add(added <= limit)
        model.Add(len(before) - kept <= limit)


def add_balance_practice(model, chosen, session, days, exercises, needed: bool, assume) -> None:
    """Hard: a client who needs balance practice (65+, balance_impaired, a fall in the last
    year, or tests at falls-risk cut-offs) does a balance exercise in every session.

    Sherrington 2019 (Cochrane): balance-heavy exercise cuts falls by about 24%; Otago:
    3 times a week. Days without a session carry home practice to reach 3 (assemble).
    """
    balance = [e for e in exercises if e.component == "balance"]
    if not needed or not balance:
        return
    literal = assume("balance")
    for day in days:
        practice = model.Add(sum(chosen[day, e.id] for e in balance) >= 1)
        practice.OnlyEnforceIf([session[day]] + ([literal] if literal is not None else []))


def add_sit_to_stand(model, chosen, days, exercises, needed: bool, assume) -> None:
    """Hard: every client 65+ who can stand practises a sit-to-stand rung every week
    (Otago; the chair stand is the test of leg function, EWGSOP2)."""
    ladder = [e for e in exercises if e.role == "sit_to_stand"]
    if not needed or not ladder:
        return
    _enforce(model.Add(sum(chosen[day, e.id] for day in days for e in ladder) >= 1), assume("sit_to_stand"))


def add_land_strengthening(model, chosen, days, exercises, muscles, targets, assume) -> None:
    """Hard: knee osteoarthritis gets land-based quadriceps strengthening every week, a pool or
    not (OARSI 2019: water exercise beside land strengthening, not instead of it)."""
    for muscle in muscles:
        on_land = [chosen[day, e.id] for day in days for e in exercises
                   if muscle in e.primary_muscles and e.modality != "aquatic" and e.component != "balance"]
        if on_land and muscle in targets:
            _enforce(model.Add(sum(on_land) >= 1), assume(f"land:{muscle}"))


def add_shoulder_preservation(model, chosen, days, exercises, seated: bool, targets, assume,
                              sets_for=None) -> None:
    """Hard: a seated client's shoulders are preserved (Paralyzed Veterans of America CPG 2005):
    rotator-cuff external rotation when shoulders are trained, shoulder-blade work when the
    upper back is, and no more pushing than pulling in the week (overhead work is not eligible).

    Pushing and pulling are compared in weekly sets at every week's level (`sets_for(exercise,
    level_sets)`: priority work gets a set more, small-muscle work one fewer), not only by count."""
    if not seated:
        return
    for role, muscle in (("external_rotation", "shoulders"), ("scapular", "upper_back")):
        doing = [chosen[day, e.id] for day in days for e in exercises if e.role == role]
        if doing and muscle in targets:
            _enforce(model.Add(sum(doing) >= 1), assume(f"shoulder:{role}"))
    literal = assume("shoulder:pull_push")
    for level_sets in ((1,) if sets_for is None else SHOULDER_LEVEL_SETS):
        def weight(e, level_sets=level_sets):
            return 1 if sets_for is None else sets_for(e, level_sets)
        pushes = sum(weight(e) * chosen[day, e.id] for day in days for e in exercises if e.pattern == "push")
        pulls = sum(weight(e) * chosen[day, e.id] for day in days for e in exercises if e.pattern == "pull")
        _enforce(model.Add(pulls >= pushes), literal)


SHOULDER_LEVEL_SETS = (1, 2, 3, 4)  # every sets-per-exercise level a week can prescribe


# --- Soft rules -------------------------------------------------------------------

def _unless_any(model, doing, weight: int, flag: str, penalty: str) -> list[Penalty]:
    """A penalty paid when none of `doing` is chosen (nothing to pay if there is no option)."""
    if not doing:
        return []
    covered = model.NewBoolVar(flag)
    model.AddMaxEquality(covered, doing)
    return [(1 - covered, weight, penalty)]

def soft_pattern_coverage(model, chosen, days, exercises, pattern_groups: dict[str, tuple[str, ...]],
                          weight: int) -> list[Penalty]:
    """Soft: each core movement pattern appears in the week (balanced programme)."""
    penalties = []
    for name, patterns in pattern_groups.items():
        doing = [chosen[day, e.id] for day in days for e in exercises if e.pattern in patterns]
        penalties += _unless_any(model, doing, weight, f"covered({name})", f"pattern_missing({name})")
    return penalties


def soft_lean_sessions(chosen, days, exercises, weight: int, isolation_weight: int) -> list[Penalty]:
    """Soft: fewer exercises, compound before isolation (compound moves cover more in less time)."""
    penalties = []
    for day in days:
        for e in exercises:
            cost = weight + (0 if e.compound else isolation_weight)
            penalties.append((chosen[day, e.id], cost, f"exercise({e.id}, day {day})"))
    return penalties


def soft_balanced_sessions(model, chosen, days, exercises, weight: int) -> list[Penalty]:
    """Soft: no session much longer than the others (the longest session is what tires a client)."""
    longest = model.NewIntVar(0, len(exercises), "longest_session")
    for day in days:
        model.Add(longest >= sum(chosen[day, e.id] for e in exercises))
    return [(longest, weight, "longest_session")]


# A session of one or two exercises is no session a clinician would book (a 45-minute pool
# visit for one elbow bend): ask for a handful, as the adherence sources count them
# (Medina-Mirapeix 2009: <= 3 vs > 6), never more than the hard cap.
FEW_EXERCISES = 3


def soft_session_fill(model, chosen, session, days, exercises, weight: int) -> list[Penalty]:
    """Soft: every session holds at least 3 strength exercises (a penalty per one missing)."""
    counted = [e for e in exercises if e.component != "balance"]
    penalties = []
    for day in days:
        short = model.NewIntVar(0, FEW_EXERCISES, f"few_exercises(day {day})")
        model.Add(short >= FEW_EXERCISES * session[day] - sum(chosen[day, e.id] for e in counted))
        penalties.append((short, weight, short.Name()))
    return penalties


def soft_even_spacing(model, session, days, weight: int) -> list[Penalty]:
    """Soft: sessions on consecutive days are avoided when the days allow (recovery, routine)."""
    penalties = []
    for day in days:
        following = (day + 1) % 7
        both = model.NewBoolVar(f"back_to_back(day {day}, day {following})")
        model.Add(both >= session[day] + session[following] - 1)
        penalties.append((both, weight, both.Name()))
    return penalties


def soft_prefer_three_sessions(session, days, wanted: int | None, weight: int) -> list[Penalty]:
    """Soft: with no count asked for, three sessions beat two (more practice, same rest)."""
    if wanted is not None:
        return []
    return [(3 - sum(session[day] for day in days), weight, "fewer_than_3_sessions")]


def soft_affected_limb_unilateral(model, chosen, days, exercises, limb_muscles: list[str],
                                  weight: int) -> list[Penalty]:
    """Soft: an affected limb's muscles get one-sided work (post-cast asymmetry)."""
    penalties = []
    for muscle in limb_muscles:
        doing = [chosen[day, e.id] for day in days for e in exercises
                 if e.unilateral and muscle in e.primary_muscles]
        penalties += _unless_any(model, doing, weight, f"unilateral({muscle})", f"no_unilateral_work({muscle})")
    return penalties


def soft_exercise_costs(chosen, days, costs: dict[str, tuple[int, str]]) -> list[Penalty]:
    """Soft: per-exercise preferences (water for sore knees, ladder rung, heat), named by reason."""
    penalties = []
    for (day, exercise_id), variable in chosen.items():
        if exercise_id in costs and day in days:
            cost, reason = costs[exercise_id]
            if cost:
                penalties.append((variable, cost, f"{reason}({exercise_id}, day {day})"))
    return penalties


def soft_keep_exercises(model, chosen, days, preferred: list[str], weight: int) -> list[Penalty]:
    """Soft: after a reassessment keep (or step along the ladder) the exercises already learned."""
    penalties = []
    for exercise_id in preferred:
        doing = [chosen[day, exercise_id] for day in days if (day, exercise_id) in chosen]
        penalties += _unless_any(model, doing, weight, f"kept({exercise_id})", f"not_kept({exercise_id})")
    return penalties
