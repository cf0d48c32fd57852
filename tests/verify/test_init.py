"""The public API: check_plan, check_file, RULES; and the verifier's independence."""

import ast
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.verify
from planner.verify import RULES, RULE_FUNCTIONS, Violation, check_file, check_plan

from .factory import CATALOG_DIR, make_plan, reassess

DELETE = object()  # an edit that removes the key
VERIFY_DIR = Path(planner.verify.__file__).parent
ALLOWED_TOP_LEVEL = {"__future__", "collections", "dataclasses", "datetime", "fractions", "functools", "hashlib",
                     "json", "math", "os", "pathlib", "re", "stat", "typing", "ruamel", "planner"}


def imported_modules(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def test_verifier_imports_nothing_from_planner_outside_itself():
    for path in sorted(VERIFY_DIR.glob("*.py")):
        for module, level in imported_modules(path):
            if level:
                continue  # a relative import stays inside planner/verify
            if module == "planner" or module.startswith("planner."):
                assert module.startswith("planner.verify"), f"{path.name} imports {module}"


def test_verifier_imports_only_standard_library_and_ruamel():
    for path in sorted(VERIFY_DIR.glob("*.py")):
        for module, level in imported_modules(path):
            if not level:
                assert module.split(".")[0] in ALLOWED_TOP_LEVEL, f"{path.name} imports {module}"


def test_every_rule_is_hard_documented_and_listed_once():
    ids = [rule_id for rule_id, _ in RULES]
    assert len(ids) == len(set(ids)) == len(RULE_FUNCTIONS) + 1
    for rule in RULE_FUNCTIONS:
        assert rule.__doc__.startswith("Hard:"), rule.__name__
    assert all(description and description[0].isupper() and "\n" not in description
               for _, description in RULES)


def test_check_plan_returns_violations():
    plan = make_plan()
    plan["format"] = "other"
    found = check_plan(plan, catalog_dir=CATALOG_DIR)
    assert found == [Violation("plan_format", "format is 'other', expected 'planner.plan/1'")]


@pytest.mark.parametrize("data", [[], "plan", {"name": "not a plan"}])
def test_check_plan_refuses_what_is_no_plan(data):
    with pytest.raises(ValueError, match="not a plan"):
        check_plan(data, catalog_dir=CATALOG_DIR)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_check_file_passes_a_valid_plan_and_its_previous_version(tmp_path):
    old = make_plan()
    plan_file = write(tmp_path, "v2.json", json.dumps(reassess(old)))
    old_file = write(tmp_path, "v1.json", json.dumps(old))
    assert check_file(plan_file, old_file, catalog_dir=CATALOG_DIR) == []


def test_check_file_reports_a_changed_kept_week(tmp_path):
    old = make_plan()
    new = reassess(old)
    new["weeks"][0]["phase"] = "build"
    found = check_file(write(tmp_path, "v2.json", json.dumps(new)),
                       write(tmp_path, "v1.json", json.dumps(old)), catalog_dir=CATALOG_DIR)
    assert [v.rule for v in found] == ["kept_weeks_unchanged"]


@pytest.mark.parametrize("text, fragment", [
    ("{not json", "not JSON"),
    ('{"format": NaN, "weeks": []}', "not JSON"),
    ("[1, 2]", "not a plan"),
    ('{"x": 1}', "not a plan"),
])
def test_check_file_refuses_with_one_line(tmp_path, text, fragment):
    with pytest.raises(ValueError, match=fragment) as caught:
        check_file(write(tmp_path, "plan.json", text), catalog_dir=CATALOG_DIR)
    assert "\n" not in str(caught.value) and "plan.json" in str(caught.value)


def test_check_file_refuses_missing_file(tmp_path):
    with pytest.raises(ValueError, match="cannot be read"):
        check_file(tmp_path / "absent.json", catalog_dir=CATALOG_DIR)


def test_check_file_refuses_malformed_previous_version(tmp_path):
    old = make_plan()
    broken = dict(old, weeks="none")
    with pytest.raises(ValueError, match="v1.json: the previous version is not a well-formed plan"):
        check_file(write(tmp_path, "v2.json", json.dumps(reassess(old))),
                   write(tmp_path, "v1.json", json.dumps(broken)), catalog_dir=CATALOG_DIR)


def test_factory_plan_keeps_the_plan_contract():
    from planner.plan import Plan

    Plan.model_validate(make_plan())
    Plan.model_validate(reassess(make_plan(), days=["tue", "thu", "sat"]))


def test_fixture_catalog_keeps_the_catalog_contract():
    from planner.catalog import load_catalog

    catalog = load_catalog(CATALOG_DIR)
    assert len(catalog.exercises) >= 20 and len(catalog.foods) >= 10


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):  # the first few items stand for the rest
            yield from _paths(item, prefix + (index,))


BASE_PATHS = [p for p in _paths(make_plan()) if p]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(-1e6, 1e6, allow_nan=False)
    | st.text(max_size=12) | st.sampled_from(["2026-12-07", "mon", "quadriceps", "deload", "reassess"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(BASE_PATHS), JSON_VALUES | st.just(DELETE)),
                      min_size=1, max_size=3))
def test_mangled_plans_give_violations_never_a_crash(edits):
    plan = make_plan()
    for path, value in edits:
        parent = plan
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value is DELETE:
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    try:
        found = check_plan(plan, previous=make_plan(), catalog_dir=CATALOG_DIR)
    except ValueError as error:
        assert "not a plan" in str(error)
        return
    assert all(isinstance(v, Violation) and str(v) for v in found)


@pytest.mark.parametrize("key", ["medications", "conditions"])
@pytest.mark.parametrize("value", [None, 3, [None, 7]])
def test_a_mangled_screening_list_is_read_as_empty_not_a_crash(key, value):
    # Found by the property test above: profile.screening.medications = null crashed the verifier.
    plan = make_plan()
    plan["profile"].setdefault("screening", {})[key] = value
    found = check_plan(plan, catalog_dir=CATALOG_DIR)
    assert all(isinstance(v, Violation) and str(v) for v in found)
