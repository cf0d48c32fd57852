"""Reading user files (YAML or JSON) so that errors can name the file, key and line.

ruamel.yaml keeps the line of every key, which pydantic's error locations are
mapped back to. Limits guard against hostile files (huge, alias bombs, deep nesting).
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from planner import parse_cache
from planner.errors import InputError, InputErrors, KeyedError

MAX_FILE_BYTES = 1_000_000  # a profile is a few KB; anything this large is not one
MAX_DEPTH = 20
MAX_NODES = 50_000  # stops alias bombs ("billion laughs") from expanding


@dataclass
class Document:
    """A parsed user file: plain Python data plus the line of each key path."""

    path: str
    data: Any
    lines: dict[tuple, int]

    def line_of(self, loc: tuple) -> int | None:
        """The line of the deepest known prefix of a key path."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return None


def _plain(node: Any, loc: tuple, lines: dict, depth: int, budget: list[int], path: str) -> Any:
    """Convert ruamel nodes to plain data, recording lines and enforcing limits."""
    budget[0] += 1
    if budget[0] > MAX_NODES:
        raise InputError(f"too many values (over {MAX_NODES}); is this the right file?", file=path)
    if depth > MAX_DEPTH:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=path,
                         key=_dotted(loc), line=lines.get(loc))
    if isinstance(node, dict) and hasattr(node, "lc"):     # a ruamel map: it knows its lines
        out = {}
        for key in node:
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise InputError(f"key {key!r} is not a name", file=path, key=_dotted(loc),
                                 line=lines.get(loc))
            try:
                lines[loc + (key,)] = node.lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                pass
            out[str(key)] = _plain(node[key], loc + (str(key),), lines, depth + 1, budget, path)
        return out
    if isinstance(node, list) and hasattr(node, "lc"):
        out_list = []
        for index, item in enumerate(node):
            try:
                lines[loc + (index,)] = node.lc.item(index)[0] + 1
            except (KeyError, TypeError, AttributeError):
                pass
            out_list.append(_plain(item, loc + (index,), lines, depth + 1, budget, path))
        return out_list
    if isinstance(node, dict):
        return {str(k): _plain(v, loc + (str(k),), lines, depth + 1, budget, path) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, loc + (i,), lines, depth + 1, budget, path) for i, v in enumerate(node)]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node  # dates and datetimes pass through for pydantic


def _dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "(top level)"


def read_document(path: str | Path, *, fast: bool = False) -> Document:
    """Read a YAML or JSON file into plain data with line numbers; InputError on any fault.

    `fast` parses trusted, shipped files with libyaml and keeps no line numbers;
    `load` re-reads with line numbers only when validation fails.
    """
    path = Path(path)
    name = str(path)
    raw = read_bounded(path, MAX_FILE_BYTES)
    if b"\x00" in raw:
        raise InputError("is a binary file, not YAML or JSON text", file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 text (byte {exc.start})", file=name) from None
    if not text.strip():
        raise InputError("file is empty", file=name)

    if _bracket_depth(text) > 5 * MAX_DEPTH:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=name)
    lines: dict[tuple, int] = {}
    if path.suffix.lower() == ".json":
        try:
            parsed = json.loads(text, object_pairs_hook=_unique_pairs, parse_constant=_no_constants)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file=name, line=exc.lineno) from None
        except ValueError as exc:
            raise InputError(f"invalid JSON: {exc}", file=name) from None
        except RecursionError:
            raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=name) from None
    elif fast:
        # Shipped files: parsed once, then read back as JSON (planner/parse_cache.py).
        parsed = parse_cache.cached(raw, "planner-libyaml", lambda: _fast_yaml(text, name))
    else:
        parsed = _round_trip_yaml(text, name)
    data = _plain(parsed, (), lines, 0, [0], name)
    return Document(path=name, data=data, lines=lines)


