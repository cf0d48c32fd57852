"""The catalog files as the verifier parsed them, kept between runs.

Parsing the catalog's YAML is about 0.3 s of every `planner check` and every
print (which checks first), against a 1.5 s budget for a 12-week print (issue
13). The verifier keeps its own cache, as it keeps its own reading of the
catalog: one JSON entry per state of the whole folder, keyed by a hash of every
file's name and bytes, so an edited, added or removed file is never read stale.
Data JSON cannot hold exactly is not kept; a cache folder that cannot be used
costs the parse time and nothing else.

Where: $PLANNER_CACHE_DIR, else $XDG_CACHE_HOME/planner, else ~/.cache/planner
(the folder the planner's own parse cache uses; the entries never mix).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = b"verifier-parsed-1"


def _folder() -> Path | None:
    if os.environ.get("PLANNER_CACHE_DIR"):
        return Path(os.environ["PLANNER_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "planner"
    home = Path.home()
    return None if home == Path("/") else home / ".cache" / "planner"


def parsed_files(paths: list[Path], parse: Callable[[Path, bytes], Any]) -> dict[str, Any]:
    """{path: parse(path, bytes)} for every path that is a file, from the cache when it has them."""
    raws = {str(path): path.read_bytes() for path in paths if path.is_file()}
    digest = hashlib.blake2b(FORMAT, digest_size=20)
    for name in sorted(raws):
        digest.update(f"\0{name}\0{len(raws[name])}\0".encode() + raws[name])
    folder = _folder()
    entry = folder / f"verifier-{digest.hexdigest()}.json" if folder else None
    if entry is not None:
        try:
            return json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = {name: parse(Path(name), raw) for name, raw in raws.items()}
    if entry is not None:
        _keep(entry, data)
    return data


def _keep(entry: Path, data: dict[str, Any]) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        if json.loads(text) != data:     # a date, a tuple, a number key: JSON would change it
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, entry)       # whole or not at all, for a reader running beside us
    except (OSError, TypeError, ValueError):
        return
