"""Every example profile, through the solver, prints a complete programme."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.pipeline import build_plan
from planner.profile import load_profile
from planner.render import render_document
from tests.render.conftest import pdf_text, squashed

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_example_programme_prints_what_the_client_needs(example, catalog):
    plan = build_plan(load_profile(example), catalog)
    data = render_document(plan, "pdf", catalog=catalog)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert plan.profile.client.name in text
    for name in {i.name for w in plan.weeks for s in w.sessions for i in s.exercises}:
        assert squashed(name) in text, name
    if plan.nutrition is not None:
        assert f"{round(plan.nutrition.daily_protein_g)} g of protein a day" in text
    else:
        assert "protein guidance" in text
    for rule in plan.stop_rules:
        assert squashed(rule) in text, rule
    for heading in ("OVERVIEW", "EXERCISE GUIDE", "NUTRITION", "DIARY", "REASSESSMENT SHEET"):
        assert heading in text
