"""The daily energy target and the body weight protein and energy are worked out on
(domain.md, Nutrition round 2).

Older adults: ESPEN geriatrics 2019, about 30 kcal/kg a day adjusted individually
(27 for those not yet active, 30 for the active, those with sarcopenia or a low BMI).
Others: Mifflin-St Jeor (1990) resting energy x an activity factor (1.375 light:
the programme adds 2-3 sessions a week; 1.55 moderate when already training).
Obesity (BMI >= 30): ESPEN 2019 - adjusted body weight, ideal + 0.25 x (actual -
ideal), with ideal weight at BMI 25, for protein and energy alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.profile import Profile

OBESITY_BMI = 30.0
IDEAL_BMI = 25.0
ADJUSTED_SHARE = 0.25
OLDER_KCAL_PER_KG = 27.0
OLDER_REPLETION_KCAL_PER_KG = 30.0
LOW_BMI = 20.0                    # ESPEN geriatrics: low BMI needs repletion energy
LIGHT_ACTIVITY = 1.375
MODERATE_ACTIVITY = 1.55
RESTING_KCAL_PER_KG = 22.0        # resting energy when no height is given (a rough estimate)
ROUND_KCAL = 10


@dataclass(frozen=True)
class BodyWeight:
    kg: float          # the weight protein and energy are set on
    adjusted: bool     # True when it is the adjusted body weight (BMI >= 30)
    bmi: float | None
    words: str


def reference_weight(profile: Profile) -> BodyWeight:
    """Actual weight, or the adjusted body weight when BMI is 30 or more (needs a height)."""
    weight, height_cm = profile.weight_kg, profile.client.height_cm
    if height_cm is None:
        return BodyWeight(weight, False, None, f"actual body weight {weight:g} kg (no height given, so no BMI)")
    metres = height_cm / 100
    bmi = weight / metres ** 2
    if bmi < OBESITY_BMI:
        return BodyWeight(weight, False, bmi, f"actual body weight {weight:g} kg (BMI {bmi:.1f})")
    ideal = IDEAL_BMI * metres ** 2
    adjusted = round(ideal + ADJUSTED_SHARE * (weight - ideal), 1)
    return BodyWeight(adjusted, True, bmi, (
        f"adjusted body weight {adjusted:g} kg: BMI {bmi:.1f} is 30 or more, so ideal weight "
        f"{ideal:.1f} kg (BMI 25) + 0.25 x the {weight - ideal:.1f} kg above it (ESPEN 2019)"))


def daily_energy(profile: Profile, body: BodyWeight) -> tuple[int, str]:
    """(kcal a day, rounded to 10, and how it was set in words)."""
    if profile.older_adult:
        repletion = (profile.active or profile.condition == "sarcopenia"
                     or (body.bmi is not None and body.bmi < LOW_BMI))
        per_kg = OLDER_REPLETION_KCAL_PER_KG if repletion else OLDER_KCAL_PER_KG
        kcal = _rounded(per_kg * body.kg)
        why = ("active, sarcopenia or a low BMI: the top of the range" if repletion
               else "not yet training regularly")
        return kcal, (f"{kcal} kcal a day: {per_kg:g} kcal/kg x {body.words}; ESPEN geriatrics (2019) "
                      f"advises 27-30 kcal/kg for older adults ({why}).")
    factor = MODERATE_ACTIVITY if profile.active else LIGHT_ACTIVITY
    level = ("moderate: already training 3 or more times a week" if profile.active
             else "light: the programme adds 2-3 sessions a week")
    if profile.client.height_cm is None:
        resting = RESTING_KCAL_PER_KG * body.kg
        kcal = _rounded(resting * factor)
        return kcal, (f"{kcal} kcal a day: no height given, so resting energy is estimated at "
                      f"{RESTING_KCAL_PER_KG:g} kcal/kg x {body.words}, x {factor:g} for activity "
                      f"({level}). Add the height for the Mifflin-St Jeor equation.")
    sex_term = 5 if profile.client.sex == "male" else -161
    resting = 10 * body.kg + 6.25 * profile.client.height_cm - 5 * profile.client.age + sex_term
    kcal = _rounded(resting * factor)
    return kcal, (f"{kcal} kcal a day: Mifflin-St Jeor resting energy {resting:.0f} kcal on "
                  f"{body.words}, x {factor:g} for activity ({level}).")


def _rounded(kcal: float) -> int:
    return int(round(kcal / ROUND_KCAL) * ROUND_KCAL)
