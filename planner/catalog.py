"""The exercise, food, limitation and condition catalogs: models, loading, coverage.

Data lives in catalog/ as YAML; this module only says what a valid entry is and
checks the catalog as a whole (ladders, coverage). Code holds no exercise names.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from planner import sources
from planner.errors import InputError
from planner.resources import catalog_dir
from planner.vocab import (
    ALWAYS_AVAILABLE, MUSCLE_GROUPS, MODALITIES, Allergen, Component, Condition, Cuisine, Diet, Equipment,
    FoodAllergen, KidneyFlag, Limitation, MealName, Modality, MuscleGroup, NeurogenicCause, Pattern, Role,
    Slot, Tag,
)

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Angle = float  # degrees; 0 = straight down, 90 = forward, 180 = straight up, -90 = backward


class Pose(Entry):
    """One position of a simple side-view stick figure, as absolute segment angles.

    Angles are in degrees measured from straight down, positive towards the way the
    figure faces: 0 down, 90 forward, 180 (or -180) up, -90 backward. The drawing
    code places the lowest point on the floor (or the hip on a seat when seated).
    """

    torso: Angle = Field(180, description="Hip to neck; 180 = upright.")
    head: Angle | None = Field(None, description="Neck to head; default follows the torso.")
    arm: tuple[Angle, Angle] = Field((0, 0), description="Near arm: upper arm, forearm.")
    leg: tuple[Angle, Angle] = Field((0, 0), description="Near leg: thigh, shin.")
    arm_far: tuple[Angle, Angle] | None = Field(None, description="Far arm; default = near arm.")
    leg_far: tuple[Angle, Angle] | None = Field(None, description="Far leg; default = near leg.")
    seated: bool = Field(False, description="Hip rests on a seat (chair, bench, pool edge).")
    reach: float = Field(0, ge=0, le=0.98, description=(
        "Front view only: how much the arms point at the reader, 0 not at all to nearly 1 straight "
        "at them; they are drawn that much shorter (a pull-apart starts with the arms reaching forward)."))


Prop = Literal[
    "chair", "wall", "step", "mat", "band", "dumbbell", "kettlebell", "ankle_weight",
    "grip_trainer", "machine", "noodle", "water_dumbbell", "towel", "table", "ball",
]


class Figure(Entry):
    """What to draw for an exercise: start and end pose plus props and water line."""

    start: Pose
    end: Pose
    props: list[Prop] = Field(default_factory=list)
    water: Literal["none", "hip", "waist", "chest"] = "none"
    view: Literal["side", "front"] = Field("side", description=(
        "front: the figure faces the reader, for movements out to the side (side raises, "
        "leg lifts, knee opening, pull-aparts). Limb angles then say how far a limb swings out "
        "to its own side: 0 down, 90 straight out, 180 up; arm and leg are the limbs on the "
        "reader's right, the far ones mirror them. A seated figure's thighs point at the "
        "reader and are drawn foreshortened: their angle only opens the knees."))


class Exercise(Entry):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=3, max_length=60)
    modality: Modality
    equipment: list[Equipment] = Field(description="Needed; [] = none (a wall is assumed everywhere).")
    primary_muscles: list[MuscleGroup] = Field(min_length=1, max_length=4)
    secondary_muscles: list[MuscleGroup] = Field(default_factory=list)
    pattern: Pattern
    tags: list[Tag] = Field(default_factory=list, description=(
        "What the movement asks beyond muscle (overhead, single_leg, ...); [] = none. Every "
        "catalog exercise must give it (coverage_gaps), so no exercise is left unjudged."))
    component: Component = Field("strength", description="balance practice loads no muscle group for "
                                                          "the 48 h and 2-3 a week rules.")
    role: Role | None = Field(None, description="The clinical job a hard rule picks it for (sit_to_stand, "
                                                 "external_rotation, scapular, back_extension).")
    dose: Literal["reps", "hold"] = Field(description="Prescribed in repetitions or in seconds held.")
    min_grade: int = Field(ge=2, le=5, description="Lowest MRC grade of the primary muscles that can do it.")
    excluded_by: list[Limitation] = Field(default_factory=list)
    easier: str | None = None
    harder: str | None = None
    compound: bool = Field(description="Multi-joint; done before isolation work.")
    unilateral: bool = Field(False, description="One side at a time (extra work for an affected limb).")
    eccentric_emphasis: bool = Field(False, description="Heavy lowering phase; withheld in neurogenic weakness.")
    load_kind: Literal["bodyweight", "band", "dumbbell", "kettlebell", "ankle_weight", "machine",
                       "water", "grip_trainer"] = "bodyweight"
    tempo_s: float = Field(3.0, ge=1, le=10, description="Seconds per repetition, for time estimates.")
    steps: list[str] = Field(min_length=2, max_length=6)
    cues: list[str] = Field(min_length=1, max_length=5)
    figure: Figure | None = None

    @model_validator(mode="after")
    def _coherent(self) -> "Exercise":
        overlap = set(self.primary_muscles) & set(self.secondary_muscles)
        if overlap:
            raise ValueError(f"{sorted(overlap)} listed as both primary and secondary")
        if self.modality == "aquatic" and "pool" not in self.equipment:
            raise ValueError("aquatic exercises need 'pool' in equipment")
        if self.modality != "aquatic" and "pool" in self.equipment:
            raise ValueError("only aquatic exercises need a pool")
        if self.easier == self.id or self.harder == self.id:
            raise ValueError("an exercise cannot be its own easier/harder variant")
        if len(set(self.tags)) != len(self.tags):
            raise ValueError("a tag is listed twice")
        if "floor" in self.tags and "no_floor" not in self.excluded_by:
            raise ValueError("a floor exercise must be excluded_by no_floor")
        if self.component == "balance" and self.pattern not in ("balance", "gait"):
            raise ValueError("balance practice has pattern balance or gait")
        return self

    @property
    def needs(self) -> frozenset[str]:
        """Equipment beyond what is assumed everywhere."""
        return frozenset(self.equipment) - ALWAYS_AVAILABLE


class Food(Entry):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=2, max_length=60)
    portion: str = Field(description="The standard serving in kitchen words, e.g. '100 g' or '2 eggs (100 g)'.")
    portion_g: float = Field(gt=0, le=1000, description="Grams (or ml) of the standard serving.")
    measure: Literal["g", "ml"] = Field("g", description="Whether amounts are grams or millilitres.")
    min_g: float | None = Field(None, gt=0, le=1000, description="Smallest realistic serving (default: portion_g).")
    max_g: float | None = Field(None, gt=0, le=1000, description="Largest realistic serving (default: portion_g).")
    unit: str | None = Field(None, description="A counted unit (egg, slice); servings are whole units.")
    unit_g: float | None = Field(None, gt=0, le=1000)
    protein_g: float = Field(ge=0, le=100, description="Protein per standard serving (USDA FoodData Central).")
    kcal: float = Field(0, ge=0, le=2000, description="Energy per standard serving (USDA FoodData Central).")
    leucine_g: float = Field(ge=0, le=10, description="Leucine per standard serving (figure or domain.md estimate).")
    diet: Diet = Field(description="Strictest diet that admits it.")
    allergens: list[FoodAllergen] = Field(default_factory=list)
    meals: list[MealName] = Field(min_length=1)
    slots: list[Slot] = Field(["protein"], min_length=1, description="What it fills in a meal; a dish may fill several.")
    cuisines: list[Cuisine] = Field(["general"], min_length=1)
    aisle: str = Field("other", description="Shopping-list aisle.")
    kidney: list[KidneyFlag] = Field(default_factory=list, description="High in potassium or phosphate.")
    kind: str | None = Field(None, description="Foods of one kind count as the same main protein (default: id).")
    substitute_for: list[FoodAllergen] = Field(default_factory=list, description=(
        "A free-from product (gluten-free bread, lactose-free milk): served only to clients "
        "avoiding one of these."))
    max_portions: int = Field(1, ge=1, le=4, description="Kept for old catalogs; servings are in grams now.")
    source: str | None = Field(None, description="Where the protein and energy figures come from.")

    @model_validator(mode="after")
    def _serving_bounds(self) -> "Food":
        for key in ("min_g", "max_g"):
            if getattr(self, key) is None:
                object.__setattr__(self, key, self.portion_g)
        if self.kind is None:
            object.__setattr__(self, "kind", self.id)
        if not self.min_g <= self.portion_g <= self.max_g:
            raise ValueError(f"portion_g {self.portion_g:g} is outside min_g..max_g")
        if (self.unit is None) != (self.unit_g is None):
            raise ValueError("unit and unit_g go together")
        if self.unit_g is not None and any(abs(g / self.unit_g - round(g / self.unit_g)) > 1e-6
                                           for g in (self.min_g, self.max_g, self.portion_g)):
            raise ValueError("servings of a unit food are whole units")
        return self

    def servings(self) -> list[float]:
        """The serving sizes a menu may use, grams: whole units, or up to six even steps."""
        if self.unit_g is not None:
            return [self.unit_g * n for n in range(round(self.min_g / self.unit_g),
                                                    round(self.max_g / self.unit_g) + 1)]
        for step in (5, 10, 25, 50, 100):
            inner = range(int(self.min_g // step) + 1, int(-(-self.max_g // step)))
            sizes = sorted({self.min_g, self.max_g} | {float(step * k) for k in inner})
            if len(sizes) <= 6:
                return sizes
        return [self.min_g, self.max_g]

    def per_gram(self, figure: float) -> float:
        return figure / self.portion_g

class LimitationRule(Entry):
    id: Limitation
    label: str
    excludes_modalities: list[Modality] = Field(default_factory=list)
    excludes_patterns: list[Pattern] = Field(default_factory=list)
    excludes_tags: list[Tag] = Field(default_factory=list)
    note: str = Field(description="Printed on the programme.")


class ConditionRule(Entry):
    """Caps and notes for a condition (or a neurogenic cause, which refines it)."""

    id: str
    label: str
    effort_cap_rpe: int = Field(ge=3, le=10)
    start_sets: int = Field(ge=1, le=3)
    max_sets: int = Field(ge=1, le=4)
    to_failure: bool = False
    eccentric_emphasis_allowed: bool = True
    min_grade_to_strengthen: int = Field(2, ge=2, le=5)
    progression: Literal["normal", "slow"] = "normal"
    pool_allowed: bool = True
    clinician_oversight: bool = False
    notes: list[str] = Field(default_factory=list)
    standing_notes: list[str] = Field(default_factory=list, description="Printed only for clients who "
                                      "can stand (not seated_only / wheelchair_user).")


class ScreeningRule(Entry):
    """What a screening condition or a medication class changes in the programme."""

    id: str
    label: str
    source: str = Field(description="Where the rule comes from (domain.md).")
    excludes_tags: list[Tag] = Field(default_factory=list)
    treat_as: list[Limitation] = Field(default_factory=list, description="Limitations whose exclusions apply too.")
    hold_cap_s: int | None = Field(None, ge=10, le=60)
    effort_cap_rpe: int | None = Field(None, ge=3, le=10)
    adds_targets: list[MuscleGroup] = Field(default_factory=list)
    land_work_for: list[MuscleGroup] = Field(default_factory=list, description="Strengthened on land "
                                             "(or seated) every week even with a pool (OARSI 2019).")
    advice: list[str] = Field(default_factory=list)
    stop_rules: list[str] = Field(default_factory=list)
    clinician_note: str | None = None


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True)

    exercises: dict[str, Exercise]
    foods: dict[str, Food]
    limitations: dict[str, LimitationRule]
    conditions: dict[str, ConditionRule]
    folder: str
    screening_conditions: dict[str, ScreeningRule] = Field(default_factory=dict)
    screening_medications: dict[str, ScreeningRule] = Field(default_factory=dict)

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def condition_rule(self, condition: str, cause: str | None = None) -> ConditionRule:
        """The rule for a neurogenic cause when one exists, else the condition's."""
        if cause and cause in self.conditions:
            return self.conditions[cause]
        return self.conditions[condition]


