"""One gate for plans, fuzzed: hand-mangled plan JSON through check, render and reassess.

Mutations of a valid plan (values replaced by odd ones, keys deleted, list items
dropped or repeated) must be judged alike by the three commands: all accept or
all refuse (exit 1 or 2, one line), never a traceback (exit 70) and never a file
written for a refused plan. `PLANNER_FUZZ_EXAMPLES` raises the number of examples.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from planner.cli import main

MARIA = Path(__file__).resolve().parent.parent / "examples" / "maria-sarcopenia.yaml"
EXAMPLES = max(10, int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "500")) // 20)
SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

ODD_TEXT = ["", " ", "\ud800", "Maria \u202eSouza", "a\x85b", "\u200b\u200b", "line\nbreak", "9999-12-31",
            "0001-01-01", "2026-02-30", "x" * 5000, "高橋 美咲", "NaN", "-1"]
ODD_VALUES = st.one_of(
    st.sampled_from(ODD_TEXT), st.none(), st.booleans(),
    st.integers(-10**12, 10**12), st.sampled_from([-1, 0, 1, 6, 7, 12, 13, 100, 8000]),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.just([]), st.just({}), st.lists(st.sampled_from([-5, "x", None]), max_size=3),
)


@functools.cache
def base_plan() -> dict:
    from planner.catalog import default_catalog
    from planner.pipeline import build_plan
    from planner.profile import load_profile
    return json.loads(build_plan(load_profile(MARIA), default_catalog()).to_json())


def paths(value, prefix=()) -> list[tuple]:
    """Every place in the document: containers and leaves."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, prefix + (index,))
    return found


@st.composite
def mangled_plans(draw) -> dict:
    plan = copy.deepcopy(base_plan())
    for _ in range(draw(st.integers(1, 3))):
        places = paths(plan)
        *parents, last = draw(st.sampled_from(places))
        holder = plan
        for part in parents:
            holder = holder[part]
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "repeat"]))
        if action == "replace":
            holder[last] = draw(ODD_VALUES)
        elif action == "delete":
            del holder[last]
        elif isinstance(holder, list):
            holder.insert(last, copy.deepcopy(holder[last]))
        else:
            holder[last] = [copy.deepcopy(holder[last])] * 2
    return plan


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_argv, sys.argv = sys.argv, ["planner", *map(str, args)]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old_argv
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=EXAMPLES, **SETTINGS)
@given(mangled_plans())
def test_check_render_and_reassess_agree_on_a_mangled_plan(plan):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "plan.json"
        path.write_text(json.dumps(plan, ensure_ascii=True), encoding="utf-8")
        re = folder / "week7.yaml"
        re.write_text(f"date: {base_plan()['weeks'][6]['start']}\ntolerance: good\n", encoding="utf-8")

        checked = run("check", path)
        rendered = run("render", path, "-o", folder / "out.html")
        reassessed = run("reassess", path, re, "-o", folder / "v2.json")

        for name, (code, out, err) in {"check": checked, "render": rendered, "reassess": reassessed}.items():
            assert "Traceback" not in err and code != 70, (name, err)
        verdicts = {name: result[0] == 0 for name, result in
                    {"check": checked, "render": rendered, "reassess": reassessed}.items()}
        assert len(set(verdicts.values())) == 1, (verdicts, checked, rendered[2], reassessed[2])
        if not verdicts["check"]:
            for code, _, err in (rendered, reassessed):
                # one line per problem (validate reports every problem at once), no traceback
                assert code in (1, 2) and err.strip(), err
                assert all(line.startswith("planner: ") for line in err.splitlines()), err
            assert not (folder / "out.html").exists() and not (folder / "v2.json").exists()
