"""Writing outputs: all or nothing, never over an existing file without force."""

import errno
import os
import subprocess
import sys

import pytest

from planner.errors import InputError, OutputError
from planner.output import check_output, write_atomic


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
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OutputError) as refused:
        write_atomic(target, "new", force=True)
    assert refused.value.exit_status == 5 and "disk is full" in str(refused.value)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_written_file_is_readable_by_others_as_the_umask_allows(tmp_path):
    import os
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("code, says", [(errno.ENOSPC, "disk is full"), (errno.EACCES, "permission denied"),
                                        (errno.EROFS, "read-only"), (errno.EDQUOT, "quota")])
def test_a_file_system_refusal_is_exit_5_and_leaves_nothing(tmp_path, monkeypatch, code, says):
    def fail(*args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("os.fsync", fail)
    with pytest.raises(OutputError) as refused:
        write_atomic(tmp_path / "a.pdf", b"%PDF")
    assert refused.value.exit_status == 5 and says in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_take_a_temporary_file_is_exit_5(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", fail)
    with pytest.raises(OutputError, match="permission denied"):
        write_atomic(tmp_path / "a.pdf", b"%PDF")


def test_force_never_replaces_a_fifo_or_a_device(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null"):
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(target, b"x", force=True)
    assert fifo.is_fifo()


def test_a_folder_is_never_an_output(tmp_path):
    with pytest.raises(InputError, match="folder"):
        write_atomic(tmp_path, b"x", force=True)


def test_a_dangling_link_is_kept_without_force_and_replaced_with_it(tmp_path):
    link = tmp_path / "out.pdf"
    link.symlink_to(tmp_path / "gone.pdf")
    with pytest.raises(InputError, match="already exists"):
        write_atomic(link, b"new")
    assert link.is_symlink() and not (tmp_path / "gone.pdf").exists()
    write_atomic(link, b"new", force=True)
    assert link.read_bytes() == b"new"


def test_a_link_to_a_device_is_not_a_regular_file(tmp_path):
    link = tmp_path / "out.pdf"
    link.symlink_to("/dev/null")
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(link, b"x", force=True)


def test_never_one_of_the_runs_own_inputs_even_with_force(tmp_path):
    profile = tmp_path / "self.yaml"
    profile.write_text("client: {}\n")
    alias = tmp_path / "alias.yaml"
    alias.symlink_to(profile)
    for target in (profile, alias, tmp_path / "." / "self.yaml"):
        with pytest.raises(OutputError, match="own inputs"):
            write_atomic(target, b"x", force=True, inputs=[profile])
    assert profile.read_text() == "client: {}\n"


def test_check_output_refuses_before_any_work(tmp_path):
    (tmp_path / "a.pdf").write_text("old")
    with pytest.raises(InputError, match="already exists"):
        check_output(tmp_path / "a.pdf")
    check_output(tmp_path / "a.pdf", force=True)
    check_output("-")


RACER = """
import sys
from planner.errors import PlannerError
from planner.output import write_atomic
sys.stdin.readline()  # start together
try:
    write_atomic(sys.argv[1], sys.argv[2].encode() * 20000)
    print("won")
except PlannerError as exc:
    print("lost", exc.exit_status)
"""


def test_of_two_racing_writers_exactly_one_wins(tmp_path):
    """The exists-check and the rename were not atomic together: both could 'win'."""
    for trial in range(20):
        target = tmp_path / f"race{trial}.pdf"
        racers = [subprocess.Popen([sys.executable, "-c", RACER, str(target), name], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True) for name in "AB"]
        for racer in racers:
            racer.stdin.write("go\n")
            racer.stdin.flush()
        said = [racer.communicate(timeout=60)[0].split() for racer in racers]
        assert sorted(s[0] for s in said) == ["lost", "won"], (trial, said)
        winner = "AB"[[s[0] for s in said].index("won")]
        assert target.read_bytes() == winner.encode() * 20000
        assert ["lost", "2"] in said
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
