"""Tiny hand-made plans for the verifier's tests, built from the fixture catalog.

`make_plan()` is a valid 8-week plan (three sessions a week on mon, wed, fri, all
twelve muscle groups each session, a lighter week 4 and 8, reassessments after
them, a 4-meal menu). Tests copy it and break one rule by hand. The catalog
facts are read here straight from the fixture YAML, not through the verifier.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

CATALOG_DIR = Path(__file__).parent / "fixtures" / "catalog"
START = dt.date(2026, 12, 7)  # a Monday
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALL_MUSCLES = ["chest", "upper_back", "lower_back", "shoulders", "biceps", "triceps",
               "forearms", "core", "glutes", "quadriceps", "hamstrings", "calves"]


def _load(*parts: str) -> dict:
    return YAML(typ="safe", pure=True).load((CATALOG_DIR.joinpath(*parts)).read_text())


EXERCISES = {e["id"]: e for path in sorted((CATALOG_DIR / "exercises").glob("*.yaml"))
             for e in _load("exercises", path.name)["exercises"]}
FOODS = {f["id"]: f for f in _load("foods.yaml")["foods"]}

# (phase, lighter, sets, effort) for weeks 1..8: build up, lighter weeks 4 and 8.
WEEK_SHAPE = [
    ("familiarisation", False, 1, 5), ("familiarisation", False, 1, 5), ("build", False, 2, 6),
    ("deload", True, 1, 5), ("build", False, 2, 6), ("intensify", False, 3, 7),
    ("intensify", False, 3, 7), ("consolidate", True, 2, 6),
]
# One session: every muscle group once; (exercise id, load, alternatives).
SESSION_LAYOUT = [
    ("sit-to-stand", "bodyweight", ["bodyweight-squat"]),
    ("glute-bridge", "bodyweight", []),
    ("band-row", "light band", ["seated-band-row"]),
    ("wall-push-up", "bodyweight", ["incline-push-up"]),
    ("standing-calf-raise", "bodyweight", ["single-leg-calf-raise"]),
    ("plank-hold", "bodyweight", ["wall-plank"]),
    ("prone-back-extension", "bodyweight", []),
    ("towel-wring", "bodyweight", []),
]
# At most 6 exercises a session (Henry 1999; Medina-Mirapeix 2009): each session leaves
# two out, so every exercise is in 2 or 3 of the week's sessions.
LEFT_OUT = (("prone-back-extension", "towel-wring"), ("standing-calf-raise", "plank-hold"),
            ("glute-bridge", "band-row"))
WARM_UP = [{"name": "March on the spot beside a support", "minutes": 3},
           {"name": "Shoulder rolls", "minutes": 2}]
COOL_DOWN = [{"name": "Slow walk", "minutes": 3}, {"name": "Calf stretch at the wall", "minutes": 2}]
UNLOADED_SMALL = ("towel-wring",)
HOLD_S = 30
# Each food at or above its meal's target and within 3 g of it (issue 12).
MEAL_TARGETS = [("breakfast", 17.5, "greek-yogurt"), ("lunch", 21.5, "tuna-canned"),
                ("dinner", 21.0, "salmon-cooked"), ("snack", 12.0, "cottage-cheese")]


def profile() -> dict:
    """A normalised profile as the plan JSON carries it."""
    return {
        "client": {"name": "Test Client", "id": None, "age": 58, "sex": "female",
                   "weight_kg": 60.0, "height_cm": 165.0},
        "condition": "disuse",
        "neurogenic_cause": None,
        "affected": [],
        "active": False,
        "schedule": {"start": START.isoformat(), "weeks": 8, "days": ["mon", "wed", "fri"],
                     "sessions_per_week": None, "minutes_per_session": 60},
        "equipment": ["chair", "mat", "resistance_band"],
        "limitations": [],
        "targets": list(ALL_MUSCLES),
        "strength": {},
        "assessment": None,
        "screening": {"red_flags": [], "blood_pressure": None, "conditions": [],
                      "on_dialysis": False, "medications": []},
        "nutrition": {"meals_per_day": 4, "diet": "omnivore", "avoid": [], "protein_g_per_kg": None},
        "clinician": None,
    }


def planned(exercise_id: str, *, sets: int = 2, effort: int = 6, load: str = "bodyweight",
            alternatives: list[str] = (), rest_s: int = 60, reps: list[int] | None = None,
            hold_s: int | None = None) -> dict:
    """A planned exercise with the catalog's facts copied in."""
    entry = EXERCISES[exercise_id]
    if reps is None and hold_s is None:
        reps, hold_s = ([10, 12], None) if entry["dose"] == "reps" else (None, HOLD_S)
    return {
        "id": exercise_id, "name": entry["name"], "modality": entry["modality"],
        "equipment": list(entry.get("equipment", [])), "primary_muscles": list(entry["primary_muscles"]),
        "sets": sets, "reps": reps, "hold_s": hold_s, "effort_rpe": effort, "rest_s": rest_s,
        "load": load,
        "alternatives": [{"id": a, "name": EXERCISES[a]["name"], "modality": EXERCISES[a]["modality"]}
                         for a in alternatives],
        "unilateral": bool(entry.get("unilateral", False)), "note": None,
    }


