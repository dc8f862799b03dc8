"""Questions: yes or no, one of a few answers, one line of text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Input, Static

from tracker.screens.modals.base import CANCEL, SAVE, ButtonSpec, Modal
from tracker.widgets.plain import plain


class ConfirmDialog(Modal[bool]):
    """Yes or no. Dismisses with True or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", tooltip="Confirm"),
        Binding("n", "cancel", "No", tooltip="Cancel"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__("Are you sure?")
        self.question, self.yes, self.no = question, yes, no

    def compose_body(self) -> ComposeResult:
        yield Static(plain(self.question), classes="dialog-question")

    def buttons(self) -> Iterable[ButtonSpec]:
        return (ButtonSpec(f"{self.yes} (y)", "yes", "primary"), ButtonSpec(f"{self.no} (n)", "no"))

    def action_confirm(self) -> None:
        self.dismiss(True)

    def submit(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#yes")
    def confirm_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def cancel_pressed(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class Choice:
    """One way out of a :class:`ChoiceDialog`: its key, its button label, its value."""

    key: str
    label: str
    value: str
    enabled: bool = True


class ChoiceDialog(Modal[str]):
    """A question with a few answers, each a button and a key; escape answers None."""

    BOX_CLASSES = "choice-dialog"

    def __init__(
        self, title: str, body: str, choices: Sequence[Choice], cancel: str = "Cancel"
    ) -> None:
        super().__init__(title)
        self.body, self.choices, self.cancel = body, tuple(choices), cancel

    def compose_body(self) -> ComposeResult:
        yield Static(plain(self.body), classes="dialog-question")

    def buttons(self) -> Iterable[ButtonSpec]:
        for index, choice in enumerate(self.choices):
            yield ButtonSpec(
                f"{choice.label} ({choice.key})",
                f"choice-{choice.value}",
                "primary" if index == 0 else "default",
                disabled=not choice.enabled,
            )
        yield ButtonSpec(f"{self.cancel} (esc)", "choice-cancel")

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character == choice.key and choice.enabled:
                event.stop()
                self.dismiss(choice.value)

    def submit(self) -> None:
        first = next((choice for choice in self.choices if choice.enabled), None)
        self.dismiss(first.value if first else None)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        self.dismiss(button.removeprefix("choice-") if button != "choice-cancel" else None)


class TextPromptDialog(Modal[str]):
    """Ask for one line of text; ``check`` returns why it is refused, or None.

    ``check`` may save it too (a name checked against the store as it is added):
    the dialog closes only when it returns None.
    """

    FIELDS = ("text",)

    def __init__(
        self,
        title: str,
        placeholder: str = "",
        value: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(title)
        self.placeholder, self.value = placeholder, value
        self.check = check

    def compose_body(self) -> ComposeResult:
        yield Input(self.value, placeholder=self.placeholder, compact=True, id="text")
        yield Static("", classes="field-error", id="text-error", markup=False)

    def buttons(self) -> Iterable[ButtonSpec]:
        return (SAVE, CANCEL)

    def submit(self) -> None:
        text = self.text("text").strip()
        problem = self.check(text) if self.check else None
        if problem:
            self.show_errors({"text": problem})
            return
        self.dismiss(text)
