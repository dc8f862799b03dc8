"""Calendar weeks and the parsers of the command line and forms (DESIGN §1, §8).

Week boundaries are computed explicitly from the ``week_start`` setting; pendulum's
process-wide ``week_starts_at`` is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pendulum

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBR = tuple(name[:3].capitalize() for name in WEEKDAYS)

METRES_PER_MILE = 1609.344
MAX_DISTANCE_M = 1_000_000
MAX_DURATION_S = 7 * 24 * 3600


class ParseError(ValueError):
    """A value typed by the runner that cannot be understood; the text says why."""


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
        return self.start + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=i) for i in range(7))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def shifted(self, weeks: int) -> Week:
        return Week(self.start + timedelta(weeks=weeks))

    def index_of(self, day: date) -> int:
        return (day - self.start).days


def week_start_of(day: date, week_start: str = "monday") -> date:
    offset = (day.weekday() - weekday_index(week_start)) % 7
    return day - timedelta(days=offset)


def week_of(day: date, week_start: str = "monday") -> Week:
    return Week(week_start_of(day, week_start))


def to_date(value: date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


def parse_iso_date(text: str) -> pendulum.Date:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        raise ParseError(f"not a date: {text!r} (use YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise ParseError(f"no such date: {text!r}") from None


def parse_date(text: str, today: date) -> pendulum.Date:
    """``today``, ``yesterday``, ``YYYY-MM-DD`` or a weekday name (the most recent one)."""
    key = text.strip().lower()
    if key == "today":
        return to_date(today)
    if key == "yesterday":
        return to_date(today - timedelta(days=1))
    if re.fullmatch(r"[a-z]+", key):
        try:
            index = weekday_index(key)
        except ParseError:
            raise ParseError(
                f"not a date: {text!r} (use today, yesterday, YYYY-MM-DD or a weekday)"
            ) from None
        return to_date(today - timedelta(days=(today.weekday() - index) % 7))
    return parse_iso_date(key)


_NUMBER = r"(\d+(?:[.,]\d*)?|[.,]\d+)"
_DISTANCE_UNITS = {
    "": None,
    "k": 1000.0,
    "km": 1000.0,
    "m": 1.0,
    "mi": METRES_PER_MILE,
    "mile": METRES_PER_MILE,
    "miles": METRES_PER_MILE,
}


def parse_distance(text: str, units: str = "km") -> int:
    """Integer metres from ``10``, ``10km``, ``6.2mi`` or ``800m``.

    A bare number is in the runner's units (``km`` or ``mi``).
    """
    match = re.fullmatch(_NUMBER + r"\s*([a-z]*)", text.strip().lower())
    if not match or match.group(2) not in _DISTANCE_UNITS:
        raise ParseError(f"not a distance: {text!r} (try 10, 10km, 6.2mi or 800m)")
    number = float(match.group(1).replace(",", "."))
    factor = _DISTANCE_UNITS[match.group(2)]
    if factor is None:
        factor = METRES_PER_MILE if units == "mi" else 1000.0
    if number * factor > MAX_DISTANCE_M:
        raise ParseError(f"distance too long: {text!r} (at most 1000 km)")
    return round(number * factor)


_HMS = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})")
_UNIT_DURATION = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?")


def parse_duration(text: str) -> int:
    """Integer seconds from ``50m``, ``50:00``, ``1:05:30``, ``90s`` or ``1h5m``.

    A bare number is minutes.
    """
    key = text.strip().lower()
    if re.search(r"\d{13}", key):
        raise ParseError(f"duration too long: {text!r} (at most 7 days)")
    seconds: int | None = None
    if match := _HMS.fullmatch(key):
        hours, minutes, secs = match.groups()
        if int(secs) < 60 and (hours is None or int(minutes) < 60):
            seconds = int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)
    elif re.fullmatch(r"\d+", key):
        seconds = int(key) * 60
    elif key and (match := _UNIT_DURATION.fullmatch(key)) and any(match.groups()):
        hours, minutes, secs = (int(g or 0) for g in match.groups())
        seconds = hours * 3600 + minutes * 60 + secs
    if seconds is None:
        raise ParseError(f"not a duration: {text!r} (try 50m, 50:00, 1:05:30, 90s or 1h5m)")
    if seconds > MAX_DURATION_S:
        raise ParseError(f"duration too long: {text!r} (at most 7 days)")
    return seconds


def parse_rpe(text: str) -> int:
    """Effort (RPE): a whole number from 1 to 10."""
    key = text.strip()
    if not re.fullmatch(r"[0-9]{1,2}", key) or not 1 <= int(key) <= 10:
        raise ParseError(f"not an effort: {text!r} (use a whole number from 1 to 10)")
    return int(key)


def format_distance(metres: int | float, units: str = "km", *, digits: int = 1) -> str:
    if units == "mi":
        return f"{metres / METRES_PER_MILE:.{digits}f} mi"
    return f"{metres / 1000:.{digits}f} km"


def format_duration(seconds: int | float) -> str:
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
