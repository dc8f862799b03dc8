"""``recovtui checkin``: check a day in from the shell, with how it felt.

The values are read by :func:`tracker.domain.wellness.read_wellness`, like the
check-in form's; a bad value exits 2 with one line naming it, and nothing is
written. Values not given keep what the day already holds, so a morning
``--rhr 48`` and an evening ``--fatigue 3`` make one entry.
"""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.cli.output import say
from tracker.domain.dates import ParseError, check_date_range, parse_date
from tracker.domain.forms import FormErrors
from tracker.domain.wellness import FIELDS, Wellness, read_wellness

OPTIONS = {
    "sleep_h": "--sleep",
    "sleep_quality": "--sleep-quality",
    "fatigue": "--fatigue",
    "stress": "--stress",
    "soreness": "--soreness",
    "mood": "--mood",
    "rhr": "--rhr",
    "pain": "--pain",
}
assert set(OPTIONS) == set(FIELDS)


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``checkin`` (the parser lives in ``__main__``)."""
    parser.add_argument("date", nargs="?", default="today", metavar="DATE")
    helps = {
        "sleep_h": ("H", "hours slept last night, to the half hour (0–16)"),
        "sleep_quality": ("N", "sleep quality 1 (very, very good) – 7 (very, very bad)"),
        "fatigue": ("N", "fatigue 1–7"),
        "stress": ("N", "stress 1–7"),
        "soreness": ("N", "muscle soreness 1–7"),
        "mood": ("N", "mood 1–7"),
        "rhr": ("BPM", "resting heart rate this morning (30–120)"),
        "pain": ("SITE:N", "a pain or niggle and its rating 0–10, or none"),
    }
    for name, flag in OPTIONS.items():
        metavar, text = helps[name]
        parser.add_argument(flag, dest=f"w_{name}", metavar=metavar, help=text)


def describe(entry: Wellness | None) -> str:
    """`` · Hooper 14 · sleep 7.5 h · achilles 3/10``: what the day's entry holds."""
    if entry is None:
        return ""
    parts = []
    if entry.hooper is not None:
        parts.append(f"Hooper {entry.hooper}")
    if entry.sleep_h is not None:
        parts.append(f"sleep {entry.sleep_h:g} h")
    if entry.rhr is not None:
        parts.append(f"resting HR {entry.rhr}")
    if entry.pain_site is not None:
        parts.append(f"{entry.pain_site} {entry.pain}/10")
    return "".join(f" · {part}" for part in parts)


def run_checkin(ctx: Context, args: argparse.Namespace) -> int:
    from tracker.services.checkin import CheckinService  # every command builds the parser

    store = ctx.open_store()
    try:
        checkin = CheckinService(store, ctx.clock(store))
        today = checkin.clock.today()
        try:
            day = check_date_range(parse_date(args.date, today))
        except ParseError as exc:
            raise UsageError(f"DATE: {exc}") from None
        if day > today:
            raise UsageError(f"DATE: {day} is in the future")
        given = {
            name: value
            for name in FIELDS
            if (value := getattr(args, f"w_{name}", None)) is not None
        }
        before = checkin.wellness_on(day)
        try:
            entry = read_wellness(day, given, before) if given else None
        except FormErrors as exc:
            name, why = next(iter(exc.errors.items()))
            raise UsageError(f"{OPTIONS[name]}: {why}") from None
        checkin.check_in(day, entry)
        # A pain site is printable text (the domain refuses control characters).
        say(f"Checked in {day:%a %Y-%m-%d}{describe(entry if entry is not None else before)}")
        return EXIT_OK
    finally:
        store.close()
