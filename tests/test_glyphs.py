"""Every character printed has a glyph, or the run names the field and the font package."""

from __future__ import annotations

from pathlib import Path

import pytest

import planner.glyphs as glyphs

MARIA = Path(__file__).resolve().parent.parent / "examples" / "maria-sarcopenia.yaml"
DEJAVU_ONLY = ([0x20, 0x370], [0x24F, 0x52F])  # what a machine with only DejaVu covers, roughly


@pytest.fixture
def only_dejavu(monkeypatch):
    monkeypatch.setattr(glyphs, "_covered", lambda: DEJAVU_ONLY)


def profile_with(tmp_path, old: str, new: str) -> Path:
    path = tmp_path / "client.yaml"
    text = MARIA.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, key, package", [
    ("name: Maria Souza", "name: 高橋 美咲", "client.name", "fonts-noto-cjk"),
    ("name: Maria Souza", "name: 김민지", "client.name", "fonts-noto-cjk"),
    ("medications: [alendronate, vitamin D3]", "medications: [alendronate, विटामिन डी]",
     "screening.medications[1]", "fonts-noto-core"),
    ("name: Maria Souza", "name: สมหญิง", "client.name", "fonts-noto-core"),
])
def test_a_script_no_installed_font_covers_is_refused_naming_field_and_font(
        run_planner, tmp_path, only_dejavu, old, new, key, package):
    profile = profile_with(tmp_path, old, new)
    out = tmp_path / "out.pdf"
    result = run_planner("generate", profile, "-o", out)
    assert result.code == 2, result.err
    assert f": {key}: " in result.err and package in result.err and "cannot be printed" in result.err
    assert len(result.err.splitlines()) == 1 and not out.exists()


def test_formats_without_fonts_take_any_script(run_planner, tmp_path, only_dejavu):
    profile = profile_with(tmp_path, "name: Maria Souza", "name: 高橋 美咲")
    assert run_planner("generate", profile, "-o", tmp_path / "out.json").code == 0


def test_emoji_are_refused_for_print(run_planner, tmp_path):
    profile = profile_with(tmp_path, "name: Maria Souza", "name: Maria 💪")
    result = run_planner("generate", profile, "-o", tmp_path / "out.pdf")
    assert result.code == 2 and "client.name" in result.err and "emoji" in result.err


def test_latin_text_needs_no_font_lookup(monkeypatch):
    def fail():
        raise AssertionError("fontconfig asked for plain text")

    monkeypatch.setattr(glyphs, "_covered", fail)
    assert glyphs.unprintable({"client": {"name": "José Müller-Łukasz Ωmega Дмитрий"}}) is None


@pytest.mark.skipif(glyphs._covered() is None, reason="fontconfig not available")
def test_the_installed_fonts_cover_the_scripts_clients_names_come_in():
    # .ci/run installs fonts-noto-core and fonts-noto-cjk beside Pango.
    for text in ("高橋美咲", "김민지", "दिल्ली", "สมชาย", "たかはし"):
        assert all(glyphs.has_glyph(ch) for ch in text), text
