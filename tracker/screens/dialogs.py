"""Small modal dialogs shared by the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain.dates import ParseError
from tracker.domain.kinds import DayKind
from tracker.domain.plan import PlanDay
from tracker.domain.units import format_distance, parse_distance

SaveDay = Callable[[DayKind, int | None, str | None], str | None]


class Dialog(ModalScreen[object]):
    """A centred box; escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(Dialog):
    """Yes or no. Dismisses with True or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", tooltip="Confirm"),
        Binding("n", "cancel", "No", tooltip="Cancel"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#yes")
    def confirm_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


class TextPromptDialog(Dialog):
    """Ask for one line of text; ``check`` returns an error message or None."""

    def __init__(
        self,
        title: str,
        placeholder: str = "",
        value: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.placeholder, self.value = title, placeholder, value
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="text")
            yield Static("", classes="field-error", id="text-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#text", Input).value.strip()
        problem = self.check(text) if self.check else None
        if problem:
            self.query_one("#text-error", Static).update(problem)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


class EditDayDialog(Dialog):
    """Edit a planned day: kind, target distance, note.

    ``save`` stores the change and returns the reason it was refused, or None.
    Focus starts in the distance, where enter saves (on the kind, enter opens the list).
    """

    AUTO_FOCUS = "#target"

    def __init__(self, day: PlanDay, units: str, save: SaveDay) -> None:
        super().__init__()
        self.day, self.units, self.save_day = day, units, save

    def compose(self) -> ComposeResult:
        day = self.day
        target = format_distance(day.target_m, self.units).split()[0] if day.target_m else ""
        with Vertical(classes="dialog"):
            yield Label(f"Plan for {day.date:%A %-d %B %Y}", classes="dialog-title")
            yield Label("Kind")
            yield Select(
                [(kind.label, kind) for kind in DayKind],
                value=day.kind,
                allow_blank=False,
                id="kind",
            )
            yield Label(f"Target distance ({self.units}, optional)")
            yield Input(target, placeholder="e.g. 10 or 800m", id="target")
            yield Static("", classes="field-error", id="target-error")
            yield Label("Note (optional)")
            yield Input(day.note or "", placeholder="e.g. 6 × 800 m at 5k pace", id="note")
            yield Static("", classes="field-error", id="save-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        kind = self.query_one("#kind", Select).value
        assert isinstance(kind, DayKind)
        text = self.query_one("#target", Input).value.strip()
        target_error = self.query_one("#target-error", Static)
        target: int | None = None
        if text:
            try:
                target = parse_distance(text, self.units)
            except ParseError as exc:
                target_error.update(str(exc))
                self.query_one("#target", Input).focus()
                return
        target_error.update("")
        note = self.query_one("#note", Input).value.strip() or None
        problem = self.save_day(kind, target, note)
        if problem:
            self.query_one("#save-error", Static).update(problem)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
