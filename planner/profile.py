"""The client profile: the input contract of spec/profile.md as pydantic models.

Validation normalises as it goes (pounds to kg, inches to cm, `targets: [all]`
to the twelve groups, weekdays in calendar order) so the rest of the pipeline
sees one shape. Unknown keys are errors: a typo must not silently change a plan.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator

from planner import sources
from planner.errors import KeyedError
from planner.textcheck import MULTILINE_KEYS, check_text
from planner.vocab import (
    WEEKDAYS, MUSCLE_GROUPS, Allergen, BodyPart, Cuisine, Condition, Diet, Equipment,
    HealthCondition, Limitation, MuscleGroup, NeurogenicCause, RedFlag, Sex, Weekday,
)

KG_PER_LB = 0.45359237
MAX_MEAL_G_PER_KG = 0.55  # domain.md: no meal above ~0.55 g/kg
CM_PER_IN = 2.54


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*")
    @classmethod
    def _printable(cls, value, info):
        """Hard: free text prints as written (planner/textcheck.py): no surrogates, controls, bidi overrides."""
        return check_text(value, multiline=info.field_name in MULTILINE_KEYS)


def date_only(value):
    """Accept a date written with a time of day ('2026-12-07 09:30') as that date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and len(value) > 10 and value[10] in " T":
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return value
    return value


# Plans are made for real clients: a start outside these years is a typo (9999-12-01)
# and would overflow the calendar arithmetic of a 12-week plan.
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)


def plausible_date(value: dt.date | None) -> dt.date | None:
    """A date within EARLIEST_DATE..LATEST_DATE, else ValueError."""
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value.isoformat()} is outside the years {EARLIEST_DATE.year}..{LATEST_DATE.year}")
    return value

MRC_WRITTEN = re.compile(r"^\s*([0-5])\s*([+-])\s*$")


def mrc_grade(value) -> int | None:
    """The numeric MRC grade of a grade as clinicians write it: 4, '4', '4-' and '4+' are all 4.

    The + and - are finer shades some clinics record (MRC 1976 lists 0-5 only), so
    a rule works with the whole grade; the written form is kept in the profile.
    None when the value is no grade at all.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        match = MRC_WRITTEN.match(value) or re.match(r"^\s*([0-5])\s*$", value)
        return int(match[1]) if match else None
    return None


def written_grades(grades) -> tuple[dict, dict]:
    """Grades with shades ('4-') as their numeric grade, and those shades as written."""
    if not isinstance(grades, dict):
        return grades, {}
    numeric, written = {}, {}
    for muscle, grade in grades.items():
        if isinstance(grade, str) and MRC_WRITTEN.match(grade):
            numeric[muscle] = mrc_grade(grade)
            written[muscle] = grade.replace(" ", "")
        else:
            numeric[muscle] = grade
    return numeric, written


def mrc_grades(grades: dict[str, int]) -> dict[str, int]:
    """Grades on the MRC scale 0..5, in the catalog's muscle order."""
    for muscle, grade in grades.items():
        if not 0 <= grade <= 5:
            raise KeyedError(muscle, f"grade for {muscle} must be 0..5 (MRC scale)")
    return {m: grades[m] for m in MUSCLE_GROUPS if m in grades}


def _unique(values: list, what: str) -> list:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice")
        seen.add(value)
    return values


