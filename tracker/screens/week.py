"""The Week calendar: plan the week; the rest-day rule is enforced on every change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from tracker.domain.activity import Activity
from tracker.domain.checkin import RestOutlook, rest_outlook
from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.load import daily_distance, ramp_level, week_ramp_pct, weekly_distance
from tracker.domain.nutrition import completion
from tracker.domain.plan import (
    MAX_REST_DAYS,
    MIN_REST_DAYS,
    PlanDay,
    RuleViolation,
    WeekPlan,
    plan_warnings,
)
from tracker.domain.recovery import SessionStatus
from tracker.domain.stats import round_half_up
from tracker.domain.units import format_distance
from tracker.screens.base import RecovScreen
from tracker.screens.dialogs import ConfirmDialog, EditDayDialog, TextPromptDialog
from tracker.widgets.day_cell import LEGEND, DayCell, DayView

KIND_KEYS = (
    ("r", DayKind.REST),
    ("e", DayKind.EASY),
    ("w", DayKind.WORKOUT),
    ("l", DayKind.LONG),
    ("a", DayKind.RACE),
    ("c", DayKind.CROSS),
)


class WeekScreen(RecovScreen):
    """Seven day cells, a header with the rule's status, and the keys to plan."""

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
            "t", "this_week", "This week", show=False, tooltip="Back to this week, today selected"
        ),
        *(
            Binding(
                key,
                f"set_kind('{kind.value}')",
                kind.label if kind is DayKind.REST else f"Make {kind.value}",
                tooltip=f"Plan the selected day as {kind.value}",
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

    def watch_selected(self, old: date, new: date) -> None:
        self._render_week()

    def watch_move_source(self) -> None:
        self._render_week()

    @property
    def week(self) -> Week:
        return self.store.week(self.selected)

    def _render_week(self) -> None:
        if not self.is_mounted:
            return
        store, today = self.store, self.today
        units = store.settings().units
        plan = store.week_plan(self.selected)
        week = plan.week
        before = week.shifted(-1)
        activities = store.activities_between(before.start, week.end)
        sessions = store.sessions_between(week.start, week.end)
        checks = store.nutrition_checks(week.start, week.end)
        items = store.nutrition_items()
        excused = store.excused_weeks().get(week.start)
        by_day = {d: tuple(a for a in activities if a.date == d) for d in week.days}
        for index, day in enumerate(plan.days):
            cell = self.query_one(f"#day-{index}", DayCell)
            cell.view = DayView(
                plan=day,
                activities=by_day[day.date],
                recovery=frozenset(
                    s.kind
                    for s in sessions
                    if s.date == day.date and s.status is SessionStatus.COMPLETED
                ),
                nutrition=completion(items, checks.get(day.date, set())),
                is_today=day.date == today,
                is_past=day.date < today,
                units=units,
            )
            cell.selected = day.date == self.selected
            cell.moving = day.date == self.move_source
        daily = daily_distance(activities)
        outlook = None
        if today in week:
            outlook = rest_outlook(
                plan, {a.date for a in activities}, today, store.is_checked_in(today), excused
            )
        ramp = week_ramp_pct(daily, week) if week.end < today else None
        self._render_header(plan, weekly_distance(daily, week), ramp, outlook, excused, units)
        self._render_detail(plan.day(self.selected), by_day[self.selected], units)
        self._render_warnings(plan)

    def _render_header(
        self,
        plan: WeekPlan,
        done_m: int,
        ramp: float | None,
        outlook: RestOutlook | None,
        excused: str | None,
        units: str,
    ) -> None:
        week = plan.week
        text = Text()
        text.append(f"{week.start:%a %-d %b} – {week.end:%a %-d %b %Y}", style="bold")
        if week.start <= self.today <= week.end:
            text.append("   this week", style="italic")
        text.append("\n")
        rest = plan.rest_days
        problem = plan.rule_problem
        text.append(f"Rest days {rest} (rule {MIN_REST_DAYS}–{MAX_REST_DAYS}) ")
        text.append(
            "✗ " + problem if problem else "✓ ", style="bold red" if problem else "bold green"
        )
        text.append(f"  ·  Planned {format_distance(plan.planned_m, units)}")
        text.append(f"  ·  Done {format_distance(done_m, units)}")
        if ramp is not None:
            level = ramp_level(ramp)
            text.append("  ·  Ramp ")
            text.append(
                f"{round_half_up(ramp, 0):+.0f}%",
                style={"strong": "bold red", "warn": "yellow"}.get(level or "", ""),
            )
        if outlook is not None and not outlook.ok:
            text.append(f"\n! {outlook.advice}", style="bold yellow")
        if excused:
            text.append(f"\nExcused: {excused}", style="italic")
        self.query_one("#week-header", Static).update(text)

    def _render_detail(self, day: PlanDay, activities: tuple[Activity, ...], units: str) -> None:
        text = Text()
        text.append(f"{day.date:%A %-d %B}: ", style="bold")
        text.append(day.kind.label)
        if day.target_m:
            text.append(f", target {format_distance(day.target_m, units)}")
        if day.note:
            text.append(f" — {day.note}")
        for activity in activities:
            text.append(
                f"\n  done: {activity.kind.label} {format_distance(activity.distance_m, units)}"
            )
            if activity.note:
                text.append(f" ({activity.note})", style="dim")
        source = self.move_source
        if source is not None:
            kind = self.store.planned_day(source).kind.value
            text.append(
                f"\nMoving {source:%a}'s {kind}: "
                "pick the day to swap with (←/→), then m or enter · escape cancels",
                style="bold",
            )
        self.query_one("#day-detail", Static).update(text)

    def _render_warnings(self, plan: WeekPlan) -> None:
        days = [*plan.days, self.store.planned_day(plan.week.end + timedelta(days=1))]
        lines = [f"⚠ {w.message}" for w in plan_warnings(days)]
        self.query_one("#week-warnings", Static).update("\n".join(lines))

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
            self.store.set_kind(self.selected, DayKind(kind))
        except RuleViolation as exc:
            self._refuse(str(exc))
        self._render_week()

    def action_move_rest(self) -> None:
        source = self.move_source
        if source is None:
            self.move_source = self.selected
            return
        if source == self.selected:
            self.move_source = None
            return
        if source not in self.week:
            self.move_source = None
            self._refuse("Pick a day in the same week to swap with")
            return
        self.store.move_rest(source, self.selected)
        self.move_source = None
        self.notify(f"Swapped {source:%a} and {self.selected:%a}")

    def action_cancel_move(self) -> None:
        self.move_source = None

    def action_edit_day(self) -> None:
        if self.move_source is not None:
            self.action_move_rest()
            return
        day = self.store.week_plan(self.selected).day(self.selected)

        def save(kind: DayKind, target_m: int | None, note: str | None) -> str | None:
            try:
                self.store.set_day(day.date, kind, target_m, note)
            except (RuleViolation, ValueError) as exc:
                return str(exc)
            return None

        self.app.push_screen(
            EditDayDialog(day, self.store.settings().units, save),
            lambda _result: self._render_week(),
        )

    def action_excuse_week(self) -> None:
        week = self.week
        reason = self.store.excused_weeks().get(week.start)
        if reason:

            def unexcuse(confirmed: object) -> None:
                if confirmed:
                    self.store.unexcuse_week(week.start)
                    self.notify(f"The week of {week.start:%-d %b} counts again")
                self._render_week()

            self.app.push_screen(
                ConfirmDialog(
                    f"The week of {week.start:%-d %b} is excused ({reason}).\n"
                    "Make it count toward the streak again?"
                ),
                unexcuse,
            )
            return

        def excuse(text: object) -> None:
            if isinstance(text, str) and text:
                self.store.excuse_week(week.start, text)
                self.notify(f"Week of {week.start:%-d %b} excused: {text}")
            self._render_week()

        self.app.push_screen(
            TextPromptDialog(
                f"Excuse the week of {week.start:%-d %b} — why?",
                placeholder="illness, injury, travel, taper…",
                check=lambda t: None if t else "Say why (e.g. flu)",
            ),
            excuse,
        )

    @on(DayCell.Clicked)
    def day_clicked(self, event: DayCell.Clicked) -> None:
        self.selected = event.day
