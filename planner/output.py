"""Writing outputs safely: atomically, and never over an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from planner.errors import InputError


def write_atomic(path: str | Path, data: bytes | str, *, force: bool = False) -> Path:
    """Write all of data to path or nothing: a temporary file renamed into place."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.exists() and not force:
        raise InputError("already exists; use --force to overwrite it", file=str(path))
    if path.is_dir():
        raise InputError("is a folder; give a file name", file=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("folder does not exist", file=str(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        # mkstemp makes the file private (0600); a programme is an ordinary document.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return path
