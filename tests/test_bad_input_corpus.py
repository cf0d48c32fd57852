"""The bad-input corpus through the real CLI: broken reassessment files and hand-mangled plans.

Cases are files, with what the error must name in a first-line `# expect:`
comment or a `<file name>.expect` sidecar (the convention of
tests/data/bad_profiles/):

- tests/data/bad_reassessments/*: each given to `planner reassess` with a good
  plan. Fields: key, line, says.
- tests/data/bad_plans/*: whole files, or `<name>.edit.yaml` edits applied to a
  freshly generated plan of examples/maria-sarcopenia.yaml. Each is given to
  `planner render`, `planner reassess` and `planner check`. Fields: key, line,
  says (for render and reassess), render / reassess (their exit status,
  default 2; 1 when only the verifier's rules refuse the plan: one gate for
  plans), check (exit status of `planner check`, 1 or 2) and rule (a rule
  `planner check` must name when it exits 1).

Exit 2 (and a gate's exit 1) always means: one line on stderr naming the file,
no traceback, nothing on stdout, no file written and every existing file left
byte-identical.
"""

from __future__ import annotations

import copy
import functools
import datetime as dt
import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

TESTS = Path(__file__).resolve().parent
BAD_REASSESSMENTS = TESTS / "data" / "bad_reassessments"
BAD_PLANS = TESTS / "data" / "bad_plans"
BAD_PROFILES = TESTS / "data" / "bad_profiles"
MARIA = TESTS.parent / "examples" / "maria-sarcopenia.yaml"

# The static reassessment cases are dated against the plan of MARIA (see
# test_the_corpus_dates_fit_the_example_plan): week 7 starts on REBUILD_FROM.
REBUILD_FROM = dt.date(2027, 1, 18)
BEFORE_THE_PLAN = dt.date(2026, 11, 20)
AFTER_THE_LAST_WEEK = dt.date(2027, 3, 1)
EDIT_SUFFIX = ".edit.yaml"
FIELDS = {"key", "line", "says", "render", "reassess", "check", "rule"}


@dataclass(frozen=True)
class Expectation:
    key: str | None = None
    line: int | None = None
    says: str | None = None
    render: int = 2
    reassess: int = 2
    check: int = 2
    rule: str | None = None


def parse_expectation(spec: str, name: str) -> Expectation:
    fields = dict(part.split("=", 1) for part in shlex.split(spec))
    assert set(fields) <= FIELDS, f"{name}: unknown expectation field"
    numbers = {k: int(v) for k, v in fields.items() if k in {"line", "render", "reassess", "check"}}
    return Expectation(**{**fields, **numbers})


def expectation(case: Path) -> Expectation:
    """What the refusal of this case must show, read from its first line or its sidecar."""
    sidecar = case.with_name(case.name + ".expect")
    if sidecar.exists():
        return parse_expectation(sidecar.read_text(encoding="utf-8"), case.name)
    first_line = case.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# expect:"), f"{case.name} states no expectation"
    return parse_expectation(first_line.removeprefix("# expect:"), case.name)


def cases_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.endswith(".expect"))


# Cases too big to keep in the repository are written at test time.
def _huge_reassessment(folder: Path) -> Path:
    path = folder / "huge-notes.yaml"
    line = "  Walked to the market and back, then climbed the stairs twice without a rest.\n"
    path.write_text(f"date: {REBUILD_FROM}\nnotes: |\n" + line * 15_000, encoding="utf-8")
    return path


def _huge_plan(folder: Path) -> Path:
    # A 1.5 MB server log saved under the plan's name.
    path = folder / "huge-log.json"
    line = "2027-01-18T09:30:00Z GET /plans/maria.json 200 202494 bytes\n"
    path.write_text(line * 25_000, encoding="utf-8")
    return path


def _eight_thousand_weeks(folder: Path) -> Path:
    # 655 KB of empty weeks: rendered for 140 s in 4 GB before plans had bounds.
    path = folder / "eight-thousand-weeks.json"
    plan = json.loads(_base_json())
    plan["weeks"] = [{"week": n, "start": "2026-12-07", "phase": "build", "deload": False, "sessions": []}
                     for n in range(1, 8001)]
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


GENERATED_REASSESSMENTS: dict[str, tuple[Callable[[Path], Path], Expectation]] = {
    "huge-notes.yaml": (_huge_reassessment, Expectation(says="bytes; the limit is")),
}
GENERATED_PLANS: dict[str, tuple[Callable[[Path], Path], Expectation]] = {
    "huge-log.json": (_huge_plan, Expectation(says="bytes; the limit is", check=2)),
    "eight-thousand-weeks.json": (_eight_thousand_weeks, Expectation(key="weeks", says="at most 12", check=1,
                                                                     rule="plan_shape")),
}

