"""Today: the evening check-in (DESIGN §7).

What was planned and what was done, this week's rest days and what the rule
still needs, tomorrow's plan (changeable here, under the rule), the recovery
and nutrition checklists, and the evenings not yet checked in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tracker.domain.activity import Activity
from tracker.domain.checkin import (
    describe_missed,
    missed_evenings,
    missed_window_start,
    rest_outlook,
)
from tracker.domain.kinds import DayKind
from tracker.domain.nutrition import completion
from tracker.domain.plan import PlanDay, RuleViolation
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus
from tracker.domain.units import (
    METRES_PER_MILE,
    celsius_to_fahrenheit,
    format_distance,
    format_duration,
)
from tracker.screens.backfill import CONFIRM, REST, RUN, SKIP, BackfillDialog
from tracker.screens.base import RecovScreen
from tracker.screens.dialogs import ConfirmDialog
from tracker.screens.log_run import LogRecoveryForm, LogRunForm
from tracker.widgets.checklist import Checklist, ChecklistItem
from tracker.widgets.load_summary import LoadSummary

TIMER_KEYS = {
    RecoveryKind.ICE_BATH: ("i", "ice-bath"),
    RecoveryKind.FOAM_ROLLER: ("f", "foam-roller"),
    RecoveryKind.FEET_UP: ("e", "feet-up"),
}


def run_line(activity: Activity, units: str) -> Text:
    """``Workout 9.2 km · 44:10 · 4:48/km · RPE 7 · tempo``."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{activity.kind.label} {format_distance(activity.distance_m, units)}")
    parts = []
    if activity.duration_s:
        parts.append(format_duration(activity.duration_s))
        if activity.distance_m:
            unit_m = METRES_PER_MILE if units == "mi" else 1000
            pace = activity.duration_s / (activity.distance_m / unit_m)
            parts.append(f"{format_duration(pace)}/{units}")
    if activity.rpe:
        parts.append(f"RPE {activity.rpe}")
    if parts:
        text.append(" · " + " · ".join(parts))
    if activity.note:
        text.append(f" · {activity.note}", style="dim")
    return text


def recovery_detail(sessions: Sequence[RecoverySession], temperature: str) -> str:
    """What was done: ``10:04 · 12 °C``; ``2×`` when done more than once."""
    parts = []
    if len(sessions) > 1:
        parts.append(f"{len(sessions)}×")
    total = sum(s.elapsed_s or 0 for s in sessions)
    if total:
        parts.append(format_duration(total))
    for session in sessions:
        if session.temperature_c is not None:
            if temperature == "F":
                parts.append(f"{celsius_to_fahrenheit(session.temperature_c):.0f} °F")
            else:
                parts.append(f"{session.temperature_c:.0f} °C")
        if session.note:
            parts.append(session.note)
    return " · ".join(parts)


def _set_title(widget: Widget, title: str) -> None:
    """Set a border title only when it changes (setting one repaints the widget)."""
    if str(widget.border_title or "") != title:
        widget.border_title = title


