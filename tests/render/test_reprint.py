"""Reprint what is left and a calendar that updates: generate -> reassess -> reassess, by the CLI.

Each calendar import must update the events already imported (same UIDs for the same
session dates, a higher SEQUENCE each version), cancel the sessions that moved, and the
reprint must hold the remaining weeks only, with the tests then and now on the cover.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
MARIA = REPO / "examples" / "maria-sarcopenia.yaml"


def _events(path: Path) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    """Plan v1, v2 (tests at week 7, days moved) and v3 (tests at week 10) with their calendars."""
    import json
    import sys

    from planner.cli import main
    folder = tmp_path_factory.mktemp("chain")

    def run(*args):
        old = sys.argv
        sys.argv = ["planner", *map(str, args)]
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, f"planner {' '.join(map(str, args))} exited {exc.code}"
        finally:
            sys.argv = old

    run("generate", MARIA, "-o", folder / "maria.json")
    v1 = json.loads((folder / "maria.json").read_text())
    week7, week10 = v1["weeks"][6]["start"], v1["weeks"][9]["start"]
    (folder / "week7.yaml").write_text(
        f"date: {week7}\nassessment: {{grip_kg: 16.0, chair_stand_5x_s: 15.9, walk_6min_m: 360, gait_speed_m_s: 0.75}}\n"
        "tolerance: good\nadherence: 0.9\nchanges: {days: [tue, thu, sat]}\n")
    (folder / "week10.yaml").write_text(f"date: {week10}\ntolerance: good\nadherence: 0.9\n")
    run("reassess", folder / "maria.json", folder / "week7.yaml", "-o", folder / "maria.v2.json")
    run("reassess", folder / "maria.v2.json", folder / "week10.yaml", "-o", folder / "maria.v3.json")
    for version in ("maria", "maria.v2", "maria.v3"):
        run("render", folder / f"{version}.json", "-o", folder / f"{version}.ics")
    run("render", folder / "maria.v2.json", "--from-week", "7", "--standard-print", "-o", folder / "reprint.pdf")
    # reassess itself prints its programme from the first rebuilt week (HTML: no layout cost).
    # v3 again as the programme that is left; its record (maria.v3.json) is already there.
    run("reassess", folder / "maria.v2.json", folder / "week10.yaml", "-o", folder / "maria.v3.html", "--no-record")
    return folder


def test_each_version_updates_the_events_already_imported(chain):
    v1, v2, v3 = (_events(chain / f"{name}.ics") for name in ("maria", "maria.v2", "maria.v3"))
    # Every event of an older version is in the newer file, under the same UID: updated or cancelled.
    assert set(v1) <= set(v2) and set(v2) <= set(v3)
    assert {int(e["sequence"]) for e in v1.values()} == {1}
    assert {int(e["sequence"]) for e in v2.values()} == {2}
    assert {int(e["sequence"]) for e in v3.values()} == {3}


def test_sessions_that_moved_are_cancelled_and_kept_weeks_stay(chain):
    v1, v2 = _events(chain / "maria.ics"), _events(chain / "maria.v2.ics")
    cancelled = {uid for uid, e in v2.items() if str(e.get("status")) == "CANCELLED"}
    moved = {uid for uid, e in v1.items() if "session" in uid and uid in cancelled}
    assert moved, "the days changed at week 7: the old Monday sessions must be cancelled"
    for uid in moved:
        assert v1[uid].decoded("dtstart") >= v2[uid].decoded("dtstart")    # the same day, now cancelled
    kept = [uid for uid, e in v1.items() if "session" in uid and uid not in cancelled]
    assert kept and all(str(v2[uid].get("status")) == "CONFIRMED" for uid in kept)


def test_the_reprint_holds_what_is_left(chain):
    reader = PdfReader(io.BytesIO((chain / "reprint.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "WEEKS 7" in text and "WEEKS 1" not in text
    assert "This print" in text and "weeks 7 to 12" in text
    # The tests then and now: the baseline and the week-7 results side by side on the cover.
    cover = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    assert "14.5 kg" in cover and "16 kg" in cover


def test_reassess_prints_from_the_first_rebuilt_week(chain):
    html = (chain / "maria.v3.html").read_text(encoding="utf-8")
    assert "Weeks 10 to 12" in html and "Weeks 1 to" not in html and "Weeks 7 to" not in html
    assert "weeks 10 to 12" in html            # the cover says what this print holds
