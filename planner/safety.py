"""Screening: red flags stop generation; stop rules print on every programme (domain.md)."""

from __future__ import annotations

from planner.errors import SafetyRefusal
from planner.profile import Profile

RED_FLAG_WORDS = {
    "sudden_one_sided_weakness": "sudden weakness on one side of the body",
    "difficulty_swallowing_or_speaking": "difficulty swallowing or speaking",
    "persistent_muscle_pain": "persistent pain in the affected muscles",
    "extreme_fatigue": "extreme fatigue on simple tasks",
    "loss_of_coordination": "loss of coordination",
    "chest_pain": "chest pain",
    "fainting_or_dizziness": "fainting or dizziness with exertion",
}

# AHA 2007: resting blood pressure above 180/110 is an absolute contraindication.
BP_LIMIT = (180, 110)

STOP_RULES = [
    "Stop at once and call your clinician (or emergency services if severe) if you get chest pain, "
    "pressure or tightness.",
    "Stop if you feel dizzy, faint or light-headed.",
    "Stop if you are unusually short of breath, more than the effort explains.",
    "Stop if you notice new numbness, tingling or weakness, especially on one side.",
    "Stop and tell your clinician about pain that is sharp, or that lasts into the next day.",
]


def red_flags(profile: Profile) -> list[str]:
    """The red flags present, in words; blood pressure above 180/110 counts as one."""
    found = [RED_FLAG_WORDS[flag] for flag in profile.screening.red_flags]
    pressure = profile.screening.blood_pressure_values()
    if pressure and (pressure[0] > BP_LIMIT[0] or pressure[1] > BP_LIMIT[1]):
        found.append(f"resting blood pressure {pressure[0]}/{pressure[1]} (above 180/110)")
    return found


def screen(profile: Profile, *, source: str = "profile") -> None:
    """Raise SafetyRefusal (exit 3) when any red flag is present: no plan is made."""
    found = red_flags(profile)
    if found:
        raise SafetyRefusal(
            f"{source}: no plan made: {'; '.join(found)}. Seek medical attention now "
            "(call your doctor, or emergency services if symptoms are severe or sudden).")