def session(date: dt.date, exercises: list[dict], minutes: int = 55) -> dict:
    """A session whose weekday and muscle groups follow from its date and exercises."""
    muscles = [m for m in ALL_MUSCLES if any(m in e["primary_muscles"] for e in exercises)]
    return {"date": date.isoformat(), "weekday": WEEKDAYS[date.weekday()], "muscle_groups": muscles,
            "minutes": minutes, "exercises": exercises, "setting": "land",
            "warm_up": copy.deepcopy(WARM_UP), "cool_down": copy.deepcopy(COOL_DOWN)}


def full_session(date: dt.date, sets: int, effort: int, index: int = 0) -> dict:
    left_out = LEFT_OUT[index % len(LEFT_OUT)]
    # The towel wring is an unloaded small movement: it cannot be taken above effort 6.
    return session(date, [planned(i, sets=sets, effort=min(effort, 6) if i in UNLOADED_SMALL else effort,
                                  load=load, alternatives=alts)
                          for i, load, alts in SESSION_LAYOUT if i not in left_out])


def week(number: int, offsets: tuple[int, ...] = (0, 2, 4)) -> dict:
    """Week `number` of the standard shape, sessions on the given day offsets."""
    phase, lighter, sets, effort = WEEK_SHAPE[number - 1]
    start = START + dt.timedelta(days=7 * (number - 1))
    return {"week": number, "start": start.isoformat(), "phase": phase, "deload": lighter,
            "sessions": [full_session(start + dt.timedelta(days=o), sets, effort, index)
                         for index, o in enumerate(offsets)],
            "aerobic": {"mode": "walk", "minutes": 10 if lighter else 15, "days": 5, "effort_rpe": 4}}


def food(food_id: str, portions: int = 1) -> dict:
    entry = FOODS[food_id]
    return {"id": food_id, "name": entry["name"], "portion": entry["portion"],
            "protein_g": round(portions * entry["protein_g"], 1), "diet": entry["diet"],
            "allergens": list(entry["allergens"]), "portions": portions,
            "leucine_g": round(portions * entry["leucine_g"], 2)}


def nutrition() -> dict:
    """1.2 g/kg for 60 kg: 72 g a day over four meals, the snack after training."""
    meals = [{"name": name, "protein_g": grams, "leucine_g": None, "after_session": name == "snack"}
             for name, grams, _ in MEAL_TARGETS]
    menus = [{"day": d, "meals": [{"name": name, "protein_g": grams, "foods": [food(food_id)]}
                                  for name, grams, food_id in MEAL_TARGETS]}
             for d in range(1, 8)]
    return {"protein_g_per_kg": 1.2, "daily_protein_g": 72.0, "meals": meals, "menus": menus,
            "notes": ["Vitamin D: ask your clinician about a test."],
            "reason": "1.2 g/kg for a sedentary client recovering muscle",
            "under_professional_guidance": False}


def make_plan() -> dict:
    """The valid baseline plan; every test starts from a fresh copy."""
    return {
        "format": "planner.plan/1",
        "version": 1,
        "profile": profile(),
        "weeks": [week(n) for n in range(1, 9)],
        "nutrition": nutrition(),
        "assessments": [],
        "reassessment_dates": [(START + dt.timedelta(days=28)).isoformat(),
                               (START + dt.timedelta(days=56)).isoformat()],
        "warnings": [],
        "history": [{"version": 1, "action": "generate", "date": "2026-12-01",
                     "decision": None, "rebuilt_from_week": None}],
        "stop_rules": ["Stop and call your clinician on chest pain or dizziness."],
        "notes": [],
        "solver": {},
        "catalog_version": None,
    }


def reassess(plan: dict, *, at_week: int = 5, decision: str = "repeat",
             days: list[str] | None = None) -> dict:
    """The next version of `plan`, rebuilt from week `at_week` on (moved to `days`)."""
    new = copy.deepcopy(plan)
    date = START + dt.timedelta(days=7 * (at_week - 1))
    new["version"] = plan["version"] + 1
    new["history"].append({"version": new["version"], "action": "reassess", "date": date.isoformat(),
                           "decision": decision, "rebuilt_from_week": at_week})
    if days is not None:
        new["profile"]["schedule"]["days"] = list(days)
        offsets = tuple(WEEKDAYS.index(d) for d in days)
        for number in range(at_week, len(new["weeks"]) + 1):
            new["weeks"][number - 1] = week(number, offsets)
    return new


def sessions_of(plan: dict):
    """Every session of a plan, in order (for hand edits)."""
    return [s for w in plan["weeks"] for s in w["sessions"]]


def refresh(session_dict: dict) -> dict:
    """Recompute a hand-edited session's muscle groups."""
    session_dict["muscle_groups"] = [m for m in ALL_MUSCLES
                                     if any(m in e["primary_muscles"] for e in session_dict["exercises"])]
    return session_dict


def violations(plan: dict, rule: str | None = None, *, previous: dict | None = None) -> list:
    """What the verifier finds in `plan` against the fixture catalog (one rule, or all)."""
    from planner.verify import check_plan

    found = check_plan(plan, previous=previous, catalog_dir=CATALOG_DIR)
    return [v for v in found if rule is None or v.rule == rule]
