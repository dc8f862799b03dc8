"""The kinds of day a runner plans and the kinds of activity they log."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class _Labelled:
    value: str

    @property
    def label(self) -> str:
        return self.value.capitalize()


class DayKind(_Labelled, StrEnum):
    """What a planned day is for."""

    @property
    def is_hard(self) -> bool:
        return self in HARD_KINDS

    REST = "rest"
    EASY = "easy"
    WORKOUT = "workout"
    LONG = "long"
    RACE = "race"
    CROSS = "cross"


HARD_KINDS = frozenset({DayKind.WORKOUT, DayKind.LONG, DayKind.RACE})


class ActivityKind(_Labelled, StrEnum):
    """What was actually done."""

    EASY = "easy"
    WORKOUT = "workout"
    LONG = "long"
    RACE = "race"
    CROSS = "cross"

    @property
    def is_run(self) -> bool:
        """Cross-training is an activity but not running distance."""
        return self is not ActivityKind.CROSS


K = TypeVar("K", bound=StrEnum)


def _parse_kind(kinds: type[K], text: str) -> K:
    try:
        return kinds(text.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in kinds)
        raise ValueError(f"unknown kind {text!r} (choose from {choices})") from None


def parse_day_kind(text: str) -> DayKind:
    return _parse_kind(DayKind, text)


def parse_activity_kind(text: str) -> ActivityKind:
    return _parse_kind(ActivityKind, text)
