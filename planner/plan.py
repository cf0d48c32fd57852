"""The plan: the JSON output contract of spec/plan.md as pydantic models.

Renderers and `planner reassess` read this object; other tools read its JSON.
Keys of the contract stay as they are; additions sit beside them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planner.profile import Profile
from planner.textcheck import MULTILINE_KEYS, check_text
from planner.vocab import Component, Modality, MuscleGroup, Pattern, Phase, Tag, Weekday

FORMAT = "planner.plan/1"
# Bounds checked before any work on a plan read back (a hostile file of 8,000 weeks).
MAX_WEEKS = 12
MAX_EXERCISES = 20


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*")
    @classmethod
    def _printable(cls, value, info):
        """Text read back from a hand-edited plan prints as written (planner/textcheck.py)."""
        return check_text(value, multiline=info.field_name in MULTILINE_KEYS)


class Alternative(Model):
    id: str
    name: str
    modality: Modality


class PlannedExercise(Model):
    id: str
    name: str
    modality: Modality
    equipment: list[str]
    primary_muscles: list[MuscleGroup]
    sets: int = Field(ge=1, le=6)
    reps: tuple[int, int] | None = Field(description="[low, high]; null for a timed hold.")
    hold_s: int | None = Field(description="Seconds per hold; null for repetitions.")
    effort_rpe: int = Field(ge=0, le=10)
    rest_s: int = Field(ge=0, le=600)
    load: str = Field(description="The load in words: 'bodyweight', 'light band', 'chest-deep water'.")
    alternatives: list[Alternative] = Field(default_factory=list)
    unilateral: bool = Field(False, description="Done one side at a time; sets are per side.")
    note: str | None = Field(None, description="A per-exercise remark, e.g. 'affected leg first'.")
    # Round 2 (spec/plan.md): what the exercise is for and what it asks, from the catalog.
    component: Component = Field(
        "strength", description="strength, balance or power (fast lifting, older adults, intensify phase).")
    pattern: Pattern | None = None
    tags: list[Tag] = Field(default_factory=list)


class RoutineItem(Model):
    name: str
    minutes: int = Field(ge=1, le=10)


class Session(Model):
    date: dt.date
    weekday: Weekday
    muscle_groups: list[MuscleGroup]
    minutes: int
    exercises: list[PlannedExercise] = Field(max_length=MAX_EXERCISES)
    setting: Literal["land", "pool"] = Field("land", description="A pool session is all aquatic; land none.")
    warm_up: list[RoutineItem] = Field(default_factory=list, description="About 5 minutes, named.")
    cool_down: list[RoutineItem] = Field(default_factory=list, description="About 5 minutes, named.")


class HomePractice(Model):
    """A short routine on a day without a session (spec/plan.md, round 2)."""

    date: dt.date
    component: Literal["balance"] = "balance"
    exercises: list[PlannedExercise]


class AerobicWeek(Model):
    mode: Literal["walk", "water_walk", "arm_ergometer", "wheelchair_propulsion", "cycle"]
    minutes: int = Field(ge=1, le=120, description="Minutes a day.")
    days: int = Field(ge=1, le=7)
    effort_rpe: int = Field(ge=0, le=10)


class Week(Model):
    week: int = Field(ge=1)
    start: dt.date
    phase: Phase
    deload: bool
    sessions: list[Session] = Field(max_length=7)
    home_practice: list[HomePractice] = Field(default_factory=list, max_length=7)
    aerobic: AerobicWeek | None = None


class MenuFood(Model):
    id: str
    name: str
    portion: str
    protein_g: float
    diet: str
    allergens: list[str]
    portions: int = Field(1, ge=1, description="How many catalog portions (1: the serving is in portion_g).")
    leucine_g: float | None = None
    kcal: float | None = Field(None, description="Energy of this serving.")
    portion_g: float | None = Field(None, description="Grams (or ml) of this serving.")
    slot: str | None = Field(None, description="What the food fills in the meal (a dish: its first slot).")
    slots: list[str] = Field(default_factory=list, description="Every slot the food fills.")


class MenuMeal(Model):
    name: str
    protein_g: float
    foods: list[MenuFood]


class MenuDay(Model):
    day: int = Field(ge=1, le=7)
    meals: list[MenuMeal]
    energy_kcal: float | None = Field(None, description="The day's foods added up.")


class MealTarget(Model):
    name: str
    protein_g: float
    leucine_g: float | None = None
    after_session: bool = Field(False, description="The protein-rich meal within ~2 h after training.")


class ShoppingItem(Model):
    name: str
    amount: str


class ShoppingAisle(Model):
    aisle: str
    items: list[ShoppingItem]


class NutritionPlan(Model):
    protein_g_per_kg: float
    daily_protein_g: float
    meals: list[MealTarget]
    menus: list[MenuDay] = Field(max_length=7)
    notes: list[str]
    reason: str | None = Field(None, description="Why this target, in words.")
    under_professional_guidance: bool = False
    energy_kcal: float | None = Field(None, description="Daily energy target.")
    energy_method: str | None = Field(None, description="How the energy target was set.")
    cuisine: str | None = None
    reference_weight_kg: float | None = Field(None, description="The weight protein and energy are set on.")
    adjusted_body_weight: bool = Field(False, description="BMI >= 30: adjusted body weight was used.")
    shopping_list: list[ShoppingAisle] = Field(default_factory=list)


class AssessmentRecord(Model):
    date: dt.date | None
    grip_kg: float | None = None
    chair_stand_5x_s: float | None = None
    walk_6min_m: float | None = None
    gait_speed_m_s: float | None = None
    sppb_points: int | None = None
    timed_up_and_go_s: float | None = None
    flags: list[str] = Field(default_factory=list)
    walk_6min_predicted_m: float | None = None


class HistoryEntry(Model):
    version: int = Field(ge=1)
    action: Literal["generate", "reassess"]
    date: dt.date
    decision: str | None = Field(None, description="For a reassessment: step_up | repeat | step_down.")
    rebuilt_from_week: int | None = None
    training_changes: list[str] = Field(default_factory=list,
                                        description="Profile keys a reassessment changed that shape the training.")
    referral: str | None = Field(None, description="A medical and nutrition review the reassessment calls for.")


class Plan(Model):
    format: Literal["planner.plan/1"] = FORMAT
    version: int = Field(ge=1)
    profile: Profile
    weeks: list[Week] = Field(min_length=1, max_length=MAX_WEEKS)
    nutrition: NutritionPlan | None
    assessments: list[AssessmentRecord]
    reassessment_dates: list[dt.date]
    warnings: list[str]
    history: list[HistoryEntry] = Field(min_length=1, description="Oldest first; the last entry is this version.")
    # Beside the contract: what the programme prints and the checker can use.
    stop_rules: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Condition and limitation notes to print.")
    solver: dict = Field(default_factory=dict, description="Solver status and objective, for transparency.")
    catalog_version: str | None = None
    clinician_notes: list[str] = Field(default_factory=list, description="For the clinician only; the "
                                       "patient's pages never print them (flags, sources, decisions).")

    def to_json(self) -> str:
        """Canonical JSON: same plan, same bytes."""
        data = self.model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
