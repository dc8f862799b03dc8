"""``recovtui plan``: print a week, or change a day under the rest-day rule.

Printing a week reads only: a week never planned shows the template's proposal
(or "not planned" once it is over) and nothing is stored.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.cli.output import say
from tracker.domain.dates import NEXT, ParseError, parse_date
from tracker.domain.kinds import DayKind, parse_day_kind
from tracker.domain.plan import RuleViolation, WeekPlan
from tracker.domain.text import plural
from tracker.domain.units import format_distance
from tracker.services.planning import PlanningService


def run_plan(ctx: Context, args: argparse.Namespace) -> int:
    words = list(args.words)
    store = ctx.open_store(read_only=not words)
    try:
        planning = PlanningService(store, ctx.clock(store))
        today = planning.clock.today()
        units = store.settings().units
        if words:
            if words[0] != "set" or len(words) != 3:
                raise UsageError("use: recovtui plan set DATE KIND")
            try:
                day = parse_date(words[1], today, NEXT)
                kind = parse_day_kind(words[2])
            except (ParseError, ValueError) as exc:
                raise UsageError(str(exc)) from None
            try:
                plan = planning.set_kind(day, kind)
            except RuleViolation as exc:
                raise UsageError(f"refused: {exc}") from None
            say(f"{day:%a %Y-%m-%d} is now {kind.value}")
            say(format_week(plan, units, today=today))
            return EXIT_OK
        try:
            day = parse_date(args.week, today, NEXT)
        except ParseError as exc:
            raise UsageError(f"--week: {exc}") from None
        report = planning.week(day, today)
        done = {d.date: d.done_m for d in report.days}
        say(format_week(report.plan, units, done, today))
        return EXIT_OK
    finally:
        store.close()


def format_week(
    plan: WeekPlan,
    units: str,
    done: Mapping[date, int] | None = None,
    today: date | None = None,
) -> str:
    """The week as text: a header with its rest days and the rule, then one line a day.

    Days of a past week never planned read "not planned"; a week not over that
    was never planned says it is the template's proposal.
    """
    week = plan.week
    not_planned = plan.not_planned(today) if today is not None else frozenset()
    if len(not_planned) == 7:
        header = "not planned"
    else:
        problem = None if not_planned else plan.rule_problem
        rest = sum(1 for d in plan.days if d.kind is DayKind.REST and d.date not in not_planned)
        header = plural(rest, "rest day") + " " + (f"✗ {problem}" if problem else "✓")
        if plan.excused:
            header += " (excused)"
        if len(plan.proposed) == 7:
            header += " · proposed by your week template"
    marked = plan.proposed if 0 < len(plan.proposed) < 7 else frozenset()
    lines = [f"Week {week.start:%a %Y-%m-%d} – {week.end:%a %Y-%m-%d} · {header}"]
    for day in plan.days:
        kind = "not planned" if day.date in not_planned else day.kind.value
        line = f"{day.date:%a %Y-%m-%d}  {kind:<8}"
        if day.target_m and day.date not in not_planned and day.kind is not DayKind.REST:
            line += f" {format_distance(day.target_m, units):>9}"
        else:
            line += " " * 10
        if done and done.get(day.date):
            line += f"  done {format_distance(done[day.date], units)}"
        if day.note and day.date not in not_planned:
            line += f"  {day.note}"
        if day.date in marked and day.date not in not_planned:
            line += "  (proposed)"
        if day.date == today:
            line += "  ← today"
        lines.append(line.rstrip())
    return "\n".join(lines)