class Client(Strict):
    name: str = Field(min_length=1, max_length=200, description="Free text; printed, never interpreted as markup.")
    id: str | None = Field(None, max_length=100, description="Optional clinic reference.")
    age: int = Field(ge=18, le=110, description="Age in years, 18..110.")
    sex: Sex = Field(description="female | male; selects the functional-test cut-offs.")
    weight_kg: float | None = Field(None, description="Body weight in kg, 30..300 (give weight_kg or weight_lb).")
    weight_lb: float | None = Field(None, exclude=True, description="Body weight in pounds; converted to weight_kg.")
    height_cm: float | None = Field(None, description="Height in cm, 100..250 (optional; height_cm or height_in).")
    height_in: float | None = Field(None, exclude=True, description="Height in inches; converted to height_cm.")
    falls_last_year: int | None = Field(None, ge=0, le=100, description="Falls in the last 12 months; >= 1 -> "
                                                                       "balance practice (Otago).")

    @field_validator("name")
    @classmethod
    def _name_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name is blank")
        if any(ord(ch) < 32 and ch not in "\t" for ch in value):
            raise ValueError("name contains control characters")
        return value.strip()

    measurements_checked: bool = Field(False, description="The weight and height are right as written, "
                                       "though unusual (skips the plausibility check of body mass index).")

    @model_validator(mode="after")
    def _normalise_units(self) -> "Client":
        if self.weight_kg is not None and self.weight_lb is not None:
            raise KeyedError("weight_lb", "give weight_kg or weight_lb, not both")
        if self.weight_kg is None and self.weight_lb is None:
            raise KeyedError("weight_kg", "weight_kg (or weight_lb) is required")
        if self.height_cm is not None and self.height_in is not None:
            raise KeyedError("height_in", "give height_cm or height_in, not both")
        kg = self.weight_kg if self.weight_kg is not None else round(self.weight_lb * KG_PER_LB, 1)
        cm = self.height_cm if self.height_in is None else round(self.height_in * CM_PER_IN, 1)
        mistake = unit_mistake(self.weight_kg, self.weight_lb, self.height_cm, self.height_in)
        if mistake and (not self.measurements_checked or mistake[2]):
            raise KeyedError(mistake[0], mistake[1])
        if not 30 <= kg <= 300:
            raise KeyedError("weight_kg" if self.weight_lb is None else "weight_lb", f"weight {kg:g} kg is outside 30..300 kg")
        if cm is not None and not 100 <= cm <= 250:
            raise KeyedError("height_cm" if self.height_in is None else "height_in", f"height {cm:g} cm is outside 100..250 cm")
        object.__setattr__(self, "weight_kg", float(kg))
        object.__setattr__(self, "weight_lb", None)
        object.__setattr__(self, "height_cm", None if cm is None else float(cm))
        object.__setattr__(self, "height_in", None)
        return self


# Plausibility of weight and height (issue 14): a body mass index outside 13..60 is
# almost never a real adult, and inside it a pound or inch figure written as kg or cm
# still shows: 150 "kg" at 165 cm is 55, the same 150 lb is 25. A number a clinician
# copied in the wrong unit would set protein (g/kg) wrong for twelve weeks.
BMI_POSSIBLE = (13, 60)
BMI_LIKELY = (16, 40)    # where the other reading must land for us to name it
BMI_SUSPECT = 45         # above this, a weight that reads normal as pounds is named


def bmi(kg: float, cm: float) -> float:
    """Body mass index, kg/m2."""
    return kg / (cm / 100) ** 2


def unit_mistake(weight_kg, weight_lb, height_cm, height_in) -> tuple[str, str, bool] | None:
    """(key, the likely mistake in words, impossible) for weight and height that look wrong.

    `impossible` is true when the value cannot be right at all (outside the ranges);
    otherwise `measurements_checked: true` lets an unusual but real body through.
    """
    def likely(kg, cm):
        return BMI_LIKELY[0] <= bmi(kg, cm) <= BMI_LIKELY[1]

    # Single values in the other unit, outside the ranges whatever the other value.
    if weight_lb is not None and weight_lb * KG_PER_LB < 30 and 30 <= weight_lb <= 300:
        return ("weight_lb", f"{weight_lb:g} lb is {weight_lb * KG_PER_LB:.1f} kg, below 30 kg: "
                f"was it {weight_lb:g} kg? write weight_kg: {weight_lb:g}", True)
    if height_cm is not None and 48 <= height_cm < 100:
        return ("height_cm", f"{height_cm:g} cm is below 100 cm: was it {height_cm:g} inches? "
                f"write height_in: {height_cm:g}", True)
    if height_in is not None and 100 <= height_in <= 250:
        return ("height_in", f"{height_in:g} inches is {height_in * CM_PER_IN:.0f} cm: was it "
                f"{height_in:g} cm? write height_cm: {height_in:g}", True)
    kg = weight_kg if weight_kg is not None else (weight_lb * KG_PER_LB if weight_lb is not None else None)
    cm = height_cm if height_cm is not None else (height_in * CM_PER_IN if height_in is not None else None)
    if kg is None or cm is None or not (30 <= kg <= 300 and 100 <= cm <= 250):
        return None
    index = bmi(kg, cm)
    weight_key = "weight_kg" if weight_kg is not None else "weight_lb"
    weight_text = f"{weight_kg:g} kg" if weight_kg is not None else f"{weight_lb:g} lb"
    height_text = f"{height_cm:g} cm" if height_cm is not None else f"{height_in:g} inches"
    said = f"{weight_text} with {height_text} is a body mass index of {index:.0f}"
    escape = "; if it is right, add measurements_checked: true"  # under client:, or changes: in a reassessment
    if weight_kg is not None and index > BMI_SUSPECT and likely(weight_kg * KG_PER_LB, cm):
        return ("weight_kg", f"{said}: was it {weight_kg:g} lb? write weight_lb: {weight_kg:g}{escape}", False)
    if weight_lb is not None and index < BMI_POSSIBLE[0] and likely(weight_lb, cm):
        return ("weight_lb", f"{said}: was it {weight_lb:g} kg? write weight_kg: {weight_lb:g}{escape}", False)
    if not BMI_POSSIBLE[0] <= index <= BMI_POSSIBLE[1]:
        if likely(cm, kg):  # swapped: 170 kg and 60 cm cannot pass the ranges, 160 and 110 can
            return (weight_key, f"{said}: are weight and height swapped? weight {cm:g}, height {kg:g}{escape}",
                    False)
        return (weight_key, f"{said}, outside {BMI_POSSIBLE[0]}..{BMI_POSSIBLE[1]}: check the weight and "
                f"the height and their units{escape}", False)
    return None