class _ExerciseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exercises: list[Exercise]


class _FoodFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    foods: list[Food]


class _LimitationFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limitations: list[LimitationRule]


class _ScreeningFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conditions: list[ScreeningRule] = Field(default_factory=list)
    medications: list[ScreeningRule] = Field(default_factory=list)


class _ConditionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conditions: list[ConditionRule]


def _unique_ids(items, path: str, what: str) -> dict:
    out = {}
    for item in items:
        if item.id in out:
            raise InputError(f"duplicate {what} id {item.id!r}", file=path)
        out[item.id] = item
    return out


def load_catalog(folder: str | Path | None = None) -> Catalog:
    """Load and validate every catalog file; InputError names the file, key and line."""
    folder = Path(folder) if folder else catalog_dir()
    exercises: dict[str, Exercise] = {}
    for path in sorted((folder / "exercises").glob("*.yaml")):
        part = sources.load(_ExerciseFile, path, fast=True)
        for exercise_id, exercise in _unique_ids(part.exercises, str(path), "exercise").items():
            if exercise_id in exercises:
                raise InputError(f"duplicate exercise id {exercise_id!r}", file=str(path))
            exercises[exercise_id] = exercise
    foods = _unique_ids(sources.load(_FoodFile, folder / "foods.yaml", fast=True).foods, str(folder / "foods.yaml"), "food")
    limitations = _unique_ids(sources.load(_LimitationFile, folder / "limitations.yaml", fast=True).limitations,
                              str(folder / "limitations.yaml"), "limitation")
    conditions = _unique_ids(sources.load(_ConditionFile, folder / "conditions.yaml", fast=True).conditions,
                             str(folder / "conditions.yaml"), "condition")
    screening = _ScreeningFile()
    if (folder / "screening.yaml").is_file():  # a test catalog may leave it out
        screening = sources.load(_ScreeningFile, folder / "screening.yaml", fast=True)
    catalog = Catalog(exercises=exercises, foods=foods, limitations=limitations,
                      conditions=conditions, folder=str(folder),
                      screening_conditions=_unique_ids(screening.conditions, str(folder / "screening.yaml"),
                                                       "screening condition"),
                      screening_medications=_unique_ids(screening.medications, str(folder / "screening.yaml"),
                                                        "medication class"))
    problems = ladder_problems(catalog)
    if problems:
        raise InputError(problems[0], file=str(folder / "exercises"))
    return catalog


