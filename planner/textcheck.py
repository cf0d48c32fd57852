"""Free text that prints as what it says: no lone surrogates, control characters,
bidirectional overrides or invisible-only values.

A lone surrogate cannot be written as UTF-8 (it crashed writers); control
characters do nothing visible on paper; a right-to-left override (U+202E) prints a
name reversed; a value of zero-width spaces looks blank. Tab and newline are
allowed only in notes.
"""

from __future__ import annotations

from typing import Any

# U+202A..U+202E (embeddings and overrides) and U+2066..U+2069 (isolates).
BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
INVISIBLE = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x034F})
MULTILINE_KEYS = frozenset({"notes", "note", "clinician_notes"})


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """Why this text would not print as written, or None when it is fine."""
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return f"contains a lone surrogate (U+{code:04X}), which is not text"
        if code < 0x20 or 0x7F <= code <= 0x9F:
            if multiline and ch in "\t\n\r":
                continue
            return f"contains a control character (U+{code:04X})" + ("" if multiline else
                                                                     "; line breaks and tabs only go in notes")
        if code in BIDI_CONTROLS:
            return (f"contains a bidirectional control (U+{code:04X}) that would print the text "
                    "reversed or out of order")
    if value and all(ord(ch) in INVISIBLE or ch.isspace() for ch in value) and not value.isspace():
        return "holds only invisible characters"
    return None


def check_text(value: Any, *, multiline: bool = False) -> Any:
    """Raise ValueError naming the problem if any text in value (str, list, dict) is unprintable."""
    if isinstance(value, str):
        problem = text_problem(value, multiline=multiline)
        if problem:
            raise ValueError(problem)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_text(item, multiline=multiline)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key)
            check_text(item, multiline=multiline or key in MULTILINE_KEYS)
    return value
