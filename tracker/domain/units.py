"""Distances, durations, paces, efforts and temperatures: parsed from what a runner
types, and formatted for the screen and the terminal.

This is the one home of metres per unit and of every number a runner reads: the
forms, the command line, the calendar and the charts all format through here.
Stored values are integer metres, integer seconds and °C.
"""

from __future__ import annotations

import math
import re

from tracker.domain.dates import ParseError

METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344
MAX_DISTANCE_M = 1_000_000
MAX_DURATION_S = 7 * 24 * 3600
UNITS = ("km", "mi")


def metres_per_unit(units: str) -> float:
    """Metres in one of the runner's distance units (``km`` or ``mi``)."""
    return METRES_PER_MILE if units == "mi" else METRES_PER_KM


# Distance


_NUMBER = r"(\d+(?:[.,]\d*)?|[.,]\d+)"
_DISTANCE_UNITS = {
    "": None,
    "k": METRES_PER_KM,
    "km": METRES_PER_KM,
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
        factor = metres_per_unit(units)
    if number * factor > MAX_DISTANCE_M:
        raise ParseError(f"distance too long: {text!r} (at most 1000 km)")
    return round(number * factor)


def distance_value(metres: float, units: str = "km", *, digits: int = 1) -> str:
    """The number of a distance in ``units``, without the unit: ``28.0``."""
    return f"{metres / metres_per_unit(units):.{digits}f}"


def format_distance(metres: float, units: str = "km", *, digits: int = 1) -> str:
    """``9.2 km`` or ``5.7 mi``."""
    return f"{distance_value(metres, units, digits=digits)} {units if units == 'mi' else 'km'}"


def distance_field_text(metres: int, units: str = "km") -> str:
    """A stored distance as the shortest bare number in ``units`` that reads back
    unchanged (``9.234``, ``21.097``), else in metres (``999999m``).

    What a form shows for a stored distance: saving the form untouched keeps
    the exact metres.
    """
    value = metres / metres_per_unit(units)
    for digits in range(5):
        text = f"{value:.{digits}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        try:
            if parse_distance(text, units) == metres:
                return text
        except ParseError:
            break
    return f"{metres}m"


# Duration


_HMS = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})")
_UNIT_DURATION = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?")


def parse_duration(text: str) -> int:
    """Integer seconds from ``50m``, ``50:00``, ``1:05:30``, ``90s`` or ``1h5m``.

    A bare number is minutes. (Durations as export files write them are read by
    :func:`tracker.formats.numbers.parse_file_duration`.)
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


def format_duration(seconds: float) -> str:
    """``44:10`` or ``1:05:30``: a duration as a runner writes it."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_clock(seconds: float, *, round_up: bool = False) -> str:
    """``"MM:SS"``, or ``"H:MM:SS"`` from an hour: a timer's face. Negative shows as zero.

    Whole seconds are truncated; ``round_up`` suits a countdown, which should
    read ``00:00`` only when nothing is left.
    """
    whole = math.ceil(seconds) if round_up else math.floor(seconds)
    whole = max(0, whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def format_pace(duration_s: float, distance_m: float, units: str = "km") -> str | None:
    """``4:48/km``: time per unit of distance; None without a distance."""
    if distance_m <= 0 or duration_s <= 0:
        return None
    return f"{format_duration(duration_s / (distance_m / metres_per_unit(units)))}/{units}"


# Effort


def parse_rpe(text: str) -> int:
    """Effort (RPE, CR-10): a whole number from 1 to 10."""
    key = text.strip()
    if not re.fullmatch(r"[0-9]{1,2}", key) or not 1 <= int(key) <= 10:
        raise ParseError(f"not an effort: {text!r} (use a whole number from 1 to 10)")
    return int(key)


# Temperature


WATER_MIN_C, WATER_MAX_C = 0.0, 40.0
_TEMPERATURE = re.compile(r"([+-]?\d{1,3}(?:[.,]\d+)?)\s*(?:°\s*)?([cf])?", re.IGNORECASE)


def celsius_to_fahrenheit(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


def temperature_value(celsius: float, unit: str) -> str:
    """The number of a temperature in ``unit`` (``C`` or ``F``): one decimal at most."""
    value = celsius_to_fahrenheit(celsius) if unit == "F" else celsius
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_temperature(celsius: float, unit: str) -> str:
    """``12 °C``, ``12.5 °C`` or ``54 °F``: one decimal at most, none when whole."""
    return f"{temperature_value(celsius, unit)} °{unit}"


def parse_temperature(text: str, unit: str) -> float:
    """Water temperature typed in the runner's unit, as °C (rounded to 0.01).

    ``12``, ``12.5``, ``12,5`` or ``54F``; a unit typed after the number wins
    over the setting. Anything outside 0–40 °C is refused: it is not bath water.
    """
    match = _TEMPERATURE.fullmatch(text.strip())
    if match is None:
        raise ParseError(f"not a temperature: {text!r} (e.g. 12 or 12.5 °{unit})")
    value = float(match[1].replace(",", "."))
    typed = (match[2] or unit).upper()
    celsius = fahrenheit_to_celsius(value) if typed == "F" else value
    if not WATER_MIN_C <= celsius <= WATER_MAX_C:
        low, high = format_temperature(WATER_MIN_C, unit), format_temperature(WATER_MAX_C, unit)
        raise ParseError(f"water at {text.strip()}? Enter between {low} and {high}")
    return round(celsius, 2)
