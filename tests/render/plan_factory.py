"""A realistic Plan built by hand from the shipped catalog, for rendering tests.

The solver makes real plans (tests/render/test_examples.py renders those); this
factory makes small, fully controlled ones quickly: any client name or notes, with
or without nutrition, any number of weeks. Exercises and foods are chosen from
the catalog by rule (one per movement pattern, equipment a chair at most), so the
tests name no exercise and keep working as the catalog grows.
"""

from __future__ import annotations

import datetime as dt

from planner import assessment, safety
from planner.catalog import Catalog, Exercise
from planner.plan import (
    Alternative, HistoryEntry, MealTarget, MenuDay, MenuFood, MenuMeal, NutritionPlan, Plan,
    PlannedExercise, Session, Week,
)
from planner.profile import Profile
from planner.vocab import WEEKDAYS

PATTERNS = ("squat", "hinge", "push", "pull", "overhead", "calf", "core", "carry_grip")
MEALS = ("breakfast", "lunch", "snack", "dinner")


def make_profile(*, name: str = "Maria Souza", sex: str = "female", weeks: int = 12,
                 days: tuple[str, ...] = ("mon", "wed", "fri"), clinician: dict | None = None,
                 medications: tuple[str, ...] = ("prednisone",), with_assessment: bool = True) -> Profile:
    """A sarcopenia client with a chair, baseline tests and a clinician."""
    data = {
        "client": {"name": name, "id": "MS-0192", "age": 72, "sex": sex, "weight_kg": 61.5, "height_cm": 158},
        "condition": "sarcopenia",
        "schedule": {"start": "2026-12-07", "weeks": weeks, "days": list(days)},
        "equipment": ["chair"],
        "screening": {"medications": list(medications)},
        "clinician": clinician if clinician is not None else {
            "name": "Ana Lima, PT", "clinic": "Clinica Movimento", "phone": "+55 11 5555-0100",
            "notes": "Walks to the market most days."},
    }
    if with_assessment:
        data["assessment"] = {"date": "2026-12-01", "grip_kg": 14.5, "chair_stand_5x_s": 17.2,
                              "walk_6min_m": 340, "gait_speed_m_s": 0.7}
    return Profile.model_validate(data)


def chosen_exercises(catalog: Catalog) -> list[Exercise]:
    """One land exercise per pattern that needs at most a chair, first by id."""
    chosen = []
    for pattern in PATTERNS:
        fits = sorted((e for e in catalog.exercises.values()
                       if e.pattern == pattern and e.modality == "land" and e.needs <= {"chair"}),
                      key=lambda e: e.id)
        if fits:
            chosen.append(fits[0])
    return chosen


def _alternative(catalog: Catalog, exercise: Exercise) -> Alternative | None:
    """A pool (else seated) exercise that works one of the same muscles."""
    for modality in ("aquatic", "seated"):
        for other in sorted(catalog.exercises.values(), key=lambda e: e.id):
            if other.modality == modality and set(other.primary_muscles) & set(exercise.primary_muscles):
                return Alternative(id=other.id, name=other.name, modality=other.modality)
    return None


