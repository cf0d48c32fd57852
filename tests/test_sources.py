"""Reading user files: line numbers, JSON input, and the limits that stop hostile files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from planner import sources
from planner.errors import InputError, InputErrors
from planner.profile import Profile, load_profile

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PROFILE_TEXT = """\
# Maria, after her first assessment
client:
  name: Maria Souza
  age: 72
  sex: female
  weight_kg: 61.5
condition: sarcopenia
schedule:
  start: 2026-12-07
  days:
    - mon
    - wed
    - fri
nutrition:
  diet: omnivore
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_every_key_and_list_item_keeps_its_line(tmp_path):
    doc = sources.read_document(write(tmp_path, "p.yaml", PROFILE_TEXT))
    assert doc.lines[("client",)] == 2
    assert doc.lines[("client", "age")] == 4
    assert doc.lines[("schedule", "start")] == 9
    assert [doc.lines[("schedule", "days", i)] for i in range(3)] == [11, 12, 13]
    assert doc.data["schedule"]["days"] == ["mon", "wed", "fri"]
    # dates stay text until the model parses them, so a bad date names its key
    assert doc.data["schedule"]["start"] == "2026-12-07"


def test_a_missing_key_is_placed_at_its_nearest_parent(tmp_path):
    doc = sources.read_document(write(tmp_path, "p.yaml", PROFILE_TEXT))
    assert doc.line_of(("nutrition", "protein_g_per_kg")) == 14
    assert doc.line_of(("schedule", "days", 7)) == 10
    assert doc.line_of(("goal",)) is None


def test_validation_error_names_file_key_and_line(tmp_path):
    path = write(tmp_path, "p.yaml", PROFILE_TEXT.replace("age: 72", "age: 172"))
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert (caught.value.file, caught.value.key, caught.value.line) == (str(path), "client.age", 4)
    assert caught.value.one_line().startswith(f"{path}:4: client.age: 172: ")


def test_json_profile_gives_the_same_profile_as_yaml(tmp_path):
    yaml_profile = load_profile(EXAMPLES / "maria-sarcopenia.yaml")
    data = sources.read_document(EXAMPLES / "maria-sarcopenia.yaml").data
    json_path = write(tmp_path, "maria.json", json.dumps(data, default=str, indent=2))
    assert load_profile(json_path) == yaml_profile


def test_json_error_names_file_and_key(tmp_path):
    data = json.loads(json.dumps(sources.read_document(EXAMPLES / "maria-sarcopenia.yaml").data, default=str))
    data["schedule"]["days"] = ["mon", "funday"]
    path = write(tmp_path, "maria.json", json.dumps(data, indent=2))
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert caught.value.key == "schedule.days[1]" and caught.value.file == str(path)


def test_json_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "p.json", '{\n  "client": {"name": "Maria Souza"},\n  "condition" "sarcopenia"\n}\n')
    with pytest.raises(InputError, match="invalid JSON") as caught:
        sources.read_document(path)
    assert caught.value.line == 3


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = write(tmp_path, "big.yaml", b"# padding\n" * (sources.MAX_FILE_BYTES // 10 + 1))
    with pytest.raises(InputError, match="bytes"):
        sources.read_document(path)


def _nested(depth: int) -> str:
    """A YAML mapping whose deepest value sits `depth` levels down."""
    lines = [("  " * level) + f"k{level}:" for level in range(depth - 1)]
    lines.append(("  " * (depth - 1)) + f"k{depth - 1}: leaf")
    return "\n".join(lines) + "\n"


def test_nesting_up_to_the_limit_is_read(tmp_path):
    doc = sources.read_document(write(tmp_path, "ok.yaml", _nested(sources.MAX_DEPTH)))
    assert doc.line_of(tuple(f"k{i}" for i in range(sources.MAX_DEPTH))) == sources.MAX_DEPTH


def test_nesting_beyond_the_limit_is_refused(tmp_path):
    with pytest.raises(InputError, match="deeper"):
        sources.read_document(write(tmp_path, "deep.yaml", _nested(sources.MAX_DEPTH + 1)))


@pytest.mark.parametrize("name, text", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.yaml", "a: " + "[" * 300 + "]" * 300),
])
def test_pathological_nesting_is_refused_not_crashed(tmp_path, name, text):
    with pytest.raises(InputError, match="deeper"):
        sources.read_document(write(tmp_path, name, text))


def test_a_few_aliases_are_expanded(tmp_path):
    doc = sources.read_document(write(tmp_path, "a.yaml", "days: &usual [mon, wed]\nagain: *usual\n"))
    assert doc.data == {"days": ["mon", "wed"], "again": ["mon", "wed"]}


def test_an_alias_bomb_is_stopped(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    with pytest.raises(InputError, match="too many values"):
        sources.read_document(write(tmp_path, "bomb.yaml", "\n".join(levels) + "\n"))


def test_python_tags_are_never_executed(tmp_path):
    marker = tmp_path / "ran"
    text = PROFILE_TEXT.replace("name: Maria Souza", f'name: !!python/object/apply:os.system ["touch {marker}"]')
    with pytest.raises(InputError) as caught:
        load_profile(write(tmp_path, "p.yaml", text))
    assert caught.value.key == "client.name"
    assert not marker.exists()


def test_a_key_must_be_a_name(tmp_path):
    with pytest.raises(InputError, match="not a name"):
        sources.read_document(write(tmp_path, "p.yaml", "? [a, b]\n: 1\n"))


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + PROFILE_TEXT.encode("utf-8"))
    assert load_profile(path).client.name == "Maria Souza"


@pytest.mark.parametrize("make, says", [
    (lambda folder: folder / "absent.yaml", "not found"),
    (lambda folder: folder, "folder"),
])
def test_unreadable_paths_are_input_errors(tmp_path, make, says):
    with pytest.raises(InputError, match=says):
        sources.read_document(make(tmp_path))


def test_every_validation_error_is_reported_in_file_order(tmp_path):
    text = PROFILE_TEXT.replace("age: 72", "age: 7").replace("sex: female", "sex: x")
    with pytest.raises(InputErrors) as caught:
        load_profile(write(tmp_path, "p.yaml", text))
    assert caught.value.key == "client.age"
    assert [p.key for p in caught.value.problems] == ["client.age", "client.sex"]
    assert [p.line for p in caught.value.problems] == sorted(p.line for p in caught.value.problems)


def test_a_long_bad_value_is_shortened_in_the_message(tmp_path):
    text = PROFILE_TEXT.replace("sex: female", "sex: " + "x" * 500)
    with pytest.raises(InputError) as caught:
        load_profile(write(tmp_path, "p.yaml", text))
    assert "..." in caught.value.one_line() and "x" * 100 not in caught.value.one_line()


def test_validate_refuses_a_document_that_is_not_a_mapping(tmp_path):
    doc = sources.read_document(write(tmp_path, "list.yaml", "- mon\n- wed\n"))
    with pytest.raises(InputError, match="mapping"):
        sources.validate(Profile, doc)
