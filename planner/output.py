"""Writing outputs safely: all or nothing, never over a file without --force, never lost.

The whole document goes to a temporary file in the target's folder first. Without
--force it is then hard-linked to the target name: link() fails when the name
exists, so of two runs racing for one name exactly one wins and the other is told
the file exists (an exists-check followed by a rename could let both "win").
With --force only a regular file may be replaced, and never one of the run's own
inputs. Any failure of the file system (disk full, permission denied, read-only)
is an OutputError (exit 5): one line, the temporary file removed, an existing
file kept. `-o -` writes the document to standard output.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from planner.errors import InputError, OutputError

STDOUT = "-"  # `-o -`: the document goes to standard output


def is_stdout(path: str | Path | None) -> bool:
    """Does this output name mean standard output?"""
    return path is not None and str(path) == STDOUT


def _reason(exc: OSError) -> str:
    """The file system's refusal in words a user can act on."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def _same_file(path: Path, inputs: Iterable[str | Path]) -> bool:
    for given in inputs:
        try:
            if os.path.samefile(path, given):
                return True
        except OSError:
            if path.resolve() == Path(given).resolve():
                return True
    return False


def check_output(path: str | Path, *, force: bool = False, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse at once an output that could not be written (before any work is done).

    Exit 2 when it exists and --force is not given or its folder is missing; exit 5
    when it is not a regular file, is one of the run's inputs, or its folder cannot
    be written.
    """
    if is_stdout(path):
        return
    path = Path(path)
    name = str(path)
    if _same_file(path, inputs):
        raise OutputError("is one of this run's own inputs; it is never overwritten, choose another -o",
                          file=name)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise OutputError(f"cannot be written ({_reason(exc)})", file=name) from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise InputError("is a folder; give a file name", file=name)
        if not force:
            raise InputError("already exists; use --force to overwrite it", file=name)
        if stat.S_ISLNK(found.st_mode):
            try:
                found = os.stat(path)
            except FileNotFoundError:
                found = None  # a dangling link: --force replaces the link itself
        if found is not None and not stat.S_ISREG(found.st_mode):
            raise OutputError("is not a regular file (a device, pipe, socket or folder); "
                              "--force only replaces regular files", file=name)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("folder does not exist", file=name)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot be written (permission denied in {folder})", file=name)


def write_to_stdout(data: bytes | str) -> None:
    """The whole document on standard output; a full device or closed pipe is exit 5."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        stream = sys.stdout.buffer
    except AttributeError:  # a captured text stream (tests)
        try:
            sys.stdout.write(data.decode("utf-8", errors="replace"))
            sys.stdout.flush()
        except OSError as exc:
            raise OutputError(f"cannot be written ({_reason(exc)})", file="standard output") from None
        return
    try:
        stream.write(data)
        stream.flush()
    except OSError as exc:
        raise OutputError(f"cannot be written ({_reason(exc)})", file="standard output") from None


def write_atomic(path: str | Path, data: bytes | str, *, force: bool = False,
                 inputs: Iterable[str | Path] = ()) -> Path | str:
    """Write all of data to path or nothing; never replace without force (see the module)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if is_stdout(path):
        write_to_stdout(data)
        return STDOUT
    path = Path(path)
    inputs = list(inputs)
    check_output(path, force=force, inputs=inputs)
    name = str(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot be written ({_reason(exc)})", file=name) from None
    try:
        try:
            # mkstemp makes the file private (0600); a programme is an ordinary document.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if force:
                check_output(path, force=True, inputs=inputs)  # it may have changed while we rendered
                os.replace(temporary, path)
            else:
                _link_without_replacing(temporary, path)
        except FileExistsError:
            raise InputError("already exists; use --force to overwrite it", file=name) from None
        except OSError as exc:
            raise OutputError(f"cannot be written ({_reason(exc)}); nothing was written", file=name) from None
    finally:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
    return path


def _link_without_replacing(temporary: str, path: Path) -> None:
    """Give the finished file its name only if nothing has it yet (atomically)."""
    try:
        os.link(temporary, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
            raise
        # A file system without hard links (FAT, some network shares): create the
        # name exclusively, then copy the finished bytes in; on failure remove it.
        with open(temporary, "rb") as source:
            data = source.read()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException:
            os.unlink(path)
            raise
