"""The Timer's dialogs: the water temperature, the preset editor, an unfinished session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pendulum
from textual.app import ComposeResult
from textual.widgets import Label, Static

from tracker.domain.dates import ParseError
from tracker.domain.presets import Preset, check_preset_name, format_segments, parse_segments
from tracker.domain.recovery import RecoverySession
from tracker.domain.units import (
    format_clock,
    format_temperature,
    parse_temperature,
    temperature_value,
)
from tracker.screens.modals.base import CANCEL, ButtonSpec, Form
from tracker.screens.modals.confirm import Choice, ChoiceDialog


@dataclass(frozen=True, slots=True)
class WaterTemperature:
    """The answer of :class:`TemperatureDialog`: °C, or None when left empty."""

    celsius: float | None


class TemperatureDialog(Form[WaterTemperature]):
    """Ask the water temperature in the runner's unit, with the evidence hints."""

    FIELDS = ("temperature",)

    def __init__(
        self,
        unit: str,
        hints: Sequence[str],
        current: float | None = None,
        action: str = "Start",
    ) -> None:
        super().__init__(f"Water temperature (°{unit})")
        self.unit, self.hints, self.current, self.action = unit, tuple(hints), current, action

    def compose_body(self) -> ComposeResult:
        value = "" if self.current is None else temperature_value(self.current, self.unit)
        yield Static("\n".join(f"• {hint}" for hint in self.hints), classes="timer-hints")
        yield from self.input_field(
            "temperature",
            f"Water (°{self.unit})",
            value,
            f"e.g. {format_temperature(12, self.unit)} · empty to skip",
        )

    def buttons(self) -> Sequence[ButtonSpec]:
        return (ButtonSpec(f"{self.action} (enter)", "save", "primary"), CANCEL)

    def submit(self) -> None:
        text = self.text("temperature").strip()
        if not text:
            self.dismiss(WaterTemperature(None))
            return
        try:
            celsius = parse_temperature(text, self.unit)
        except ParseError as exc:
            self.show_errors({"temperature": str(exc)})
            return
        self.dismiss(WaterTemperature(celsius))


class PresetEditorDialog(Form[Preset]):
    """Create a preset (``preset`` None) or edit one: name, segments, hint.

    Dismisses with the new :class:`Preset`, or None; saving is the caller's job.
    """

    FIELDS = ("name", "segments", "hint")

    def __init__(self, preset: Preset | None, presets: Sequence[Preset]) -> None:
        super().__init__(f"Edit {preset.name}" if preset else "New timer preset")
        self.preset, self.presets = preset, tuple(presets)

    def compose_body(self) -> ComposeResult:
        from textual.widgets import TextArea  # ~30 ms to import: only when the editor opens

        preset = self.preset
        yield from self.input_field(
            "name", "Name", preset.name if preset else "", "e.g. Calf stretch"
        )
        yield Label("Segments: one a line, duration then name (1:30 Calves L)")
        yield TextArea(
            format_segments(preset) if preset else "10:00",
            id="segments",
            show_cursor=True,
            highlight_cursor_line=False,
        )
        yield Static("", classes="field-error", id="segments-error", markup=False)
        yield from self.input_field(
            "hint", "Hint", preset.hint if preset else "", "optional: e.g. 2–3 pillows"
        )

    def buttons(self) -> Sequence[ButtonSpec]:
        return (ButtonSpec("Save (ctrl+s)", "save", "primary"), CANCEL)

    def submit(self) -> None:
        replacing = self.preset.name if self.preset else None
        try:
            name = check_preset_name(self.text("name"), self.presets, replacing)
        except ValueError as exc:
            self.show_errors({"name": str(exc)})
            return
        try:
            segments = parse_segments(self.text("segments"), name)
        except ValueError as exc:
            self.show_errors({"segments": str(exc)})
            return
        self.show_errors({})
        hint = " ".join(self.text("hint").split())
        if self.preset is None:
            self.dismiss(Preset(name, "custom", segments, hint=hint))
        else:
            self.dismiss(replace(self.preset, name=name, segments=segments, hint=hint))


def _saved(session: RecoverySession, now: pendulum.DateTime) -> tuple[str, str]:
    """When ``session`` started, and the time saved of its plan."""
    started = session.started_at.in_timezone(now.timezone or "UTC")
    planned = f" of {format_clock(session.planned_s)}" if session.planned_s else ""
    return f"{started:%a %-d %b at %H:%M}", f"{format_clock(session.elapsed_s or 0)}{planned}"


def unfinished_session_dialog(
    session: RecoverySession, now: pendulum.DateTime, unit: str, allow_resume: bool = True
) -> ChoiceDialog:
    """Offer back a session left unfinished (a crash, "Later"): log it, resume it, or
    discard it.

    Resuming is offered within an hour of the start, and only when
    ``allow_resume`` (one timer at a time).
    """
    resumable = allow_resume and session.can_resume(now)
    started, saved = _saved(session, now)
    body = (
        f"{session.name} started {started} and was not finished: nothing is timing it."
        f"\nSaved: {saved}"
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


def resume_instead_dialog(session: RecoverySession, now: pendulum.DateTime) -> ChoiceDialog:
    """Starting a preset that has a session left unfinished: resume that one, or settle
    it and start anew (never a second row unasked)."""
    started, saved = _saved(session, now)
    resumable = session.can_resume(now)
    body = (
        f"{session.name} started {started} is unfinished (saved {saved}).\n\n"
        "Resume it, or log it / discard it and start a new one?"
    )
    if not resumable:
        body += "\n(Resume is offered for an hour after the start.)"
    return ChoiceDialog(
        f"{session.name} is unfinished",
        body,
        [
            Choice("r", "Resume it", "resume", enabled=resumable),
            Choice("l", "Log it, start anew", "log"),
            Choice("d", "Discard it, start anew", "discard"),
        ],
        cancel="Cancel",
    )


def stop_dialog(name: str, elapsed_line: str) -> ChoiceDialog:
    """``s`` before the plan is done: log the session as partial, or discard it."""
    return ChoiceDialog(
        f"Stop {name}?",
        f"{elapsed_line}. Log it as a partial session, or discard it?\n"
        "Keep going closes this and the timer runs on.",
        [Choice("l", "Log partial", "log"), Choice("d", "Discard", "discard")],
        cancel="Keep going",
    )


def quit_dialog(name: str, elapsed_line: str) -> ChoiceDialog:
    """``q`` while a session is on the clock: log it as it stands and quit, or stay."""
    return ChoiceDialog(
        f"Quit while {name} runs?",
        f"{elapsed_line}.\nLog it as it stands and quit, or stay with the timer?",
        [Choice("l", "Log it and quit", "log")],
        cancel="Stay",
    )
