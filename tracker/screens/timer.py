"""The Timer: pick a preset, run it, log it — and never lose it (DESIGN §5).

The session row is written the moment the timer starts (status ``running``),
its elapsed time saved every :data:`SAVE_EVERY_S` seconds and on every pause,
so a crash loses at most that much. On the next start :func:`on_app_start`
offers a crashed session back. Other screens start a timer with
:func:`start_timer` (Today's ``i``/``f``/``e``).
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.countdown import Countdown, Finished, SegmentChanged, State, TimerEvent
from tracker.domain.presets import Preset, find_preset
from tracker.domain.recovery import (
    RecoverySession,
    SessionStatus,
    ice_bath_hints,
    ice_bath_warnings,
    session_status,
)
from tracker.domain.units import format_clock, format_duration, format_temperature
from tracker.screens.base import RecovScreen
from tracker.screens.dialogs import ConfirmDialog
from tracker.screens.timer_dialogs import (
    Choice,
    ChoiceDialog,
    PresetEditorDialog,
    TemperatureDialog,
    WaterTemperature,
    unfinished_session_dialog,
)
from tracker.widgets.countdown import CountdownDisplay, CountdownView

if TYPE_CHECKING:
    from tracker.app import RecovApp

TICK_S = 1 / 8
SAVE_EVERY_S = 2.0
COMMAND_WAIT_S = 60.0

RUNNING_ACTIONS = {"pause_resume", "add_minute", "remove_minute", "next_segment", "stop"}
PICKER_ACTIONS = {"new_preset", "edit_preset", "delete_preset"}


class TimerScreen(RecovScreen):
    """The preset picker, and the running timer once a session starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause_resume", "Pause", tooltip="Pause or resume the timer"),
        Binding("plus", "add_minute", "+1 min", key_display="+", tooltip="One more minute"),
        Binding("minus", "remove_minute", "-1 min", key_display="-", tooltip="One minute less"),
        Binding("n", "next_segment", "Next", tooltip="Skip to the next segment"),
        Binding("s", "stop", "Stop", tooltip="Stop the timer and log the session"),
        Binding("t", "temperature", "Water", tooltip="Enter the water temperature"),
        Binding("a", "new_preset", "New preset", tooltip="Create a custom timer preset"),
        Binding("e", "edit_preset", "Edit", tooltip="Edit the name and durations of a preset"),
        Binding("d", "delete_preset", "Delete", tooltip="Delete a custom preset"),
        Binding("escape", "back", "Back", tooltip="Back to Today (a running timer keeps going)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.countdown: Countdown | None = None
        self.session: RecoverySession | None = None
        self._last_save = 0.0
        self._title = ""
        self._pending: list[Callable[[], None]] = []
        self._ready = False
        self._ticker: Timer | None = None
        self._result = ""
        self._shown: dict[str, object] = {}

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
                yield Static(id="timer-temperature")
                yield Static(id="timer-warnings")
                yield Static(id="timer-hints")

    def on_mount(self) -> None:
        super().on_mount()
        self._ticker = self.set_interval(TICK_S, self.tick, pause=True)
        self._ready = True
        self.refresh_data()
        pending, self._pending = self._pending, []
        for call in pending:
            call()

    def on_unmount(self) -> None:
        """Quitting mid-session keeps it: saved as it stands, offered back on the next start."""
        if self.countdown is not None and self.session is not None:
            self._save()

    def _when_ready(self, call: Callable[[], None]) -> None:
        if self._ready:
            call()
        else:
            self._pending.append(call)

    @property
    def active(self) -> bool:
        """A session is on the clock (running, paused or waiting to resume)."""
        return self.countdown is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in RUNNING_ACTIONS:
            return self.active
        if action in PICKER_ACTIONS:
            return not self.active
        if action == "temperature":
            return self.countdown is not None and self.countdown.preset.temperature
        return True

    # The picker

    def refresh_data(self) -> None:
        if not self._ready:
            return
        presets = self.store.presets()
        options = self.query_one("#preset-list", OptionList)
        highlighted = options.highlighted_option
        keep = highlighted.id if highlighted else None
        options.set_options(Option(_preset_line(p), id=p.name) for p in presets)
        names = [p.name for p in presets]
        if names:
            options.highlighted = names.index(keep) if keep in names else 0
        self._show_detail()
        self._show_log()

    def _presets(self) -> list[Preset]:
        return self.store.presets()

    def _highlighted(self) -> Preset | None:
        option = self.query_one("#preset-list", OptionList).highlighted_option
        if option is None:
            return None
        return next((p for p in self._presets() if p.name == option.id), None)

    @on(OptionList.OptionHighlighted, "#preset-list")
    def _show_detail(self) -> None:
        preset = self._highlighted()
        detail = self.query_one("#preset-detail", Static)
        if preset is None:
            detail.update("No presets: press a to create one.")
            return
        text = Text()
        if len(preset.segments) > 1:
            text.append(f"{len(preset.segments)} segments:\n", style="bold")
            text.append(
                "\n".join(f"  {format_duration(s.seconds):>6}  {s.name}" for s in preset.segments)
            )
        if preset.hint:
            text.append(f"\n{preset.hint}" if text else preset.hint, style="italic")
        if preset.temperature:
            unit = self.store.settings().temperature
            for hint in ice_bath_hints(unit):
                text.append(f"\n• {hint}" if text else f"• {hint}")
            for warning in ice_bath_warnings(preset.total_s, None, unit):
                text.append(f"\n⚠ {warning}", style="bold")
        detail.update(text)

    def _show_log(self) -> None:
        sessions = [
            s
            for s in self.store.sessions_between(self.today, self.today)
            if s.planned_s is not None or s.status is SessionStatus.RUNNING
        ]
        text = Text()
        if self._result:
            text.append(self._result + "\n", style="bold")
        text.append("Today: ", style="bold")
        if not sessions:
            text.append("no timed sessions yet")
        unit = self.store.settings().temperature
        for index, session in enumerate(sessions):
            if index:
                text.append(" · ")
            text.append(f"{session.preset or session.kind} {format_clock(session.elapsed_s or 0)}")
            if session.temperature_c is not None:
                text.append(f" {format_temperature(session.temperature_c, unit)}")
            mark = {"completed": " ✓", "partial": " (partial)", "running": " (running)"}
            text.append(mark[session.status.value])
        self.query_one("#timer-log", Static).update(text)

    @on(OptionList.OptionSelected, "#preset-list")
    def _preset_chosen(self) -> None:
        preset = self._highlighted()
        if preset is not None:
            self.begin(preset)

    def action_new_preset(self) -> None:
        self.app.push_screen(PresetEditorDialog(None, self._presets()), self._preset_saved(None))

    def action_edit_preset(self) -> None:
        preset = self._highlighted()
        if preset is not None:
            self.app.push_screen(
                PresetEditorDialog(preset, self._presets()), self._preset_saved(preset.name)
            )

    def _preset_saved(self, replacing: str | None) -> Callable[[object], None]:
        def saved(result: object) -> None:
            if isinstance(result, Preset):
                self.store.save_preset(result, replacing=replacing)
                self.refresh_data()
                options = self.query_one("#preset-list", OptionList)
                options.highlighted = options.get_option_index(result.name)
                self.notify(f"Saved {result.name} ({format_clock(result.total_s)})")

        return saved

    def action_delete_preset(self) -> None:
        preset = self._highlighted()
        if preset is None:
            return
        if preset.kind != "custom":
            self.notify(
                f"{preset.name} is built in: edit it (e), but it cannot be deleted",
                severity="warning",
            )
            return

        def delete(confirmed: object) -> None:
            if confirmed:
                self.store.delete_preset(preset.name)
                self.refresh_data()
                self.notify(f"Deleted {preset.name}")

        self.app.push_screen(ConfirmDialog(f"Delete the preset {preset.name}?"), delete)

    # Starting and resuming

    def begin(
        self, preset: Preset, duration_s: int | None = None, ask_temperature: bool = True
    ) -> None:
        """Start ``preset`` (optionally lasting ``duration_s``), asking the water first."""

        def go() -> None:
            if self.active:
                self.notify(
                    f"{self._title} is still on the clock: stop it (s) before starting another",
                    severity="warning",
                )
                return
            try:
                chosen = preset if duration_s is None else preset.with_duration(duration_s)
            except ValueError as exc:
                self.notify(str(exc), severity="error")
                return
            if not (chosen.temperature and ask_temperature):
                self._start(chosen, None)
                return

            def answered(result: object) -> None:
                if isinstance(result, WaterTemperature):
                    self._start(chosen, result.celsius)

            unit = self.store.settings().temperature
            self.app.push_screen(TemperatureDialog(unit, ice_bath_hints(unit)), answered)

        self._when_ready(go)

    def _start(self, preset: Preset, temperature_c: float | None) -> None:
        countdown = Countdown(preset, self.clock.monotonic)
        session = self.store.start_session(
            RecoverySession(
                date=self.clock.today(),
                kind=preset.kind,
                started_at=self.clock.now(),
                status=SessionStatus.RUNNING,
                planned_s=preset.total_s,
                elapsed_s=0,
                temperature_c=temperature_c,
                preset=preset.name,
            )
        )
        assert session.id is not None
        self.store.claim_session(session.id)
        countdown.start()
        self._run(countdown, session)

    def resume_session(self, session: RecoverySession) -> None:
        """Put a session a crash left running back on the clock, paused where it stood."""

        def go() -> None:
            if self.active:
                self.notify(f"{self._title} is on the clock: stop it first", severity="warning")
                return
            preset = _preset_for(session, self._presets())
            countdown = Countdown(preset, self.clock.monotonic, float(session.elapsed_s or 0))
            self._run(countdown, session)
            self.notify(f"{preset.name} is back at {format_clock(countdown.elapsed_s)}")

        self._when_ready(go)

    def _run(self, countdown: Countdown, session: RecoverySession) -> None:
        self.countdown, self.session = countdown, session
        self._result = ""
        self._shown.clear()
        self._title = countdown.preset.name
        self._last_save = self.clock.monotonic()
        self.query_one("#timer-switcher", ContentSwitcher).current = "timer-running"
        if self._ticker is not None:
            self._ticker.resume()
        self.refresh_bindings()
        self._show()

    # The running timer

    def tick(self) -> None:
        """Announce what the clock crossed, save when due, redraw. Runs at 8 Hz."""
        countdown = self.countdown
        if countdown is None:
            return
        for event in countdown.poll():
            self._announce(event)
            if self.countdown is None:
                return
        if (
            countdown.state is State.RUNNING
            and self.clock.monotonic() - self._last_save >= SAVE_EVERY_S
        ):
            self._save()
        self._show()

    def _announce(self, event: TimerEvent) -> None:
        countdown = self.countdown
        assert countdown is not None
        self.app.bell()
        if isinstance(event, SegmentChanged):
            segments = countdown.segments
            self.notify(
                f"Now: {event.name} ({format_clock(segments[event.index].seconds)})",
                title=f"{self._title} · segment {event.index + 1} of {len(segments)}",
            )
        elif isinstance(event, Finished):
            self.notify(
                f"{self._title} done. Overtime counts up until you stop (s).", title="Time's up"
            )
            self._write_status(SessionStatus.COMPLETED)
            self._run_finish_command()

    def _show(self) -> None:
        countdown = self.countdown
        if countdown is None:
            return
        view = CountdownView.of(countdown)
        self.query_one(CountdownDisplay).view = view
        subtitle = f"{self._title} {view.clock}" + (
            " (paused)" if view.state is State.PAUSED else ""
        )
        if self.app.sub_title != subtitle:
            self.app.sub_title = subtitle
        self._show_segments(countdown)
        self._show_ice_bath(countdown)

    def _update(self, widget_id: str, content: str | Text) -> None:
        """Update a Static only when what it shows changes (ticks come 8 times a second)."""
        if self._shown.get(widget_id) != content:
            self._shown[widget_id] = content
            widget = self.query_one(f"#{widget_id}", Static)
            widget.update(content)
            widget.display = bool(content)

    def _show_segments(self, countdown: Countdown) -> None:
        segments = countdown.segments
        if len(segments) < 2:
            self._update("timer-segments", "")
            return
        current = countdown.segment_index
        done_all = countdown.elapsed_s >= countdown.planned_s
        text = Text()
        half = (len(segments) + 1) // 2
        for row in range(half):
            for index in (row, row + half):
                if index >= len(segments):
                    continue
                segment = segments[index]
                done = index < current or done_all
                mark = "✓" if done else "▶" if index == current else " "
                style = "dim" if done else "bold" if index == current else ""
                cell = f"{mark} {segment.name:<16}{format_duration(segment.seconds):>6}"
                text.append(f"{cell:<34}", style=style)
            text.append("\n" if row < half - 1 else "")
        self._update("timer-segments", text)

    def _show_ice_bath(self, countdown: Countdown) -> None:
        if not countdown.preset.temperature or self.session is None:
            for widget_id in ("timer-temperature", "timer-warnings", "timer-hints"):
                self._update(widget_id, "")
            return
        unit = self.store.settings().temperature
        water = self.session.temperature_c
        self._update(
            "timer-temperature",
            f"Water {format_temperature(water, unit)} (t to change)"
            if water is not None
            else "Water temperature not entered: press t",
        )
        seconds = max(countdown.planned_s, countdown.elapsed_s)
        found = ice_bath_warnings(seconds, water, unit)
        self._update("timer-warnings", "\n".join(f"⚠ {w}" for w in found))
        self._update("timer-hints", "\n".join(f"• {hint}" for hint in ice_bath_hints(unit)))

    def _save(self) -> None:
        """Save elapsed (and planned) time: at least every SAVE_EVERY_S, and on every pause."""
        countdown, session = self.countdown, self.session
        self._last_save = self.clock.monotonic()
        if countdown is None or session is None or session.id is None:
            return
        if self.store.session(session.id) is None:
            self._lost()
            return
        self.store.save_elapsed(session.id, int(countdown.elapsed_s), countdown.planned_s)

    def _write_status(self, status: SessionStatus) -> bool:
        countdown, session = self.countdown, self.session
        if countdown is None or session is None or session.id is None:
            return False
        if self.store.session(session.id) is None:
            self._lost()
            return False
        self.store.finish_session(
            session.id,
            int(countdown.elapsed_s),
            status,
            temperature_c=session.temperature_c,
            planned_s=countdown.planned_s,
        )
        self.session = replace(session, status=status)
        return True

    def _lost(self) -> None:
        """The row went away under us (unticked on Today, discarded elsewhere)."""
        self.notify(
            f"{self._title} was removed from the log elsewhere; the timer stops here",
            severity="warning",
        )
        self._close("")

    def action_pause_resume(self) -> None:
        countdown = self.countdown
        if countdown is None:
            return
        countdown.toggle()
        if countdown.state is State.PAUSED:
            self._save()
        self._show()

    def action_add_minute(self) -> None:
        if self.countdown is not None:
            self.countdown.add_minute()
            self._save()
            self._show()

    def action_remove_minute(self) -> None:
        if self.countdown is not None:
            self.countdown.remove_minute()
            self._save()
            self.tick()

    def action_next_segment(self) -> None:
        if self.countdown is not None:
            self.countdown.next_segment()
            self.tick()
            self._save()

    def action_temperature(self) -> None:
        session = self.session
        if session is None or session.id is None:
            return
        unit = self.store.settings().temperature

        def answered(result: object) -> None:
            if not isinstance(result, WaterTemperature) or self.session is None:
                return
            self.session = replace(self.session, temperature_c=result.celsius)
            if self.session.id is not None and self.store.session(self.session.id):
                self.store.set_session_temperature(self.session.id, result.celsius)
            self._show()

        self.app.push_screen(
            TemperatureDialog(unit, ice_bath_hints(unit), session.temperature_c, "Save"), answered
        )

    def action_stop(self) -> None:
        countdown = self.countdown
        if countdown is None:
            return
        elapsed = countdown.elapsed_s
        if elapsed >= countdown.planned_s:
            self._finish(SessionStatus.COMPLETED)
            return
        done = f"{format_clock(elapsed)} of {format_clock(countdown.planned_s)}"

        def answered(answer: object) -> None:
            current = self.countdown
            if current is not countdown:
                return
            if answer == "log":
                if current.elapsed_s < current.planned_s:
                    self._finish(SessionStatus.PARTIAL, elapsed)
                else:
                    self._finish(SessionStatus.COMPLETED)
            elif answer == "discard":
                self._discard()

        self.app.push_screen(
            ChoiceDialog(
                f"Stop {self._title}?",
                f"{done} done. Log it as a partial session, or discard it?\n"
                "Keep going closes this and the timer runs on.",
                [Choice("l", "Log partial", "log"), Choice("d", "Discard", "discard")],
                cancel="Keep going",
            ),
            answered,
        )

    def _finish(self, status: SessionStatus, elapsed_s: float | None = None) -> None:
        countdown = self.countdown
        if countdown is None:
            return
        countdown.stop()
        elapsed = countdown.elapsed_s if elapsed_s is None else elapsed_s
        session = self.session
        if session is None or session.id is None:
            return
        if self.store.session(session.id) is None:
            self._lost()
            return
        self.store.finish_session(
            session.id,
            int(elapsed),
            status,
            temperature_c=session.temperature_c,
            planned_s=countdown.planned_s,
        )
        word = "partial"
        if status is SessionStatus.COMPLETED:
            word = "completed ✓ (ticked on the day's checklist)"
        self._close(
            f"Logged {self._title}: {format_clock(elapsed)} of "
            f"{format_clock(countdown.planned_s)}, {word}"
        )

    def _discard(self) -> None:
        session = self.session
        if session is not None and session.id is not None:
            self.store.discard_session(session.id)
        self._close(f"Discarded {self._title}")

    def _close(self, result: str) -> None:
        session = self.session
        if session is not None and session.id is not None:
            self.store.release_session(session.id)
        self.countdown = self.session = None
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
        if self.active:
            self.notify(f"{self._title} keeps running: press 3 to come back to it")
        self.app.switch_mode("today")

    def _run_finish_command(self) -> None:
        command = self.store.settings().on_finish_command
        if not command:
            return
        try:
            process = start_finish_command(command, self._title)
        except (OSError, ValueError) as exc:
            self.notify(f"on_finish_command failed: {exc}", severity="error")
            return
        self._wait_for(process, command)

    @work(thread=True, group="finish-command")
    def _wait_for(self, process: subprocess.Popen[bytes], command: str) -> None:
        try:
            code = process.wait(COMMAND_WAIT_S)
        except subprocess.TimeoutExpired:
            return
        if code != 0:
            self.app.call_from_thread(
                self.notify, f"on_finish_command exited with {code}: {command}", severity="error"
            )


def start_finish_command(command: str, preset_name: str) -> subprocess.Popen[bytes]:
    """Run the ``on_finish_command`` setting without a shell; ``{preset}`` is the preset's name.

    Raises ``ValueError`` for unbalanced quotes and ``OSError`` for a missing program.
    """
    args = [arg.replace("{preset}", preset_name) for arg in shlex.split(command)]
    if not args:
        raise ValueError("the command is empty")
    return subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _preset_line(preset: Preset) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{preset.name:<22}", style="bold")
    text.append(f"{format_clock(preset.total_s):>8}")
    if len(preset.segments) > 1:
        text.append(f"   {len(preset.segments)} segments", style="dim")
    if preset.temperature:
        text.append("   water temperature", style="dim")
    if preset.hint:
        text.append(f"   {preset.hint}", style="dim")
    return text


def _preset_for(session: RecoverySession, presets: list[Preset]) -> Preset:
    """The preset a stored session ran, at the length it was planned."""
    preset: Preset | None = next((p for p in presets if p.name == session.preset), None)
    if preset is None:
        try:
            preset = find_preset(presets, session.kind)
        except ValueError:
            name = session.preset or session.kind.replace("_", " ").capitalize()
            preset = Preset.single(name, session.kind, session.planned_s or 60)
    planned = session.planned_s
    if planned and planned != preset.total_s and planned >= len(preset.segments):
        preset = preset.with_duration(planned)
    return preset


# Entry points for the app and the other screens


def _timer_screen(app: RecovApp) -> TimerScreen:
    app.switch_mode("timer")
    screen = app.screen_stack[0]
    assert isinstance(screen, TimerScreen)
    return screen


def start_timer(
    app: RecovApp,
    preset_name: str,
    duration_s: int | None = None,
    *,
    ask_temperature: bool = True,
) -> bool:
    """Open the Timer and start a preset named as on the command line (``ice-bath``).

    An ice bath asks the water temperature first unless ``ask_temperature`` is
    False (enter skips it). Returns False, with a toast, for an unknown preset.
    """
    try:
        preset = find_preset(app.store.presets(), preset_name)
    except ValueError as exc:
        app.notify(str(exc), severity="error")
        return False
    _timer_screen(app).begin(preset, duration_s, ask_temperature)
    return True


def on_app_start(app: RecovApp) -> None:
    """Offer back every session a crash left running, then start the command line's timer.

    A session another recovtui window is still timing is left alone (it holds
    the session's claim).
    """
    store = app.store
    orphans = [
        s for s in store.running_sessions() if s.id is not None and store.claim_session(s.id)
    ]
    resumed = False

    def start_requested() -> None:
        if app.timer_preset is None:
            return
        if resumed:
            app.notify(f"Not starting {app.timer_preset}: finish the resumed session first")
            return
        start_timer(app, app.timer_preset, app.timer_duration_s, ask_temperature=False)

    def offer_next() -> None:
        if not orphans:
            start_requested()
            return
        session = orphans.pop(0)
        unit = app.store.settings().temperature
        app.push_screen(
            unfinished_session_dialog(session, app.clock.now(), unit, allow_resume=not resumed),
            lambda answer: answered(session, answer),
        )

    def answered(session: RecoverySession, answer: object) -> None:
        nonlocal resumed
        assert session.id is not None
        if answer == "resume":
            resumed = True
            _timer_screen(app).resume_session(session)
        elif answer == "log":
            elapsed = session.elapsed_s or 0
            status = session_status(elapsed, session.planned_s)
            app.store.finish_session(session.id, elapsed, status)
            app.store.release_session(session.id)
            name = session.preset or session.kind
            app.notify(f"Logged {name}: {format_clock(elapsed)} ({status})")
        elif answer == "discard":
            app.store.discard_session(session.id)
            app.store.release_session(session.id)
            app.notify(f"Discarded {session.preset or session.kind}")
        else:
            app.store.release_session(session.id)
            app.notify("Kept for later: it will be offered again on the next start")
        offer_next()

    app.call_after_refresh(offer_next)
