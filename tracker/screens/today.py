"""Today: the evening check-in.

What was planned and what was done, this week's rest days and what the rule
still needs, tomorrow's plan (changeable here, under the rule), the recovery
and nutrition checklists, and the evenings not yet checked in. Everything shown
comes from one :class:`tracker.services.checkin.TodayReport`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tracker.domain.activity import Activity
from tracker.domain.clock import Clock
from tracker.domain.kinds import DayKind
from tracker.domain.nutrition import item_note
from tracker.domain.plan import RuleViolation
from tracker.domain.recovery import RecoveryKind, evidence
from tracker.domain.units import format_distance
from tracker.messages import StartTimer
from tracker.screens.today_dialogs import EveningDialogs
from tracker.services.bundle import Services
from tracker.services.checkin import RecoveryItem, TodayReport
from tracker.widgets.checklist import Checklist, ChecklistItem
from tracker.widgets.day_strip import DayStrip, done_cells
from tracker.widgets.day_text import (
    evening_hint,
    keys_text,
    missed_text,
    plan_text,
    recovery_detail,
    rest_text,
    status_text,
)
from tracker.widgets.fitted import Parts
from tracker.widgets.kind_select import kind_select
from tracker.widgets.load_summary import LoadSummary
from tracker.widgets.run_list import RunList, run_line
from tracker.widgets.shown import show

TIMER_KEYS = {
    RecoveryKind.ICE_BATH: ("i", "ice-bath"),
    RecoveryKind.FOAM_ROLLER: ("f", "foam-roller"),
    RecoveryKind.FEET_UP: ("e", "feet-up"),
}


def _set_title(widget: Widget, title: str) -> None:
    """Set a border title only when it changes (setting one repaints the widget)."""
    if str(widget.border_title or "") != title:
        widget.border_title = title


class TodayScreen(EveningDialogs):
    """The evening check-in."""

    STYLES = "today"

    MODE = "today"
    AUTO_FOCUS = "#recovery"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "log_run", "Log run", tooltip="Log today's run: kind, distance, time, effort"),
        Binding("c", "check_in", "Check in", tooltip="How today felt; checks it in (no run: rest)"),
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

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.checkin = services.checkin
        self.planning = services.planning
        self.history = services.history
        self.report: TodayReport | None = None
        self._run_lines: list[Parts] = []

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
                    yield kind_select("tomorrow")
                    yield Label(id="tomorrow-target")
                yield LoadSummary(id="load-summary")
        yield DayStrip(id="today-strip")
        with Horizontal(id="today-lists"):
            yield Checklist(id="recovery", classes="today-panel")
            yield Checklist(id="nutrition", classes="today-panel")
        yield Static(id="today-about")
        yield Static(id="today-hint")

    def on_mount(self) -> None:
        self.query_one("#today-day").border_title = "Today"
        self.query_one("#today-week").border_title = "This week"
        recovery = self.query_one("#recovery", Checklist)
        recovery.border_title = "Recovery"
        recovery.border_subtitle = "space ticks · i f e timers"
        self.query_one("#nutrition", Checklist).border_subtitle = "space ticks"

    # Showing the day

    def _show(self, selector: str, content: Text | Parts, *, layout: bool = True) -> Static:
        """Update a Static only when what it shows changed (each update costs a layout,
        unless ``layout`` is False: the caller measures it)."""
        static = self.query_one(selector, Static)
        show(static, content, layout=layout)
        return static

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        had_missed = bool(self.report and self.report.missed)
        report = self.report = self.checkin.today(self.today)
        self.sub_title = f"{report.day:%A %-d %B %Y}"
        _set_title(self.query_one("#today-day"), f"Today · {report.day:%a %-d %b}")
        self._show_plan(report)
        self._show_runs(report)
        self._show_status(report)
        self._show_rest(report)
        self._show_tomorrow(report)
        stats = report.stats
        self.query_one("#load-summary", LoadSummary).show(
            stats.rest_streak,
            stats.days_since_rest,
            stats.warnings,
            stats.tomorrow_cap_m,
            report.units,
        )
        strip = self.history.last_days(report.day)
        self.query_one("#today-strip", DayStrip).show(done_cells(strip, report.units, report.day))
        self._show_recovery(report)
        self._show_nutrition(report)
        if bool(report.missed) != had_missed:
            self.refresh_bindings()

    def _show_plan(self, report: TodayReport) -> None:
        self._show("#today-plan", plan_text(report.plan, report.units))
        none = Text("nothing yet — ")
        none.append_text(keys_text(("l", " logs a run")))
        self._show("#no-runs", none)

    def _show_runs(self, report: TodayReport) -> None:
        runs = self.query_one("#runs", RunList)
        highlighted = runs.highlighted
        lines = [run_line(a, report.units) for a in report.runs]
        if lines != self._run_lines:
            self._run_lines = lines
            runs.set_options(
                Option(line, id=str(a.id)) for line, a in zip(lines, report.runs, strict=True)
            )
        runs.display = bool(report.runs)
        self.query_one("#no-runs", Static).display = not report.runs
        self.on_descendant_focus()
        if report.runs:
            runs.highlighted = min(highlighted or 0, len(report.runs) - 1)

    def _show_status(self, report: TodayReport) -> None:
        self._show("#today-status", status_text(report.checked_in, report.wellness))
        missed = self._show("#today-missed", missed_text(report.missed, report.day))
        missed.display = bool(report.missed)
        self._show("#today-hint", evening_hint(report.checked_in))

    def _show_rest(self, report: TodayReport) -> None:
        rest = self._show("#today-rest", rest_text(report.outlook))
        rest.set_class(not report.outlook.ok, "-attention")

    def _show_tomorrow(self, report: TodayReport) -> None:
        day = report.tomorrow
        self._show("#tomorrow-label", Text(f"Tomorrow {day.date:%a %-d} "))
        select = self.query_one("#tomorrow", Select)
        if select.value != day.kind:
            with self.prevent(Select.Changed):
                select.value = day.kind
        target = ""
        if day.target_m and day.kind is not DayKind.REST:
            target = f" {format_distance(day.target_m, report.units)}"
        self._show("#tomorrow-target", Text(target))

    def _show_recovery(self, report: TodayReport) -> None:
        items = []
        for item in report.recovery:
            if item.done:
                detail = recovery_detail(item.sessions, report.temperature)
            elif item.kind in TIMER_KEYS:
                detail = f"{TIMER_KEYS[item.kind][0]}: timer"
            else:
                detail = ""
            about = evidence(item.key, report.temperature)
            items.append(ChecklistItem(item.key, item.label, item.done, detail, about))
        recovery = self.query_one("#recovery", Checklist)
        recovery.set_items(items)
        _set_title(recovery, f"Recovery {sum(1 for i in items if i.checked)}/{len(items)}")

    def _show_nutrition(self, report: TodayReport) -> None:
        nutrition = self.query_one("#nutrition", Checklist)
        nutrition.set_items(
            [
                ChecklistItem(
                    str(item.id),
                    item.name,
                    item.id in report.nutrition_ticked,
                    about=f"{item.name}: {note}" if (note := item_note(item.name)) else "",
                )
                for item in report.nutrition
            ]
        )
        _set_title(nutrition, f"Nutrition {report.nutrition_done}/{len(report.nutrition)}")

    # Keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "backfill":
            return bool(self.report and self.report.missed)
        return True

    @work(group="today-dialog")
    async def action_log_run(self) -> None:
        logged = await self.app.push_screen_wait(self._run_form(self.today))
        if logged is not None:
            self._say_logged(logged)

    def on_descendant_focus(self) -> None:
        focused = self.query_one("#runs", RunList).has_focus
        self.query_one("#today-day").border_subtitle = "enter edits · d deletes" if focused else ""
        self.show_about()

    @on(OptionList.OptionHighlighted, "Checklist")
    def show_about(self) -> None:
        """The evidence of the highlighted item of the list in use (recovery else)."""
        focused = [c for c in self.query(Checklist) if c.has_focus]
        item = (focused or [self.query_one("#recovery", Checklist)])[0].highlighted_item
        text = Text(item.about if item else "", style="italic")
        about = self.query_one("#today-about", Static)
        if not show(about, text, layout=False):
            return
        width = about.content_size.width
        if not about.is_mounted or not width:
            # Updated twice before its first layout, a Static keeps its first height
            # (Textual 8.2.8): lay it out again once this refresh is done.
            self.call_after_refresh(about.refresh, layout=True)
        elif about.get_content_height(about.size, about.size, width) != about.content_size.height:
            about.refresh(layout=True)  # a cursor move costs a layout only when it must

    def on_descendant_blur(self) -> None:
        self.on_descendant_focus()

    @on(OptionList.OptionSelected, "#runs")
    def edit_run(self, event: OptionList.OptionSelected) -> None:
        run = self._run(event.option_index)
        if run is not None:
            self.app.push_screen(self._run_form(run.date, run))

    def _run(self, index: int | None) -> Activity | None:
        runs = self.report.runs if self.report else ()
        if index is None or not 0 <= index < len(runs):
            return None
        return runs[index]

    @work(group="today-dialog")
    async def action_delete_run(self) -> None:
        run = self._run(self.query_one("#runs", RunList).highlighted)
        if run is None or run.id is None:
            return
        units = self.checkin.units()
        question = (
            f"Delete {run.kind.label.lower()} {format_distance(run.distance_m, units)} "
            f"on {run.date:%a %-d %b}?"
        )
        from tracker.screens.modals.confirm import ConfirmDialog

        if await self.app.push_screen_wait(ConfirmDialog(question, yes="Delete", no="Keep")):
            self.checkin.delete_run(run.id)
            self.notify(f"Deleted the {run.kind.label.lower()} run")

    def action_tomorrow(self) -> None:
        select = self.query_one("#tomorrow", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed, "#tomorrow")
    def tomorrow_changed(self, event: Select.Changed) -> None:
        day = self.report.tomorrow if self.report else None
        kind = event.value
        if event.select.value != kind:
            return  # a stale message, from before the screen showed the stored plan
        if day is None or not isinstance(kind, DayKind) or kind is day.kind:
            return
        try:
            self.planning.set_kind(day.date, kind)
        except RuleViolation as exc:
            self.notify(str(exc), title="Refused", severity="error")
            self.refresh_data()
        else:
            self.notify(f"Tomorrow is now {kind.label.lower()}")

    def action_start_timer(self, preset: str) -> None:
        self.post_message(StartTimer(preset))

    # Checklists

    @on(Checklist.Toggled, "#nutrition")
    def nutrition_toggled(self, event: Checklist.Toggled) -> None:
        self.checkin.set_nutrition(self.today, int(event.key), not event.checked)

    @on(Checklist.Toggled, "#recovery")
    def recovery_toggled(self, event: Checklist.Toggled) -> None:
        items = self.report.recovery if self.report else ()
        item = next((i for i in items if i.key == event.key), None)
        if item is None:
            return
        if event.checked:
            self.untick(item)
        elif item.kind is not None:
            self.tick(item.kind)

    @work(group="today-dialog")
    async def tick(self, kind: RecoveryKind) -> None:
        today = self.today
        if kind.timed:
            self.checkin.tick_recovery(today, kind)
            return

        from tracker.screens.modals.run_form import LogRecoveryForm

        def save(duration_s: int | None, note: str | None) -> str | None:
            self.checkin.tick_recovery(today, kind, duration_s, note)
            return None

        await self.app.push_screen_wait(LogRecoveryForm(f"{kind.label} — {today:%A %-d %B}", save))

    @work(group="today-dialog")
    async def untick(self, item: RecoveryItem) -> None:
        today = self.today
        recorded = [s for s in item.sessions if s.elapsed_s or s.note or s.preset]
        if recorded:
            detail = recovery_detail(recorded, self.report.temperature if self.report else "C")
            question = f"Untick {item.label.lower()}? This removes today's session ({detail})."
            from tracker.screens.modals.confirm import ConfirmDialog

            if not await self.app.push_screen_wait(ConfirmDialog(question, "Untick", "Keep")):
                return
        self.checkin.untick_recovery(today, item.key)
