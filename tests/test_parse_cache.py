"""The parsed-YAML cache: the same data as a parse, never stale, never in the way."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from planner import parse_cache
from planner.catalog import load_catalog
from planner.resources import catalog_dir
from planner.verify.reference import _load as load_reference_uncached


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Parser:
    def __init__(self, result):
        self.result, self.calls = result, 0

    def __call__(self):
        self.calls += 1
        return self.result


def test_a_second_read_of_the_same_bytes_comes_from_the_cache(folder):
    parse = Parser({"foods": [{"id": "egg", "protein_g": 6.3}]})
    first = parse_cache.cached(b"foods: ...", "p", parse)
    second = parse_cache.cached(b"foods: ...", "p", parse)
    assert first == second == parse.result and parse.calls == 1
    assert len(list(folder.glob("*.json"))) == 1


def test_other_bytes_or_another_parser_never_meet_an_old_entry(folder):
    parse = Parser({"a": 1})
    parse_cache.cached(b"a: 1", "p", parse)
    parse_cache.cached(b"a: 2", "p", parse)
    parse_cache.cached(b"a: 1", "q", parse)
    assert parse.calls == 3


def test_data_json_would_change_is_parsed_every_time(folder):
    parse = Parser({"start": dt.date(2026, 12, 7), "pair": (1, 2)})
    assert parse_cache.cached(b"x", "p", parse) == parse.result
    assert parse_cache.cached(b"x", "p", parse) == parse.result
    assert parse.calls == 2 and not list(folder.glob("*.json"))


def test_a_damaged_entry_is_parsed_again(folder):
    parse = Parser({"a": [1, 2]})
    parse_cache.cached(b"a", "p", parse)
    (entry,) = folder.glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert parse_cache.cached(b"a", "p", parse) == {"a": [1, 2]} and parse.calls == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_costs_only_the_parse(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(locked / "cache"))
    assert parse_cache.cached(b"a", "p", Parser({"a": 1})) == {"a": 1}


def test_a_cache_folder_that_is_a_file_costs_only_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(blocker))
    parse = Parser({"a": 1})
    assert parse_cache.cached(b"a", "p", parse) == {"a": 1}
    assert parse_cache.cached(b"a", "p", parse) == {"a": 1} and parse.calls == 2


def test_the_catalog_and_the_verifier_read_the_same_data_cold_and_warm(folder):
    load_reference_uncached.cache_clear()
    cold = load_catalog(catalog_dir())
    reference_cold = load_reference_uncached(str(catalog_dir()))
    assert list(folder.glob("*.json"))
    load_reference_uncached.cache_clear()
    warm = load_catalog(catalog_dir())
    reference_warm = load_reference_uncached(str(catalog_dir()))
    assert warm == cold
    assert reference_warm == reference_cold


def test_an_edited_catalog_file_is_never_read_stale(folder, tmp_path):
    import shutil

    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    load_reference_uncached.cache_clear()
    egg = next(f for f in load_reference_uncached(str(copy)).foods.values())
    foods = copy / "foods.yaml"
    text = foods.read_text(encoding="utf-8")
    foods.write_text(text.replace(f"id: {egg.id}\n", f"id: {egg.id}-edited\n", 1), encoding="utf-8")
    load_reference_uncached.cache_clear()
    assert f"{egg.id}-edited" in load_reference_uncached(str(copy)).foods
    load_reference_uncached.cache_clear()
    assert f"{egg.id}-edited" in load_catalog(copy).foods