REASSESSMENT_CASES = [p.name for p in cases_in(BAD_REASSESSMENTS)] + sorted(GENERATED_REASSESSMENTS)
PLAN_CASES = [p.name for p in cases_in(BAD_PLANS)] + sorted(GENERATED_PLANS)


@functools.cache
def _base_json() -> str:
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    return build_plan(load_profile(MARIA), default_catalog()).to_json()


@pytest.fixture(scope="session")
def base_plan_json() -> str:
    """The plan of examples/maria-sarcopenia.yaml as `planner generate --format json` writes it."""
    return _base_json()


def apply_edits(plan_json: str, edits: list[dict]) -> str:
    """The plan after hand edits: `{at: [path], set: value}`, `{at: [path], delete: true}`,
    or `{replace: text, with: text}` on the JSON text (for what JSON itself cannot hold)."""
    data = copy.deepcopy(json.loads(plan_json))
    replacements = []
    for edit in edits:
        if "replace" in edit:
            replacements.append((edit["replace"], edit["with"]))
            continue
        *parents, last = edit["at"]
        target = data
        for part in parents:
            target = target[part]
        if edit.get("delete"):
            del target[last]
        else:
            target[last] = edit["set"]
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    for old, new in replacements:
        assert old in text, f"edit has nothing to replace: {old!r}"
        text = text.replace(old, str(new), 1)
    return text


def reassessment_case(name: str, folder: Path) -> tuple[Path, Expectation]:
    if name in GENERATED_REASSESSMENTS:
        write, expected = GENERATED_REASSESSMENTS[name]
        return write(folder), expected
    path = BAD_REASSESSMENTS / name
    return path, expectation(path)


def plan_case(name: str, base_plan_json: str, folder: Path) -> tuple[Path, Expectation]:
    if name in GENERATED_PLANS:
        write, expected = GENERATED_PLANS[name]
        return write(folder), expected
    path = BAD_PLANS / name
    if not name.endswith(EDIT_SUFFIX):
        return path, expectation(path)
    edits = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["edits"]
    edited = folder / name.replace(EDIT_SUFFIX, ".json")
    edited.write_text(apply_edits(base_plan_json, edits), encoding="utf-8")
    return edited, expectation(path)


def snapshot(*paths: Path) -> dict[str, bytes]:
    """Every file in these folders (or these files), name -> bytes."""
    found = {}
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        found.update({str(f): f.read_bytes() for f in files if f.is_file()})
    return found


def assert_refused(result, path: Path, expected: Expectation, code: int = 2) -> None:
    """Exit 2, one line naming the file (key and line as expected), no traceback, nothing on stdout."""
    assert result.code == code, (result.code, result.err)
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    message = lines[0]
    assert message.startswith(f"planner: {path}"), message
    if expected.line:
        assert f"{path}:{expected.line}: " in message, message
    if expected.key:
        assert f": {expected.key}: " in message, message
    if expected.says:
        assert expected.says.lower() in message.lower(), message
    assert result.out == ""


# --- The corpus itself -----------------------------------------------------------

def test_the_corpus_is_large_enough():
    profiles = [p for p in BAD_PROFILES.iterdir() if p.suffix != ".expect"]
    assert len(REASSESSMENT_CASES) >= 15
    assert len(PLAN_CASES) >= 10
    assert len(profiles) + len(REASSESSMENT_CASES) + len(PLAN_CASES) >= 40


def test_every_case_states_its_expectation():
    for folder in (BAD_REASSESSMENTS, BAD_PLANS):
        for case in cases_in(folder):
            expected = expectation(case)
            assert expected.check in (1, 2)
            assert (expected.rule is not None) == (expected.check == 1), case.name


def test_the_corpus_dates_fit_the_example_plan(base_plan_json):
    plan = json.loads(base_plan_json)
    starts = [dt.date.fromisoformat(w["start"]) for w in plan["weeks"]]
    made = dt.date.fromisoformat(plan["history"][-1]["date"])
    assert REBUILD_FROM in starts[1:]
    assert BEFORE_THE_PLAN < made
    assert AFTER_THE_LAST_WEEK > starts[-1]


