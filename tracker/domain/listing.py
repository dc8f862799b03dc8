"""Which activities the History screen lists (a kind, a date range, a text to find),
and what each week of them adds up to.

:func:`read_filter` reads what was typed into the History screen's filter bar
the way the forms read a run: every bad field named, nothing applied until all
are valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from tracker.domain.activity import Activity
from tracker.domain.dates import Week, parse_date, week_of
from tracker.domain.forms import FormErrors, optional_field
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
    chosen = optional_field(kind, parse_activity_kind, "kind", errors)
    on = partial(parse_date, today=today)
    first = optional_field(start, on, "start", errors)
    last = optional_field(end, on, "end", errors)
    if first is not None and last is not None and first > last:
        errors["end"] = f"the range ends before it starts ({first:%-d %b %Y})"
    words = " ".join(text.split())
    if len(words) > MAX_FILTER_TEXT:
        errors["text"] = f"search for at most {MAX_FILTER_TEXT} characters"
    if errors:
        raise FormErrors(errors)
    return ActivityFilter(chosen, first, last, words)


@dataclass(frozen=True, slots=True)
class WeekTotal:
    """What a week's listed activities add up to."""

    week: Week
    count: int
    distance_m: int
    duration_s: int


def week_totals(activities: Iterable[Activity], week_start: str) -> dict[date, WeekTotal]:
    """Each week's count, distance and time of ``activities``, by the week's first day."""
    totals: dict[date, WeekTotal] = {}
    for activity in activities:
        week = week_of(activity.date, week_start)
        total = totals.get(week.start) or WeekTotal(week, 0, 0, 0)
        totals[week.start] = replace(
            total,
            count=total.count + 1,
            distance_m=total.distance_m + activity.distance_m,
            duration_s=total.duration_s + (activity.duration_s or 0),
        )
    return totals


@dataclass(frozen=True, slots=True)
class StripDay:
    """One day of Today's strip: what was done, or whether it was a rest day."""

    day: date
    activities: tuple[Activity, ...]
    rested: bool
    known: bool
    """False before the history starts: nothing is known of the day."""

    @property
    def distance_m(self) -> int:
        return sum(activity.distance_m for activity in self.activities)
