"""The Week screen's lines: the shown week's header and the next week's summary."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from tracker.domain.kinds import DayKind
from tracker.domain.load import ramp_level
from tracker.domain.plan import MIN_REST_DAYS, RULE_RANGE
from tracker.domain.stats import round_half_up
from tracker.domain.text import plural, terminal_text
from tracker.domain.units import format_distance
from tracker.services.planning import WeekReport
from tracker.widgets.fitted import Lines, Parts


def _days(days: tuple[date, ...] | list[date]) -> str:
    return ", ".join(f"{day:%a}" for day in days)


def week_header(report: WeekReport) -> Lines:
    """The week's dates, its rest days (planned and taken, by the same words as the
    advice under them), distance planned and done, and the ramp once it is over.
    A narrow line breaks between these items, never inside one."""
    plan, week, units = report.plan, report.week, report.units
    dates = Text()
    dates.append(f"{week.start:%a %-d %b} – {week.end:%a %-d %b %Y}", style="bold")
    if report.is_current:
        dates.append("   this week", style="italic")
    figures: list[Text] = []
    if not report.planned:
        figures.append(Text("Not planned", style="bold"))
    else:
        rest = [d.date for d in plan.days if d.kind is DayKind.REST]
        rest = [day for day in rest if day not in report.not_planned]
        rule = Text(f"Rest days planned {len(rest)}")
        if rest:
            rule.append(f" ({_days(rest)})")
        problem = plan.rule_problem if not report.not_planned else None
        excused_rule = f" rule {MIN_REST_DAYS} or more (excused) "
        rule.append(excused_rule if plan.excused else f" rule {RULE_RANGE} ")
        rule.append(
            "✗ " + problem if problem else "✓", style="bold red" if problem else "bold green"
        )
        figures.append(rule)
    if report.started and not report.before_history:
        taken = f" ({_days(report.taken)})" if report.taken else ""
        figures.append(Text(f"taken {len(report.taken)}{taken}"))
    if report.planned:
        figures.append(Text(f"Planned {format_distance(plan.planned_m, units)}"))
    if report.started:
        figures.append(Text(f"Done {format_distance(report.done_m, units)}"))
    load: list[Text] = []
    if report.tomorrow_cap_m is not None:
        cap = format_distance(report.tomorrow_cap_m, units)
        load.append(Text(f"Tomorrow's cap {cap}: 10% over your longest run of the last 30 days"))
    ramp = report.ramp_pct
    if ramp is not None:
        level = ramp_level(ramp)
        shown = Text("Ramp ")
        shown.append(
            f"{round_half_up(ramp, 0):+.0f}%",
            style={"strong": "bold red", "warn": "yellow"}.get(level or "", ""),
        )
        load.append(shown)
    lines: list[Text | Parts] = [dates, Parts.of(figures, "  ·  ", wrap=True)]
    if load:
        lines.append(Parts.of(load, "  ·  ", wrap=True))
    outlook = report.outlook
    if outlook is not None:
        if not outlook.ok:
            lines.append(Text(f"! {outlook.advice}", style="bold yellow"))
        elif not outlook.kept and not report.excused:
            lines.append(Text(f"· {outlook.advice}", style="italic"))
    elif report.before_history and report.started:
        lines.append(Text("Before your record began: not counted", style="italic"))
    proposed = len(plan.proposed) - len(report.not_planned)
    if proposed:
        which = "From" if proposed == 7 else f"{plural(proposed, 'day')} from"
        lines.append(
            Text(f"{which} your week template (italic), kept once changed or ticked", "italic")
        )
    if report.excused:
        lines.append(Text(f"Excused: {terminal_text(report.excused)}", style="italic"))
    return Lines(tuple(lines))


def warning_lines(report: WeekReport) -> Text:
    """The week's soft warnings (back-to-back hard days, a long run not followed by an
    easy day), one a line."""
    return Text("\n".join(f"⚠ {warning.message}" for warning in report.warnings))


def next_week_text(report: WeekReport) -> Text:
    """``Next week  Mon 7 – Sun 13 Dec · rest days 1 (Mon) ✓ · planned 65.0 km``."""
    plan, week = report.plan, report.week
    text = Text()
    text.append("Next week  ", style="bold")
    text.append(f"{week.start:%a %-d} – {week.end:%a %-d %b}")
    rest = [d.date for d in plan.days if d.kind is DayKind.REST]
    text.append(f"  ·  rest days {len(rest)}" + (f" ({_days(rest)})" if rest else "") + " ")
    problem = plan.rule_problem
    text.append("✗ " + problem if problem else "✓", style="bold red" if problem else "bold green")
    text.append(f"  ·  planned {format_distance(plan.planned_m, report.units)}")
    if plan.proposed:
        text.append("  ·  from your template", style="italic")
    if report.excused:
        text.append(f"  ·  excused: {terminal_text(report.excused)}", style="italic")
    return text