@functools.lru_cache(maxsize=4)
def default_catalog() -> Catalog:
    """The shipped catalog, loaded once per process."""
    return load_catalog()


# --- Whole-catalog checks ---------------------------------------------------------

def ladder_problems(catalog: Catalog) -> list[str]:
    """Ladders resolve, link both ways, share a primary muscle and have no cycles."""
    problems = []
    ex = catalog.exercises
    for item in ex.values():
        for direction, back in (("easier", "harder"), ("harder", "easier")):
            other_id = getattr(item, direction)
            if other_id is None:
                continue
            other = ex.get(other_id)
            if other is None:
                problems.append(f"{item.id}: {direction} {other_id!r} is not in the catalog")
                continue
            if getattr(other, back) != item.id:
                problems.append(f"{item.id}: {direction} is {other_id} but {other_id}.{back} "
                                f"is {getattr(other, back)!r}")
            if not set(item.primary_muscles) & set(other.primary_muscles):
                problems.append(f"{item.id} and {other_id} share no primary muscle")
    for item in ex.values():
        seen, current = {item.id}, item
        while current.harder and current.harder in ex:
            if current.harder in seen:
                problems.append(f"ladder through {item.id} has a cycle")
                break
            seen.add(current.harder)
            current = ex[current.harder]
    return problems


