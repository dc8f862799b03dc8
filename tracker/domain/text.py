"""Words for counts and lists of days, written once for every screen and command."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 rest day``, ``2 rest days``, ``3 activities`` (``plural_form`` when not +s)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
