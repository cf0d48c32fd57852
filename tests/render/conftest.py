"""Shared rendering fixtures: the shipped catalog, small hand-built plans, PDF text."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from planner.catalog import default_catalog
from tests.render.plan_factory import make_plan, make_profile


def pdf_text(data: bytes) -> str:
    """All text of a PDF with whitespace collapsed, so wrapped lines still match phrases."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    # A line may wrap after a hyphen ("Sit-to-" / "stand"): join it back.
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def squashed(text: str) -> str:
    """The same whitespace normalisation for the phrases we look for."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def catalog():
    return default_catalog()


@pytest.fixture(scope="session")
def small_plan(catalog):
    """Eight weeks, two sessions a week: the smallest plan the contract allows, quick to print."""
    return make_plan(catalog, make_profile(weeks=8, days=("mon", "thu")))
