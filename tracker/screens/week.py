"""The Week calendar: plan the week; the rest-day rule is enforced on every change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from tracker.domain.clock import Clock
from tracker.domain.kinds import DayKind
from tracker.domain.load import ramp_level
from tracker.domain.plan import MIN_REST_DAYS, RULE_RANGE, TOO_FEW_REST, RuleViolation
from tracker.domain.stats import round_half_up
from tracker.domain.text import plural
from tracker.domain.units import format_distance
from tracker.screens.base import RecovScreen
from tracker.screens.modals.confirm import ConfirmDialog, TextPromptDialog
from tracker.screens.modals.plan_day import EditDayDialog
from tracker.services.bundle import Services
from tracker.services.planning import DayReport, WeekReport
from tracker.widgets.day_cell import LEGEND, DayCell, DayView

KIND_KEYS = (
    ("R", DayKind.REST),
    ("E", DayKind.EASY),
    ("W", DayKind.WORKOUT),
    ("L", DayKind.LONG),
    ("A", DayKind.RACE),
    ("C", DayKind.CROSS),
)
"""Capitals plan the selected day: a lower-case letter means the same on every screen
(``l`` logs a run, ``c`` checks in, ``e`` starts the feet-up timer)."""
MOVE_HINT = " (m moves it)"


def refusal(exc: RuleViolation) -> str:
    """The rule's message, with this screen's key for what it suggests."""
    message = str(exc)
    return message + MOVE_HINT if message == TOO_FEW_REST else message


def _days(days: tuple[date, ...] | list[date]) -> str:
    return ", ".join(f"{day:%a}" for day in days)


def week_header(report: WeekReport) -> Text:
    """The week's dates, its rest days (planned and taken, by the same words as the
    advice under them), distance planned and done, and the ramp once it is over."""
    plan, week, units = report.plan, report.week, report.units
    text = Text()
    text.append(f"{week.start:%a %-d %b} – {week.end:%a %-d %b %Y}", style="bold")
    if report.is_current:
        text.append("   this week", style="italic")
    text.append("\n")
    if not report.planned:
        text.append("Not planned", style="bold")
    else:
        rest = [d.date for d in plan.days if d.kind is DayKind.REST]
        rest = [day for day in rest if day not in report.not_planned]
        text.append(f"Rest days planned {len(rest)}")
        if rest:
            text.append(f" ({_days(rest)})")
        problem = plan.rule_problem if not report.not_planned else None
        excused_rule = f" rule {MIN_REST_DAYS} or more (excused) "
        text.append(excused_rule if plan.excused else f" rule {RULE_RANGE} ")
        text.append(
            "✗ " + problem if problem else "✓", style="bold red" if problem else "bold green"
        )
    if report.started and not report.before_history:
        text.append(f"  ·  taken {len(report.taken)}")
        if report.taken:
            text.append(f" ({_days(report.taken)})")
    if report.planned:
        text.append(f"  ·  Planned {format_distance(plan.planned_m, units)}")
    if report.started:
        text.append(f"  ·  Done {format_distance(report.done_m, units)}")
    if report.tomorrow_cap_m is not None:
        cap = format_distance(report.tomorrow_cap_m, units)
        text.append(f"\nTomorrow's cap {cap}: 10% over your longest run of the last 30 days")
    ramp = report.ramp_pct
    if ramp is not None:
        level = ramp_level(ramp)
        text.append("  ·  Ramp ")
        text.append(
            f"{round_half_up(ramp, 0):+.0f}%",
            style={"strong": "bold red", "warn": "yellow"}.get(level or "", ""),
        )
    outlook = report.outlook
    if outlook is not None:
        if not outlook.ok:
            text.append(f"\n! {outlook.advice}", style="bold yellow")
        elif not outlook.kept and not report.excused:
            text.append(f"\n· {outlook.advice}", style="italic")
    elif report.before_history and report.started:
        text.append("\nBefore your record began: not counted", style="italic")
    proposed = len(plan.proposed) - len(report.not_planned)
    if proposed:
        which = "From" if proposed == 7 else f"{plural(proposed, 'day')} from"
        text.append(
            f"\n{which} your week template (italic), kept once changed or ticked",
            style="italic",
        )
    if report.excused:
        text.append(f"\nExcused: {report.excused}", style="italic")
    return text


class WeekScreen(RecovScreen):
    """Seven day cells, a header with the rule's status, and the keys to plan."""

    MODE = "week"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left", "move_day(-1)", "Previous day", show=False, tooltip="Select the previous day"
        ),
        Binding("right", "move_day(1)", "Next day", show=False, tooltip="Select the next day"),
        Binding(
            "left_square_bracket",
            "move_week(-1)",
            "Prev wk",
            key_display="[",
            tooltip="Show the previous week",
        ),
        Binding(
            "right_square_bracket",
            "move_week(1)",
            "Next wk",
            key_display="]",
            tooltip="Show the next week",
        ),
        Binding(
            "home", "this_week", "This week", show=False, tooltip="Back to this week, today selected"
        ),
        *(
            Binding(
                key,
                f"set_kind('{kind.value}')",
                kind.label,
                tooltip=f"Plan the selected day as {kind.value} (shift+{key.lower()})",
                show=kind is DayKind.REST,
            )
            for key, kind in KIND_KEYS
        ),
        Binding("m", "move_rest", "Move", tooltip="Pick a day, then the day to swap with"),
        Binding("enter", "edit_day", "Edit", tooltip="Kind, target distance and note"),
        Binding("x", "excuse_week", "Excuse", tooltip="Illness, injury, travel, taper"),
        Binding("escape", "cancel_move", "Cancel move", show=False),
    ]

    selected: reactive[date] = reactive(date(2000, 1, 1), init=False)
    move_source: reactive[date | None] = reactive(None, init=False)

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.planning = services.planning
        self.report: WeekReport | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="week-header")
        with Horizontal(id="week-grid"):
            for index in range(7):
                yield DayCell(id=f"day-{index}")
        yield Static(LEGEND, id="week-legend")
        yield Static(id="day-detail")
        yield Static(id="week-warnings")

    def on_mount(self) -> None:
        super().on_mount()
        self.selected = self.today

    def day_changed(self) -> None:
        self.selected = self.today

    def refresh_data(self) -> None:
        self._render_week()

    def watch_selected(self) -> None:
        self._render_week()

    def watch_move_source(self) -> None:
        self._render_week()

    def _render_week(self) -> None:
        if not self.is_mounted:
            return
        report = self.report = self.planning.week(self.selected, self.today)
        for index, day in enumerate(report.days):
            cell = self.query_one(f"#day-{index}", DayCell)
            cell.view = DayView(
                plan=day.plan,
                activities=day.activities,
                recovery=day.recovery,
                nutrition=day.nutrition,
                is_today=day.is_today,
                is_past=day.is_past,
                units=report.units,
                planned=day.planned,
                proposed=day.proposed,
                rested=day.rested,
                known=day.known,
            )
            cell.selected = day.date == self.selected
            cell.moving = day.date == self.move_source
        self._render_header(report)
        self._render_detail(report.day(self.selected), report.units)
        lines = [f"⚠ {w.message}" for w in report.warnings]
        self.query_one("#week-warnings", Static).update(Text("\n".join(lines)))

    def _render_header(self, report: WeekReport) -> None:
        self.query_one("#week-header", Static).update(week_header(report))

    def _render_detail(self, day: DayReport, units: str) -> None:
        plan = day.plan
        text = Text()
        text.append(f"{plan.date:%A %-d %B}: ", style="bold")
        if not day.planned:
            text.append("not planned")
        else:
            text.append(plan.kind.label)
            if plan.target_m and plan.kind is not DayKind.REST:
                text.append(f", target {format_distance(plan.target_m, units)}")
            if plan.note:
                text.append(f" — {plan.note}")
            if day.proposed:
                text.append("  (the template's proposal)", style="italic")
        if day.rested:
            text.append("\n  rested: nothing logged")
        for activity in day.activities:
            text.append(
                f"\n  done: {activity.kind.label} {format_distance(activity.distance_m, units)}"
            )
            if activity.note:
                text.append(f" ({activity.note})", style="dim")
        source = self.move_source
        if source is not None:
            kind = self.planning.planned_day(source).kind.value
            text.append(
                f"\nMoving {source:%a}'s {kind}: "
                "pick the day to swap with (←/→), then m or enter · escape cancels",
                style="bold",
            )
        self.query_one("#day-detail", Static).update(text)

    # Keys

    def action_move_day(self, offset: int) -> None:
        self.selected = self.selected + timedelta(days=offset)

    def action_move_week(self, offset: int) -> None:
        self.move_source = None
        self.selected = self.selected + timedelta(weeks=offset)

    def action_this_week(self) -> None:
        self.move_source = None
        self.selected = self.today

    def _refuse(self, problem: str) -> None:
        self.notify(problem, title="Refused", severity="error")

    def action_set_kind(self, kind: str) -> None:
        try:
            self.planning.set_kind(self.selected, DayKind(kind))
        except RuleViolation as exc:
            self._refuse(refusal(exc))

    def action_move_rest(self) -> None:
        source = self.move_source
        if source is None:
            self.move_source = self.selected
            return
        if source == self.selected:
            self.move_source = None
            return
        if source not in self.planning.week_of(self.selected):
            self.move_source = None
            self._refuse("Pick a day in the same week to swap with")
            return
        self.move_source = None
        try:
            self.planning.move_rest(source, self.selected)
        except RuleViolation as exc:
            self._refuse(str(exc))
            return
        self.notify(f"Swapped {source:%a} and {self.selected:%a}")

    def action_cancel_move(self) -> None:
        self.move_source = None

    def action_edit_day(self) -> None:
        if self.move_source is not None:
            self.action_move_rest()
            return
        if self.report is not None and not self.report.day(self.selected).planned:
            self._refuse(
                f"The week of {self.report.week.start:%-d %b} is over and was never planned"
            )
            return
        day = self.planning.planned_day(self.selected)

        def save(kind: DayKind, target_m: int | None, note: str | None) -> str | None:
            try:
                self.planning.set_day(day.date, kind, target_m, note)
            except RuleViolation as exc:
                return refusal(exc)
            except ValueError as exc:
                return str(exc)
            return None

        self.app.push_screen(EditDayDialog(day, self.report.units if self.report else "km", save))

    @work(group="week-dialog")
    async def action_excuse_week(self) -> None:
        week = self.planning.week_of(self.selected)
        reason = self.planning.excused_reason(week)
        if reason:
            question = (
                f"The week of {week.start:%-d %b} is excused ({reason}).\n"
                "Make it count toward the streak again?"
            )
            if await self.app.push_screen_wait(ConfirmDialog(question)):
                try:
                    self.planning.unexcuse(week)
                except RuleViolation as exc:
                    self._refuse(str(exc))
                    return
                self.notify(f"The week of {week.start:%-d %b} counts again")
            return
        text = await self.app.push_screen_wait(
            TextPromptDialog(
                f"Excuse the week of {week.start:%-d %b} — why?",
                placeholder="illness, injury, travel, taper…",
                check=lambda t: None if t else "Say why (e.g. flu)",
            )
        )
        if text:
            self.planning.excuse(week, text)
            self.notify(f"Week of {week.start:%-d %b} excused: {text}")

    @on(DayCell.Clicked)
    def day_clicked(self, event: DayCell.Clicked) -> None:
        self.selected = event.day
