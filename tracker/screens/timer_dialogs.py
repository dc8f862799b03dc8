"""The Timer's dialogs: a choice of actions, the water temperature, the preset editor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

import pendulum
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from tracker.domain.dates import ParseError
from tracker.domain.presets import Preset, check_preset_name, format_segments, parse_segments
from tracker.domain.recovery import RecoverySession
from tracker.domain.units import format_clock, format_temperature, parse_temperature
from tracker.screens.dialogs import Dialog


@dataclass(frozen=True, slots=True)
class Choice:
    """One way out of a :class:`ChoiceDialog`: its key, its button label, its value."""

    key: str
    label: str
    value: str
    enabled: bool = True


class ChoiceDialog(Dialog):
    """A question with a few answers, each a button and a key; escape answers None."""

    def __init__(
        self, title: str, body: str, choices: Sequence[Choice], cancel: str = "Cancel"
    ) -> None:
        super().__init__()
        self.title_text, self.body, self.choices = title, body, tuple(choices)
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.body, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for index, choice in enumerate(self.choices):
                    yield Button(
                        f"{choice.label} ({choice.key})",
                        variant="primary" if index == 0 else "default",
                        id=f"choice-{choice.value}",
                        disabled=not choice.enabled,
                    )
                yield Button(f"{self.cancel} (esc)", id="choice-cancel")

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character == choice.key and choice.enabled:
                event.stop()
                self.dismiss(choice.value)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        self.dismiss(button.removeprefix("choice-") if button != "choice-cancel" else None)


@dataclass(frozen=True, slots=True)
class WaterTemperature:
    """The answer of :class:`TemperatureDialog`: °C, or None when left empty."""

    celsius: float | None


class TemperatureDialog(Dialog):
    """Ask the water temperature in the runner's unit, with the evidence hints."""

    def __init__(
        self,
        unit: str,
        hints: Sequence[str],
        current: float | None = None,
        action: str = "Start",
    ) -> None:
        super().__init__()
        self.unit, self.hints, self.current, self.action = unit, tuple(hints), current, action

    def compose(self) -> ComposeResult:
        value = "" if self.current is None else format_temperature(self.current, self.unit)
        with Vertical(classes="dialog"):
            yield Label(f"Water temperature (°{self.unit})", classes="dialog-title")
            yield Static("\n".join(f"• {hint}" for hint in self.hints), classes="timer-hints")
            yield Input(
                value.split(" ")[0],
                placeholder=f"e.g. {format_temperature(12, self.unit)} · empty to skip",
                id="temperature",
            )
            yield Static("", classes="field-error", id="temperature-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.action} (enter)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#temperature", Input).value.strip()
        if not text:
            self.dismiss(WaterTemperature(None))
            return
        try:
            celsius = parse_temperature(text, self.unit)
        except ParseError as exc:
            _show_error(self.query_one("#temperature-error", Static), str(exc))
            return
        self.dismiss(WaterTemperature(celsius))

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


class PresetEditorDialog(Dialog):
    """Create a preset (``preset`` None) or edit one: name, segments, hint.

    Dismisses with the new :class:`Preset`, or None. Saving is the caller's job,
    so the Settings screen can reuse this dialog.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the preset"),
    ]

    def __init__(self, preset: Preset | None, presets: Sequence[Preset]) -> None:
        super().__init__()
        self.preset, self.presets = preset, tuple(presets)

    def compose(self) -> ComposeResult:
        preset = self.preset
        title = f"Edit {preset.name}" if preset else "New timer preset"
        with VerticalScroll(classes="dialog", can_focus=False):
            yield Label(title, classes="dialog-title")
            yield Label("Name")
            yield Input(
                preset.name if preset else "",
                placeholder="e.g. Calf stretch",
                compact=True,
                id="name",
            )
            yield Static("", classes="field-error", id="name-error")
            yield Label("Segments: one a line, duration then name (1:30 Calves L)")
            yield TextArea(
                format_segments(preset) if preset else "10:00",
                id="segments",
                show_cursor=True,
                highlight_cursor_line=False,
            )
            yield Static("", classes="field-error", id="segments-error")
            yield Label("Hint (optional)")
            yield Input(
                preset.hint if preset else "",
                placeholder="e.g. 2–3 pillows",
                compact=True,
                id="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        replacing = self.preset.name if self.preset else None
        try:
            name = check_preset_name(self.query_one("#name", Input).value, self.presets, replacing)
        except ValueError as exc:
            _show_error(self.query_one("#name-error", Static), str(exc))
            self.query_one("#name", Input).focus()
            return
        _show_error(self.query_one("#name-error", Static), "")
        try:
            segments = parse_segments(self.query_one("#segments", TextArea).text, name)
        except ValueError as exc:
            _show_error(self.query_one("#segments-error", Static), str(exc))
            self.query_one("#segments", TextArea).focus()
            return
        hint = " ".join(self.query_one("#hint", Input).value.split())
        if self.preset is None:
            self.dismiss(Preset(name, "custom", segments, hint=hint))
        else:
            self.dismiss(replace(self.preset, name=name, segments=segments, hint=hint))

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


def _show_error(widget: Static, message: str) -> None:
    widget.update(message)
    widget.display = bool(message)


def unfinished_session_dialog(
    session: RecoverySession, now: pendulum.DateTime, unit: str, allow_resume: bool = True
) -> ChoiceDialog:
    """Offer back a session a crash left running: log it, resume it, or discard it.

    Resuming is offered within an hour of the start, and only when
    ``allow_resume`` (one timer at a time).
    """
    resumable = allow_resume and session.can_resume(now)
    started = session.started_at.in_timezone(now.timezone or "UTC")
    name = session.preset or session.kind.replace("_", " ").capitalize()
    planned = f" of {format_clock(session.planned_s)}" if session.planned_s else ""
    body = (
        f"{name} started {started:%a %-d %b at %H:%M} and was still running when "
        f"recovtui stopped.\nSaved: {format_clock(session.elapsed_s or 0)}{planned}"
    )
    if session.temperature_c is not None:
        body += f" · water {format_temperature(session.temperature_c, unit)}"
    body += ".\n\nLog it as it stood, resume it, or discard it?"
    if not allow_resume:
        body += "\n(Another session is already back on the clock.)"
    elif not resumable:
        body += "\n(Resume is offered for an hour after the start.)"
    return ChoiceDialog(
        "Unfinished session",
        body,
        [
            Choice("l", "Log as it stood", "log"),
            Choice("r", "Resume", "resume", enabled=resumable),
            Choice("d", "Discard", "discard"),
        ],
        cancel="Later",
    )
