"""``recovtui log``: log an activity from the command line.

The values are read by :func:`tracker.domain.checkin.read_run`, the same
function the TUI's run form uses; a bad value exits 2 with one line naming it,
and nothing is written.
"""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.cli.output import say
from tracker.domain.dates import ParseError, parse_date
from tracker.domain.forms import RUN_FIELDS, FormErrors, read_run
from tracker.domain.units import format_distance
from tracker.services.checkin import CheckinService

FLAGS = {name: f"--{name}" for name in RUN_FIELDS}


def run_log(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.open_store()
    try:
        checkin = CheckinService(store, ctx.clock(store))
        today = checkin.clock.today()
        units = store.settings().units
        try:
            day = parse_date(args.date, today)
        except ParseError as exc:
            raise UsageError(f"DATE: {exc}") from None
        if day > today:
            raise UsageError(f"DATE: {day} is in the future")
        try:
            activity = read_run(
                day,
                args.kind,
                args.distance,
                args.duration or "",
                args.rpe or "",
                args.note or "",
                units,
            )
        except FormErrors as exc:
            name, why = next(iter(exc.errors.items()))
            raise UsageError(f"{FLAGS[name]}: {why}") from None
        activity = checkin.save_run(activity)
        say(
            f"Logged {activity.kind.value} {format_distance(activity.distance_m, units)} "
            f"on {activity.date:%a %Y-%m-%d}"
        )
        notice = checkin.rest_day_notice(activity)
        if notice:
            say(f"Note: {notice}")
        return EXIT_OK
    finally:
        store.close()
