"""Writing outputs: all or nothing, never over an existing file without force."""

import pytest

from planner.errors import InputError
from planner.output import write_atomic


def test_writes_and_leaves_no_temporary_files(tmp_path):
    write_atomic(tmp_path / "a.txt", "hello")
    assert (tmp_path / "a.txt").read_text() == "hello"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(InputError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        write_atomic(tmp_path / "no" / "a.txt", "x")


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("old")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, "new", force=True)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_written_file_is_readable_by_others_as_the_umask_allows(tmp_path):
    import os
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
