"""Tiny factories for tests: profiles and catalogs built in a line or two."""

from __future__ import annotations

import copy
from pathlib import Path

from planner.catalog import Catalog, Exercise, load_catalog
from planner.profile import Profile
from planner import sources
from planner.catalog import _ConditionFile, _LimitationFile

REPO = Path(__file__).resolve().parent.parent

BASE_PROFILE = {
    "client": {"name": "Test Client", "age": 50, "sex": "female", "weight_kg": 70},
    "condition": "disuse",
    "schedule": {"start": "2026-12-07", "weeks": 8, "days": ["mon", "wed", "fri"]},
    "equipment": [],
}


def make_profile(**changes) -> Profile:
    """A valid profile; keyword arguments replace top-level keys (dicts are merged one level)."""
    data = copy.deepcopy(BASE_PROFILE)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return Profile.model_validate(data)


def make_exercise(id: str, primary: list[str], **fields) -> Exercise:
    """A catalog exercise with sensible defaults."""
    data = {
        "id": id, "name": id.replace("-", " ").capitalize(), "modality": "land", "equipment": [],
        "primary_muscles": primary, "pattern": "squat", "dose": "reps", "min_grade": 3,
        "compound": len(primary) > 1, "steps": ["Get ready.", "Do it."], "cues": ["Breathe."],
    }
    data.update(fields)
    return Exercise.model_validate(data)


def make_catalog(exercises: list[Exercise]) -> Catalog:
    """A catalog of these exercises with the shipped condition and limitation rules."""
    folder = REPO / "catalog"
    conditions = sources.load(_ConditionFile, folder / "conditions.yaml").conditions
    limitations = sources.load(_LimitationFile, folder / "limitations.yaml").limitations
    return Catalog(exercises={e.id: e for e in exercises}, foods={},
                   limitations={l.id: l for l in limitations}, conditions={c.id: c for c in conditions},
                   folder="test")


def full_body_exercises() -> list[Exercise]:
    """Enough simple exercises to cover all twelve muscle groups."""
    return [
        make_exercise("squat", ["quadriceps", "glutes"], pattern="squat"),
        make_exercise("bridge", ["glutes", "hamstrings", "lower_back"], pattern="hinge"),
        make_exercise("push-up", ["chest", "triceps", "shoulders"], pattern="push"),
        make_exercise("row", ["upper_back", "biceps"], pattern="pull"),
        make_exercise("calf-raise", ["calves"], pattern="calf", compound=False),
        make_exercise("plank", ["core"], pattern="core", dose="hold", compound=False),
        make_exercise("fist-clench", ["forearms"], pattern="carry_grip", compound=False),
        make_exercise("pool-walk", ["quadriceps", "hamstrings"], pattern="gait", modality="aquatic",
                      equipment=["pool"], load_kind="water", min_grade=2),
        make_exercise("band-curl", ["biceps"], pattern="pull", equipment=["resistance_band"],
                      load_kind="band", min_grade=4, compound=False),
    ]


def shipped_catalog() -> Catalog:
    return load_catalog()
