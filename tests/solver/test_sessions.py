"""Round-2 session rules in the solver: whole pool/land sessions, pool days, at most 6 exercises."""

import json
from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.errors import InputError
from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.solver.rules import MAX_EXERCISES_PER_SESSION
from tests.factories import make_profile

POOL_DAY = Path(__file__).resolve().parent.parent / "data" / "profiles" / "pool-day.yaml"


@pytest.fixture(scope="module")
def pool_plan():
    return build_plan(load_profile(POOL_DAY), default_catalog())


def test_pool_day_sessions_are_whole_pool_sessions(pool_plan):
    for week in pool_plan.weeks:
        for session in week.sessions:
            modalities = {e.modality for e in session.exercises}
            if session.weekday == "wed":
                assert session.setting == "pool" and modalities == {"aquatic"}
            else:
                assert session.setting == "land" and "aquatic" not in modalities


def test_every_pool_day_holds_a_session(pool_plan):
    for week in pool_plan.weeks:
        assert "wed" in {s.weekday for s in week.sessions}


def test_without_pool_days_no_session_mixes_water_and_land():
    profile = make_profile(equipment=["pool", "pool_noodle", "water_dumbbells", "chair"],
                           limitations=["knee_pain"])
    plan = build_plan(profile, default_catalog())
    for week in plan.weeks:
        for session in week.sessions:
            aquatic = [e.modality == "aquatic" for e in session.exercises]
            assert all(aquatic) or not any(aquatic)
            assert session.setting == ("pool" if all(aquatic) else "land")


def test_at_most_six_exercises_a_session(pool_plan):
    plan = build_plan(make_profile(), default_catalog())
    for p in (plan, pool_plan):
        for week in p.weeks:
            for session in week.sessions:
                assert len(session.exercises) <= MAX_EXERCISES_PER_SESSION


def test_pool_days_without_a_pool_name_the_key():
    with pytest.raises(Exception) as caught:
        make_profile(schedule={"days": ["mon", "wed", "fri"], "pool_days": ["wed"]})
    assert "pool_days" in str(caught.value)


def test_pool_day_must_be_a_training_day():
    with pytest.raises(Exception) as caught:
        make_profile(equipment=["pool"], schedule={"days": ["mon", "wed", "fri"], "pool_days": ["tue"]})
    assert "pool_days" in str(caught.value) or "pool day" in str(caught.value)


def test_pool_safety_printed_only_with_a_pool_session(pool_plan):
    assert any("never swim or exercise alone" in n for n in pool_plan.notes)
    assert any("wet and slippery" in n for n in pool_plan.notes)
    assert any("Low blood sugar" in n for n in pool_plan.notes)      # the pool-day client has diabetes
    assert not any("34-35.5 C" in n for n in pool_plan.notes)        # and no multiple sclerosis
    land = build_plan(make_profile(), default_catalog())
    assert not any("never swim or exercise alone" in n for n in land.notes)


def test_pool_days_in_a_profile_file_exit_two(tmp_path):
    text = POOL_DAY.read_text().replace("equipment: [pool, ", "equipment: [")
    path = tmp_path / "no-pool.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert "pool_days" in str(caught.value)


def test_pool_days_with_an_unusable_pool_say_why():
    from planner.errors import Infeasible
    profile = make_profile(equipment=["pool", "chair"], schedule={"days": ["mon", "wed", "fri"], "pool_days": ["wed"]},
                           screening={"conditions": ["open_wound"]})
    with pytest.raises(Infeasible) as caught:
        build_plan(profile, default_catalog())
    assert "pool_days" in str(caught.value) and "open wound" in str(caught.value)


def test_midpoint_step_changes_at_most_two_exercises_a_session():
    plan = build_plan(make_profile(schedule={"weeks": 12, "days": ["mon", "wed", "fri"]}), default_catalog())
    for before, after in zip(plan.weeks, plan.weeks[1:]):
        old = {s.weekday: {e.id for e in s.exercises} for s in before.sessions}
        for session in after.sessions:
            ids = {e.id for e in session.exercises}
            assert max(len(ids - old[session.weekday]), len(old[session.weekday] - ids)) <= 2


def test_a_client_with_impaired_balance_gets_pool_days_with_balance_practice_in_the_water():
    # Before pool-tandem-stance the only water balance exercise (single-leg stand) was not
    # for impaired balance, so every pool day made the plan impossible.
    from planner.verify import check_plan
    profile = make_profile(condition="neurogenic", neurogenic_cause="multiple_sclerosis",
                           equipment=["pool", "pool_noodle", "water_dumbbells", "chair", "resistance_band"],
                           limitations=["balance_impaired"],
                           schedule={"days": ["tue", "thu", "sat"], "pool_days": ["sat"], "minutes_per_session": 40})
    plan = build_plan(profile, default_catalog())
    assert not check_plan(json.loads(plan.model_dump_json()))
    for week in plan.weeks:
        pool = [s for s in week.sessions if s.weekday == "sat"]
        assert pool and pool[0].setting == "pool"
        assert "pool-tandem-stance" in {e.id for e in pool[0].exercises}
