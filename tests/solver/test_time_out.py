"""A solver time-out is said as a time-out, with what to relax, never as "no plan can satisfy"."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.catalog import default_catalog
from planner.errors import Infeasible, SolverTimeOut
from planner.pipeline import build_plan
from planner.profile import load_profile

TIGHT = """client: {name: Tight, age: 60, sex: female, weight_kg: 61.5}
condition: sarcopenia
equipment: [chair, resistance_band]
targets: [quadriceps, glutes, hamstrings, calves, chest, upper_back]
schedule:
  start: 2026-12-07
  days: [mon, tue, wed, thu, fri, sat, sun]
  sessions_per_week: 5
  minutes_per_session: 20
"""


@pytest.fixture
def tight(tmp_path) -> Path:
    path = tmp_path / "tight.yaml"
    path.write_text(TIGHT)
    return path


def test_a_tight_but_feasible_week_gets_a_plan_within_the_budget(tight):
    # Took 20 deterministic units (20.6 s) and ended "status UNKNOWN" before.
    plan = build_plan(load_profile(tight), default_catalog())
    assert plan.solver["status"] in ("OPTIMAL", "FEASIBLE")
    assert all(len(week.sessions) == 5 for week in plan.weeks)


def test_running_out_of_time_says_so_and_what_to_relax(tight, monkeypatch):
    import planner.solver
    monkeypatch.setattr(planner.solver, "DETERMINISTIC_LIMIT", 1e-9)
    monkeypatch.setattr(planner.solver, "TRIAL_LIMIT", 1e-9)
    with pytest.raises(SolverTimeOut) as timed_out:
        build_plan(load_profile(tight), default_catalog())
    said = timed_out.value.one_line()
    assert "ran out of time" in said and "no plan can satisfy" not in said
    assert "minutes per session" in said and "sessions_per_week" in said
    assert timed_out.value.exit_status == 4 and not isinstance(timed_out.value, Infeasible)
