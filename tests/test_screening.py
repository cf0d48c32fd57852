"""Screening acts (domain.md, Prescription round 2): each condition and medicine class adds
its exclusions, caps, advice and stop rules; 160/100 asks for medical clearance."""

from planner.catalog import default_catalog
from planner.screening import screening_acts
from tests.factories import make_profile


def acts(**changes):
    return screening_acts(make_profile(**changes), default_catalog())


def test_blood_pressure_of_160_over_100_asks_for_clearance():
    assert any("clearance" in w for w in acts(screening={"blood_pressure": "160/85"}).warnings)
    assert any("clearance" in w for w in acts(screening={"blood_pressure": "150/100"}).warnings)
    assert not acts(screening={"blood_pressure": "159/99"}).warnings


def test_hypertension_caps_holds_and_forbids_breath_holding():
    found = acts(screening={"conditions": ["hypertension"]})
    assert found.hold_cap_s == 30 and any("never hold your breath" in a for a in found.advice)


def test_osteoporosis_rules_out_loaded_flexion_and_twisting_and_adds_back_extensors():
    found = acts(screening={"conditions": ["osteoporosis"]})
    assert {"spinal_flexion", "spinal_twist"} <= set(found.excluded_tags)
    assert "lower_back" in found.adds_targets


def test_medicines_are_matched_by_name_to_their_class():
    found = acts(screening={"medications": ["Warfarin 5 mg", "insulin glargine", "bisoprolol"]})
    assert "impact" in found.excluded_tags and "balance_impaired" in found.treat_as
    advice = " ".join(found.advice)
    assert "glucose" in advice and "carbohydrate" in advice and "not by your pulse" in advice
    assert any("head" in rule for rule in found.stop_rules)


def test_each_condition_adds_its_own_stop_rules_once():
    found = acts(screening={"conditions": ["diabetes", "copd", "heart_disease", "knee_osteoarthritis"],
                            "medications": ["insulin"]})
    assert len(found.stop_rules) == len(set(found.stop_rules)) >= 4
    assert found.effort_cap_rpe == 6 and found.clinician_notes


def test_ms_as_a_neurogenic_cause_brings_heat_advice():
    found = acts(condition="neurogenic", neurogenic_cause="multiple_sclerosis")
    assert any("cool" in a for a in found.advice)


def test_no_screening_changes_nothing():
    found = acts()
    assert not (found.excluded_tags or found.advice or found.stop_rules or found.warnings)


def test_an_ms_client_reads_the_heat_advice_once_with_the_pool_temperatures():
    from planner.eligibility import eligibility
    from planner.pipeline import notes_for
    catalog = default_catalog()
    profile = make_profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis",
                           equipment=["pool", "chair"])
    notes = notes_for(profile, catalog, eligibility(profile, catalog), pool_session=True)
    heat = [n for n in notes if "°C" in n or "cool room" in n or "therapy pool" in n]
    assert len(heat) == 1, heat
    assert all(figure in heat[0] for figure in ("20-22 °C", "27-29 °C", "34-35 °C"))


def test_a_painful_osteoarthritic_knee_reads_the_pain_ceiling_once():
    from planner.eligibility import eligibility
    from planner.pipeline import PAIN_MONITORING, notes_for
    catalog = default_catalog()
    profile = make_profile(condition="general", limitations=["knee_pain", "hip_pain"],
                           screening={"conditions": ["knee_osteoarthritis", "hip_osteoarthritis"]})
    notes = notes_for(profile, catalog, eligibility(profile, catalog))
    assert [n for n in notes if "3 of 10" in n] == [PAIN_MONITORING]
    # Walking is said once, by the aerobic note in the client's own mode.
    assert len([n for n in notes if "walk" in n.lower()]) == 1
    assert PAIN_MONITORING not in notes_for(make_profile(), catalog, eligibility(make_profile(), catalog))


def test_a_note_given_by_both_the_condition_and_a_limitation_is_printed_once():
    from planner.eligibility import eligibility
    from planner.pipeline import notes_for
    catalog = default_catalog()
    profile = make_profile(condition="sarcopenia", client={"age": 78}, limitations=["balance_impaired"])
    notes = notes_for(profile, catalog, eligibility(profile, catalog))
    assert len(notes) == len(set(notes))
    # Standing by a support, said once (the balance-practice note says where to practise).
    support = [n for n in notes if "sturdy chair" in n and not n.startswith("Balance practice")]
    assert len(support) == 1, support
