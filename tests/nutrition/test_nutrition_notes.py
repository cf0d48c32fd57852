"""planner.nutrition.notes: the advice printed with the menu."""

from __future__ import annotations

from planner.nutrition.medications import medication_classes
from planner.nutrition.notes import nutrition_notes
from planner.nutrition.split import split_meals

from nutrition_factories import profile

TRAINING = ["mon", "wed", "fri"]


def notes_for(prof, training=TRAINING):
    split = split_meals(prof, 84.0)
    return nutrition_notes(prof, split, training, medication_classes())


def test_every_client_gets_the_nutrient_and_hydration_advice():
    text = " ".join(notes_for(profile())).lower()
    for word in ("vitamin d", "blood test", "calcium", "omega-3", "magnesium", "zinc", "drink"):
        assert word in text, word


def test_walking_is_prescribed_on_the_week_pages_not_advised_again_here():
    # A second "walk every day, 10-30 minutes" contradicted the weekly aerobic prescription.
    for client in (profile(), profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis")):
        assert not any("walk" in n.lower() for n in notes_for(client))


def test_the_post_session_meal_and_training_days_are_named():
    notes = notes_for(profile())
    assert any("lunch" in n and "2 hours" in n and "Mon, Wed, Fri" in n for n in notes)


def test_training_days_print_in_calendar_order():
    notes = notes_for(profile(), training=["fri", "mon", "wed"])
    assert any("(Mon, Wed, Fri)" in n for n in notes)


def test_plant_based_clients_get_plant_sources():
    text = " ".join(notes_for(profile(nutrition={"diet": "vegan"})))
    assert "calcium-fortified soy drink" in text and "flaxseed" in text
    assert "oily fish" not in text and "milk, yogurt or cheese" not in text
    assert "B12" in text and "Iodine" in text


def test_lactose_avoiders_get_lactose_free_calcium_and_milk_avoiders_none_from_milk():
    lactose = " ".join(notes_for(profile(nutrition={"avoid": ["lactose"]})))
    assert "lactose-free milk" in lactose and "milk, yogurt or cheese" not in lactose
    dairy = " ".join(notes_for(profile(nutrition={"avoid": ["dairy", "soy", "fish"]})))
    assert "milk" not in dairy.split("Calcium for bone:")[1].split(".")[0]
    assert "tofu" not in dairy and "sardines" not in dairy


def test_kidney_disease_names_the_high_potassium_and_phosphate_foods_on_the_menu():
    from planner.nutrition.notes import MenuFacts
    from planner.nutrition.split import split_meals
    prof = profile(screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": 0.6})
    notes = nutrition_notes(prof, split_meals(prof, 42), ["mon"], (), MenuFacts(kidney_foods=("Banana",)))
    assert any("potassium" in n and "phosphate" in n and "Banana" in n for n in notes)


def test_an_oral_supplement_only_for_older_adults_who_allow_it_and_fall_short():
    from planner.nutrition.notes import MenuFacts
    from planner.nutrition.split import split_meals
    short = MenuFacts(short_of_target=True)
    older = profile(age=80, nutrition={"supplements_ok": True})
    assert any("oral nutritional supplement" in n
               for n in nutrition_notes(older, split_meals(older, 84), [], (), short))
    assert not any("oral nutritional supplement" in n
                   for n in nutrition_notes(older, split_meals(older, 84), [], (), MenuFacts()))
    refused = profile(age=80)
    assert not any("oral nutritional supplement" in n
                   for n in nutrition_notes(refused, split_meals(refused, 84), [], (), short))


def test_older_adults_hear_about_protein_per_meal_unless_protein_is_held_down_for_the_kidneys():
    # The note speaks of foods; "leucine" is the clinician's word (issue 13).
    assert any("25-30 g" in n and "leucine" not in n for n in notes_for(profile(age=77)))
    assert not any("25-30 g" in n for n in notes_for(profile(age=40)))
    kidney = profile(age=77, screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": 0.6})
    assert not any("25-30 g" in n for n in notes_for(kidney))


def test_muscle_affecting_medicines_get_a_discuss_note_never_a_stop():
    notes = notes_for(profile(screening={"medications": ["atorvastatin 40 mg", "metformin", "Prednisolone"]}))
    medicine_notes = [n for n in notes if n.startswith("You take")]
    assert len(medicine_notes) == 2
    for note in medicine_notes:
        assert "discuss" in note.lower() and "do not stop" in note.lower()
    assert "atorvastatin 40 mg" in medicine_notes[0] and "Prednisolone" in medicine_notes[1]


def test_kidney_and_dialysis_notes():
    ckd = notes_for(profile(screening={"conditions": ["ckd"]}, nutrition={"protein_g_per_kg": 0.6}))
    assert any("kidney" in n.lower() and "protein powders" in n for n in ckd)
    assert any("limited your fluids" in n for n in ckd)
    dialysis = notes_for(profile(screening={"conditions": ["ckd"], "on_dialysis": True}))
    assert any("renal dietitian" in n for n in dialysis)


def test_heat_sensitive_ms_is_told_to_keep_cool_once_on_the_cover_not_in_the_menu_notes():
    from planner.catalog import default_catalog
    from planner.screening import screening_acts
    client = profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis")
    assert not any("cooler" in n for n in notes_for(client))
    acts = screening_acts(client, default_catalog())
    assert any("cool room" in note for note in acts.advice)