def read_bounded(path: Path, limit: int) -> bytes:
    """At most limit bytes of a regular file; InputError for anything else.

    Opened without blocking and judged by the open descriptor, so a FIFO, a device
    such as /dev/zero or a folder is refused at once, and a huge or growing file
    never costs more than limit + 1 bytes of memory.
    """
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("file not found", file=name) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file=name) from None
    except PermissionError:
        raise InputError("cannot read the file (permission denied)", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", file=name) from None
    try:
        found = os.fstat(descriptor)
        if stat.S_ISDIR(found.st_mode):
            raise InputError("is a folder, not a file", file=name)
        if not stat.S_ISREG(found.st_mode):
            raise InputError("is not a regular file (a device, pipe or socket); give a YAML or JSON file",
                             file=name)
        if found.st_size > limit:
            raise InputError(f"file is {found.st_size:,} bytes; the limit is {limit:,}", file=name)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", file=name) from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        raise InputError(f"file is over {limit:,} bytes; the limit is {limit:,}", file=name)
    return raw


@functools.cache
def _dates_as_text():
    """A ruamel constructor that leaves dates as text, so the models parse them and a bad
    date names its key. Built on first use: reading a JSON plan never imports ruamel."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class DatesAsText(RoundTripConstructor):
        pass

    DatesAsText.add_constructor("tag:yaml.org,2002:timestamp",
                                lambda constructor, node: constructor.construct_scalar(node))
    return DatesAsText


def _round_trip_yaml(text: str, name: str) -> Any:
    """YAML with the line of every key (ruamel's round-trip loader); duplicate keys refused."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.Constructor = _dates_as_text()
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(exc.problem or exc.context or "malformed YAML").split())
        raise InputError(f"invalid YAML: {problem}", file=name, line=line) from None
    except (YAMLError, ValueError, TypeError) as exc:
        raise InputError(f"invalid YAML: {' '.join(str(exc).split())[:200]}", file=name) from None
    except RecursionError:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", file=name) from None


_BRACKETS = re.compile(r"[\[\]{}]")


def _bracket_depth(text: str) -> int:
    """Deepest nesting of [ and { in the text, quotes ignored (a cheap upper bound).

    Parsing a bracket bomb takes seconds; counting takes microseconds. The bound is
    only used with a wide margin, so brackets inside quoted text cannot trip it.
    """
    depth = deepest = 0
    # Only the brackets are visited (a regular-expression scan), not every character.
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def _unique_pairs(pairs: list) -> dict:
    """JSON objects with a key given twice are refused, as in YAML."""
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constants(name: str):
    """NaN and Infinity are not JSON, and a plan holding them could not be written back as JSON."""
    raise ValueError(f"{name} is not a JSON number")


def _fast_yaml(text: str, name: str):
    import yaml as pyyaml

    class UniqueKeyLoader(getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)):
        """libyaml's loader, refusing a key given twice (as the line-keeping loader does)."""

        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise pyyaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    try:
        return pyyaml.load(text, Loader=UniqueKeyLoader)
    except pyyaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"invalid YAML: {getattr(exc, 'problem', None) or 'malformed'}", file=name,
                         line=mark.line + 1 if mark else None) from None


DATE_HINT = "write dates as YYYY-MM-DD, e.g. 2027-01-03"


def _shown(value) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return None


def meant_key(model: type[BaseModel] | None, loc: tuple, value=None) -> str | None:
    """For an unknown key at LOC, the known key of the same section it was probably meant as.

    A section written under another name (`patient:` holding name, age and sex) is known
    by what it holds before its spelling: `patient` is nearer `print` than `client`.
    """
    from planner import forgiving
    if model is None or not loc:
        return None
    holder, _ = forgiving.type_at(model, loc)
    if holder is None:
        return None
    if isinstance(value, dict) and value:
        held = {str(k) for k in value}
        best, overlap = None, 0
        for name, field in holder.model_fields.items():
            section = _section_model(field.annotation)
            shared = len(held & set(section.model_fields)) if section else 0
            if shared > overlap:
                best, overlap = name, shared
        if best is not None and overlap * 2 >= len(held):
            return best
    return forgiving.suggest(str(loc[-1]), holder.model_fields)


def _section_model(annotation) -> type[BaseModel] | None:
    """The model a field holds (through Optional), or None for a plain value."""
    import typing
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _describe(error: dict, model: type[BaseModel] | None = None, loc: tuple = ()) -> str:
    """One plain sentence for a pydantic error, with the nearest known name when one is near."""
    from planner import forgiving
    kind = error.get("type", "")
    value = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        near = meant_key(model, loc, value)
        if near:
            return f"unknown key {name!r} (did you mean {near!r}?)"
        elsewhere = forgiving.every_key(model).get(name) if model else None
        if elsewhere:
            section = ".".join(elsewhere[0]) or "the top level"
            return f"unknown key {name!r} here; it belongs under {section}"
        return f"unknown key {name!r} (check the spelling; `planner init` lists every key)"
    if kind == "missing":
        return "required key is missing"
    if kind == "string_unicode":  # pydantic's words for a lone surrogate (a broken \ud800 escape)
        return "contains a lone surrogate (a broken \\u escape), which is not text"
    message = error.get("msg", "invalid value")
    message = message.removeprefix("Value error, ")
    if kind == "literal_error" and model is not None:
        _, annotation = forgiving.type_at(model, loc)
        options = forgiving.choices(annotation) if annotation is not None else ()
        near = forgiving.suggest(value, options, cutoff=0.7)
        if options:
            message = "not one of " + ", ".join(options)
            if near:
                message = f"unknown value (did you mean {near!r}?); allowed: " + ", ".join(options)
    elif kind == "list_type" and isinstance(value, str) and len(value.replace(",", " ").split()) > 1:
        # `days: mon wed fri` is a list written without its brackets.
        message = f"should be a list: write [{', '.join(value.replace(',', ' ').split())}]"
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = message.removeprefix("Input should be a valid date or datetime, ")
        message = f"not a date ({message}); {DATE_HINT}"
    shown = _shown(value)
    return f"{shown}: {message}" if shown is not None else message