def _phase(week: int, weeks: int) -> tuple[str, bool]:
    if week <= 2:
        return "familiarisation", False
    if week % 6 == 0 or week == weeks:
        return "deload", True
    return ("build" if week <= weeks // 2 else "intensify"), False


def _planned(catalog: Catalog, exercise: Exercise, phase: str, unilateral_note: str | None) -> PlannedExercise:
    sets = {"familiarisation": 1, "build": 2, "intensify": 3, "deload": 1}[phase]
    effort = {"familiarisation": 4, "build": 5, "intensify": 6, "deload": 4}[phase]
    alternative = _alternative(catalog, exercise)
    return PlannedExercise(
        id=exercise.id, name=exercise.name, modality=exercise.modality, equipment=list(exercise.equipment),
        primary_muscles=list(exercise.primary_muscles), sets=sets,
        reps=None if exercise.dose == "hold" else (10, 12),
        hold_s=20 if exercise.dose == "hold" else None, effort_rpe=effort, rest_s=90,
        load="bodyweight", alternatives=[alternative] if alternative else [],
        unilateral=exercise.unilateral, note=unilateral_note if exercise.unilateral else None)


def _weeks(catalog: Catalog, profile: Profile) -> list[Week]:
    exercises = chosen_exercises(catalog)
    halves = (exercises[0::2], exercises[1::2])
    weeks = []
    start = profile.schedule.start
    for number in range(1, profile.schedule.weeks + 1):
        week_start = start + dt.timedelta(weeks=number - 1)
        phase, deload = _phase(number, profile.schedule.weeks)
        sessions = []
        for offset in range(7):
            day = week_start + dt.timedelta(days=offset)
            if WEEKDAYS[day.weekday()] not in profile.schedule.days:
                continue
            group = halves[len(sessions) % 2] + halves[(len(sessions) + 1) % 2][:2]
            planned = [_planned(catalog, e, phase, "Start with the weaker side.") for e in group]
            muscles = sorted({m for p in planned for m in p.primary_muscles})
            sessions.append(Session(date=day, weekday=WEEKDAYS[day.weekday()], muscle_groups=muscles,
                                    minutes=30 + 2 * len(planned), exercises=planned))
        weeks.append(Week(week=number, start=week_start, phase=phase, deload=deload, sessions=sessions))
    return weeks


def _nutrition(catalog: Catalog, profile: Profile) -> NutritionPlan:
    daily = round(1.2 * profile.weight_kg)
    per_meal = round(daily / len(MEALS), 1)
    foods_by_meal = {meal: sorted((f for f in catalog.foods.values() if meal in f.meals), key=lambda f: f.id)
                     for meal in MEALS}
    menus = []
    for day in range(1, 8):
        meals = []
        for meal in MEALS:
            options = foods_by_meal[meal]
            food = options[(day * 3) % len(options)]
            portions = max(1, min(food.max_portions, round(per_meal / max(food.protein_g, 1))))
            meals.append(MenuMeal(name=meal, protein_g=round(food.protein_g * portions, 1), foods=[MenuFood(
                id=food.id, name=food.name,
                portion=food.portion if portions == 1 else f"{portions} x {food.portion}", protein_g=round(food.protein_g * portions, 1),
                diet=food.diet, allergens=list(food.allergens), portions=portions)]))
        menus.append(MenuDay(day=day, meals=meals))
    return NutritionPlan(
        protein_g_per_kg=1.2, daily_protein_g=daily,
        meals=[MealTarget(name=meal, protein_g=per_meal, after_session=meal == "lunch") for meal in MEALS],
        menus=menus, notes=["Ask your doctor whether a vitamin D test would be useful."],
        reason="1.2 g per kg a day suits an older adult rebuilding muscle (PROT-AGE).")


def make_plan(catalog: Catalog, profile: Profile | None = None, *, notes: list[str] | None = None,
              nutrition: bool = True, stop_rules: bool = True, version: int = 1) -> Plan:
    """A complete plan for the profile; version > 1 adds reassessment history entries."""
    profile = profile or make_profile()
    weeks = _weeks(catalog, profile)
    made = profile.assessment.date if profile.assessment and profile.assessment.date else profile.schedule.start
    history = [HistoryEntry(version=1, action="generate", date=made)]
    for later in range(2, version + 1):
        history.append(HistoryEntry(version=later, action="reassess", date=made + dt.timedelta(weeks=6 * (later - 1)),
                                    decision="step_up", rebuilt_from_week=6 * (later - 1) + 1))
    middle = weeks[len(weeks) // 2].start
    end = weeks[-1].start + dt.timedelta(days=7)
    return Plan(
        version=version, profile=profile, weeks=weeks,
        nutrition=_nutrition(catalog, profile) if nutrition else None,
        assessments=[assessment.record(profile.assessment, profile)] if profile.assessment else [],
        reassessment_dates=[middle, end], warnings=["Balance work stays next to a sturdy chair."],
        history=history, stop_rules=list(safety.STOP_RULES) if stop_rules else [],
        notes=notes if notes is not None else list(catalog.condition_rule("sarcopenia").notes))
