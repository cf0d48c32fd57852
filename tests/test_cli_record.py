"""A plan record every time (issue 14): the JSON beside every print, and the chain
generate -> reassess -> reassess -> render from the files a clinician actually has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MARIA = REPO / "examples" / "maria-sarcopenia.yaml"


def week_start(plan: Path, week: int) -> str:
    return json.loads(plan.read_text())["weeks"][week - 1]["start"]


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def quick_pdf(monkeypatch):
    """PDFs as a stub: the chain is about which files are read and written; printing
    a programme is tested in tests/render (four real renders here took 40 s)."""
    import planner.cli
    real = planner.cli._rendered

    def rendered(plan, fmt, catalog, paper, **printing):
        if fmt == "pdf":
            return b"%PDF-1.7 stub of version " + str(plan.version).encode()
        return real(plan, fmt, catalog, paper, **printing)

    monkeypatch.setattr(planner.cli, "_rendered", rendered)


def test_pdf_only_command_line_chain(tmp_path, run_planner, quick_pdf):
    profile = tmp_path / "p.yaml"
    profile.write_text(MARIA.read_text())
    first = run_planner("generate", profile, "-o", tmp_path / "p.pdf")
    assert first.code == 0, first.err
    assert {"p.pdf", "p.json"} <= names(tmp_path)
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")

    week5 = tmp_path / "r.yaml"
    week5.write_text(f"date: {week_start(tmp_path / 'p.json', 5)}\ntolerance: good\nadherence: 90%\n")
    second = run_planner("reassess", tmp_path / "p.pdf", week5, "-o", tmp_path / "p2.pdf")
    assert second.code == 0, second.err
    assert json.loads((tmp_path / "p2.json").read_text())["version"] == 2

    week9 = tmp_path / "r2.yaml"
    week9.write_text(f"date: {week_start(tmp_path / 'p2.json', 9)}\ntolerance: too_easy\n")
    third = run_planner("reassess", tmp_path / "p2.pdf", week9, "-o", tmp_path / "p3.pdf")
    assert third.code == 0, third.err
    record = json.loads((tmp_path / "p3.json").read_text())
    assert record["version"] == 3 and [h["version"] for h in record["history"]] == [1, 2, 3]

    again = run_planner("render", tmp_path / "p3.pdf", "-o", tmp_path / "final.pdf")
    assert again.code == 0, again.err
    assert (tmp_path / "final.pdf").read_bytes() == b"%PDF-1.7 stub of version 3"
    assert run_planner("check", tmp_path / "p3.json", "--previous", tmp_path / "p2.json").code == 0


def test_several_outputs_in_one_run_and_no_duplicate_record(tmp_path, run_planner):
    result = run_planner("generate", MARIA, "-o", tmp_path / "m.ics", "-o", tmp_path / "m.json")
    assert result.code == 0, result.err
    assert names(tmp_path) == {"m.ics", "m.json"}
    assert json.loads((tmp_path / "m.json").read_text())["format"] == "planner.plan/1"


def test_no_record_writes_only_what_was_asked(tmp_path, run_planner):
    assert run_planner("generate", MARIA, "-o", tmp_path / "m.ics", "--no-record").code == 0
    assert names(tmp_path) == {"m.ics"}


def test_an_existing_record_stops_the_run_before_anything_is_written(tmp_path, run_planner):
    (tmp_path / "m.json").write_text("last week's record")
    result = run_planner("generate", MARIA, "-o", tmp_path / "m.ics")
    assert result.code == 2 and "m.json: already exists" in result.err
    assert names(tmp_path) == {"m.json"}
    assert (tmp_path / "m.json").read_text() == "last week's record"


def test_several_outputs_cannot_share_one_format_option(tmp_path, run_planner):
    result = run_planner("generate", MARIA, "-o", tmp_path / "a.ics", "-o", tmp_path / "b.ics", "--format", "ics")
    assert result.code == 2 and "suffix" in result.err and not list(tmp_path.iterdir())


def test_reassess_names_the_missing_record(tmp_path, run_planner):
    (tmp_path / "harold.pdf").write_bytes(b"%PDF-1.7 printed last month")
    week6 = tmp_path / "week6.yaml"
    week6.write_text("date: 2027-01-18\n")
    result = run_planner("reassess", tmp_path / "harold.pdf", week6)
    assert result.code == 2
    assert f"its plan record {tmp_path / 'harold.json'} is missing" in result.err


def test_reassess_default_is_the_record_and_the_same_print_again(tmp_path, run_planner):
    assert run_planner("generate", MARIA, "-o", tmp_path / "m.ics").code == 0
    week7 = tmp_path / "week7.yaml"
    week7.write_text(f"date: {week_start(tmp_path / 'm.json', 7)}\n")
    result = run_planner("reassess", tmp_path / "m.ics", week7)
    assert result.code == 0, result.err
    assert {"m.v2.ics", "m.v2.json"} <= names(tmp_path)
    json_only = run_planner("reassess", tmp_path / "m.v2.json", week7)
    assert json_only.code == 0 and (tmp_path / "m.v3.json").exists() and not (tmp_path / "m.v3.ics").exists()


def test_reassess_never_writes_over_the_record_it_read(tmp_path, run_planner):
    assert run_planner("generate", MARIA, "-o", tmp_path / "m.ics").code == 0
    before = (tmp_path / "m.json").read_bytes()
    week7 = tmp_path / "week7.yaml"
    week7.write_text(f"date: {week_start(tmp_path / 'm.json', 7)}\n")
    result = run_planner("reassess", tmp_path / "m.ics", week7, "-o", tmp_path / "m.html", "--force")
    assert result.code == 2 and "being reassessed" in result.err
    assert (tmp_path / "m.json").read_bytes() == before