def _clean(loc: tuple) -> tuple:
    # pydantic puts union/validator names ("function-after[...]", "[key]") into locations.
    return tuple(part for part in loc if isinstance(part, int) or not any(c in part for c in "[("))


def problems_in(model: type[BaseModel], doc: Document, *, context: dict | None = None,
                forgiving: bool = False):
    """Validate a document: (the model, []) or (None, every problem as an InputError).

    `forgiving` (profiles and reassessments) first reads usual spellings of closed
    vocabularies and percentages (planner/forgiving.py).

    An unknown key with a near known name (`patient:` for `client:`) is reported once,
    and what it holds is checked as if the name were right, so one run shows all.
    """
    from planner.forgiving import forgive
    prepare = (lambda data: forgive(model, data)) if forgiving else (lambda data: data)
    try:
        return model.model_validate(prepare(doc.data), context=context), []
    except ValidationError as exc:
        first = _problems(model, doc, exc.errors(include_url=False))
    renames = {loc: meant for loc, _, meant in first if meant}
    problems = {loc: problem for loc, problem, _ in first}
    if renames:
        try:
            model.model_validate(prepare(_renamed(doc.data, renames)), context=context)
        except ValidationError as exc:
            back = {loc[:-1] + (meant,): loc for loc, meant in renames.items()}
            for loc, problem, _ in _problems(model, doc, exc.errors(include_url=False), back):
                problems.setdefault(loc, problem)
    # `patient:` for `client:` is one mistake, not two: the suggestion covers the missing key.
    meant_keys = {loc[:-1] + (meant,) for loc, meant in renames.items()}
    kept = [problem for loc, problem in problems.items()
            if not (problem.message == "required key is missing" and loc in meant_keys)]
    # What is wrong in the file, in file order; then what is missing from it.
    kept.sort(key=lambda p: (p.message == "required key is missing", p.line is None, p.line or 0))
    return None, kept


def _renamed(data, renames: dict[tuple, str]):
    """The data with each unknown key (a path) renamed to the name it was probably meant as."""
    def walk(node, loc):
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                meant = renames.get(loc + (key,), key)
                out[key if meant in node else meant] = walk(value, loc + (key,))  # never over a real key
            return out
        if isinstance(node, list):
            return [walk(item, loc + (index,)) for index, item in enumerate(node)]
        return node
    return walk(data, ())


def _problems(model, doc: Document, errors: list[dict], back: dict | None = None):
    """(key path, InputError, the known name an unknown key was probably meant as) per error."""
    found = []
    seen: set[tuple] = set()
    for error in errors:
        raw = tuple(error.get("loc", ()))
        loc = _clean(raw)
        keyed = (error.get("ctx") or {}).get("error")
        if isinstance(keyed, KeyedError):
            loc = loc + tuple(keyed.key.split("."))
        dict_key = error.get("type") == "literal_error" and raw[-1:] == ("[key]",)
        if dict_key:  # a dict's key (strength: {quadricpes: 4}): the vocabulary of the key
            loc = _clean(raw[:-1])
        if loc in seen:  # one line per key: a union's branches each complain
            continue
        seen.add(loc)
        message = _describe(error, model, loc[:-1] + ("[key]",) if dict_key else loc)
        meant = meant_key(model, loc, error.get("input")) if error.get("type") == "extra_forbidden" else None
        shown = loc
        for renamed, original in (back or {}).items():  # name the key as the file spells it
            if loc[:len(renamed)] == renamed:
                shown = original + loc[len(renamed):]
        found.append((shown, InputError(message, file=doc.path, key=_dotted(shown), line=doc.line_of(shown)),
                      meant))
    return found


def validate(model: type[BaseModel], doc: Document, *, context: dict | None = None,
             forgiving: bool = False) -> BaseModel:
    """Validate a document against a model; every problem at once (InputErrors; see problems_in)."""
    if not isinstance(doc.data, dict):
        raise InputError("expected a mapping of keys at the top level", file=doc.path)
    validated, problems = problems_in(model, doc, context=context, forgiving=forgiving)
    if problems:
        raise (InputErrors(problems) if len(problems) > 1 else problems[0]) from None
    return validated


def load(model: type[BaseModel], path: str | Path, *, context: dict | None = None,
         fast: bool = False, forgiving: bool = False) -> BaseModel:
    """Read and validate a file in one step (`fast` for shipped files; see read_document)."""
    if fast:
        try:
            return validate(model, read_document(path, fast=True), context=context, forgiving=forgiving)
        except InputError:
            pass  # read again with line numbers so the error can name the line
    return validate(model, read_document(path), context=context, forgiving=forgiving)
