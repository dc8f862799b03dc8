"""Reading what was typed into the run and recovery forms.

The Today screen's forms and ``recovtui log`` both read a run here, so a form
and a command line check it the same way, and name every bad field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from tracker.domain.activity import Activity
from tracker.domain.dates import ParseError, parse_date
from tracker.domain.kinds import ActivityKind, DayKind, parse_activity_kind
from tracker.domain.plan import RuleViolation, check_template
from tracker.domain.text import NOT_TEXT, is_text
from tracker.domain.units import parse_distance, parse_duration, parse_rpe

MAX_NOTE_LENGTH = 500
T = TypeVar("T")


class FormErrors(ValueError):
    """Values that cannot be saved: ``errors`` maps each bad field to why."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {why}" for field, why in errors.items()))
        self.errors = errors


RUN_FIELDS = ("kind", "distance", "duration", "rpe", "note")
MIN_RUN_M = 100
"""A shorter run is a typing slip (``45m`` meant as minutes), named under its field."""


def looks_like_duration(text: str) -> bool:
    """Whether a distance as typed reads better as a time: ``45:00``, ``1h5m``,
    ``90s``, or ``45m`` (45 metres is no run; 45 minutes is)."""
    key = text.strip().lower()
    if not key or re.fullmatch(r"[\d.,]+", key):
        return False  # a bare number is a distance in the runner's units
    try:
        parse_duration(key)
    except ParseError:
        return False
    try:
        metres = parse_distance(key)
    except ParseError:
        return True
    return key.endswith("m") and not key.endswith("km") and metres < MIN_RUN_M


def _note(text: str) -> str:
    """A note as typed, on one line: runs of spaces, tabs and line breaks made one space,
    the ends trimmed. Anything else is kept as it is (markup-like text, control
    characters: the screens and commands show them escaped)."""
    note = " ".join(text.split())
    if not is_text(note):
        raise ParseError(f"the note {NOT_TEXT}")
    if len(note) > MAX_NOTE_LENGTH:
        raise ParseError(f"keep the note under {MAX_NOTE_LENGTH} characters")
    return note


def optional_field(
    text: str, parse: Callable[[str], T], name: str, errors: dict[str, str]
) -> T | None:
    """What ``parse`` reads in an optional field: None when it is blank, and when it is
    refused (the reason goes into ``errors[name]``, beside every other bad field's)."""
    if not text.strip():
        return None
    try:
        return parse(text)
    except ValueError as exc:
        errors[name] = str(exc)
        return None


def _optional_duration(text: str, errors: dict[str, str]) -> int | None:
    """An optional positive duration; a problem goes into ``errors["duration"]``."""
    seconds = optional_field(text, parse_duration, "duration", errors)
    if seconds is None:
        return None
    if seconds <= 0:
        errors["duration"] = "a duration must be more than 0 (or leave it empty)"
    return seconds


def _note_field(text: str, errors: dict[str, str]) -> str:
    try:
        return _note(text)
    except ParseError as exc:
        errors["note"] = str(exc)
        return ""


def read_run(
    day: date,
    kind: str,
    distance: str,
    duration: str = "",
    rpe: str = "",
    note: str = "",
    units: str = "km",
) -> Activity:
    """An activity from what was typed, or :class:`FormErrors` naming every bad field.

    Distance is required (a bare number is in ``units``); a run needs more than
    0 m, cross-training may have none. Duration, effort and note are optional.
    """
    errors: dict[str, str] = {}
    activity_kind: ActivityKind | None = None
    try:
        activity_kind = parse_activity_kind(kind)
    except ValueError as exc:
        errors["kind"] = str(exc)
    distance_m = 0
    if not distance.strip():
        errors["distance"] = "enter a distance (e.g. 10, 10km, 6.2mi or 800m)"
    elif looks_like_duration(distance):
        errors["distance"] = (
            f"{distance.strip()!r} looks like a duration: put the time under Duration, "
            "the distance here (e.g. 10, 10km or 800m)"
        )
    else:
        try:
            distance_m = parse_distance(distance, units)
        except ParseError as exc:
            errors["distance"] = str(exc)
        else:
            if distance_m <= 0 and activity_kind is not ActivityKind.CROSS:
                errors["distance"] = "a run needs a distance above 0"
            elif 0 < distance_m < MIN_RUN_M and activity_kind is not ActivityKind.CROSS:
                errors["distance"] = (
                    f"a run under {MIN_RUN_M} m? type km (e.g. 5) or metres (e.g. 800m)"
                )
    duration_s = _optional_duration(duration, errors)
    effort = optional_field(rpe, parse_rpe, "rpe", errors)
    clean_note = _note_field(note, errors)
    if errors or activity_kind is None:
        raise FormErrors(errors)
    return Activity(
        date=day,
        kind=activity_kind,
        distance_m=distance_m,
        duration_s=duration_s,
        rpe=effort,
        note=clean_note,
    )


def read_day(text: str, today: date) -> date:
    """The day a run was done, as typed in the form (``yesterday``, ``2026-11-24``, a
    weekday: the most recent one); :class:`FormErrors` under ``date`` otherwise. A
    run is never dated after today."""
    try:
        day = parse_date(text, today)
    except ParseError as exc:
        raise FormErrors({"date": str(exc)}) from None
    if day > today:
        raise FormErrors({"date": "a run is logged once it is done: today or before"})
    return day


def read_recovery(duration: str = "", note: str = "") -> tuple[int | None, str | None]:
    """Optional duration and note of a recovery item ticked by hand."""
    errors: dict[str, str] = {}
    duration_s = _optional_duration(duration, errors)
    clean_note = _note_field(note, errors)
    if errors:
        raise FormErrors(errors)
    return duration_s, clean_note or None


def read_template(
    kinds: Sequence[DayKind], targets: Sequence[str], units: str = "km"
) -> tuple[tuple[DayKind, ...], tuple[int | None, ...]]:
    """A week template and its target distances from what was typed (blank: no target;
    a rest day's target is dropped), or :class:`FormErrors` naming each bad field:
    ``template`` when the kinds break the rule, ``target-N`` for day N's distance."""
    errors: dict[str, str] = {}
    try:
        template = check_template(list(kinds))
    except RuleViolation as exc:
        errors["template"] = str(exc)
        template = tuple(kinds)
    aims: list[int | None] = []
    for index, (kind, text) in enumerate(zip(kinds, targets, strict=True)):
        aim = None
        if text.strip() and kind is not DayKind.REST:
            if looks_like_duration(text):
                errors[f"target-{index}"] = f"{text.strip()!r} looks like a duration"
            else:
                try:
                    aim = parse_distance(text, units) or None
                except ParseError as exc:
                    errors[f"target-{index}"] = str(exc)
        aims.append(aim)
    if errors:
        raise FormErrors(errors)
    return template, tuple(aims)
