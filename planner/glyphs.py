"""Every character a programme prints has a glyph, or the run says which font to install.

WeasyPrint draws text with Pango, which finds fonts through fontconfig; a
character no installed font covers prints as an empty box, and a Chinese name
printed as boxes is a programme handed to the wrong patient. So before a PDF is
made, the printed free text (names, clinic, notes, medications) is checked
against the union of what the installed fonts cover (`fc-list`, one call, about
0.1 s, and only when the text goes beyond the scripts DejaVu covers). Emoji are
refused: colour emoji do not print reliably, words do.
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

from planner.errors import InputError

# Latin, Greek, Cyrillic and common punctuation: DejaVu Sans (always installed with
# the renderer) covers these, so ordinary text needs no font lookup at all.
_ALWAYS = ((0x20, 0x24F), (0x370, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20BF))
_EMOJI = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F), (0x1F1E6, 0x1F1FF))
# Which Debian package brings a script's font (README: set-up; .ci/run installs them).
_PACKAGES = (
    ((0x1100, 0x11FF), "fonts-noto-cjk"), ((0x2E80, 0x9FFF), "fonts-noto-cjk"),
    ((0xA960, 0xA97F), "fonts-noto-cjk"), ((0xAC00, 0xD7FF), "fonts-noto-cjk"),
    ((0xF900, 0xFAFF), "fonts-noto-cjk"), ((0xFE30, 0xFE4F), "fonts-noto-cjk"),
    ((0xFF00, 0xFFEF), "fonts-noto-cjk"), ((0x20000, 0x3FFFF), "fonts-noto-cjk"),
)
DEFAULT_PACKAGE = "fonts-noto-core"  # Devanagari, Thai, Arabic, Hebrew, Bengali, Tamil, ...


def _within(code: int, ranges) -> bool:
    return any(low <= code <= high for low, high in ranges)


def package_for(ch: str) -> str:
    """The Debian font package that covers this character's script."""
    code = ord(ch)
    for (low, high), package in _PACKAGES:
        if low <= code <= high:
            return package
    return DEFAULT_PACKAGE


@functools.cache
def _covered() -> tuple[list[int], list[int]] | None:
    """Merged code point ranges the installed fonts cover; None when fontconfig cannot say."""
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        listing = subprocess.run([tool, "--format", "%{charset}\n"], capture_output=True, text=True,
                                 timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for part in listing.split():
        low, _, high = part.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    ranges.sort()
    starts, ends = [], []
    for low, high in ranges:
        if ends and low <= ends[-1] + 1:
            ends[-1] = max(ends[-1], high)
        else:
            starts.append(low)
            ends.append(high)
    return starts, ends


def has_glyph(ch: str) -> bool:
    """Does some installed font draw this character? (True when fontconfig cannot tell.)"""
    code = ord(ch)
    if _within(code, _ALWAYS) or ch in "\t\n\r":
        return True
    covered = _covered()
    if covered is None:
        return True
    starts, ends = covered
    index = bisect.bisect_right(starts, code) - 1
    return index >= 0 and code <= ends[index]


def _texts(value: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, f"{key}[{index}]")


def unprintable(value: Any, key: str = "") -> tuple[str, str, str] | None:
    """(key, character, advice) for the first character that would not print, else None."""
    for where, text in _texts(value, key):
        if all(ord(ch) < 0x250 for ch in text):
            continue  # the fast path: plain Latin text
        for ch in text:
            code = ord(ch)
            if _within(code, _EMOJI):
                return where, ch, "emoji do not print reliably; write it in words"
            if not has_glyph(ch):
                return where, ch, (f"no installed font has this character; install the font package "
                                   f"{package_for(ch)} (Debian/Ubuntu: apt-get install {package_for(ch)})")
    return None


def check_printable(value: Any, *, file: str | None, key: str = "") -> None:
    """InputError (exit 2) naming the field when some character would print as an empty box."""
    found = unprintable(value, key)
    if found:
        where, ch, advice = found
        raise InputError(f"{ch!r} (U+{ord(ch):04X}) cannot be printed: {advice}", file=file, key=where)


def printed_profile_text(profile) -> dict:
    """The profile's free text that the programme prints, by key."""
    data = profile.model_dump(mode="json")
    return {"client": {k: data["client"].get(k) for k in ("name", "id")},
            "clinician": data.get("clinician") or {},
            "screening": {"medications": (data.get("screening") or {}).get("medications", [])}}


def check_plan_printable(plan, *, file: str | None) -> None:
    """check_printable over what a plan prints from free text (profile text, notes, warnings)."""
    check_printable({"profile": printed_profile_text(plan.profile), "notes": list(plan.notes),
                     "warnings": list(plan.warnings)}, file=file)
