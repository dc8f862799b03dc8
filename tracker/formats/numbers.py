"""Numbers, durations and moments as export files write them, and the runner's calendar date.

Exports write numbers with a decimal comma or point and thousands separators
(``5,01``, ``1.234,5``), durations as seconds or clock times (``979``,
``52:10.5``), and dates in many layouts and languages. These parsers read what
files contain; what a runner types is read by :mod:`tracker.domain.units`.

Dates: a moment without an offset is taken as UTC, and :func:`local_date`
converts it with pendulum to the runner's zone before taking the calendar date.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Final

import pendulum

from tracker.domain.dates import FIRST_DAY, LAST_DAY, check_date_range, utc_stamp
from tracker.domain.units import MAX_DISTANCE_M, MAX_DURATION_S
from tracker.formats.problems import ImportProblem

_NUMBER_NOISE = str.maketrans("", "", " \u00a0\u202f\u2009'\u2019")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_GROUPED_NUMBER = re.compile(r"([+-]?)(\d[\d.,]*)")


def parse_number(text: str, *, decimal_comma: bool | None = None) -> float:
    """Read a number as exports write it: ``5.01``, ``"5,01"``, ``1,234.5``, ``1.234,5``.

    A lone comma is ambiguous: ``decimal_comma=True`` reads ``1,234`` as 1.234,
    ``False`` as 1234, and ``None`` guesses thousands only for ``d{1,3},ddd``.
    """
    s = text.strip()
    # most cells have no noise to take out: looked for first (a third of the time)
    if _PLAIN_NUMBER.fullmatch(s) or _PLAIN_NUMBER.fullmatch(s := s.translate(_NUMBER_NOISE)):
        value = float(s)
    elif match := _GROUPED_NUMBER.fullmatch(s):
        value = _ungroup(match.group(2), decimal_comma, text)
        if match.group(1) == "-":
            value = -value
    else:
        raise ValueError(f"not a number: {text!r}")
    if not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value


def _ungroup(body: str, decimal_comma: bool | None, text: str) -> float:
    bad = ValueError(f"not a number: {text!r}")
    if "," in body and "." in body:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = body.rpartition(decimal)
        if not fraction.isdigit() or not _is_grouped(whole, thousands):
            raise bad
        return float(whole.replace(thousands, "") + "." + fraction)
    separator = "," if "," in body else "."
    parts = body.split(separator)
    if len(parts) > 2:
        if not _is_grouped(body, separator):
            raise bad
        return float(body.replace(separator, ""))
    whole, fraction = parts
    if not whole.isdigit() or not fraction.isdigit():
        raise bad
    if separator == ",":
        grouped = (
            not decimal_comma
            if decimal_comma is not None
            else len(whole) <= 3 and len(fraction) == 3
        )
        if grouped:
            if len(fraction) != 3 or len(whole) > 3:
                raise bad
            return float(whole + fraction)
    return float(f"{whole}.{fraction}")


def _is_grouped(whole: str, separator: str) -> bool:
    groups = whole.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?")


def parse_file_duration(text: str) -> int:
    """Seconds from ``979``, ``979.0``, ``52:10.5``, ``41:06`` or ``01:02:03``, as files write them.

    A bare number is seconds here; in what a runner types
    (:func:`tracker.domain.units.parse_duration`) it is minutes.
    """
    s = text.strip()
    if match := _CLOCK.fullmatch(s):
        hours, minutes, seconds, fraction = match.groups()
        if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
            raise ValueError(f"not a duration: {text!r}")
        total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        return total + (1 if fraction and int(fraction[0]) >= 5 else 0)
    try:
        value = parse_number(s, decimal_comma=True)
    except ValueError:
        raise ValueError(f"not a duration: {text!r}") from None
    if value < 0:
        raise ValueError(f"negative duration: {text!r}")
    return round(value)


_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        [
            "jan january janv janvier januar jän jänner ene enero gen gennaio januari",
            "feb february fév févr février februar febrero febbraio februari",
            "mar march mär märz mars marzo maart mrt",
            "apr april avr avril abr abril aprile",
            "may mai mayo mag maggio mei",
            "jun june juin juni junio giu giugno",
            "jul july juil juillet juli julio lug luglio",
            "aug august aoû août agosto ago augustus",
            "sep sept september septembre septiembre set settembre",
            "oct october okt oktober octobre octubre ott ottobre",
            "nov november novembre noviembre",
            "dec december déc décembre dez dezember dic diciembre dicembre",
        ],
        start=1,
    )
    for name in names.split()
}
_TIME = (
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
)
_ZONE = r"\s*(?P<tz>z|utc|gmt|[+-]\d{2}:?\d{2})?"
_DATE_PATTERNS: Final = (
    re.compile(
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:t|\s+)" + _TIME + _ZONE, re.IGNORECASE
    ),
    re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2}),?\s+" + _TIME + _ZONE, re.IGNORECASE),
    re.compile(
        r"(?P<mon>[^\W\d_]{3,10})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]{3,10})\.?,?\s+(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
)


def parse_timestamp(text: str, *, day_first: bool | None = None) -> datetime:
    """A date and time as exports write them; aware when the text names an offset.

    Accepts ISO (``2021-03-04 07:15:00``, ``…T…Z``), Strava's
    ``Jan 5, 2019, 7:12:03 AM`` and ``5 Jan 2019, 07:12:03`` (English, French,
    German, Spanish, Italian and Dutch month names) and numeric ``dd/mm/yyyy
    hh:mm``. Slashed dates need ``day_first`` unless a part above 12 settles
    it; dotted ones (``05.01.2019``) are always day first.
    """
    if text.isascii():  # nothing to normalise (most files: a quarter of the time)
        s = text.strip()
        if (moment := _common_timestamp(s)) is not None:
            return moment
    else:
        s = unicodedata.normalize("NFC", text).strip().replace("\u202f", " ")
        s = s.replace("\u00a0", " ")
    return _general_timestamp(s, text, day_first)


# The two shapes nearly every row of a large export has: Strava's English
# ``Jan 5, 2019, 7:12:03 AM`` and ISO ``2021-03-04 07:15:00`` (no fraction, no zone).
_STRAVA_SHAPE = re.compile(r"([A-Z][a-z]{2}) (\d{1,2}), (\d{4}), (\d{1,2}):(\d\d):(\d\d) ([AP])M")
_ISO_SHAPE = re.compile(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)")
_ENGLISH_MONTHS: Final = {
    name.capitalize(): _MONTHS[name]
    for name in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
}


def _common_timestamp(s: str) -> datetime | None:
    """The naive moment of ``s`` in one of the common shapes, read without the general
    patterns (a fifth of the time); None for anything else, or for anything the general
    reading would refuse or read another way, which it then does."""
    if match := _STRAVA_SHAPE.fullmatch(s):
        mon, d, y, h, mi, sec, ampm = match.groups()
        month = _ENGLISH_MONTHS.get(mon)
        hour = int(h)
        if month is None or not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "P" else 0)
        return _plain_moment(int(y), month, int(d), hour, int(mi), int(sec))
    if match := _ISO_SHAPE.fullmatch(s):
        y, mon, d, h, mi, sec = map(int, match.groups())
        return _plain_moment(y, mon, d, h, mi, sec)
    return None


def _plain_moment(
    year: int, month: int, day: int, hour: int, minute: int, second: int
) -> datetime | None:
    if not 1970 <= year <= 2200:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return moment if FIRST_DAY <= moment.date() <= LAST_DAY else None


def _general_timestamp(s: str, text: str, day_first: bool | None) -> datetime:
    """Every layout :func:`parse_timestamp` accepts, by its patterns; ``s`` is ``text``
    normalised."""
    for pattern in _DATE_PATTERNS:
        if match := pattern.fullmatch(s):
            return _build_timestamp(match, text, day_first)
    raise ValueError(f"not a date and time: {text!r}")


def _build_timestamp(match: re.Match[str], text: str, day_first: bool | None) -> datetime:
    parts = match.groupdict()
    year = int(parts["y"])
    if parts.get("mon") is not None:
        month = _MONTHS.get(parts["mon"].casefold())
        if month is None:
            raise ValueError(f"unknown month in {text!r}")
        day = int(parts["d"])
    elif parts.get("a") is not None:
        a, b = int(parts["a"]), int(parts["b"])
        if parts["sep"] == ".":
            day_first = True
        elif day_first is None:
            if a > 12 >= b:
                day_first = True
            elif b > 12 >= a:
                day_first = False
            else:
                raise ValueError(f"ambiguous date (day or month first?): {text!r}")
        day, month = (a, b) if day_first else (b, a)
    else:
        month, day = int(parts["m"]), int(parts["d"])
    hour, minute = int(parts["h"]), int(parts["mi"])
    second = int(parts["s"] or 0)
    micro = int((parts["frac"] or "0").ljust(6, "0")[:6])
    if ampm := parts["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"impossible date: {text!r}")
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    if not 1970 <= year <= 2200:
        raise ValueError(f"impossible date: {text!r}")
    try:
        moment = datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        raise ValueError(f"impossible date: {text!r}") from None
    check_date_range(moment.date())
    zone = (parts["tz"] or "").lower()
    if zone in ("z", "utc", "gmt"):
        return moment.replace(tzinfo=UTC)
    if zone:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset_min = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        if abs(offset_min) > 14 * 60:
            raise ValueError(f"impossible time zone offset: {text!r}")
        return pendulum.instance(moment, tz=pendulum.FixedTimezone(offset_min * 60))
    return moment


@lru_cache(maxsize=32)
def _zone(tz: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    return pendulum.timezone(tz)


def resolve_zone(file: str, tz: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """The IANA zone ``tz``; an unknown one is a problem of ``file``."""
    try:
        return _zone(tz)
    except Exception:
        raise ImportProblem(file, f"unknown time zone {tz!r}") from None


def local_date(moment: datetime, tz: str) -> date:
    """The calendar date in ``tz`` of a moment; a naive moment is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    if not 1970 <= moment.year <= 2200:
        raise ValueError(f"implausible start time: {utc_stamp(moment)}")
    # pendulum's zone through the standard library: 15x faster than in_timezone
    return check_date_range(moment.astimezone(_zone(tz)).date())