class Schedule(Strict):
    start: dt.date = Field(description="Week 1 starts on this day.")
    weeks: int = Field(12, ge=8, le=12, description="Length of the plan, 8..12 weeks.")
    days: list[Weekday] = Field(min_length=1, description="Weekdays the client can train.")
    sessions_per_week: int | None = Field(None, ge=2, le=6, description="2..6; default: the solver picks 2 or 3.")
    minutes_per_session: int = Field(45, ge=20, le=120, description="Time available per session, 20..120.")
    pool_days: list[Weekday] = Field(default_factory=list,
                                     description="Sessions on these days are pool sessions (needs pool); others land.")
    time: str | None = Field(None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
                             description="Start time 'HH:MM': timed calendar events with a reminder.")

    @field_validator("start", mode="before")
    @classmethod
    def _date_only(cls, value):
        return date_only(value)

    @field_validator("start")
    @classmethod
    def _plausible(cls, value):
        return plausible_date(value)

    @field_validator("days")
    @classmethod
    def _calendar_order(cls, days: list[str]) -> list[str]:
        _unique(days, "day")
        return sorted(days, key=WEEKDAYS.index)

    @field_validator("pool_days")
    @classmethod
    def _pool_days_order(cls, days: list[str]) -> list[str]:
        _unique(days, "pool day")
        return sorted(days, key=WEEKDAYS.index)

    @model_validator(mode="after")
    def _enough_days(self) -> "Schedule":
        if self.sessions_per_week is not None and self.sessions_per_week > len(self.days):
            raise KeyedError("sessions_per_week", f"sessions_per_week is {self.sessions_per_week} but only "
                             f"{len(self.days)} day(s) are available ({', '.join(self.days)})")
        outside = [d for d in self.pool_days if d not in self.days]
        if outside:
            raise KeyedError("pool_days", f"pool day(s) {', '.join(outside)} are not among the training days "
                             f"({', '.join(self.days)})")
        return self


class Assessment(Strict):
    date: dt.date | None = Field(None, description="When the tests were done.")
    grip_kg: float | None = Field(None, ge=0, le=100, description="Grip strength, best hand, kg.")
    chair_stand_5x_s: float | None = Field(None, gt=0, le=300, description="Five chair stands, seconds.")
    walk_6min_m: float | None = Field(None, ge=0, le=1200, description="Six-minute walk distance, m.")
    gait_speed_m_s: float | None = Field(None, ge=0, le=4, description="Usual gait speed, m/s.")
    sppb_points: int | None = Field(None, ge=0, le=12, description="Short Physical Performance Battery, 0..12.")
    timed_up_and_go_s: float | None = Field(None, gt=0, le=300, description="Timed up and go, seconds.")

    @field_validator("date", mode="before")
    @classmethod
    def _date_only(cls, value):
        return date_only(value)

    @field_validator("date")
    @classmethod
    def _plausible(cls, value):
        return plausible_date(value)


BP_PATTERN = re.compile(r"^\s*(\d{2,3})\s*/\s*(\d{2,3})\s*$")


