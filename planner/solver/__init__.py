"""The weekly session template, solved with CP-SAT.

The template (which exercises on which day of the plan week) repeats every week;
progression then sets each week's doses. Solver settings live here; the rules
live in planner/solver/rules.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.catalog import Catalog, Exercise, ladder
from planner.eligibility import Eligibility
from planner.errors import Infeasible, SolverTimeOut
from planner.profile import Profile
from planner.progression import cautious, exercise_sets
from planner.solver import rules
from planner.solver.explain import explain_core, precheck
from planner.timing import COOL_DOWN_S, WARM_UP_S
from planner.vocab import LIMB_MUSCLES, LOWER_BODY, MUSCLE_GROUPS, WEEKDAYS

# Deterministic: one worker, fixed seed, and a limit in deterministic time (work
# units, not seconds), so the same profile gives the same plan on any machine.
SEED = 20261207
# 2 units is about 2 s of one core: tight profiles (5 sessions of 20 minutes on every day)
# used to spend 20 units proving an optimum found after 0.01; the plan found keeps every
# hard rule either way, and plan.solver.status says FEASIBLE instead of OPTIMAL.
DETERMINISTIC_LIMIT = 2.0
# A trial at a heavier dose that may not fit gets a short deterministic budget:
# proving "does not fit" can cost far more than solving the lighter dose.
TRIAL_LIMIT = 0.3

# Core movement patterns a week should cover (domain.md); balance for older adults.
PATTERN_GROUPS = {
    "squat": ("squat", "lunge"), "hinge": ("hinge",), "push": ("push",), "pull": ("pull",),
    "overhead_or_raise": ("overhead", "raise"), "calf": ("calf",), "core": ("core",),
    "grip": ("carry_grip",),
}
WEIGHTS = {
    "pattern": 40, "exercise": 3, "isolation": 2, "back_to_back": 10, "three_sessions": 15,
    "affected_limb": 30, "water_for_knees": 8, "heat": 10, "rung": 4, "keep": 12,
    "too_easy": 4, "seated_when_standing": 2, "longest_session": 4, "prefer": 20, "few_exercises": 20,
}
# Order inside a session: big compound movements first, then isolation, then balance.
PATTERN_ORDER = ("squat", "lunge", "hinge", "push", "pull", "overhead", "raise", "calf", "carry_grip",
                 "core", "balance", "gait")


@dataclass(frozen=True)
class Continuity:
    """What a rebuilt template must continue from the kept weeks (see rules.add_volume_continuity)."""

    sets: int | None               # sets per exercise in the first rebuilt full week (None: none left)
    prev_volume: dict[str, int]    # weekly sets per muscle in the last kept full week
    floor_muscles: frozenset[str]  # muscles whose volume may not fall
    prev_total: int                # total sets of the last kept full week
    lighter_sets: int | None       # sets per exercise when the first rebuilt week is lighter
    # Per-exercise sets where priority differs from the level (progression.exercise_sets).
    exercise_sets: dict[str, int] = field(default_factory=dict)
    lighter_exercise_sets: dict[str, int] = field(default_factory=dict)
    # A step-down's ceiling: rungs harder than the kept weeks used (rules.add_no_harder_rungs).
    too_hard: frozenset[str] = frozenset()
    # A step-up's starting point: the last kept week's sessions by day (rules.add_step_up_changes).
    previous_sessions: dict[int, list[str]] | None = None


@dataclass(frozen=True)
class Template:
    """The solved week: exercise ids per day offset (0 = plan start's weekday)."""

    sessions: dict[int, list[str]]
    status: str
    objective: int
    penalties: list[str] = field(default_factory=list)
    wall_time_s: float = 0.0


def day_offsets(profile: Profile) -> tuple[int, list[int]]:
    """The plan start's weekday and the available days as offsets within a plan week."""
    start_weekday = profile.schedule.start.weekday()
    offsets = sorted((WEEKDAYS.index(d) - start_weekday) % 7 for d in profile.schedule.days)
    return start_weekday, offsets


def pool_day_offsets(profile: Profile) -> list[int] | None:
    """schedule.pool_days as offsets within a plan week; None when the solver decides."""
    if not profile.schedule.pool_days:
        return None
    start_weekday = profile.schedule.start.weekday()
    return sorted((WEEKDAYS.index(d) - start_weekday) % 7 for d in profile.schedule.pool_days)


def exercise_costs(profile: Profile, catalog: Catalog, elig: Eligibility) -> dict[str, tuple[int, str]]:
    """Per-exercise soft costs with the reason named."""
    costs: dict[str, tuple[int, str]] = {}
    water_for_knees = elig.pool_usable and ({"no_impact", "knee_pain"} & set(profile.limitations))
    heat_sensitive = profile.neurogenic_cause == "multiple_sclerosis"
    careful = cautious(profile)
    seated_client = profile.seated or "balance_impaired" in profile.limitations
    for e in elig.exercises:
        cost, reason = 0, "preference"
        if water_for_knees and e.modality != "aquatic" and set(e.primary_muscles) & LOWER_BODY:
            cost, reason = cost + WEIGHTS["water_for_knees"], "prefer_water_for_knees"
        if heat_sensitive and e.modality == "aquatic":
            cost, reason = cost + WEIGHTS["heat"], "warm_pool_heat_sensitive"
        rungs = ladder(catalog, e.id)
        rung = rungs.index(e.id)
        # Cautious clients start on the first two rungs; others one rung up, not at
        # the foot of a long ladder. A stand-alone exercise cannot progress by rung.
        if len(rungs) == 1:
            rung_cost = 1
        elif careful:
            rung_cost = max(0, rung - 1)
        else:
            rung_cost = abs(rung - 1)
        if rung_cost:
            cost += WEIGHTS["rung"] * rung_cost
            reason = reason if reason != "preference" else "ladder_rung"
        # Work far below what the muscles can do wastes the session: a grade-5 muscle
        # gains little from a gravity-eliminated movement when resistance is at hand.
        capacity = min(profile.grade(m) for m in e.primary_muscles)
        slack = max(0, capacity - e.min_grade - 1)
        if slack:
            cost += WEIGHTS["too_easy"] * slack
            reason = reason if reason != "preference" else "too_easy"
        if e.modality == "seated" and not seated_client:
            cost += WEIGHTS["seated_when_standing"]
            reason = reason if reason != "preference" else "seated_when_standing"
        costs[e.id] = (cost, reason)
    return costs


def solve_template(profile: Profile, catalog: Catalog, elig: Eligibility, seconds: dict[str, int], *,
                   preferred: list[str] = (), forbidden_first_days: list[tuple[int, str]] = (),
                   continuity: Continuity | None = None, explain: bool = True) -> Template:
    """Solve the weekly template or raise Infeasible with reasons in plain words."""
    start_weekday, available = day_offsets(profile)
    reasons = precheck(profile, catalog, elig, available, start_weekday)
    if reasons:
        raise Infeasible(reasons)

    solver, status, built = _solve(profile, catalog, elig, seconds, available, preferred,
                                   forbidden_first_days, explain=False, continuity=continuity,
                                   limit=DETERMINISTIC_LIMIT if explain else TRIAL_LIMIT)
    if status == cp_model.FEASIBLE and not explain:
        # The trial dose fits; give it the full budget so the plan is the best one.
        solver, status, built = _solve(profile, catalog, elig, seconds, available, preferred,
                                       forbidden_first_days, explain=False, continuity=continuity)
    if status in (cp_model.INFEASIBLE, cp_model.UNKNOWN) and not explain:
        raise Infeasible(["no plan at this dose"])  # the caller retries; no need for words yet
    if status == cp_model.INFEASIBLE:
        # Explaining is a second, larger model: every weekday, with the client's
        # choices as assumption literals, so the infeasible core names what to change.
        solver, status, built = _solve(profile, catalog, elig, seconds, available, preferred,
                                       forbidden_first_days, explain=True, continuity=continuity)
        core = []
        if status == cp_model.INFEASIBLE:
            core_indices = solver.SufficientAssumptionsForInfeasibility()
            by_index = {v.Index(): name for name, v in built.assumptions.items()}
            core = [by_index[i] for i in core_indices if i in by_index]
        raise Infeasible(explain_core(core, profile, start_weekday))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise SolverTimeOut(time_out_advice(profile))
    exercises, chosen, session, penalties, days = (built.exercises, built.chosen, built.session,
                                                    built.penalties, built.days)

    by_id = {e.id: e for e in exercises}
    sessions = {}
    for d in days:
        if solver.Value(session[d]):
            ids = [e.id for e in exercises if solver.Value(chosen[d, e.id])]
            sessions[d] = order_session([by_id[i] for i in ids])
    paid = [name for term, weight, name in penalties if solver.Value(term)]
    return Template(sessions=sessions, status=solver.StatusName(status), objective=int(solver.ObjectiveValue()),
                    penalties=[n for n in paid if not n.startswith("exercise(")],
                    wall_time_s=solver.WallTime())


@dataclass
class _Built:
    exercises: list
    chosen: dict
    session: dict
    penalties: list
    days: list
    assumptions: dict


def _solve(profile: Profile, catalog: Catalog, elig: Eligibility, seconds: dict[str, int],
           available: list[int], preferred, forbidden_first_days, *, explain: bool,
           continuity: Continuity | None = None, limit: float = DETERMINISTIC_LIMIT):
    """Build and solve the template model; with `explain`, over all weekdays with assumptions."""
    model = cp_model.CpModel()
    days = list(range(7)) if explain else list(available)
    exercises: list[Exercise] = list(elig.exercises)
    assumptions: dict[str, cp_model.IntVar] = {}

    def assume(name: str):
        if not explain:
            return None
        if name not in assumptions:
            assumptions[name] = model.NewBoolVar(name)
        return assumptions[name]

    chosen = {(d, e.id): model.NewBoolVar(f"do({e.id}, day {d})") for d in days for e in exercises}
    session = {d: model.NewBoolVar(f"session(day {d})") for d in days}
    loads = {(d, m): model.NewBoolVar(f"loads({m}, day {d})") for d in days for m in MUSCLE_GROUPS}
    # Days outside the model are rest days: constants keep the cyclic rules simple.
    zero = model.NewConstant(0)
    for d in range(7):
        if d not in days:
            session[d] = zero
            for m in MUSCLE_GROUPS:
                loads[d, m] = zero

    rules.add_exercise_makes_session(model, chosen, session, days, exercises)
    rules.add_muscle_loading(model, chosen, loads, days, exercises, MUSCLE_GROUPS)
    rules.add_available_days(model, session, days, available, assume)
    rules.add_sessions_per_week(model, session, days, profile.schedule.sessions_per_week, assume)
    rules.add_weekly_frequency(model, loads, days, MUSCLE_GROUPS, elig.targets, assume)
    rules.add_rest_days(model, loads, days, MUSCLE_GROUPS, forbidden_first_days)
    rules.add_session_time(model, chosen, session, days, exercises, seconds, WARM_UP_S + COOL_DOWN_S,
                           profile.schedule.minutes_per_session * 60, assume)
    ladders = {}
    eligible_ids = {e.id for e in exercises}
    for e in exercises:
        rungs = [r for r in ladder(catalog, e.id) if r in eligible_ids]
        ladders[rungs[0]] = rungs
    rules.add_one_rung_per_ladder(model, chosen, days, ladders)
    rules.add_volume_continuity(model, chosen, days, exercises, continuity)
    # fixed pool weekdays, or sessions to keep from the plan before, make the week no longer cyclic
    if not profile.schedule.pool_days and continuity is None:
        add_rotation_symmetry_break(model, session, days, available, forbidden_first_days, explain)
    rules.add_balance_practice(model, chosen, session, days, exercises, bool(elig.balance_reasons), assume)
    rules.add_sit_to_stand(model, chosen, days, exercises, elig.sit_to_stand, assume)
    rules.add_shoulder_preservation(model, chosen, days, exercises, profile.seated, elig.targets, assume,
                                    sets_for=lambda e, level_sets: exercise_sets(e, level_sets, profile))
    rules.add_land_strengthening(model, chosen, days, exercises, elig.acts.land_work_for if elig.acts else (),
                                 elig.targets, assume)
    if continuity is not None:
        rules.add_no_harder_rungs(model, chosen, days, exercises, continuity.too_hard)
        if continuity.previous_sessions is not None:
            rules.add_step_up_changes(model, chosen, session, days, exercises, continuity.previous_sessions)
    fixed_pool = pool_day_offsets(profile)
    rules.add_whole_sessions(model, chosen, days, exercises, fixed_pool)
    if fixed_pool:
        rules.add_pool_days_held(model, session, days, fixed_pool, assume)
    rules.add_exercise_count(model, chosen, days, exercises, assume=assume)

    penalties: list[rules.Penalty] = []
    if not explain:
        pattern_groups = dict(PATTERN_GROUPS)
        if profile.older_adult or profile.condition == "sarcopenia" or "balance_impaired" in profile.limitations:
            pattern_groups["balance"] = ("balance", "gait")
        penalties += rules.soft_pattern_coverage(model, chosen, days, exercises, pattern_groups,
                                                 WEIGHTS["pattern"])
        penalties += rules.soft_lean_sessions(chosen, days, exercises, WEIGHTS["exercise"], WEIGHTS["isolation"])
        penalties += rules.soft_even_spacing(model, session, days, WEIGHTS["back_to_back"])
        penalties += rules.soft_balanced_sessions(model, chosen, days, exercises, WEIGHTS["longest_session"])
        penalties += rules.soft_session_fill(model, chosen, session, days, exercises, WEIGHTS["few_exercises"])
        penalties += rules.soft_prefer_three_sessions(session, days, profile.schedule.sessions_per_week,
                                                      WEIGHTS["three_sessions"])
        limb_muscles = sorted({m for part in profile.affected for m in LIMB_MUSCLES[part] if m in elig.targets},
                              key=MUSCLE_GROUPS.index)
        penalties += rules.soft_affected_limb_unilateral(model, chosen, days, exercises, limb_muscles,
                                                         WEIGHTS["affected_limb"])
        penalties += rules.soft_exercise_costs(chosen, days, exercise_costs(profile, catalog, elig))
        penalties += rules.soft_keep_exercises(model, chosen, days,
                                               [p for p in preferred if p in eligible_ids], WEIGHTS["keep"])
        # Clinician controls (issue 11): preferred exercises are kept when eligible, softly.
        penalties += rules.soft_keep_exercises(model, chosen, days,
                                               [p for p in profile.exercises.prefer if p in eligible_ids],
                                               WEIGHTS["prefer"])
        model.Minimize(sum(weight * term for term, weight, _ in penalties))
    else:
        model.AddAssumptions(list(assumptions.values()))

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = SEED
    solver.parameters.max_deterministic_time = limit
    # The model is a covering problem: a full LP relaxation proves optimality in a
    # fraction of the time (measured: 2.3 s -> 0.2 s on a seated example).
    solver.parameters.linearization_level = 2
    status = solver.Solve(model)
    return solver, status, _Built(exercises, chosen, session, penalties, days, assumptions)


def add_rotation_symmetry_break(model, session, days, available, forbidden_first_days, explain) -> None:
    """Search aid, not a rule: with every weekday available the week's rules are cyclic,
    so turning a template round the week gives one of equal cost. Fixing a session
    on the first day removes these copies (up to 7) the proof would otherwise visit."""
    if explain or forbidden_first_days or len(available) != 7:
        return
    model.Add(session[days[0]] == 1)


def time_out_advice(profile: Profile) -> str:
    """The time-out said as a time-out, with what to relax (not "no plan can satisfy")."""
    schedule = profile.schedule
    asked = f"{schedule.sessions_per_week} sessions" if schedule.sessions_per_week else "the sessions"
    return (f"the solver ran out of time (its fixed budget of {DETERMINISTIC_LIMIT:g} deterministic seconds) "
            f"before finding a plan or proving that none exists: {asked} of {schedule.minutes_per_session} "
            f"minutes on {', '.join(schedule.days)} for {len(profile.targets)} muscle group(s) is at the edge "
            "of what fits; allow more minutes per session, ask for fewer sessions_per_week, "
            "or train fewer target muscle groups")


def order_session(exercises: list[Exercise]) -> list[str]:
    """Compound before isolation, then by movement pattern, then id (stable, deterministic)."""
    return [e.id for e in sorted(exercises, key=lambda e: (not e.compound, PATTERN_ORDER.index(e.pattern), e.id))]
