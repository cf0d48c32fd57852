"""planner.nutrition.medications: muscle-affecting medicines found by whole word in free text."""

from __future__ import annotations

import pytest

from planner.nutrition.medications import medication_classes, muscle_affecting


@pytest.mark.parametrize("written, class_id", [
    ("Prednisone 5 mg daily", "corticosteroids"),
    ("prednisolone", "corticosteroids"),
    ("Dexamethasone", "corticosteroids"),
    ("atorvastatin 20mg", "statins"),
    ("Simvastatin", "statins"),
    ("rosuvastatin (Crestor)", "statins"),
    ("Ciprofloxacin 500", "fluoroquinolones"),
    ("levofloxacin", "fluoroquinolones"),
    ("chemotherapy (FOLFOX)", "chemotherapy"),
    ("Phenytoin", "anticonvulsants"),
    ("carbamazepine", "anticonvulsants"),
    ("sodium valproate", "anticonvulsants"),
])
def test_known_muscle_affecting_medicines_are_found(written, class_id):
    found = muscle_affecting([written], medication_classes())
    assert [c.id for _, c in found] == [class_id]
    assert found[0][0] == written.strip()


@pytest.mark.parametrize("written", ["nystatin cream", "metformin", "paracetamol", "lisinopril 10 mg"])
def test_other_medicines_are_not_flagged(written):
    assert muscle_affecting([written], medication_classes()) == []


def test_the_vocabulary_lives_in_the_catalog_and_covers_the_domain_classes():
    ids = {c.id for c in medication_classes()}
    assert {"corticosteroids", "statins", "fluoroquinolones", "chemotherapy", "anticonvulsants"} <= ids
    for med_class in medication_classes():
        assert all(name == name.lower() for name in med_class.names), med_class.id
