"""``recovtui plan``: print a week, or change a day under the rest-day rule."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.domain.dates import ParseError, parse_date
from tracker.domain.kinds import parse_day_kind
from tracker.domain.plan import RuleViolation, WeekPlan
from tracker.domain.units import format_distance


def run_plan(ctx: Context, args: argparse.Namespace) -> int:
    words = list(args.words)
    store = ctx.open_store(read_only=not words)
    try:
        today = ctx.clock(store).today()
        if words:
            if words[0] != "set" or len(words) != 3:
                raise UsageError("use: recovtui plan set DATE KIND")
            try:
                day = parse_date(words[1], today)
                kind = parse_day_kind(words[2])
            except (ParseError, ValueError) as exc:
                raise UsageError(str(exc)) from None
            try:
                plan = store.set_kind(day, kind)
            except RuleViolation as exc:
                raise UsageError(f"refused: {exc}") from None
            print(f"{day:%a %Y-%m-%d} is now {kind.value}")
            print(format_week(plan, store.settings().units))
            return EXIT_OK
        try:
            day = parse_date(args.week, today)
        except ParseError as exc:
            raise UsageError(f"--week: {exc}") from None
        plan = store.week_plan(day)
        done = {d: 0 for d in plan.week.days}
        for activity in store.activities_between(plan.week.start, plan.week.end):
            done[activity.date] += activity.distance_m
        print(format_week(plan, store.settings().units, done, today))
        return EXIT_OK
    finally:
        store.close()


def format_week(
    plan: WeekPlan,
    units: str,
    done: Mapping[date, int] | None = None,
    today: date | None = None,
) -> str:
    week = plan.week
    problem = plan.rule_problem
    lines = [
        f"Week {week.start:%a %Y-%m-%d} – {week.end:%a %Y-%m-%d} · "
        f"{plan.rest_days} rest day{'s' if plan.rest_days != 1 else ''} "
        + (f"✗ {problem}" if problem else "✓")
    ]
    for day in plan.days:
        line = f"{day.date:%a %Y-%m-%d}  {day.kind.value:<8}"
        line += f" {format_distance(day.target_m, units):>9}" if day.target_m else " " * 10
        if done and done.get(day.date):
            line += f"  done {format_distance(done[day.date], units)}"
        if day.note:
            line += f"  {day.note}"
        if day.date == today:
            line += "  ← today"
        lines.append(line.rstrip())
    return "\n".join(lines)
