"""Shipped YAML files, parsed once and kept as JSON between runs.

Parsing the catalog's YAML is about 0.5 s of every `planner render` (the planner
and the independent verifier each read it, libyaml and ruamel): most of the
1.5 s a 12-week print may take (issue 13). JSON of the same data loads in a few
milliseconds.

The cache only stores what a parser returned; it knows nothing of catalogs or
rules, so the verifier's reading stays its own (planner/verify/reference.py
passes its own parser). An entry is keyed by a hash of the file's bytes and the
parser's name: an edited file, or another parser, never meets a stale entry.
Data JSON cannot hold exactly (dates, non-string keys) is simply not cached.
Anything wrong with the cache folder (read-only, full, missing) costs the parse
time and nothing else.

Where: $PLANNER_CACHE_DIR, else $XDG_CACHE_HOME/planner, else ~/.cache/planner.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = "1"    # bump when the entry layout changes


def cache_dir() -> Path | None:
    explicit = os.environ.get("PLANNER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home() != Path("/") else None)
    return Path(base) / "planner" if base else None


def cached(raw: bytes, parser: str, parse: Callable[[], Any]) -> Any:
    """What `parse()` returns for a file whose bytes are `raw`, from the cache when it has it."""
    folder = cache_dir()
    if folder is None:
        return parse()
    key = hashlib.blake2b(f"{FORMAT}\0{parser}\0".encode() + raw, digest_size=20).hexdigest()
    entry = folder / f"{key}.json"
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse()
    _store(entry, data)
    return data


def _store(entry: Path, data: Any) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if json.loads(text) != data:     # JSON would change it (a date, a tuple, an int key): do not keep
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written whole under a temporary name, then renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        return
