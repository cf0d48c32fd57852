"""How a violation reads on one line."""

import dataclasses

import pytest

from planner.verify.violation import Finding, Violation


def test_violation_reads_with_its_place():
    violation = Violation("rest_48h", "loaded on 2026-12-21 and 2026-12-22, less than 2 days apart",
                          week=3, date="2026-12-22", muscle="quadriceps")
    assert str(violation) == ("week 3, 2026-12-22, quadriceps: rest_48h: loaded on 2026-12-21 and "
                              "2026-12-22, less than 2 days apart")


def test_violation_without_place_reads_rule_first():
    assert str(Violation("plan_format", "format is 'x'")) == "plan_format: format is 'x'"
    assert str(Violation("target_frequency", "trained in 1 session(s)", week=2, muscle="core")) == \
        "week 2, core: target_frequency: trained in 1 session(s)"


def test_violation_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Violation("a", "b").rule = "c"


def test_finding_takes_the_rule_id():
    assert Finding("too long", week=1).as_violation("session_time_limit") == \
        Violation("session_time_limit", "too long", 1, None, None)
