"""``recovtui log``: log an activity from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.domain.activity import Activity
from tracker.domain.dates import (
    ParseError,
    format_distance,
    parse_date,
    parse_distance,
    parse_duration,
)
from tracker.domain.kinds import parse_activity_kind

T = TypeVar("T")


def parse_rpe(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= 10:
        raise ParseError(f"not an effort: {text!r} (use a whole number from 1 to 10)")
    return int(text)


def _value(flag: str, raw: str, parse: Callable[[str], T]) -> T:
    try:
        return parse(raw)
    except ValueError as exc:
        raise UsageError(f"{flag}: {exc}") from None


def run_log(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.open_store()
    try:
        today = ctx.clock(store).today()
        units = store.settings().units
        day = _value("DATE", args.date, lambda t: parse_date(t, today))
        if day > today:
            raise UsageError(f"DATE: {day} is in the future")
        activity = Activity(
            date=day,
            kind=_value("--kind", args.kind, parse_activity_kind),
            distance_m=_value("--distance", args.distance, lambda t: parse_distance(t, units)),
            duration_s=_value("--duration", args.duration, parse_duration)
            if args.duration
            else None,
            rpe=_value("--rpe", args.rpe, parse_rpe) if args.rpe else None,
            note=args.note.strip(),
        )
        activity = store.add_activity(activity)
        print(
            f"Logged {activity.kind.value} {format_distance(activity.distance_m, units)} "
            f"on {activity.date:%a %Y-%m-%d}"
        )
        return EXIT_OK
    finally:
        store.close()
