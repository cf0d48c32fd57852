"""Property tests: random valid profiles through the whole pipeline.

Every generated plan passes the independent verifier, or the profile is refused
with exit 3 or 4 and a reason.
No other outcome. `make fuzz` raises the number of examples.
"""

import json
import os

from hypothesis import HealthCheck, given, settings, strategies as st

from planner.catalog import default_catalog
from planner.errors import InputError, Infeasible, SafetyRefusal, SolverTimeOut
from planner.pipeline import build_plan
from planner.profile import Profile
from planner.reassess import Reassessment, reassess_plan
from planner.verify import check_plan
from tests.strategies import profiles, reassessments

# 150 random profiles in every `make test` (about a minute); `make fuzz` runs 5,000.
EXAMPLES = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "150"))
SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def generate_or_refuse(data):
    profile = Profile.model_validate(data)
    try:
        return build_plan(profile, default_catalog())
    except (SafetyRefusal, Infeasible, SolverTimeOut) as refusal:
        # A time-out is said as one (with what to relax), never as "no plan can satisfy".
        assert refusal.one_line() and refusal.exit_status in (3, 4)
    return None


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(profiles())
def test_every_plan_passes_check_or_is_refused_with_a_reason(data):
    plan = generate_or_refuse(data)
    if plan is not None:
        violations = check_plan(json.loads(plan.to_json()))
        assert violations == [], "\n".join(map(str, violations))


@settings(max_examples=max(20, EXAMPLES // 20), **SETTINGS)
@given(st.data())
def test_every_reassessed_plan_passes_check(data):
    plan = generate_or_refuse(data.draw(profiles(allow_red_flags=False)))
    if plan is None:
        return
    re = Reassessment.model_validate(data.draw(reassessments(plan)))
    try:
        new = reassess_plan(plan, re, default_catalog())
    except (Infeasible, SafetyRefusal, SolverTimeOut) as refusal:
        assert refusal.one_line()
        return
    except InputError as refusal:
        assert refusal.one_line()
        return
    old_json, new_json = json.loads(plan.to_json()), json.loads(new.to_json())
    violations = check_plan(new_json, previous=old_json)
    assert violations == [], "\n".join(map(str, violations))
