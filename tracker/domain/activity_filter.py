"""Which activities the History screen lists: a kind, a date range, a text to find.

:func:`read_filter` reads what was typed into the History screen's filter bar
the way the forms read a run: every bad field named, nothing applied until all
are valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.dates import ParseError, parse_date
from tracker.domain.forms import FormErrors
from tracker.domain.kinds import ActivityKind, parse_activity_kind

MAX_FILTER_TEXT = 100


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """Activities of ``kind`` (any when None), dated ``start`` to ``end`` (open ends when
    None), whose note, kind or source holds ``text`` (any case)."""

    kind: ActivityKind | None = None
    start: date | None = None
    end: date | None = None
    text: str = ""


def read_filter(kind: str, start: str, end: str, text: str, today: date) -> ActivityFilter:
    """The filter typed into the History screen, or :class:`FormErrors` naming each bad
    field (``kind``, ``start``, ``end``, ``text``). Empty fields filter nothing; a range
    given backwards is an error, never silently swapped."""
    errors: dict[str, str] = {}
    chosen: ActivityKind | None = None
    if kind.strip():
        try:
            chosen = parse_activity_kind(kind)
        except ValueError as exc:
            errors["kind"] = str(exc)
    days: dict[str, date | None] = {"start": None, "end": None}
    for name, typed in (("start", start), ("end", end)):
        if typed.strip():
            try:
                days[name] = parse_date(typed, today)
            except ParseError as exc:
                errors[name] = str(exc)
    first, last = days["start"], days["end"]
    if first is not None and last is not None and first > last:
        errors["end"] = f"the range ends before it starts ({first:%-d %b %Y})"
    words = " ".join(text.split())
    if len(words) > MAX_FILTER_TEXT:
        errors["text"] = f"search for at most {MAX_FILTER_TEXT} characters"
    if errors:
        raise FormErrors(errors)
    return ActivityFilter(chosen, first, last, words)