def test_the_unedited_base_plan_renders_reassesses_and_checks(base_plan_json, tmp_path, run_planner):
    # The control: every failure below comes from its case, not from the base.
    plan = tmp_path / "maria.json"
    plan.write_text(base_plan_json, encoding="utf-8")
    good = tmp_path / "week7.yaml"
    good.write_text(f"date: {REBUILD_FROM}\ntolerance: good\nadherence: 0.9\n", encoding="utf-8")
    assert run_planner("render", plan, "-o", tmp_path / "again.json").code == 0
    assert run_planner("reassess", plan, good, "-o", tmp_path / "v2.json").code == 0
    assert run_planner("check", plan).code == 0


# --- Reassessment files -------------------------------------------------------------

@pytest.mark.parametrize("name", REASSESSMENT_CASES)
def test_reassess_refuses_a_bad_reassessment_in_one_line(name, base_plan_json, tmp_path, run_planner):
    case, expected = reassessment_case(name, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    plan = work / "maria.json"
    plan.write_text(base_plan_json, encoding="utf-8")
    earlier = work / "maria.v2.json"
    earlier.write_text("an earlier version 2 that must survive\n", encoding="utf-8")
    before = snapshot(work, case)

    over_existing = run_planner("reassess", plan, case, "-o", earlier, "--force")
    assert_refused(over_existing, case, expected)
    fresh = run_planner("reassess", plan, case, "-o", work / "new.json")
    assert_refused(fresh, case, expected)
    assert snapshot(work, case) == before


# --- Plan files ---------------------------------------------------------------------

@pytest.fixture
def good_reassessment(tmp_path) -> Path:
    path = tmp_path / "week7.yaml"
    path.write_text(f"date: {REBUILD_FROM}\ntolerance: good\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", PLAN_CASES)
def test_render_refuses_a_plan_that_is_not_one(name, base_plan_json, tmp_path, run_planner):
    case, expected = plan_case(name, base_plan_json, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    printed = work / "programme.html"
    printed.write_text("<p>the programme printed last week</p>\n", encoding="utf-8")
    before = snapshot(work, case)
    result = run_planner("render", case, "-o", printed, "--force")
    assert "Traceback" not in result.err
    if expected.render == 1:
        # The gate: the verifier's rules refuse it, naming the rule.
        assert_refused(result, case, expected, code=1)
        assert expected.rule in result.err and "planner check" in result.err
    else:
        assert_refused(result, case, expected)
    assert_refused(run_planner("render", case, "-o", work / "new.html"), case, expected, code=expected.render)
    assert snapshot(work, case) == before


@pytest.mark.parametrize("name", PLAN_CASES)
def test_reassess_refuses_a_plan_that_is_not_one(name, base_plan_json, tmp_path, run_planner,
                                                 good_reassessment):
    case, expected = plan_case(name, base_plan_json, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    earlier = work / "v2.json"
    earlier.write_text("an earlier version 2 that must survive\n", encoding="utf-8")
    before = snapshot(work, case, good_reassessment)
    result = run_planner("reassess", case, good_reassessment, "-o", earlier, "--force")
    assert "Traceback" not in result.err
    assert_refused(result, case, expected, code=expected.reassess)
    if expected.reassess == 1:
        assert expected.rule in result.err
    assert snapshot(work, case, good_reassessment) == before


@pytest.mark.parametrize("name", PLAN_CASES)
def test_check_tells_a_non_plan_from_a_broken_plan(name, base_plan_json, tmp_path, run_planner):
    case, expected = plan_case(name, base_plan_json, tmp_path)
    before = snapshot(case)
    result = run_planner("check", case)
    assert "Traceback" not in result.err
    assert result.code == expected.check, (result.code, result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1 and str(case) in lines[0], result.err
    if expected.check == 2:
        assert result.out == ""
    else:
        assert any(line.split(": ")[0].endswith(expected.rule) or f" {expected.rule}:" in line
                   for line in result.out.splitlines()), result.out
    assert snapshot(case) == before


# --- A fresh interpreter, as the console script runs -------------------------------

def test_python_m_planner_refuses_a_nan_plan_and_an_alias_bomb(base_plan_json, tmp_path):
    plan, _ = plan_case("protein-not-a-number.edit.yaml", base_plan_json, tmp_path)
    bomb = BAD_REASSESSMENTS / "alias-bomb.yaml"
    good = tmp_path / "maria.json"
    good.write_text(base_plan_json, encoding="utf-8")
    for args, named in ((["render", str(plan), "-o", str(tmp_path / "x.html")], plan),
                        (["reassess", str(good), str(bomb), "-o", str(tmp_path / "v2.json")], bomb)):
        done = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert len(done.stderr.splitlines()) == 1 and str(named) in done.stderr
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "v2.json").exists()
