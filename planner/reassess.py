"""Rebuilding a plan after a reassessment; the weeks already done stay exactly as they were.

Decision (domain.md, smallest worthwhile changes): worse tests or grades, `too_hard`
or adherence below 0.5 -> step down (and warn the clinician); better tests or
grades beyond the smallest change, or `too_easy` -> step up; otherwise repeat.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field, StrictInt, ValidationError, field_validator, model_validator

from planner import assessment, safety, sources
from planner.assemble import build_weeks
from planner.catalog import Catalog, ladder
from planner.eligibility import eligibility
from planner.errors import Infeasible, InputError, KeyedError
from planner.pipeline import clinician_notes_for, has_pool_session, notes_for, solve_fitting_time, stop_rules_for
from planner.plan import HistoryEntry, Plan
from planner.profile import (Assessment, Profile, Strict, date_only, mrc_grades, plausible_date,
                             written_grades)
from planner.progression import Level, dose_for, dose_seconds, exercise_sets, skeleton, week_levels
from planner.timing import session_minutes
from planner.solver import Continuity, Template
from planner.vocab import (
    MUSCLE_GROUPS, Allergen, BodyPart, Diet, Equipment, HealthCondition, Limitation, MuscleGroup, RedFlag,
    Tolerance, Weekday,
)

SHIFT = {"step_up": 1, "repeat": 0, "step_down": -1}
# Changes that can take exercises away, so volume may fall at the rebuild.
TRAINING_KEYS = ("days", "sessions_per_week", "minutes_per_session", "equipment", "limitations",
                 "affected", "targets", "conditions")
LADDER_DIRECTION = {"step_up": "harder", "step_down": "easier"}


class ProfileChanges(Strict):
    """Profile keys a reassessment may change; anything else needs a new profile."""

    weight_kg: float | None = Field(None, ge=30, le=300)
    weight_lb: float | None = Field(None, ge=66, le=662)
    measurements_checked: bool | None = Field(None, description="The new weight is right, though unusual "
                                              "(skips the plausibility check of body mass index).")
    days: list[Weekday] | None = None
    sessions_per_week: int | None = Field(None, ge=2, le=6)
    minutes_per_session: int | None = Field(None, ge=20, le=120)
    equipment: list[Equipment] | None = None
    limitations: list[Limitation] | None = None
    affected: list[BodyPart] | None = None
    targets: list[MuscleGroup | str] | None = None
    conditions: list[HealthCondition] | None = None
    medications: list[str] | None = None
    blood_pressure: str | None = None
    meals_per_day: int | None = Field(None, ge=3, le=6)
    diet: Diet | None = None
    avoid: list[Allergen] | None = None
    protein_g_per_kg: float | None = Field(None, ge=0.5, le=2.2)


class Reassessment(Strict):
    """A reassessment file (spec/plan.md)."""

    date: dt.date = Field(description="Weeks starting on or after this date are rebuilt.")
    assessment: Assessment = Field(default_factory=Assessment, description="New test results (date: the reassessment's).")
    strength: dict[MuscleGroup, StrictInt] = Field(default_factory=dict)
    tolerance: Tolerance = "good"
    adherence: float = Field(1.0, ge=0, le=1, description="Share of planned sessions done, 0..1.")
    red_flags: list[RedFlag] = Field(default_factory=list)
    changes: ProfileChanges = Field(default_factory=ProfileChanges)
    notes: str | None = Field(None, max_length=4000)

    @field_validator("date", mode="before")
    @classmethod
    def _date_only(cls, value):
        return date_only(value)

    @field_validator("date")
    @classmethod
    def _plausible(cls, value):
        return plausible_date(value)

    @model_validator(mode="after")
    def _tests_not_after(self) -> "Reassessment":
        if self.assessment.date is not None and self.assessment.date > self.date:
            raise KeyedError("assessment.date", f"{self.assessment.date} is after the reassessment date "
                             f"({self.date}); tests cannot come after the reassessment they inform")
        return self

    @field_validator("strength", mode="before")
    @classmethod
    def _shades(cls, grades):
        return written_grades(grades)[0]  # '4-' is read as 4, as in a profile

    @field_validator("strength")
    @classmethod
    def _mrc(cls, grades):
        return mrc_grades(grades)


def load_reassessment(path: str | Path) -> Reassessment:
    """Read and validate a reassessment file; InputError names file, key and line."""
    return sources.load(Reassessment, path, forgiving=True)


def _updated_profile(old: Profile, re: Reassessment, source: str) -> Profile:
    data = old.model_dump(mode="json")
    changes = re.changes.model_dump(exclude_none=True)
    client, schedule, screening, nutrition = data["client"], data["schedule"], data["screening"], data["nutrition"]
    if "weight_kg" in changes or "weight_lb" in changes:
        client.pop("weight_kg", None)
        for key in ("weight_kg", "weight_lb", "measurements_checked"):
            if key in changes:
                client[key] = changes[key]
    for key in ("days", "sessions_per_week", "minutes_per_session"):
        if key in changes:
            schedule[key] = changes[key]
    if "days" in changes and "sessions_per_week" not in changes:
        schedule["sessions_per_week"] = None if old.schedule.sessions_per_week is None else \
            min(old.schedule.sessions_per_week, len(changes["days"]))
    for key in ("equipment", "limitations", "affected", "targets"):
        if key in changes:
            data[key] = changes[key]
    for key in ("conditions", "medications", "blood_pressure"):
        if key in changes:
            screening[key] = changes[key]
    for key in ("meals_per_day", "diet", "avoid", "protein_g_per_kg"):
        if key in changes:
            nutrition[key] = changes[key]
    data["strength"] = {**data["strength"], **re.strength}
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = [str(p) for p in first.get("loc", ()) if not any(c in str(p) for c in "[(")]
        keyed = (first.get("ctx") or {}).get("error")
        if isinstance(keyed, KeyedError):
            loc += keyed.key.split(".")
        # Name the key as the reassessment file spells it (changes.days), not as the profile does.
        changed = [part for part in loc if part in ProfileChanges.model_fields and part in changes]
        key = f"changes.{changed[-1]}" if changed else "changes"
        message = first.get("msg", "invalid").removeprefix("Value error, ")
        try:
            line = sources.read_document(source).line_of(tuple(key.split(".")))
        except InputError:
            line = None
        raise InputError(f"the changed profile is not valid: {message}", file=source, key=key, line=line) from None


def decide(plan: Plan, re: Reassessment, profile_before: Profile) -> tuple[str, list[str]]:
    """step_up, repeat or step_down, with the reasons in words."""
    tests = re.assessment
    last = plan.assessments[-1] if plan.assessments else None
    verdict = assessment.change_verdict(last, tests)
    grades_down = [m for m, g in re.strength.items() if g < profile_before.grade(m)]
    grades_up = [m for m, g in re.strength.items() if g > profile_before.grade(m)]
    down = []
    if verdict == "worse":
        down.append("tests worse by more than the smallest worthwhile change")
    if grades_down:
        down.append(f"strength grade lower for {', '.join(grades_down)}")
    if re.tolerance == "too_hard":
        down.append("the client found the plan too hard")
    if re.adherence < 0.5:
        down.append(f"only {round(re.adherence * 100)}% of sessions done")
    if down:
        return "step_down", down
    up = []
    if verdict == "improved":
        up.append("tests improved beyond the smallest worthwhile change")
    if grades_up:
        up.append(f"strength grade higher for {', '.join(grades_up)}")
    if re.tolerance == "too_easy":
        up.append("the client found the plan too easy")
    if up:
        return "step_up", up
    return "repeat", ["no change beyond the smallest worthwhile change"]


# Referral (issue 11, Build 9): unplanned weight loss or several tests clearly worse call
# for a medical and nutrition review, not only a lighter plan. GLIM 2019: weight loss
# > 5% within 6 months is a malnutrition criterion (domain.md, Nutrition round 2); the
# issue's threshold is >= 5% in 3 months, which this window includes.
REFERRAL_WEIGHT_LOSS = 0.05
REFERRAL_WINDOW_DAYS = 183
REFERRAL_WORSE_TESTS = 2
ADHERENCE_LOW = 0.5
TEST_WORDS = {"walk_6min_m": "6-minute walk", "grip_kg": "grip", "chair_stand_5x_s": "5x chair stand",
              "gait_speed_m_s": "gait speed"}


def worse_tests(plan: Plan, re: Reassessment) -> list[str]:
    """Tests worse than the last record by at least the smallest worthwhile change (domain.md)."""
    last = plan.assessments[-1] if plan.assessments else None
    if last is None:
        return []
    worse = []
    for test, smallest in assessment.SMALLEST_CHANGE.items():
        old, new = getattr(last, test), getattr(re.assessment, test)
        if old is not None and new is not None and (new - old) * assessment.BETTER[test] <= -smallest:
            worse.append(TEST_WORDS[test])
    return worse


def referral(plan: Plan, re: Reassessment, profile: Profile) -> str | None:
    """A sentence asking for a medical and nutrition review, or None."""
    reasons = []
    before, after = plan.profile.weight_kg, profile.weight_kg
    since = plan.history[-1].date
    days = (re.date - since).days
    if after < before and (before - after) / before >= REFERRAL_WEIGHT_LOSS - 1e-9 and days <= REFERRAL_WINDOW_DAYS:
        reasons.append(f"weight down {before - after:.1f} kg ({100 * (before - after) / before:.1f}%) "
                       f"in {days // 7} weeks since {since.isoformat()}")
    worse = worse_tests(plan, re)
    if len(worse) >= REFERRAL_WORSE_TESTS:
        reasons.append(f"{len(worse)} tests worse by more than the smallest worthwhile change "
                       f"({', '.join(worse)})")
    if not reasons:
        return None
    return ("Refer for a medical and nutrition review (unplanned weight loss and decline need a cause "
            f"found, GLIM 2019): {'; '.join(reasons)}.")


def harder_than_kept(catalog: Catalog, elig, kept_weeks) -> frozenset[str]:
    """Eligible exercises on a rung above what the kept weeks used on its ladder.

    On a ladder the kept weeks never used, only its easiest eligible rung may come in.
    """
    used: dict[str, int] = {}
    for week in kept_weeks:
        for s in week.sessions:
            for item in s.exercises:
                if item.id in catalog.exercises:
                    rungs = ladder(catalog, item.id)
                    used[rungs[0]] = max(used.get(rungs[0], 0), rungs.index(item.id))
    eligible = {e.id for e in elig.exercises}
    too_hard = set()
    for e in elig.exercises:
        rungs = ladder(catalog, e.id)
        ceiling = used.get(rungs[0])
        if ceiling is None:
            ceiling = min(rungs.index(r) for r in rungs if r in eligible)
        if rungs.index(e.id) > ceiling:
            too_hard.add(e.id)
    return frozenset(too_hard)


def sessions_by_offset(week) -> dict[int, list[str]]:
    """A week's sessions as exercise ids by day offset from the week's start."""
    return {(s.date - week.start).days: [i.id for i in s.exercises] for s in week.sessions}


def _last_loaded_level(levels: dict[int, Level], shapes, before_week: int) -> Level | None:
    loaded = [levels[s.week] for s in shapes if s.week < before_week and not s.deload]
    return loaded[-1] if loaded else None


def _kept_template(plan: Plan, re: Reassessment, profile: Profile, catalog: Catalog, elig, kept,
                   training_changes, levels_for, solved_weeks):
    """Low adherence: the same exercises on the same days, at the stepped-down dose.

    Adherence below 0.5 calls for fewer or shorter sessions, not a new exercise list
    to learn (issue 11, Build 9; Henry 1999, Medina-Mirapeix 2009). Returns
    (template, levels, peak sets, warnings), or None when the kept template cannot be
    reused (changed training keys, exercises no longer
    eligible, or sessions that would not fit the time).
    """
    if re.adherence >= ADHERENCE_LOW or training_changes or not kept:
        return None
    sessions = sessions_by_offset(kept[-1])
    if any(i not in elig.ids for ids in sessions.values() for i in ids):
        return None
    peak = plan.solver.get("peak_sets") or elig.rule.max_sets
    levels = levels_for(peak)
    limit = profile.schedule.minutes_per_session
    for week in solved_weeks:
        for ids in sessions.values():
            seconds = sum(dose_seconds(catalog.exercise(i), dose_for(catalog.exercise(i), levels[week], profile))
                          for i in ids)
            if session_minutes(seconds) > limit:
                return None
    template = Template(sessions=sessions, status="KEPT", objective=0,
                        penalties=["kept the learned exercises (low adherence)"])
    return template, levels, peak, []


def reassess_plan(plan: Plan, re: Reassessment, catalog: Catalog, *, source: str = "reassessment") -> Plan:
    """The next version of the plan, rebuilt from the reassessment date on."""
    if re.red_flags:
        words = [safety.RED_FLAG_WORDS[f] for f in re.red_flags]
        raise safety.SafetyRefusal(f"{source}: no plan made: {'; '.join(words)}. Seek medical attention now "
                                   "(call your doctor, or emergency services if symptoms are severe or sudden).")
    last_date = plan.history[-1].date
    if re.date < last_date:
        raise InputError(f"{re.date} is before the last plan change ({last_date}); dates must move forward",
                         file=source, key="date")
    rebuilt = [w for w in plan.weeks if w.start >= re.date]
    if not rebuilt:
        raise InputError(f"{re.date} is after the last week starts ({plan.weeks[-1].start}); nothing to rebuild",
                         file=source, key="date")
    from_week = rebuilt[0].week
    profile = _updated_profile(plan.profile, re, source)
    safety.screen(profile, source=source)
    from planner.nutrition import build_nutrition

    decision, reasons = decide(plan, re, plan.profile)
    shift = sum(SHIFT.get(h.decision or "repeat", 0) for h in plan.history) + SHIFT[decision]
    shift = max(-2, min(1, shift))
    elig = eligibility(profile, catalog)
    shapes = skeleton(profile.schedule.weeks)
    kept = plan.weeks[:from_week - 1]
    current = (kept[-1] if kept else plan.weeks[from_week - 1]).sessions
    preferred = []
    for s in current:
        for item in s.exercises:
            exercise = catalog.exercises.get(item.id)
            if exercise is None:
                continue
            step = getattr(exercise, LADDER_DIRECTION[decision]) if decision in LADDER_DIRECTION else None
            stepped = catalog.exercises.get(step) if step else None
            if stepped is not None and set(stepped.primary_muscles) == set(exercise.primary_muscles):
                preferred.append(stepped.id)
            else:
                preferred.append(exercise.id)
    first_start = rebuilt[0].start
    forbidden = []
    if kept:
        for s in kept[-1].sessions:
            if s.date == first_start - dt.timedelta(days=1):
                forbidden = [(0, m) for m in s.muscle_groups]
    peak = plan.solver.get("peak_sets")

    def levels_for(cap):
        # Kept weeks keep their levels; the rebuilt ones continue from the last kept loaded week.
        cap = min(cap, peak) if peak else cap
        base = week_levels(profile, elig.rule, shapes, max_sets=cap)
        rebuilt_levels = week_levels(profile, elig.rule, shapes, shift=shift, from_week=from_week,
                                     before=_last_loaded_level(base, shapes, from_week), max_sets=cap)
        return {**base, **rebuilt_levels}

    training_changes = sorted(k for k in re.changes.model_dump(exclude_none=True) if k in TRAINING_KEYS)
    last_full = next((w for w in reversed(kept) if not w.deload), None)

    too_hard = harder_than_kept(catalog, elig, kept or plan.weeks[from_week - 1:from_week]) \
        if decision == "step_down" else frozenset()
    limit_changes = decision == "step_up" and not training_changes and bool(kept)
    previous_sessions = sessions_by_offset(kept[-1]) if limit_changes else None

    def continuity_for(levels):
        if last_full is None:
            return Continuity(sets=None, prev_volume={}, floor_muscles=frozenset(), prev_total=0,
                              lighter_sets=None, too_hard=too_hard, previous_sessions=previous_sessions)
        volume = {m: 0 for m in MUSCLE_GROUPS}
        for s in last_full.sessions:
            for item in s.exercises:
                for m in item.primary_muscles:
                    volume[m] += item.sets
        first_full = next(sh.week for sh in shapes if sh.week >= from_week and not sh.deload) \
            if any(sh.week >= from_week and not sh.deload for sh in shapes) else None
        first = shapes[from_week - 1]
        may_fall = decision == "step_down" or bool(training_changes)
        return Continuity(
            sets=levels[first_full].sets if first_full else None,
            prev_volume=volume,
            floor_muscles=frozenset() if may_fall else frozenset(elig.targets),
            prev_total=sum(i.sets for s in last_full.sessions for i in s.exercises),
            lighter_sets=levels[from_week].sets if first.deload else None,
            exercise_sets={e.id: exercise_sets(e, levels[first_full].sets, profile)
                           for e in elig.exercises} if first_full else {},
            lighter_exercise_sets={e.id: exercise_sets(e, levels[from_week].sets, profile)
                                   for e in elig.exercises} if first.deload else {},
            too_hard=too_hard, previous_sessions=previous_sessions)

    solved_weeks = {s.week for s in shapes if s.week >= from_week}
    kept_template = _kept_template(plan, re, profile, catalog, elig, kept, training_changes, levels_for,
                                   solved_weeks)
    change_warnings = []
    if kept_template is not None:
        template, levels, peak_sets, time_warnings = kept_template
    else:
        try:
            template, levels, peak_sets, time_warnings = solve_fitting_time(
                profile, catalog, elig, levels_for, preferred=sorted(set(preferred)),
                forbidden_first_days=forbidden, solved_weeks=solved_weeks, continuity_for=continuity_for)
        except Infeasible:
            if previous_sessions is None:
                raise
            # The step-up cannot keep all but two exercises per session (e.g. a muscle newly
            # strong enough to train): solve freely and say so.
            previous_sessions = None
            template, levels, peak_sets, time_warnings = solve_fitting_time(
                profile, catalog, elig, levels_for, preferred=sorted(set(preferred)),
                forbidden_first_days=forbidden, solved_weeks=solved_weeks, continuity_for=continuity_for)
            change_warnings.append(f"Reassessment {re.date}: the step up changes more than 2 exercises in "
                                   "a session; go through the new exercises with the client.")
    new_weeks = build_weeks(profile, catalog, elig, template.sessions, shapes, levels, from_week=from_week,
                            reference=previous_sessions, too_hard=too_hard)

    training_days = sorted({s.weekday for w in new_weeks for s in w.sessions})
    nutrition, nutrition_warnings = build_nutrition(profile, catalog, training_days)
    record = assessment.record(re.assessment, profile, date=re.date)
    warnings = list(elig.warnings) + time_warnings + list(nutrition_warnings) + change_warnings
    weight_referral = _weight_change(plan, profile, re.date, nutrition)  # also notes the change on the menu
    referral_text = referral(plan, re, profile)
    if referral_text:  # one referral warning: it names the weight loss too when that is a reason
        warnings.append(f"Reassessment {re.date}: {referral_text}")
    else:
        warnings += weight_referral
    if kept_template is not None:
        warnings.append(f"Reassessment {re.date}: only {round(re.adherence * 100)}% of sessions done; the same "
                        "exercises continue with fewer sets (shorter sessions) rather than new ones.")
    if decision == "step_down":
        warnings.append(f"Reassessment {re.date}: plan stepped down ({'; '.join(reasons)}); "
                        "clinician, please review.")
    if elig.rule.clinician_oversight:
        warnings.append(f"{elig.rule.label}: this programme needs a clinician's oversight.")
    version = plan.version + 1
    notes = notes_for(profile, catalog, elig, has_pool_session(list(kept) + new_weeks))
    notes.append(f"Reassessment {re.date}: {decision.replace('_', ' ')} ({'; '.join(reasons)}).")
    if re.notes:
        notes.append(f"Reassessment notes: {re.notes}")
    return Plan(
        version=version, profile=profile, weeks=list(kept) + new_weeks, nutrition=nutrition,
        assessments=list(plan.assessments) + [record], reassessment_dates=list(plan.reassessment_dates),
        warnings=warnings,
        history=list(plan.history) + [HistoryEntry(version=version, action="reassess", date=re.date,
                                                   decision=decision, rebuilt_from_week=from_week,
                                                   training_changes=training_changes,
                                                   referral=referral_text)],
        stop_rules=stop_rules_for(elig), notes=notes,
        clinician_notes=clinician_notes_for(profile, elig),
        solver={"status": template.status, "objective": template.objective,
                "soft_penalties": template.penalties, "peak_sets": peak_sets},
        catalog_version=plan.catalog_version,
    )


def _weight_change(plan: Plan, profile: Profile, on: dt.date, nutrition) -> list[str]:
    """Weight change since the last assessment into the nutrition notes; a referral warning
    for a loss of 5% or more within 3 months (GLIM 2019)."""
    from planner.nutrition.weight import weight_change
    dates = [a.date for a in plan.assessments if a.date is not None and a.date <= on]
    change = weight_change(plan.profile.weight_kg, max(dates, default=plan.profile.schedule.start),
                           profile.weight_kg, on)
    if change is None or nutrition is None:
        return []
    nutrition.notes.append(change.note)
    return [change.referral] if change.referral else []
