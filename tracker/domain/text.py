"""Words for counts and lists of days, written once for every screen and command, and
text from a file or the database made safe for a terminal.

:func:`terminal_text` is the one escaping of user text: commands print through it,
and the screens show user text through it too (``widgets/plain.py``), so a note
holding ``\x1b[2J`` shows as typed, escape and all, and never clears the screen.
"""

from __future__ import annotations

import re


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 rest day``, ``2 rest days``, ``3 activities`` (``plural_form`` when not +s)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
NOT_TEXT = "holds bytes that are not text (UTF-8): type it again"
"""Why :func:`is_text` refused: the field's name goes before it."""


def is_text(text: str) -> bool:
    """Whether ``text`` can be stored: a command line passes bytes that are not UTF-8 as
    lone surrogates (``\udcff``), and JSON may spell one (``\ud800``); SQLite takes
    neither."""
    return _SURROGATE.search(text) is None


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: every control character but the newline
    shown as ``\\x1b`` (so a note from a file or the database cannot move the cursor,
    retitle the window, clear the screen or write the clipboard)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def without_controls(text: str, *, lines: bool = True) -> str:
    """``text`` with its control characters dropped, line breaks kept and tabs made
    spaces (a calendar's description: iCalendar text may hold no other control
    character); with ``lines=False`` every control character is dropped, line breaks and
    tabs too (a spreadsheet's cell)."""
    if not lines:
        return _CONTROL.sub("", text).replace("\n", "")
    return _CONTROL.sub("", text.replace("\t", " "))


def terminal_json(document: str) -> str:
    """A JSON document (``ensure_ascii=False``) safe to print: the control characters
    JSON leaves raw (DEL and C1, such as the 8-bit CSI) written as ``\\u009b``.

    JSON escapes the others itself, and raw characters can stand only inside strings,
    so the document means the same.
    """
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
