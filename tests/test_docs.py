"""The documentation inside the project: true to the models, and self-contained (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.forgiving import every_key
from planner.profile import Profile
from planner.reassess import Reassessment

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def all_docs() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in PAGES)


@pytest.mark.parametrize("name", ["profile.md", "reassessment.md", "plan.md", "architecture.md", "performance.md"])
def test_the_pages_exist_and_the_readme_links_them(name):
    assert (DOCS / name).exists()
    assert f"(docs/{name})" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_nothing_refers_outside_the_repository(page):
    text = page.read_text(encoding="utf-8")
    assert "shared/" not in text
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if target.startswith(("http://", "https://")):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.exists() and REPO in resolved.parents, f"{page.name}: {target}"


@pytest.mark.parametrize("model", [Profile, Reassessment], ids=["profile", "reassessment"])
def test_every_key_is_documented(model):
    text = all_docs()
    missing = [key for key in every_key(model) if f"`{key}`" not in text and f"{key}:" not in text]
    assert not missing, f"keys without documentation: {missing}"


def test_the_readme_first_screen_gets_a_newcomer_to_a_printed_programme():
    first_screen = "\n".join((REPO / "README.md").read_text(encoding="utf-8").splitlines()[:60])
    for step in ("make demo", "make test", "planner init", "planner validate", "planner generate"):
        assert step in first_screen, step


def test_the_walk_through_runs_as_written(tmp_path, run_planner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_planner("init", "-o", "harold.yaml").code == 0
    assert run_planner("validate", "harold.yaml").code == 0
    result = run_planner("generate", "harold.yaml", "-o", "harold.ics")
    assert result.code == 0, result.err
    assert (tmp_path / "harold.ics").exists() and (tmp_path / "harold.json").exists()
