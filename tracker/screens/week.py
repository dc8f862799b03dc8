"""The Week calendar: plan the week; the rest-day rule is enforced on every change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static

from tracker.domain.calendar import CalendarDay
from tracker.domain.clock import Clock
from tracker.domain.kinds import DayKind
from tracker.domain.plan import TOO_FEW_REST, RuleViolation
from tracker.domain.text import terminal_text
from tracker.domain.units import format_distance
from tracker.screens.base import RecovScreen
from tracker.screens.modals.confirm import ConfirmDialog, TextPromptDialog
from tracker.screens.modals.plan_day import EditDayDialog
from tracker.screens.week_text import next_week_text, warning_lines, week_header
from tracker.services.bundle import Services
from tracker.services.planning import WeekReport
from tracker.widgets.day_cell import LEGEND, DayCell
from tracker.widgets.day_strip import DayStrip, plan_cells
from tracker.widgets.kind_keys import kind_bindings
from tracker.widgets.shown import show

MOVE_HINT = " (m moves it)"


def refusal(exc: RuleViolation) -> str:
    """The rule's message, with this screen's key for what it suggests."""
    message = str(exc)
    return message + MOVE_HINT if message == TOO_FEW_REST else message


class WeekScreen(RecovScreen):
    """Seven day cells, a header with the rule's status, and the keys to plan."""

    STYLES = "week"

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
            "home",
            "this_week",
            "This week",
            show=False,
            tooltip="Back to this week, today selected",
        ),
        *kind_bindings("the selected day", shown=DayKind.REST),
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
        self._recent: tuple[WeekReport, ...] = ()
        """The last weeks read since the store last changed: a step shows the week just
        read as the next one (or reads it as next), so each ``[``/``]`` reads one week."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="week-header")
        with Horizontal(id="week-grid"):
            for index in range(7):
                yield DayCell(id=f"day-{index}")
        yield Static(LEGEND, id="week-legend")
        yield Static(id="day-detail")
        yield Static(id="week-warnings")
        with Vertical(id="week-next"):
            yield Static(id="next-header")
            yield DayStrip(id="next-strip")
            yield Static(id="next-warnings", classes="week-warnings")

    def on_mount(self) -> None:
        self.selected = self.today

    def day_changed(self) -> None:
        self._recent = ()
        self.selected = self.today

    def refresh_data(self) -> None:
        self._recent = ()
        self._render_week()

    def _week(self, day: date) -> WeekReport:
        """The report of the week holding ``day``: read, unless read since the last write."""
        hits = [r for r in self._recent if day in r.week and r.today == self.today]
        report = hits[0] if hits else self.planning.week(day, self.today)
        self._recent = (report, *(r for r in self._recent if r is not report))[:3]
        return report

    def watch_selected(self) -> None:
        self._render_week()

    def watch_move_source(self) -> None:
        self._render_week()

    def _render_week(self) -> None:
        if not self.is_mounted:
            return
        report = self.report = self._week(self.selected)
        for index, day in enumerate(report.days):
            cell = self.query_one(f"#day-{index}", DayCell)
            cell.show(day, report.units)
            cell.selected = day.date == self.selected
            cell.moving = day.date == self.move_source
        self._render_header(report)
        self._render_detail(report.day(self.selected), report.units)
        warnings = self.query_one("#week-warnings", Static)
        show(warnings, warning_lines(report))
        warnings.display = bool(report.warnings)
        self._render_next(report)

    def _render_next(self, shown: WeekReport) -> None:
        """The week after the one shown: its days, whether it keeps the rule, its warnings."""
        report = self._week(shown.week.end + timedelta(days=1))
        show(self.query_one("#next-header", Static), next_week_text(report))
        cells = plan_cells(report.plan.days, report.units, self.today)
        self.query_one("#next-strip", DayStrip).show(cells)
        warnings = self.query_one("#next-warnings", Static)
        show(warnings, warning_lines(report))
        warnings.display = bool(report.warnings)

    def _render_header(self, report: WeekReport) -> None:
        show(self.query_one("#week-header", Static), week_header(report))

    def _render_detail(self, day: CalendarDay, units: str) -> None:
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
                text.append(f" — {terminal_text(plan.note)}")
            if day.proposed:
                text.append("  (the template's proposal)", style="italic")
        if day.rested:
            text.append("\n  rested: nothing logged")
        for activity in day.activities:
            text.append(
                f"\n  done: {activity.kind.label} {format_distance(activity.distance_m, units)}"
            )
            if activity.note:
                text.append(f" ({terminal_text(activity.note)})", style="dim")
        source = self.move_source
        if source is not None:
            kind = self.planning.planned_day(source).kind.value
            text.append(
                f"\nMoving {source:%a}'s {kind}: "
                "pick the day to swap with (←/→), then m or enter · escape cancels",
                style="bold",
            )
        show(self.query_one("#day-detail", Static), text)

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
