"""``recovtui stats [--json]``: rest streaks, load and warnings (DESIGN §4).

``--json`` prints the §4 document exactly; the plain form is a summary to read.
Both come from :func:`tracker.data.reports.stats_report`, like the Stats screen.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK
from tracker.data.reports import stats_report
from tracker.domain.load import ACWR_LABELS, acwr_band, ramp_level
from tracker.domain.units import format_distance

BAR_WIDTH = 30


def run_stats(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.open_store()
    try:
        document = stats_report(store, ctx.clock(store).today())
        units = store.settings().units
    finally:
        store.close()
    if args.json:
        print(json.dumps(document, ensure_ascii=False))
    else:
        print_summary(document, units)
    return EXIT_OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _day(text: str, pattern: str = "%a %-d %b") -> str:
    return date.fromisoformat(text).strftime(pattern)


def summary_lines(document: dict[str, Any], units: str) -> list[tuple[str, str]]:
    """``(text, rich style)`` lines of the plain summary of a stats document."""
    streak = document["rest_streak"]
    week = document["this_week"]
    lines: list[tuple[str, str]] = [
        (
            f"Rest streak      {_plural(streak['current_weeks'], 'week')} "
            f"(best {_plural(streak['best_weeks'], 'week')})",
            "bold",
        ),
        (
            f"This week        from {_day(week['start'])}: "
            f"{_plural(week['rest_days_taken'], 'rest day')} taken "
            f"({week['rest_days_planned']} planned) · "
            f"{format_distance(week['distance_m'], units)} so far",
            "",
        ),
        (f"Days since rest  {document['days_since_rest']}", ""),
    ]
    ramp = document["ramp_pct"]
    if ramp is None:
        lines.append(("Ramp             – (no distance the week before last)", "dim"))
    else:
        level = ramp_level(ramp)
        note = {"warn": "  ⚠ above 10%", "strong": "  ⚠ above 30%"}.get(level or "", "")
        style = {"warn": "yellow", "strong": "bold red"}.get(level or "", "")
        lines.append((f"Ramp             {ramp:+.1f}% last week on the week before{note}", style))
    ratio = document["acwr"]
    if ratio is None:
        lines.append(
            ("ACWR             – (no distance in the 4 weeks before the last 7 days)", "dim")
        )
    else:
        band = acwr_band(ratio)
        style = {"caution": "yellow", "danger": "bold red", "sweet": "green"}.get(band, "")
        lines.append((f"ACWR             {ratio:.2f} ({ACWR_LABELS[band]})", style))
    weekly = document["weekly_distance"]
    longest = max((row["distance_m"] for row in weekly), default=0)
    lines += [("", ""), (f"Weekly distance, last {len(weekly)} weeks", "bold")]
    for index, row in enumerate(weekly):
        bar = "█" * round(BAR_WIDTH * row["distance_m"] / longest) if longest else ""
        current = "  this week so far" if index == len(weekly) - 1 else ""
        lines.append(
            (
                f"  {_day(row['week_start'], '%d %b %Y')}  "
                f"{format_distance(row['distance_m'], units):>9}  {bar}{current}",
                "",
            )
        )
    if document["spikes"]:
        lines += [("", ""), ("Long-run spikes, last 28 days", "bold")]
        for spike in document["spikes"]:
            lines.append(
                (
                    f"  {_day(spike['date'])}  {format_distance(spike['distance_m'], units)}, "
                    f"+{spike['pct']:.1f}% on the longest of the 30 days before "
                    f"({format_distance(spike['longest_before_m'], units)})",
                    "",
                )
            )
    lines += [("", ""), ("Warnings", "bold")]
    if document["warnings"]:
        for warning in document["warnings"]:
            style = "bold red" if warning["level"] == "strong" else "yellow"
            lines.append((f"  ⚠ {warning['message']}", style))
    else:
        lines.append(("  none", "dim"))
    return lines


def print_summary(document: dict[str, Any], units: str) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for text, style in summary_lines(document, units):
        console.print(Text(text, style=style))
