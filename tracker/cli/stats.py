"""``recovtui stats [--json]``: rest streaks, load and warnings.

``--json`` prints the documented document exactly; the plain form is a summary
to read. Both come from :func:`tracker.services.reports.stats_report`, like the
Stats screen.
"""

from __future__ import annotations

import argparse
import json

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK
from tracker.cli.output import say_json
from tracker.domain.load import ACWR_CAVEAT, ACWR_LABELS, ramp_level
from tracker.domain.stats import round_half_up, whole
from tracker.domain.text import plural, terminal_text
from tracker.domain.units import format_distance
from tracker.services.reports import StatsReport, stats_report

BAR_WIDTH = 30


def run_stats(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.open_store(read_only=True)
    try:
        report = stats_report(store, ctx.clock(store).today())
        units = store.settings().units
    finally:
        store.close()
    if args.json:
        say_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print_summary(report, units)
    return EXIT_OK


def summary_lines(report: StatsReport, units: str) -> list[tuple[str, str]]:
    """``(text, rich style)`` lines of the plain summary of a stats report."""
    streak = report.rest_streak
    week = report.this_week
    lines: list[tuple[str, str]] = [
        (
            f"Rest streak      {plural(streak.current_weeks, 'week')} "
            f"(best {plural(streak.best_weeks, 'week')})",
            "bold",
        ),
        (
            f"This week        from {week.start:%a %-d %b}: "
            f"{plural(week.rest_days_taken, 'rest day')} taken "
            f"({week.rest_days_planned} planned) · "
            f"{format_distance(week.distance_m, units)} so far",
            "",
        ),
        (
            "Days since rest  "
            + (
                "– (no rest day in your history yet)"
                if report.days_since_rest is None
                else str(report.days_since_rest)
            ),
            "",
        ),
    ]
    ramp = report.ramp_pct
    if ramp is None:
        lines.append(("Ramp             – (no distance the week before last)", "dim"))
    else:
        level = ramp_level(ramp)
        note = {"warn": "  ⚠ above 10%", "strong": "  ⚠ above 30%"}.get(level or "", "")
        style = {"warn": "yellow", "strong": "bold red"}.get(level or "", "")
        lines.append((f"Ramp             {ramp:+.1f}% last week on the week before{note}", style))
    ratio = report.acwr
    if ratio is None:
        lines.append(
            ("ACWR             – (no distance in the 4 weeks before the last 7 days)", "dim")
        )
    elif report.acwr_band is not None:
        lines.append(
            (
                f"ACWR             {ratio:.2f} ({ACWR_LABELS[report.acwr_band]}): the last 7 days"
                f" against the 4 weeks before; {ACWR_CAVEAT}",
                "",
            )
        )
    cap = report.tomorrow_cap_m
    lines.append(
        (
            "Tomorrow's cap   – (no run in the last 30 days)"
            if cap is None
            else f"Tomorrow's cap   {format_distance(cap, units)} "
            "(10% over your longest run of the last 30 days)",
            "",
        )
    )
    lines += _load_lines(report)
    weekly = report.weekly_distance
    longest = max((metres for _start, metres in weekly), default=0)
    lines += [("", ""), (f"Weekly distance and load, last {len(weekly)} weeks", "bold")]
    for index, ((start, metres), (_start, au)) in enumerate(
        zip(weekly, report.load.weekly_au, strict=True)
    ):
        bar = "█" * round(BAR_WIDTH * metres / longest) if longest else ""
        current = "  this week so far" if index == len(weekly) - 1 else ""
        lines.append(
            (
                f"  {start:%d %b %Y}  {format_distance(metres, units):>9}"
                f"  {whole(au):>5} AU  {bar}{current}",
                "",
            )
        )
    if report.spikes:
        lines += [("", ""), ("Long-run spikes, last 28 days", "bold")]
        for spike in report.spikes:
            lines.append(
                (
                    f"  {spike.date:%a %-d %b}  {format_distance(spike.distance_m, units)}, "
                    f"+{round_half_up(spike.pct, 1):.1f}% on the longest of the 30 days before "
                    f"({format_distance(spike.longest_before_m, units)})",
                    "",
                )
            )
    lines += [("", ""), ("Warnings", "bold")]
    if report.warnings:
        for warning in report.warnings:
            style = "bold red" if warning.level == "strong" else "yellow"
            lines.append((f"  ⚠ {warning.text}", style))
    else:
        lines.append(("  none", "dim"))
    return lines


def _load_lines(report: StatsReport) -> list[tuple[str, str]]:
    """Last week's session load, monotony and strain; the wellness means."""
    load = report.load
    mono = "–" if load.monotony is None else f"{round_half_up(load.monotony, 2):.2f}"
    strain = "–" if load.strain is None else f"{whole(load.strain)}"
    lines = [
        (
            f"Session load     last week {whole(load.last_week_au)} AU · monotony {mono}"
            f" · strain {strain}",
            "",
        )
    ]
    if load.without_load:
        lines.append(
            (
                f"                 {load.without_load} of "
                f"{plural(load.activities, 'activity', 'activities')} in these weeks had no"
                " RPE or time: they add no load",
                "dim",
            )
        )
    w = report.wellness

    def one(value: float | None, unit: str = "") -> str:
        return "–" if value is None else f"{round_half_up(value, 1):.1f}{unit}"

    today = "–" if w.hooper_today is None else str(w.hooper_today)
    lines.append(
        (
            f"Hooper index     today {today} · 7-day mean {one(w.hooper_mean_7d)}"
            f" · 28-day mean {one(w.hooper_mean_28d)} · sleep {one(w.sleep_h_mean_7d, ' h')}"
            " (7-day mean)",
            "",
        )
    )
    return lines


def print_summary(report: StatsReport, units: str) -> None:
    from rich.console import Console
    from rich.text import Text

    class Summary(Console):
        def on_broken_pipe(self) -> None:
            """A reader that left ends the command as it ends every other one (Rich's
            own answer is exit 1)."""
            raise BrokenPipeError

    console = Summary(highlight=False, soft_wrap=True)
    for text, style in summary_lines(report, units):
        console.print(Text(terminal_text(text), style=style))