def ladder(catalog: Catalog, exercise_id: str) -> list[str]:
    """The whole ladder an exercise stands on, easiest first."""
    ex = catalog.exercises
    bottom = ex[exercise_id]
    seen = {bottom.id}
    while bottom.easier and bottom.easier in ex and bottom.easier not in seen:
        bottom = ex[bottom.easier]
        seen.add(bottom.id)
    rungs, current = [bottom.id], bottom
    while current.harder and current.harder in ex and current.harder not in rungs:
        current = ex[current.harder]
        rungs.append(current.id)
    return rungs


# Minimum coverage per muscle group (issue 2); "no_equipment" allows only a wall.
COVERAGE_MINIMUM = {"land": 3, "no_equipment": 2, "seated": 2, "aquatic": 2, "grade_2": 1}
LADDER_PATTERNS = ("squat", "hinge", "push", "pull", "calf", "core", "carry_grip")
MIN_EXERCISES = 90
MIN_LADDER_LEVELS = 3


def coverage_table(catalog: Catalog) -> dict[str, dict[str, int]]:
    """For each muscle group, how many exercises have it as a primary muscle, by column."""
    table = {muscle: {column: 0 for column in COVERAGE_MINIMUM} for muscle in MUSCLE_GROUPS}
    for item in catalog.exercises.values():
        for muscle in item.primary_muscles:
            row = table[muscle]
            row[item.modality] = row.get(item.modality, 0) + 1
            if not item.needs:
                row["no_equipment"] += 1
            if item.min_grade <= 2:
                row["grade_2"] += 1
    return table


def coverage_gaps(catalog: Catalog) -> list[str]:
    """Every way the catalog falls short of the coverage the planner relies on."""
    gaps = []
    if len(catalog.exercises) < MIN_EXERCISES:
        gaps.append(f"only {len(catalog.exercises)} exercises; at least {MIN_EXERCISES} needed")
    for muscle, row in coverage_table(catalog).items():
        for column, minimum in COVERAGE_MINIMUM.items():
            if row[column] < minimum:
                gaps.append(f"{muscle}: {row[column]} {column} exercise(s); at least {minimum} needed")
    for pattern in LADDER_PATTERNS:
        longest = max((len(ladder(catalog, e.id)) for e in catalog.exercises.values()
                       if e.pattern == pattern), default=0)
        if longest < MIN_LADDER_LEVELS:
            gaps.append(f"pattern {pattern}: longest ladder has {longest} level(s); "
                        f"at least {MIN_LADDER_LEVELS} needed")
    gaps.extend(ladder_problems(catalog))
    gaps.extend(f"{e.id}: no tags (give [] when none applies)" for e in catalog.exercises.values()
                if "tags" not in e.model_fields_set)
    return gaps
