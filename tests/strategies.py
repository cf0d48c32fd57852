"""Hypothesis strategies: random valid profiles and reassessments."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from planner.textcheck import text_problem
from planner.vocab import (
    ALLERGENS, CUISINES, EQUIPMENT, LIMITATIONS, MUSCLE_GROUPS, RED_FLAGS, WEEKDAYS,
)

CONDITIONS = ("disuse", "post_immobilisation", "sarcopenia", "neurogenic", "general")
CAUSES = ("als", "guillain_barre", "multiple_sclerosis", "diabetic_neuropathy", "spinal_cord_injury", "other")
HEALTH = ("diabetes", "osteoporosis", "heart_disease", "knee_osteoarthritis", "open_wound", "copd",
          "hypertension", "hip_osteoarthritis", "peripheral_neuropathy", "low_vision", "cancer")
# Medicines whose classes change the programme (catalog/screening.yaml) and a few that do not.
MEDICINES = ("warfarin", "apixaban", "insulin glargine", "bisoprolol", "prednisone", "metformin",
             "alendronate")
# A few catalog ids for the clinician's prefer / exclude lists.
CATALOG_IDS = ("sit-to-stand", "wall-push-up", "band-row", "seated-knee-extension", "tandem-stance",
               "supported-stand-feet-apart", "seated-band-row", "wall-plank", "pool-walk")


def subset(values, *, min_size=0, max_size=None):
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def profiles(draw, *, allow_red_flags: bool = True) -> dict:
    """A random profile dict that the Profile model accepts."""
    condition = draw(st.sampled_from(CONDITIONS))
    days = draw(subset(WEEKDAYS, min_size=1, max_size=7))
    profile = {
        "client": {"name": draw(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() and
                                                                         text_problem(s) is None)),
                   # Older clients (80+) are drawn often: balance, sit-to-stand and screening meet there.
                   "age": draw(st.one_of(st.integers(18, 110), st.integers(80, 95))),
                   "sex": draw(st.sampled_from(["female", "male"])),
                   "weight_kg": draw(st.floats(30, 300).map(lambda w: round(w, 1)))},
        "condition": condition,
        "schedule": {"start": (dt.date(2026, 12, 1) + dt.timedelta(days=draw(st.integers(0, 60)))).isoformat(),
                     "weeks": draw(st.integers(8, 12)), "days": days,
                     "minutes_per_session": draw(st.sampled_from([20, 30, 45, 60, 90, 120]))},
        "equipment": draw(subset(EQUIPMENT)),
        "limitations": draw(subset(LIMITATIONS, max_size=3)),
        "affected": draw(subset(["left_leg", "right_leg", "left_arm", "right_arm", "trunk"], max_size=2)),
        "active": draw(st.booleans()),
        "nutrition": {"meals_per_day": draw(st.integers(3, 6)),
                      "diet": draw(st.sampled_from(["omnivore", "pescatarian", "vegetarian", "vegan"])),
                      "avoid": draw(subset(ALLERGENS, max_size=3)),
                      "cuisine": draw(st.sampled_from(CUISINES))},
        "screening": {"conditions": draw(subset(HEALTH, max_size=3)),
                      "medications": draw(subset(MEDICINES, max_size=3))},
    }
    if draw(st.integers(0, 3)) == 0:
        # Seated clients, wheelchair users among them, often with upper-body targets.
        profile["limitations"] = sorted(set(profile["limitations"]) | {draw(st.sampled_from(["seated_only",
                                                                                            "wheelchair_user"]))})
        if draw(st.booleans()):
            profile["targets"] = ["chest", "upper_back", "shoulders", "biceps", "triceps", "forearms"]
    if draw(st.booleans()):
        profile["client"]["falls_last_year"] = draw(st.integers(0, 4))
    if draw(st.integers(0, 2)) == 0:
        profile["screening"]["blood_pressure"] = draw(st.sampled_from(["128/80", "150/95", "164/92", "176/104"]))
    if draw(st.integers(0, 2)) == 0:
        chosen = draw(subset(CATALOG_IDS, max_size=3))
        split = draw(st.integers(0, len(chosen)))
        profile["exercises"] = {"prefer": chosen[:split], "exclude": chosen[split:]}
    if draw(st.booleans()):
        wanted = draw(st.integers(2, 6))
        if wanted <= len(days):
            profile["schedule"]["sessions_per_week"] = wanted
    if "pool" in profile["equipment"] and draw(st.booleans()):
        # a clinician's pool day (issue 11): those sessions are whole pool sessions
        profile["schedule"]["pool_days"] = draw(subset(days, min_size=1, max_size=1))
    if draw(st.booleans()):
        profile["priority"] = draw(subset(MUSCLE_GROUPS, max_size=2))
    if draw(st.booleans()):
        profile["targets"] = draw(subset(MUSCLE_GROUPS, min_size=1))
    if draw(st.booleans()):
        # Grades 2-3 are drawn most: gravity-eliminated work, no added load, no single-leg work.
        grades = st.sampled_from([2, 3, 2, 3, 4, 5, 0, 1])
        profile["strength"] = draw(st.dictionaries(st.sampled_from(MUSCLE_GROUPS), grades, max_size=4))
    if condition == "neurogenic" and draw(st.booleans()):
        profile["neurogenic_cause"] = draw(st.sampled_from(CAUSES))
    if draw(st.booleans()):
        profile["assessment"] = {"grip_kg": draw(st.floats(5, 60).map(lambda v: round(v, 1))),
                                 "chair_stand_5x_s": draw(st.floats(6, 40).map(lambda v: round(v, 1))),
                                 "walk_6min_m": draw(st.integers(100, 700)),
                                 "gait_speed_m_s": draw(st.floats(0.3, 1.6).map(lambda v: round(v, 2)))}
        if draw(st.booleans()):
            profile["assessment"]["sppb_points"] = draw(st.integers(3, 12))
            profile["assessment"]["timed_up_and_go_s"] = draw(st.floats(7, 30).map(lambda v: round(v, 1)))
    if allow_red_flags and draw(st.integers(0, 9)) == 0:
        profile["screening"]["red_flags"] = draw(subset(RED_FLAGS, min_size=1, max_size=2))
    if draw(st.integers(0, 9)) == 0:
        # a valid profile with kidney disease carries the clinician's protein value
        profile["screening"]["conditions"] = ["ckd"]
        profile["nutrition"]["protein_g_per_kg"] = draw(st.sampled_from([0.6, 0.8]))
    return profile


@st.composite
def reassessments(draw, plan) -> dict:
    """A random reassessment for a plan: a date inside it, random tests, tolerance and changes."""
    starts = [w.start for w in plan.weeks[1:]]
    date = draw(st.sampled_from(starts)) - dt.timedelta(days=draw(st.integers(0, 3)))
    data = {
        "date": max(date, plan.history[-1].date).isoformat(),
        "assessment": {"grip_kg": draw(st.floats(5, 60).map(lambda v: round(v, 1))),
                       "walk_6min_m": draw(st.integers(100, 700))},
        "tolerance": draw(st.sampled_from(["too_easy", "good", "too_hard"])),
        "adherence": draw(st.floats(0, 1).map(lambda v: round(v, 2))),
    }
    if draw(st.booleans()):
        data["strength"] = draw(st.dictionaries(st.sampled_from(MUSCLE_GROUPS), st.integers(2, 5), max_size=3))
    changes = {}
    if draw(st.booleans()):
        changes["weight_kg"] = min(300.0, max(30.0, round(plan.profile.weight_kg * draw(st.floats(0.9, 1.1)), 1)))
    if draw(st.integers(0, 3)) == 0:
        changes["days"] = draw(subset(WEEKDAYS, min_size=2))
        changes["sessions_per_week"] = None
    if draw(st.integers(0, 3)) == 0:
        changes["equipment"] = draw(subset(EQUIPMENT))
    data["changes"] = {k: v for k, v in changes.items() if v is not None}
    return data
