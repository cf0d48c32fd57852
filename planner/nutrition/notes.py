"""Nutrition advice printed with the menu (domain.md: other nutrients, walking, medicines;
Nutrition round 2: vegan B12 and iodine, kidney potassium and phosphate, supplements).

Advice, not doses: the planner suggests what to ask a clinician about. Advice names only
foods the client's diet and avoid list allow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.catalog import Food
from planner.nutrition.foods import avoided_allergens
from planner.nutrition.medications import MedicationClass, muscle_affecting
from planner.nutrition.split import MealSplit
from planner.nutrition.target import has_kidney_disease, needs_older_adult_care
from planner.plan import MenuDay
from planner.profile import Profile
from planner.vocab import DIET_STRICTNESS, WEEKDAYS


@dataclass(frozen=True)
class MenuFacts:
    """What the notes need to know about the menu they go with."""

    kidney_foods: tuple[str, ...] = ()        # names of high-potassium/phosphate foods served
    leucine_met: bool = True                  # every older adult's main meal reached its leucine
    short_of_target: bool = False             # some target could not be met from food
    served: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days: list[MenuDay], foods: dict[str, Food], leucine_met: bool = True,
           short_of_target: bool = False) -> "MenuFacts":
        served = [f.id for d in days for m in d.meals for f in m.foods]
        kidney = sorted({foods[i].name for i in served if i in foods and foods[i].kidney})
        return cls(tuple(kidney), leucine_met, short_of_target, frozenset(served))


class Suggestion:
    """A food named in advice, with what it would need of the diet and the avoid list."""

    def __init__(self, words: str, diet: str = "vegan", allergens: tuple[str, ...] = ()):
        self.words, self.diet, self.allergens = words, diet, allergens

    def allowed(self, profile: Profile) -> bool:
        avoided = avoided_allergens(profile.nutrition.avoid)
        return (DIET_STRICTNESS.index(self.diet) <= DIET_STRICTNESS.index(profile.nutrition.diet)
                and not avoided & set(self.allergens))


def allowed_words(profile: Profile, suggestions: list[Suggestion]) -> list[str]:
    return [s.words for s in suggestions if s.allowed(profile)]


def listing(words: list[str]) -> str:
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + (words[-1] if words else "")


def nutrition_notes(profile: Profile, split: MealSplit, training_weekdays: list[str],
                    medication_classes: tuple[MedicationClass, ...],
                    menu: MenuFacts | None = None) -> list[str]:
    """Every note for this client, in print order."""
    menu = menu or MenuFacts()
    notes = [post_session_note(split, training_weekdays)]
    notes += protein_notes(profile, menu)
    notes += kidney_food_notes(profile, menu)
    notes += supplement_notes(profile, menu)
    notes += nutrient_notes(profile)
    notes += medication_notes(profile, medication_classes)
    return notes


def post_session_note(split: MealSplit, training_weekdays: list[str]) -> str:
    """Which meal is the protein-rich one after training, and when the session is assumed."""
    # "Mon, Wed, Fri" as the calendar prints them, not the profile's "mon, wed, fri".
    days = (f" ({', '.join(d.capitalize() for d in sorted(training_weekdays, key=WEEKDAYS.index))})"
            if training_weekdays else "")
    return (f"On training days{days} the session is planned for the {split.session_time}; "
            f"{split.after_session} is the protein-rich meal within about 2 hours after it. "
            f"If you train at another time, move that meal, or a protein snack, to follow the session.")


def protein_notes(profile: Profile, menu: MenuFacts | None = None) -> list[str]:
    """Notes on the protein target itself: spreading it, older adults, kidneys."""
    notes = ["Spread protein over the day as the menu does rather than in one large meal; "
             "swap foods for others with about the same protein if you like."]
    menu = menu or MenuFacts()
    if needs_older_adult_care(profile) and not has_kidney_disease(profile):
        rich = allowed_words(profile, LEUCINE_RICH)
        sources = f" ({listing(rich)} are the richest sources)" if rich else ""
        # Bauer 2015 / Paddon-Jones 2009: 25-30 g with about 2.5 g leucine a main meal; the
        # amino acid is the clinician's word (issue 13), the patient reads the foods.
        leucine = ("as the menu's main meals give" if menu.leucine_met
                   else "choosing the foods that build muscle best where you can")
        notes.append(f"Older muscle needs a bigger signal: aim at 25-30 g of protein at each main "
                     f"meal, {leucine}{sources}.")
    if has_kidney_disease(profile):
        notes.append("Kidney disease: keep to the protein figure your clinician set; do not add protein "
                     "powders or extra portions unless the kidney team agrees.")
    elif "ckd" in profile.screening.conditions and profile.screening.on_dialysis:
        notes.append("On dialysis: follow your renal dietitian's protein, fluid, potassium and "
                     "phosphate advice wherever it differs from this menu.")
    return notes


LEUCINE_RICH = [Suggestion("dairy", "vegetarian", ("milk",)), Suggestion("eggs", "vegetarian", ("egg",)),
                Suggestion("fish", "pescatarian", ("fish",)), Suggestion("meat", "omnivore"),
                Suggestion("soy foods", "vegan", ("soy",))]


def kidney_food_notes(profile: Profile, menu: MenuFacts) -> list[str]:
    """Kidney disease (KDOQI 2020): potassium and phosphate are individual; every high-potassium
    or high-phosphate food on the menu is named so the renal team can swap it."""
    if "ckd" not in profile.screening.conditions:
        return []
    note = ("Kidney disease, potassium and phosphate: the renal team sets your limits. Foods high in "
            "potassium (potatoes, bananas, oranges, pulses, nuts, dried fruit) or phosphate (dairy, "
            "processed meats, whole grains, seeds; phosphate additives in processed foods) need their "
            "advice; boiling potatoes and vegetables in plenty of water lowers potassium.")
    if menu.kidney_foods:
        note += f" On this menu: {listing(list(menu.kidney_foods))}: check these with the renal team."
    return [note]


def supplement_notes(profile: Profile, menu: MenuFacts) -> list[str]:
    """Older adults who cannot reach their targets from food: an oral nutritional supplement,
    when the profile allows one (ESPEN geriatrics 2019)."""
    if not (profile.older_adult and profile.nutrition.supplements_ok and menu.short_of_target):
        return []
    kind = ("a plant-based oral nutritional supplement drink" if profile.nutrition.diet == "vegan"
            or {"milk", "lactose"} & avoided_allergens(profile.nutrition.avoid)
            else "an oral nutritional supplement drink (about 300 kcal and 12-20 g protein)")
    return [f"Food alone does not reach every target on this menu: ask your clinician or dietitian "
            f"about {kind} once a day between meals."]


def nutrient_notes(profile: Profile) -> list[str]:
    """Vitamin D, calcium, omega-3, magnesium, zinc and fluids."""
    diet = profile.nutrition.diet
    plant_based = diet in ("vegan", "vegetarian")
    calcium = listing(allowed_words(profile, calcium_sources(profile)))
    omega3 = ("oily fish (salmon, sardines, mackerel) about twice a week"
              if Suggestion("", "pescatarian", ("fish",)).allowed(profile)
              else "ground flaxseed and chia seeds, or ask about an algae-oil supplement")
    fluid_limit = any(c in profile.screening.conditions
                      for c in ("ckd", "heart_disease", "unstable_heart_disease"))
    hydration = ("Drink regularly through the day and a glass of water around each session, "
                 "more in hot weather.")
    if fluid_limit:
        hydration += " If your clinician has limited your fluids, their limit comes first."
    # No walking advice here: the week pages prescribe the aerobic work (minutes, days and
    # effort, issue 11); a second "walk every day, 10-30 minutes" here contradicted it.
    # BDA; Academy of Nutrition and Dietetics 2016 position (domain.md, Nutrition round 2).
    vegan = ([
        "Vegan diet: take vitamin B12 every day from fortified foods (plant drinks, yeast extract, "
        "cereals) or a supplement; there is no reliable plant source.",
        "Iodine: plant drinks are often not fortified with iodine, so choose one that is, or ask "
        "about an iodine supplement; seaweed is not a reliable source."] if diet == "vegan" else [])
    return vegan + [
        "Vitamin D helps muscle and bone, and levels are often low, above all in older adults and "
        "people who spend most days indoors: ask your clinician whether a vitamin D blood test is "
        "worthwhile before taking a supplement.",
        f"Calcium for bone: include {calcium} every day.",
        f"Omega-3 fats: {omega3}.",
        "Magnesium: pulses, seeds, whole grains and leafy greens supply it.",
        f"Zinc helps repair tissue: {listing(allowed_words(profile, ZINC))} supply it"
        + ("; soaking or sprouting beans and grains helps the body absorb it from plants."
           if plant_based else "."),
        hydration,
    ]


def medication_notes(profile: Profile, classes: tuple[MedicationClass, ...]) -> list[str]:
    """A 'discuss with your doctor' note per muscle-affecting medicine; never advice to stop."""
    return [f"You take {written} ({med_class.label}): {med_class.effect}. Discuss this programme "
            f"with your doctor; do not stop or change any medicine on your own."
            for written, med_class in muscle_affecting(profile.screening.medications, classes)]


ZINC = [Suggestion("meat", "omnivore"), Suggestion("shellfish", "pescatarian", ("crustaceans", "molluscs")),
        Suggestion("dairy", "vegetarian", ("milk",)), Suggestion("pulses"), Suggestion("seeds"),
        Suggestion("whole grains", "vegan", ("gluten",))]


def calcium_sources(profile: Profile) -> list[Suggestion]:
    """Calcium foods for this client: milk, yogurt and cheese unless milk or lactose is avoided
    (lactose-free milk and yogurt when only lactose is), fortified plant drinks otherwise."""
    avoided = avoided_allergens(profile.nutrition.avoid)
    dairy = []
    if "milk" not in avoided:
        dairy = ([Suggestion("lactose-free milk and yogurt", "vegetarian", ("milk",)),
                  Suggestion("hard cheese such as cheddar (almost lactose-free)", "vegetarian", ("milk",))]
                 if "lactose" in avoided else
                 [Suggestion("milk, yogurt or cheese", "vegetarian", ("milk", "lactose"))])
    return dairy + [
        Suggestion("calcium-fortified soy drink and yogurt", "vegan", ("soy",)),
        Suggestion("calcium-fortified oat drink", "vegan", ("gluten",)),
        Suggestion("calcium-fortified pea or rice drink"),
        Suggestion("calcium-set tofu", "vegan", ("soy",)),
        Suggestion("tinned sardines eaten with their bones", "pescatarian", ("fish",)),
        Suggestion("almonds", "vegan", ("tree_nuts",)),
        Suggestion("leafy greens such as kale and pak choi"),
        Suggestion("white beans")]
