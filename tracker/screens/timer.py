"""The Timer: pick a preset, run it, log it. The session itself (its row, the
saves, the finish, a row lost underneath) is :class:`TimedSession`; this screen
shows one snapshot of it per tick and turns keys into its controls."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.clock import Clock
from tracker.domain.countdown import Finished, SegmentChanged, Snapshot, State, TimerEvent
from tracker.domain.presets import Preset
from tracker.domain.recovery import RecoverySession, SessionStatus, ice_bath_hints
from tracker.domain.text import terminal_text
from tracker.domain.units import format_clock
from tracker.screens.base import RecovScreen
from tracker.screens.modals.timer import (
    PresetEditorDialog,
    TemperatureDialog,
    WaterTemperature,
    stop_dialog,
)
from tracker.screens.timer_flows import (
    delete_preset,
    resume_instead,
    run_finish_command_of,
    settle_unfinished,
)
from tracker.services.bundle import Services
from tracker.services.failures import StoreUnavailable
from tracker.services.timer_session import SessionLost, TimedSession
from tracker.widgets.countdown import CountdownDisplay, CountdownView, segment_table
from tracker.widgets.preset_text import ice_bath_lines, preset_detail, preset_line, session_log
from tracker.widgets.shown import show, show_options
from tracker.widgets.timer_controls import TimerControls

TICK_S = 1 / 8

ICE_BATH_WIDGETS = ("timer-temperature", "timer-warnings", "timer-hints")
RUNNING_ACTIONS = {"control", "stop"}
PICKER_ACTIONS = {"new_preset", "edit_preset", "delete_preset", "settle_unfinished", "start"}


class TimerScreen(RecovScreen):
    """The preset picker, and the running timer once a session starts."""

    STYLES = "timer"

    MODE = "timer"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "control('toggle')", "Pause", tooltip="Pause or resume the timer"),
        Binding(
            "plus", "control('add_minute')", "+1 min", key_display="+", tooltip="One more minute"
        ),
        Binding(
            "minus",
            "control('remove_minute')",
            "-1 min",
            key_display="-",
            tooltip="One minute less",
        ),
        Binding("n", "control('next_segment')", "Next", tooltip="Skip to the next segment"),
        Binding("s", "stop", "Stop", tooltip="Stop the timer and log the session"),
        Binding("w", "temperature", "Water", tooltip="Enter the water temperature"),
        Binding("a", "new_preset", "Add", tooltip="Add a custom timer preset"),
        Binding("r", "edit_preset", "Edit", tooltip="Edit the name and durations of a preset"),
        Binding("d", "delete_preset", "Delete", tooltip="Delete a custom preset"),
        Binding("u", "settle_unfinished", "Unfinished", tooltip="Log, resume or discard it"),
        Binding("escape", "back", "Back", tooltip="Back to Today (a running timer keeps going)"),
    ]

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.timer = services.timer
        self.timed: TimedSession | None = None
        self._ticker: Timer | None = None
        self._result = ""
        self._unfinished: list[RecoverySession] = []

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="timer-picker", id="timer-switcher"):
            with VerticalScroll(id="timer-picker", can_focus=False):
                yield Static("Pick a session · enter starts it", id="picker-title")
                yield OptionList(id="preset-list")
                yield Static(id="preset-detail")
                yield Static(id="timer-log")
            with VerticalScroll(id="timer-running", can_focus=False):
                yield CountdownDisplay(id="countdown")
                yield Static(id="timer-segments")
                yield Static(id="timer-temperature", markup=False)
                yield Static(id="timer-warnings", markup=False)
                yield Static(id="timer-hints", markup=False)
        yield TimerControls(classes="timer-controls")

    def on_mount(self) -> None:
        self._ticker = self.set_interval(TICK_S, self.tick, pause=True)

    def on_unmount(self) -> None:
        """Quitting mid-session keeps it: saved as it stands, offered back on the next start."""
        if self.timed is not None and self.timed.on_the_clock:
            with contextlib.suppress(SessionLost, StoreUnavailable):
                self.timed.save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The running timer's keys while a session is on the clock, the picker's otherwise."""
        timed = self.timed
        if action == "temperature":
            return timed is not None and timed.preset.temperature
        if action == "settle_unfinished" and not self._unfinished:
            return False
        if action in RUNNING_ACTIONS or action in PICKER_ACTIONS:
            return (timed is not None) == (action in RUNNING_ACTIONS)
        return True

    # The picker

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        presets = self.timer.presets()
        options = self.query_one("#preset-list", OptionList)
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted else None
        show_options(options, (Option(preset_line(p), id=p.name) for p in presets))
        names = [p.name for p in presets]
        if names:
            options.highlighted = names.index(keep) if keep in names else 0
        self._show_detail()
        self._show_log()

    def _highlighted(self) -> Preset | None:
        option = self.query_one("#preset-list", OptionList).highlighted_option
        if option is None:
            return None
        return next((p for p in self.timer.presets() if p.name == option.id), None)

    @on(OptionList.OptionHighlighted, "#preset-list")
    def _show_detail(self) -> None:
        detail = preset_detail(self._highlighted(), self.timer.temperature_unit())
        show(self.query_one("#preset-detail", Static), detail)

    def _show_log(self) -> None:
        self._unfinished = self.timer.left_unfinished() if self.timed is None else []
        log = session_log(
            self.timer.sessions_on(self.today),
            self.timer.temperature_unit(),
            self._result,
            self._unfinished,
        )
        show(self.query_one("#timer-log", Static), log)
        self.refresh_bindings()

    def action_start(self) -> None:
        self._preset_chosen()

    @on(OptionList.OptionSelected, "#preset-list")
    def _preset_chosen(self) -> None:
        preset = self._highlighted()
        if preset is not None:
            self.begin(preset)

    def action_new_preset(self) -> None:
        self.edit_preset(None)

    def action_edit_preset(self) -> None:
        preset = self._highlighted()
        if preset is not None:
            self.edit_preset(preset)

    @work(group="preset-editor")
    async def edit_preset(self, preset: Preset | None) -> None:
        """Create a preset (None) or edit one, then save it and highlight it."""
        edited = await self.app.push_screen_wait(PresetEditorDialog(preset, self.timer.presets()))
        if edited is None:
            return
        self.timer.save_preset(edited, replacing=preset.name if preset else None)
        self.refresh_data()
        options = self.query_one("#preset-list", OptionList)
        options.highlighted = options.get_option_index(edited.name)
        self.notify(f"Saved {edited.name} ({format_clock(edited.total_s)})")

    @work(group="preset-editor")
    async def action_delete_preset(self) -> None:
        preset = self._highlighted()
        if preset is not None:
            await delete_preset(self.app, self.timer, preset)

    # Starting and resuming

    @work(group="timer-start")
    async def begin(
        self, preset: Preset, duration_s: int | None = None, ask_temperature: bool = True
    ) -> None:
        """Start ``preset`` (optionally lasting ``duration_s``), asking the water first."""
        await self.mounted()
        if self.timed is not None:
            self.notify(
                f"{self.timed.name} is still on the clock: stop it (s) before starting another",
                severity="warning",
            )
            return
        try:
            chosen = preset if duration_s is None else preset.with_duration(duration_s)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        if await resume_instead(self.app, self.timer, chosen, self._resume):
            return
        temperature: float | None = None
        if chosen.temperature and ask_temperature:
            unit = self.timer.temperature_unit()
            answer = await self.app.push_screen_wait(TemperatureDialog(unit, ice_bath_hints(unit)))
            if not isinstance(answer, WaterTemperature):
                return
            temperature = answer.celsius
        if self.timed is None:
            self._run(self.timer.start(chosen, temperature))

    @work(group="timer-start")
    async def action_settle_unfinished(self) -> None:
        """Log, resume or discard each session left unfinished, one by one."""
        if self.timed is None:
            await settle_unfinished(self.app, self.timer, self.timer.unfinished(), self._resume)
            self.refresh_data()

    @work(group="timer-start")
    async def resume_session(self, session: RecoverySession) -> None:
        """Put a session a crash left running back on the clock, paused where it stood."""
        await self.mounted()
        if self.timed is not None:
            self.notify(f"{self.timed.name} is on the clock: stop it first", severity="warning")
            return
        self._resume(session)

    def _resume(self, session: RecoverySession) -> None:
        timed = self.timer.resume(session)
        self._run(timed)
        self.notify(f"{timed.name} is back at {format_clock(timed.countdown.elapsed_s)}")

    def _run(self, timed: TimedSession) -> None:
        self.timed = timed
        self._result = ""
        self.query_one("#timer-switcher", ContentSwitcher).current = "timer-running"
        if self._ticker is not None:
            self._ticker.resume()
        self.refresh_bindings()
        self._show(timed.snapshot())

    # The running timer

    def tick(self) -> None:
        """Announce what the clock crossed, save when due, redraw. Runs at 8 Hz."""
        timed = self.timed
        if timed is None:
            return
        try:
            tick = timed.tick()
        except SessionLost as lost:
            self._lost(lost)
            return
        for event in tick.events:
            self._announce(timed, tick.snapshot, event)
        self._show(tick.snapshot)

    def _announce(self, timed: TimedSession, snapshot: Snapshot, event: TimerEvent) -> None:
        self.app.bell()
        if isinstance(event, SegmentChanged):
            segments = snapshot.segments
            self.notify(
                f"Now: {event.name} ({format_clock(segments[event.index].seconds)})",
                title=f"{timed.name} · segment {event.index + 1} of {len(segments)}",
            )
        elif isinstance(event, Finished):
            self.notify(
                f"{timed.name} done. Overtime counts up until you stop (s).", title="Time's up"
            )
            run_finish_command_of(self.app, self.timer, timed.name)

    def _show(self, snapshot: Snapshot) -> None:
        timed = self.timed
        if timed is None:
            return
        view = CountdownView.of(snapshot)
        self.query_one(CountdownDisplay).view = view
        subtitle = f"{terminal_text(timed.name)} {view.clock}" + (
            " (paused)" if view.state is State.PAUSED else ""
        )
        if self.app.sub_title != subtitle:
            self.app.sub_title = subtitle
        self._update("timer-segments", segment_table(snapshot))
        self._show_ice_bath(timed, snapshot)

    def _update(self, widget_id: str, content: str | Text) -> None:
        """Update a Static only when what it shows changes (ticks come 8 times a second)."""
        widget = self.query_one(f"#{widget_id}", Static)
        show(widget, content)
        widget.display = bool(content)  # the same display is no change (nor a refresh)

    def _show_ice_bath(self, timed: TimedSession, snapshot: Snapshot) -> None:
        lines = ("", "", "")
        if timed.preset.temperature:
            lines = ice_bath_lines(snapshot, timed.temperature_c, self.timer.temperature_unit())
        for widget_id, line in zip(ICE_BATH_WIDGETS, lines, strict=True):
            self._update(widget_id, line)

    def action_control(self, name: str) -> None:
        """Apply a control of the running session (toggle, ±1 min, next), then redraw."""
        timed = self.timed
        if timed is None:
            return
        try:
            getattr(timed, name)()
        except SessionLost as lost:
            self._lost(lost)
            return
        self.tick()

    @work(group="timer-dialog")
    async def action_temperature(self) -> None:
        timed = self.timed
        if timed is None:
            return
        unit = self.timer.temperature_unit()
        answer = await self.app.push_screen_wait(
            TemperatureDialog(unit, ice_bath_hints(unit), timed.temperature_c, "Save")
        )
        if not isinstance(answer, WaterTemperature) or self.timed is not timed:
            return
        try:
            timed.set_temperature(answer.celsius)
        except SessionLost as lost:
            self._lost(lost)
            return
        self._show(timed.snapshot())

    @work(group="timer-dialog")
    async def action_stop(self) -> None:
        timed = self.timed
        if timed is None:
            return
        snapshot = timed.snapshot()
        if snapshot.is_done:
            self._finish(timed)
            return
        answer = await self.app.push_screen_wait(
            stop_dialog(timed.name, CountdownView.of(snapshot).elapsed_line)
        )
        if self.timed is not timed:
            return
        if answer == "log":
            if timed.snapshot().is_done:
                self._finish(timed)
            else:
                self._finish(timed, SessionStatus.PARTIAL, snapshot.elapsed_s)
        elif answer == "discard":
            self._close(timed.discard())

    def _finish(
        self, timed: TimedSession, status: SessionStatus | None = None, elapsed: float | None = None
    ) -> None:
        try:
            message = timed.finish(status, elapsed)
        except SessionLost as lost:
            self._lost(lost)
            return
        self._close(message)

    def _lost(self, lost: SessionLost) -> None:
        """The row went away under us (unticked on Today, discarded elsewhere)."""
        self.notify(str(lost), severity="warning")
        self._close("")

    def _close(self, result: str) -> None:
        self.timed = None
        if self._ticker is not None:
            self._ticker.pause()
        self.app.sub_title = ""
        self.query_one("#timer-switcher", ContentSwitcher).current = "timer-picker"
        self.refresh_bindings()
        self._result = result
        self.refresh_data()
        if result:
            self.notify(result)

    def action_back(self) -> None:
        if self.timed is not None:
            self.notify(f"{self.timed.name} keeps running: press 3 to come back to it")
        self.app.switch_mode("today")