class RunList(OptionList):
    """The day's runs; enter edits the highlighted one, d deletes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Edit run", tooltip="Edit the highlighted run"),
        Binding(
            "d,delete", "screen.delete_run", "Delete run", tooltip="Delete the highlighted run"
        ),
    ]


class TodayScreen(RecovScreen):
    """The evening check-in."""

    AUTO_FOCUS = "#recovery"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "log_run", "Log run", tooltip="Log today's run: kind, distance, time, effort"),
        Binding("c", "check_in", "Check in", tooltip="Mark today reviewed (no run = a rest day)"),
        Binding("b", "backfill", "Backfill", tooltip="Walk through the evenings not checked in"),
        Binding("t", "tomorrow", "Tomorrow", tooltip="Change tomorrow's plan (the rule applies)"),
        *(
            Binding(
                key,
                f"start_timer('{preset}')",
                kind.label,
                tooltip=f"Start the {kind.label.lower()} timer",
                show=False,
            )
            for kind, (key, preset) in TIMER_KEYS.items()
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._runs: list[Activity] = []
        self._missed: list[date] = []
        self._tomorrow: PlanDay | None = None
        self._shown: dict[str, Text] = {}
        self._run_lines: list[Text] = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="today-top"):
            with Vertical(id="today-day", classes="today-panel"):
                yield Static(id="today-plan")
                with Horizontal(id="done-row"):
                    yield Label("Done", classes="today-label")
                    yield Static(id="no-runs")
                    yield RunList(id="runs")
                yield Static(id="today-status")
                yield Static(id="today-missed")
            with Vertical(id="today-week", classes="today-panel"):
                yield Static(id="today-rest")
                with Horizontal(id="tomorrow-row"):
                    yield Label(id="tomorrow-label")
                    yield Select(
                        [(kind.label, kind) for kind in DayKind],
                        allow_blank=False,
                        compact=True,
                        id="tomorrow",
                    )
                    yield Label(id="tomorrow-target")
                yield LoadSummary(id="load-summary")
        with Horizontal(id="today-lists"):
            yield Checklist(id="recovery", classes="today-panel")
            yield Checklist(id="nutrition", classes="today-panel")
        yield Static(id="today-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#today-day").border_title = "Today"
        self.query_one("#today-week").border_title = "This week"
        recovery = self.query_one("#recovery", Checklist)
        recovery.border_title = "Recovery"
        recovery.border_subtitle = "space ticks · i f e timers"
        self.query_one("#nutrition", Checklist).border_subtitle = "space ticks"

    # Showing the day

    def _show(self, selector: str, content: Text) -> Static:
        """Update a Static only when what it shows changed (each update costs a layout)."""
        static = self.query_one(selector, Static)
        if self._shown.get(selector) != content:
            self._shown[selector] = content
            static.update(content)
        return static

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        store, today = self.store, self.today
        settings = store.settings()
        units = settings.units
        self.sub_title = f"{today:%A %-d %B %Y}"
        plan = store.week_plan(today)
        week = plan.week
        self._runs = store.activities_on(today)
        checked_in = store.is_checked_in(today)
        had_missed = bool(self._missed)
        first = store.first_day()
        checkins = (
            store.checkins(missed_window_start(first, today), today) if first is not None else set()
        )
        self._missed = missed_evenings(first, today, checkins)

        _set_title(self.query_one("#today-day"), f"Today · {today:%a %-d %b}")
        self._show_plan(plan.day(today), units)
        self._show_runs(units)
        self._show_status(checked_in)

        activity_dates = {a.date for a in store.activities_between(week.start, week.end)}
        outlook = rest_outlook(
            plan, activity_dates, today, checked_in, store.excused_weeks().get(week.start)
        )
        text = Text()
        text.append("Rest days  ", style="bold")
        planned = ", ".join(f"{d:%a}" for d in outlook.planned) or "none"
        taken = ", ".join(f"{d:%a}" for d in outlook.taken) or "none yet"
        text.append(f"planned {planned} · taken {taken}\n")
        text.append("✓ " if outlook.ok else "! ", style="bold")
        text.append(outlook.advice, style="" if outlook.ok else "bold")
        rest = self._show("#today-rest", text)
        rest.set_class(not outlook.ok, "-attention")

        self._show_tomorrow(today + timedelta(days=1), units)
        self.query_one("#load-summary", LoadSummary).show(store, today)
        self._show_recovery()
        self._show_nutrition()
        if bool(self._missed) != had_missed:
            self.refresh_bindings()

    def _show_plan(self, day: PlanDay, units: str) -> None:
        text = Text()
        text.append("Planned  ", style="bold")
        if day.kind is DayKind.REST:
            text.append("Rest day")
        else:
            text.append(day.kind.label)
            if day.target_m:
                text.append(f" {format_distance(day.target_m, units)}")
        if day.note:
            text.append(f" · {day.note}", style="dim")
        self._show("#today-plan", text)
        none = Text()
        none.append("nothing yet — ")
        none.append("l", style="bold")
        none.append(" logs a run")
        self._show("#no-runs", none)

    def _show_runs(self, units: str) -> None:
        runs = self.query_one("#runs", RunList)
        highlighted = runs.highlighted
        lines = [run_line(a, units) for a in self._runs]
        if lines != self._run_lines:
            self._run_lines = lines
            runs.set_options(
                Option(line, id=str(a.id)) for line, a in zip(lines, self._runs, strict=True)
            )
        runs.display = bool(self._runs)
        self.query_one("#no-runs", Static).display = not self._runs
        self.query_one("#today-day").border_subtitle = (
            "enter edits · d deletes" if runs.has_focus else ""
        )
        if self._runs:
            runs.highlighted = min(highlighted or 0, len(self._runs) - 1)

    def _show_status(self, checked_in: bool) -> None:
        text = Text()
        if checked_in:
            text.append("✓ Checked in", style="bold")
            text.append(" — see you tomorrow")
        else:
            text.append("Not checked in — ")
            text.append("c", style="bold")
            text.append(" checks in today")
        self._show("#today-status", text)
        missed = Text()
        if self._missed:
            missed.append(describe_missed(self._missed, self.today), style="bold")
            missed.append(" — ")
            missed.append("b", style="bold")
            missed.append(" backfills")
        self._show("#today-missed", missed).display = bool(self._missed)
        hint = Text()
        if not checked_in:
            hint.append("This evening: ")
            for key, what in (
                ("l", " log the run · "),
                ("space", " tick · "),
                ("tab", " next list · "),
                ("c", " check in"),
            ):
                hint.append(key, style="bold")
                hint.append(what)
        self._show("#today-hint", hint)

    def _show_tomorrow(self, tomorrow: date, units: str) -> None:
        day = self.store.week_plan(tomorrow).day(tomorrow)
        self._tomorrow = day
        self._show("#tomorrow-label", Text(f"Tomorrow {tomorrow:%a %-d} "))
        select = self.query_one("#tomorrow", Select)
        if select.value != day.kind:
            with self.prevent(Select.Changed):
                select.value = day.kind
        target = ""
        if day.target_m and day.kind is not DayKind.REST:
            target = f" {format_distance(day.target_m, units)}"
        self._show("#tomorrow-target", Text(target))

    def _show_recovery(self) -> None:
        today = self.today
        temperature = self.store.settings().temperature
        sessions = [
            s
            for s in self.store.sessions_between(today, today)
            if s.status is SessionStatus.COMPLETED
        ]
        items = []
        for kind in RecoveryKind:
            done = [s for s in sessions if s.kind == kind.value]
            if done:
                detail = recovery_detail(done, temperature)
            elif kind in TIMER_KEYS:
                detail = f"{TIMER_KEYS[kind][0]}: timer"
            else:
                detail = ""
            items.append(ChecklistItem(kind.value, kind.label, bool(done), detail))
        recovery = self.query_one("#recovery", Checklist)
        recovery.set_items(items)
        _set_title(recovery, f"Recovery {sum(1 for i in items if i.checked)}/{len(items)}")

    def _show_nutrition(self) -> None:
        today = self.today
        items = self.store.nutrition_items()
        checks = self.store.nutrition_checks(today, today).get(today, set())
        nutrition = self.query_one("#nutrition", Checklist)
        nutrition.set_items(
            [ChecklistItem(str(item.id), item.name, item.id in checks) for item in items]
        )
        done, total = completion(items, checks)
        _set_title(nutrition, f"Nutrition {done}/{total}")

    # Keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "backfill":
            return bool(self._missed)
        return True

    def _log_form(self, day: date, activity: Activity | None = None) -> LogRunForm:
        def save(new: Activity) -> str | None:
            if new.id is None:
                self.store.add_activity(new)
            else:
                self.store.update_activity(new)
            return None

        planned = self.store.week_plan(day).day(day)
        return LogRunForm(day, self.store.settings().units, save, activity, planned)

    def action_log_run(self) -> None:
        def logged(result: object) -> None:
            if isinstance(result, Activity):
                self.notify(
                    f"Logged {result.kind.label.lower()} "
                    f"{format_distance(result.distance_m, self.store.settings().units)}"
                )

        self.app.push_screen(self._log_form(self.today), logged)

    def on_descendant_focus(self) -> None:
        self.query_one("#today-day").border_subtitle = (
            "enter edits · d deletes" if self.query_one("#runs", RunList).has_focus else ""
        )

    def on_descendant_blur(self) -> None:
        self.on_descendant_focus()

    @on(OptionList.OptionSelected, "#runs")
    def edit_run(self, event: OptionList.OptionSelected) -> None:
        run = self._run(event.option_index)
        if run is not None:
            self.app.push_screen(self._log_form(run.date, run))

    def _run(self, index: int | None) -> Activity | None:
        if index is None or not 0 <= index < len(self._runs):
            return None
        return self._runs[index]

    def action_delete_run(self) -> None:
        run = self._run(self.query_one("#runs", RunList).highlighted)
        if run is None or run.id is None:
            return
        run_id = run.id
        units = self.store.settings().units

        def delete(confirmed: object) -> None:
            if confirmed:
                self.store.delete_activity(run_id)
                self.notify(f"Deleted the {run.kind.label.lower()} run")
                self.refresh_data()

        self.app.push_screen(
            ConfirmDialog(
                f"Delete {run.kind.label.lower()} {format_distance(run.distance_m, units)} "
                f"on {run.date:%a %-d %b}?",
                yes="Delete",
                no="Keep",
            ),
            delete,
        )

    def action_check_in(self) -> None:
        today = self.today
        if self.store.is_checked_in(today):

            def undo(confirmed: object) -> None:
                if confirmed:
                    self.store.undo_check_in(today)
                    self.notify("Check-in undone")
                    self.refresh_data()

            self.app.push_screen(
                ConfirmDialog("Today is already checked in. Undo the check-in?", "Undo", "Keep"),
                undo,
            )
            return
        self.store.check_in(today)
        if self._runs:
            self.notify("Checked in. Well done today.", title=f"{today:%a %-d %b}")
        else:
            self.notify(
                "No run logged, so today counts as a rest day. Forgot one? l logs it.",
                title=f"Checked in {today:%a %-d %b}",
            )
        self.refresh_data()

    def action_tomorrow(self) -> None:
        select = self.query_one("#tomorrow", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed, "#tomorrow")
    def tomorrow_changed(self, event: Select.Changed) -> None:
        day = self._tomorrow
        kind = event.value
        if event.select.value != kind:
            return  # a stale message, from before the screen showed the stored plan
        if day is None or not isinstance(kind, DayKind) or kind is day.kind:
            return
        try:
            self.store.set_kind(day.date, kind)
        except RuleViolation as exc:
            self.notify(str(exc), title="Refused", severity="error")
        else:
            self.notify(f"Tomorrow is now {kind.label.lower()}")
        self.refresh_data()

    def action_start_timer(self, preset: str) -> None:
        from tracker.screens.timer import start_timer

        start_timer(self.recov, preset)

    # Checklists

    @on(Checklist.Toggled, "#nutrition")
    def nutrition_toggled(self, event: Checklist.Toggled) -> None:
        self.store.set_nutrition_check(self.today, int(event.key), not event.checked)
        self._show_nutrition()

    @on(Checklist.Toggled, "#recovery")
    def recovery_toggled(self, event: Checklist.Toggled) -> None:
        kind = RecoveryKind(event.key)
        today = self.today
        if event.checked:
            self._untick(kind)
            return
        if kind.timed:
            self.store.log_recovery(today, kind, started_at=self.clock.now())
            self._show_recovery()
            return

        def save(duration_s: int | None, note: str | None) -> str | None:
            self.store.log_recovery(today, kind, duration_s, note, started_at=self.clock.now())
            return None

        self.app.push_screen(LogRecoveryForm(f"{kind.label} — {today:%A %-d %B}", save))

    def _untick(self, kind: RecoveryKind) -> None:
        today = self.today
        sessions = [
            s
            for s in self.store.sessions_between(today, today)
            if s.kind == kind.value and s.status is SessionStatus.COMPLETED
        ]
        recorded = [s for s in sessions if s.elapsed_s or s.note or s.preset]
        if not recorded:
            self.store.untick_recovery(today, kind)
            self._show_recovery()
            return

        def untick(confirmed: object) -> None:
            if confirmed:
                self.store.untick_recovery(today, kind)
                self.refresh_data()

        detail = recovery_detail(recorded, self.store.settings().temperature)
        self.app.push_screen(
            ConfirmDialog(
                f"Untick {kind.label.lower()}? This removes today's session ({detail}).",
                "Untick",
                "Keep",
            ),
            untick,
        )

    # Backfill

    def action_backfill(self) -> None:
        if not self._missed:
            self.notify("Every evening is checked in")
            return
        self._walk(list(self._missed), 0, 0)

    def _walk(self, days: list[date], index: int, done: int) -> None:
        if index >= len(days):
            self.notify(f"All caught up: {done} of {len(days)} evenings checked in")
            self.refresh_data()
            return
        day = days[index]
        store = self.store

        def next_day(checked: bool) -> None:
            self._walk(days, index + 1, done + int(checked))

        def answered(answer: object) -> None:
            if answer in (REST, CONFIRM):
                store.check_in(day)
                next_day(True)
            elif answer == SKIP:
                next_day(False)
            elif answer == RUN:

                def logged(result: object) -> None:
                    if isinstance(result, Activity):
                        store.check_in(day)
                        next_day(True)
                    else:
                        self._walk(days, index, done)

                self.app.push_screen(self._log_form(day), logged)
            else:
                if done:
                    self.notify(f"{done} evening{'s' if done > 1 else ''} checked in")
                self.refresh_data()

        self.app.push_screen(
            BackfillDialog(
                day,
                store.week_plan(day).day(day),
                store.activities_on(day),
                store.settings().units,
                (index + 1, len(days)),
            ),
            answered,
        )