class Screening(Strict):
    red_flags: list[RedFlag] = Field(default_factory=list, description="Any present -> no plan.")
    blood_pressure: str | None = Field(None, description="Resting, 'systolic/diastolic' mmHg; > 180/110 is a red flag.")
    conditions: list[HealthCondition] = Field(default_factory=list, description="Health conditions, e.g. ckd.")
    on_dialysis: bool = False
    medications: list[str] = Field(default_factory=list, description="Free-text names; muscle-affecting ones get a note.")

    @field_validator("blood_pressure", mode="before")
    @classmethod
    def _bp_shape(cls, value):
        if value is None:
            return value
        match = BP_PATTERN.match(str(value))
        if not match:
            raise ValueError("blood_pressure must look like 135/85")
        systolic, diastolic = int(match[1]), int(match[2])
        if not (50 <= systolic <= 300 and 30 <= diastolic <= 200) or diastolic >= systolic:
            raise ValueError(f"{systolic}/{diastolic} is not a plausible blood pressure")
        return f"{systolic}/{diastolic}"

    @field_validator("red_flags", "conditions")
    @classmethod
    def _no_repeats(cls, values):
        return _unique(values, "entry")

    @field_validator("medications")
    @classmethod
    def _short_names(cls, values):
        for name in values:
            if not name.strip() or len(name) > 100:
                raise ValueError("a medication name must be 1..100 characters")
        return values

    def blood_pressure_values(self) -> tuple[int, int] | None:
        if self.blood_pressure is None:
            return None
        systolic, diastolic = self.blood_pressure.split("/")
        return int(systolic), int(diastolic)


class Nutrition(Strict):
    meals_per_day: int = Field(4, ge=3, le=6, description="Meals and snacks a day, 3..6.")
    diet: Diet = "omnivore"
    avoid: list[Allergen] = Field(default_factory=list, description="Allergens or exclusions.")
    protein_g_per_kg: float | None = Field(None, ge=0.5, le=2.2, description="Clinician override (required with ckd).")
    cuisine: Cuisine = Field("general", description="The kitchen the menus draw from, beside general staples.")
    supplements_ok: bool = Field(False, description="An oral nutritional supplement may be suggested.")

    @field_validator("avoid")
    @classmethod
    def _no_repeats(cls, values):
        return _unique(values, "entry")


class ExerciseChoices(Strict):
    """The clinician's say over catalog exercises: exclude is never used, prefer is kept when eligible."""

    prefer: list[str] = Field(default_factory=list, description="Catalog ids kept when the client can do them.")
    exclude: list[str] = Field(default_factory=list, description="Catalog ids never used.")

    @field_validator("prefer", "exclude")
    @classmethod
    def _no_repeats(cls, values):
        return _unique(values, "exercise")

    @model_validator(mode="after")
    def _not_both(self) -> "ExerciseChoices":
        both = sorted(set(self.prefer) & set(self.exclude))
        if both:
            raise KeyedError("exclude", f"{both[0]!r} is both preferred and excluded")
        return self


class Clinician(Strict):
    name: str | None = Field(None, max_length=200)
    clinic: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=60)
    notes: str | None = Field(None, max_length=4000, description="Free text printed on the cover page.")


class PrintOptions(Strict):
    large: Literal["auto"] | bool = Field("auto", description="Large print: auto (from age 75) | true | false.")
    paper: Literal["a4", "letter"] = Field("a4", description="Paper size of the printed programme.")
    units: Literal["auto", "metric", "us"] = Field(
        "auto", description="Weight, height and loads on the patient's pages: metric (kg, cm) | us (lb, ft, in) "
        "| auto (us when the weight is given as weight_lb)")


