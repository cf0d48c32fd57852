"""Nutrition advice printed with the menu (domain.md: other nutrients, walking, medicines).

Advice, not doses: the planner suggests what to ask a clinician about.
"""

from __future__ import annotations

from planner.nutrition.medications import MedicationClass, muscle_affecting
from planner.nutrition.split import MealSplit
from planner.nutrition.target import has_kidney_disease, needs_older_adult_care
from planner.profile import Profile
from planner.vocab import WEEKDAYS


def nutrition_notes(profile: Profile, split: MealSplit, training_weekdays: list[str],
                    medication_classes: tuple[MedicationClass, ...]) -> list[str]:
    """Every note for this client, in print order."""
    notes = [post_session_note(split, training_weekdays)]
    notes += protein_notes(profile)
    notes += nutrient_notes(profile)
    notes += medication_notes(profile, medication_classes)
    return notes


def post_session_note(split: MealSplit, training_weekdays: list[str]) -> str:
    """Which meal is the protein-rich one after training, and when the session is assumed."""
    days = f" ({', '.join(sorted(training_weekdays, key=WEEKDAYS.index))})" if training_weekdays else ""
    return (f"On training days{days} the session is planned for the {split.session_time}; "
            f"{split.after_session} is the protein-rich meal within about 2 hours after it. "
            f"If you train at another time, move that meal, or a protein snack, to follow the session.")


def protein_notes(profile: Profile) -> list[str]:
    """Notes on the protein target itself: spreading it, older adults, kidneys."""
    notes = ["Spread protein over the day as the menu does rather than in one large meal; "
             "swap foods for others with about the same protein if you like."]
    if needs_older_adult_care(profile) and not has_kidney_disease(profile):
        notes.append("Older muscle needs a bigger signal: aim at 25-30 g of protein at each main meal, "
                     "with about 2.5 g of leucine (dairy, eggs, fish, meat and soy are the richest "
                     "sources).")
    if has_kidney_disease(profile):
        notes.append("Kidney disease: keep to the protein figure your clinician set; do not add protein "
                     "powders or extra portions unless the kidney team agrees. If they also limit "
                     "potassium or phosphate (pulses, seeds, dairy), their advice comes before the "
                     "food suggestions here.")
    elif "ckd" in profile.screening.conditions and profile.screening.on_dialysis:
        notes.append("On dialysis: follow your renal dietitian's protein, fluid, potassium and "
                     "phosphate advice wherever it differs from this menu.")
    return notes


def nutrient_notes(profile: Profile) -> list[str]:
    """Vitamin D, calcium, omega-3, magnesium, zinc, fluids and daily walking."""
    diet, avoid = profile.nutrition.diet, set(profile.nutrition.avoid)
    plant_based = diet in ("vegan", "vegetarian")
    no_dairy = diet == "vegan" or "dairy" in avoid
    calcium = ("calcium-fortified plant milks and yogurts, calcium-set tofu, leafy greens and beans"
               if no_dairy else "milk, yogurt or cheese, tinned fish eaten with its bones, and leafy greens")
    omega3 = ("ground flaxseed, chia and hemp seeds, or ask about an algae-oil supplement"
              if plant_based or "fish" in avoid else "oily fish (salmon, sardines) about twice a week")
    fluid_limit = any(c in profile.screening.conditions
                      for c in ("ckd", "heart_disease", "unstable_heart_disease"))
    hydration = ("Drink regularly through the day and a glass of water around each session, "
                 "more in hot weather.")
    if fluid_limit:
        hydration += " If your clinician has limited your fluids, their limit comes first."
    walking = ("Walk lightly every day, including rest days: 10-30 minutes at an easy, "
               "conversational pace. It is advice, not a training session.")
    if profile.neurogenic_cause == "multiple_sclerosis":
        walking += " Walk in the cooler part of the day and stop before you overheat."
    if {"seated_only", "wheelchair_user"} & set(profile.limitations):
        # A seated client is never told to walk (issue 11).
        walking = ("Keep active every day, including rest days: 10-30 minutes of pushing your chair or "
                   "arm movement at an easy, conversational pace. It is advice, not a training session.")
    return [
        "Vitamin D helps muscle and bone, and levels are often low, above all in older adults and "
        "people who spend most days indoors: ask your clinician whether a vitamin D blood test is "
        "worthwhile before taking a supplement.",
        f"Calcium for bone: include {calcium} every day.",
        f"Omega-3 fats: {omega3}.",
        "Magnesium: pulses, seeds, whole grains and leafy greens supply it; they are already in the menu.",
        "Zinc helps repair tissue: meat, shellfish, dairy, pulses, seeds and whole grains supply it"
        + ("; soaking or sprouting beans and grains helps the body absorb it from plants."
           if plant_based else "."),
        hydration,
        walking,
    ]


def medication_notes(profile: Profile, classes: tuple[MedicationClass, ...]) -> list[str]:
    """A 'discuss with your doctor' note per muscle-affecting medicine; never advice to stop."""
    return [f"You take {written} ({med_class.label}): {med_class.effect}. Discuss this programme "
            f"with your doctor; do not stop or change any medicine on your own."
            for written, med_class in muscle_affecting(profile.screening.medications, classes)]