def as_utc(moment: datetime) -> datetime:
    """An aware UTC moment; a naive one is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def in_zone_utc(local: datetime, tz: str) -> datetime:
    """A wall-clock time in ``tz`` (as Garmin's CSV writes it) as an aware UTC moment."""
    aware = pendulum.instance(local.replace(tzinfo=None), tz=_zone(tz))
    return as_utc(aware)


def checked_distance(metres: float) -> int:
    """Whole metres of a distance read from a file; ``ValueError`` if negative or absurd."""
    if metres < 0:
        raise ValueError(f"negative distance: {metres:g} m")
    if metres > MAX_DISTANCE_M:
        raise ValueError(f"absurd distance: {metres / 1000:g} km")
    return round(metres)


def checked_duration(seconds: int | None) -> int | None:
    """A duration read from a file, unchanged; ``ValueError`` beyond a week."""
    if seconds is not None and seconds > MAX_DURATION_S:
        raise ValueError(f"absurd duration: {seconds} s")
    return seconds


MIN_HEART_RATE, MAX_HEART_RATE = 25, 250
"""Beats a minute a heart-rate strap can mean; outside, a file's value is a glitch."""


def plausible_heart_rate(value: object) -> int | None:
    """A heart rate read from a file, rounded; None when missing, not a number or a glitch."""
    if type(value) is not str and (
        isinstance(value, bool) or not isinstance(value, (int, float, str))
    ):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number) or not MIN_HEART_RATE <= number <= MAX_HEART_RATE:
        return None
    return round(number)


def parse_iso_moment(text: str) -> datetime:
    """``2012-12-26T21:29:53Z`` (fractions and offsets allowed) as an aware UTC moment.

    ``ValueError`` for anything else, and for a year outside 1970–2200.
    """
    try:
        moment = as_utc(datetime.fromisoformat(text.strip()))
    except (ValueError, OverflowError):
        raise ValueError(f"not a date and time: {text[:40]!r}") from None
    if not 1970 <= moment.year <= 2200:
        raise ValueError(f"implausible start time: {text[:40]!r}")
    return moment