class Profile(Strict):
    """One client, as a physiotherapist fills it in after an assessment."""

    client: Client
    condition: Condition
    neurogenic_cause: NeurogenicCause | None = None
    affected: list[BodyPart] = Field(default_factory=list)
    active: bool = Field(False, description="Currently trains >= 3 times a week.")
    schedule: Schedule
    equipment: list[Equipment] = Field(default_factory=list, description="What is at hand; a wall is assumed.")
    limitations: list[Limitation] = Field(default_factory=list)
    targets: list[MuscleGroup | Literal["all"]] = Field(default_factory=lambda: ["all"], validate_default=True,
                                                       description="Muscle groups to train; [all] = the twelve.")
    strength: dict[MuscleGroup, StrictInt] = Field(default_factory=dict, description="MRC grade 0..5 per muscle group "
                                                   "(4- and 4+ are read as 4 and kept in strength_as_written).")
    strength_as_written: dict[MuscleGroup, str] = Field(default_factory=dict, description="Grades written with + or - "
                                                        "('4-'), as written; strength holds their whole grade.",
                                                        json_schema_extra={"template": False})
    assessment: Assessment | None = None
    screening: Screening = Field(default_factory=Screening)
    nutrition: Nutrition = Field(default_factory=Nutrition)
    clinician: Clinician | None = None
    exercises: ExerciseChoices = Field(default_factory=ExerciseChoices,
                                       description="Clinician controls: prefer / exclude catalog ids.")
    priority: list[MuscleGroup] = Field(default_factory=list,
                                        description="Muscle groups that get more weekly sets than the rest.")
    print: PrintOptions = Field(default_factory=PrintOptions, description="How the programme is printed.")

    @field_validator("affected", "equipment", "limitations", "priority")
    @classmethod
    def _no_repeats(cls, values):
        return _unique(values, "entry")

    @model_validator(mode="before")
    @classmethod
    def _units_as_given(cls, data):
        """print.units 'auto' becomes the units the weight was given in: the plan record keeps
        weight_kg only, so a reprint would otherwise forget that the client counts in pounds."""
        if not isinstance(data, dict):
            return data
        client, printing = data.get("client"), data.get("print", {})
        pounds = client.get("weight_lb") if isinstance(client, dict) else getattr(client, "weight_lb", None)
        if isinstance(printing, dict) and printing.get("units", "auto") == "auto":
            data = {**data, "print": {**printing, "units": "us" if pounds is not None else "metric"}}
        return data

    @model_validator(mode="before")
    @classmethod
    def _shades_of_grades(cls, data):
        if isinstance(data, dict) and isinstance(data.get("strength"), dict):
            numeric, written = written_grades(data["strength"])
            if written:
                data = {**data, "strength": numeric,
                        "strength_as_written": {**written, **(data.get("strength_as_written") or {})}}
        return data

    @field_validator("targets")
    @classmethod
    def _expand_all(cls, values):
        _unique(values, "target")
        if not values:
            raise ValueError("targets is empty; leave it out to train all 12 groups")
        if "all" in values:
            if len(values) > 1:
                raise ValueError("'all' cannot be combined with named muscle groups")
            return list(MUSCLE_GROUPS)
        return sorted(values, key=MUSCLE_GROUPS.index)

    @field_validator("strength")
    @classmethod
    def _mrc_scale(cls, grades):
        return mrc_grades(grades)

    @model_validator(mode="after")
    def _consistent(self) -> "Profile":
        if self.neurogenic_cause is not None and self.condition != "neurogenic":
            raise KeyedError("neurogenic_cause", "neurogenic_cause is only allowed with condition: neurogenic")
        if ("ckd" in self.screening.conditions and not self.screening.on_dialysis
                and self.nutrition.protein_g_per_kg is None):
            # KDOQI 2020: protein in kidney disease is the nephrology team's call.
            raise KeyedError("nutrition.protein_g_per_kg",
                             "kidney disease (ckd) not on dialysis: the planner will not set protein; "
                             "give the clinician's nephrology-informed value in g/kg (KDOQI 2020: 0.55-0.8)")
        override = self.nutrition.protein_g_per_kg
        if override is not None and override > MAX_MEAL_G_PER_KG * self.nutrition.meals_per_day + 1e-9:
            # No meal above ~0.55 g/kg (domain.md): too few meals cannot hold this much protein.
            raise KeyedError("nutrition.meals_per_day",
                             f"{override:g} g/kg a day cannot be split into {self.nutrition.meals_per_day} meals "
                             f"of at most {MAX_MEAL_G_PER_KG} g/kg; allow more meals or a lower value")
        if self.schedule.pool_days and "pool" not in self.equipment:
            # A pool day is a clinician's booking; without a pool it cannot be kept.
            raise KeyedError("schedule.pool_days", "schedule.pool_days needs pool in equipment")
        if self.assessment and self.assessment.date and self.assessment.date > self.schedule.start + dt.timedelta(days=7):
            raise KeyedError("assessment.date", "assessment.date is more than a week after schedule.start")
        return self

    # Derived facts the rules use -------------------------------------------------

    @property
    def weight_kg(self) -> float:
        return self.client.weight_kg

    @property
    def older_adult(self) -> bool:
        """Older-adult dosing and protein (NSCA, PROT-AGE use 65+)."""
        return self.client.age >= 65

    @property
    def seated(self) -> bool:
        """Works seated only: seated_only, or a wheelchair user (spec/profile.md, round 2)."""
        return bool({"seated_only", "wheelchair_user"} & set(self.limitations))

    @property
    def effective_limitations(self) -> frozenset[str]:
        """The limitations with what they imply: wheelchair_user implies seated_only."""
        tags = set(self.limitations)
        if "wheelchair_user" in tags:
            tags.add("seated_only")
        return frozenset(tags)

    @property
    def equipment_at_hand(self) -> frozenset[str]:
        """Equipment listed, plus the seat a seated client sits on (chair or wheelchair)."""
        return frozenset(self.equipment) | ({"chair"} if self.seated else set())

    @property
    def has_pool(self) -> bool:
        return "pool" in self.equipment

    def grade(self, muscle: str) -> int:
        """MRC grade; an ungraded muscle is taken as normal (5)."""
        return self.strength.get(muscle, 5)


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file (YAML or JSON); InputError on any fault."""
    return sources.load(Profile, path, forgiving=True)
