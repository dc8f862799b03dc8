"""Days, weeks and moments: week boundaries, the dates a runner types, UTC stamps.

Week boundaries are computed explicitly from the ``week_start`` setting; pendulum's
process-wide ``week_starts_at`` is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pendulum

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBR = tuple(name[:3].capitalize() for name in WEEKDAYS)


class ParseError(ValueError):
    """A value typed by the runner that cannot be understood; the text says why."""


class OutOfRange(ParseError):
    """A real date that recovtui does not accept (before 1900 or after 2199)."""


def weekday_index(name: str) -> int:
    """Monday is 0. Accepts full names and three-letter abbreviations."""
    key = name.strip().lower()
    for index, full in enumerate(WEEKDAYS):
        if key == full or (len(key) >= 3 and full.startswith(key)):
            return index
    raise ParseError(f"unknown weekday {name!r} (use monday … sunday)")


@dataclass(frozen=True, slots=True)
class Week:
    """Seven consecutive days starting on ``start``."""

    start: date

    @property
    def end(self) -> date:
        return plus_days(self.start, 6)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=i) for i in range(7))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def shifted(self, weeks: int) -> Week:
        return Week(plus_days(self.start, 7 * weeks))

    def index_of(self, day: date) -> int:
        return (day - self.start).days


def plus_days(day: date, days: int) -> date:
    """``day + timedelta(days=days)``, of ``day``'s own type: a pendulum date's ``+``
    goes through pendulum's duration arithmetic, four times the cost (week grouping does
    this for every row it reads)."""
    if isinstance(day, datetime):  # a moment keeps its time of day
        return day + timedelta(days=days)
    return type(day).fromordinal(day.toordinal() + days)


def week_start_of(day: date, week_start: str = "monday") -> date:
    offset = (day.weekday() - weekday_index(week_start)) % 7
    return plus_days(day, -offset)


def week_of(day: date, week_start: str = "monday") -> Week:
    return Week(week_start_of(day, week_start))


def first_of_weeks(today: date, week_start: str, weeks: int) -> date:
    """The first day of the oldest of the ``weeks`` weeks ending with this one."""
    return week_of(today, week_start).shifted(-(weeks - 1)).start


def to_date(value: date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
"""The dates recovtui accepts anywhere, so every export can be imported again."""


def check_date_range(day: date) -> date:
    """``day`` when recovtui accepts it, else a ParseError saying which dates it takes."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutOfRange(f"{day.isoformat()} is out of range (use 1900-01-01 to 2199-12-31)")
    return day


def parse_iso_date(text: str) -> pendulum.Date:
    """``YYYY-MM-DD`` inside the accepted range (:data:`FIRST_DAY` … :data:`LAST_DAY`)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        raise ParseError(f"not a date: {text!r} (use YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    try:
        parsed = pendulum.Date(year, month, day)
    except ValueError:
        raise ParseError(f"no such date: {text!r}") from None
    check_date_range(parsed)
    return parsed


LAST = "last"
NEXT = "next"


def parse_date(text: str, today: date, weekday: str = LAST) -> pendulum.Date:
    """``today``, ``yesterday``, ``tomorrow``, ``YYYY-MM-DD`` or a weekday name.

    A weekday name means the most recent one (``weekday=LAST``: what was done, in
    ``log`` and ``checkin``) or the next one (``NEXT``: what is planned, in
    ``plan set`` and ``plan --week``); today included either way.
    """
    key = text.strip().lower()
    named = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if key in named:
        return _in_range(today, named[key])
    if re.fullmatch(r"[a-z]+", key):
        try:
            index = weekday_index(key)
        except ParseError:
            raise ParseError(
                f"not a date: {text!r} (use today, yesterday, tomorrow, YYYY-MM-DD or a weekday)"
            ) from None
        if weekday == NEXT:
            return _in_range(today, (index - today.weekday()) % 7)
        return _in_range(today, -((today.weekday() - index) % 7))
    return parse_iso_date(key)


def _in_range(today: date, days: int) -> pendulum.Date:
    """``days`` after ``today``, checked: the day after 2199-12-31 is refused, not computed."""
    check_date_range(today)
    return to_date(check_date_range(today + timedelta(days=days)))


def utc_stamp(moment: datetime) -> str:
    """``2026-11-24T20:15:00Z``: a moment in UTC, as stored and exported.

    A naive moment is taken as UTC. The year is always four digits.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    m = moment.astimezone(UTC)  # no strftime: it was a tenth of a large import's time
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"
