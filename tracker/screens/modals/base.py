"""The one dialog of recovtui: a titled box, its fields, field errors, buttons, escape.

Every dialog is a :class:`Modal`. A subclass composes its body (fields made
with :meth:`Modal.field`, one line each, the error under the field), names its
buttons, and answers :meth:`Modal.submit` — called by enter in a field and by
the primary button. ``escape`` leaves a text field first (to the dialog's first
button), then, pressed again (or the cancel button), dismisses it with None.
The dialog has its own footer: it shows the dialog's keys, not the screen's.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from tracker.screens.styles import add_styles_of
from tracker.widgets.footer import Footer
from tracker.widgets.lazy_select import LazySelect
from tracker.widgets.plain import plain

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    """A dialog button: its label (with its key), id and variant."""

    label: str
    id: str
    variant: str = "default"
    disabled: bool = False


SAVE = ButtonSpec("Save (enter)", "save", "primary")
CANCEL = ButtonSpec("Cancel (esc)", "cancel")


class Modal(ModalScreen[T | None], Generic[T]):
    """A dialog box; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "Cancel", tooltip="Leave the field, then close without saving"),
    ]
    STYLES: ClassVar[str | None] = "modals"
    """Every dialog's rules (``tracker/styles/modals.tcss``, scoped to this class)."""
    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The fields whose errors :meth:`show_errors` shows, in the order they are focused."""
    BOX_CLASSES: ClassVar[str] = ""
    BOX_ID: ClassVar[str | None] = None
    ESCAPE_LEAVES_FIELD: ClassVar[bool] = True
    """False for a dialog whose escape means "skip" at once (its fields all optional)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def _post_register(self, app: App[Any]) -> None:
        add_styles_of(app, self)  # before any of its widgets is styled
        super()._post_register(app)

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog {self.BOX_CLASSES}".strip(), id=self.BOX_ID):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield from self.compose_body()
            yield Static("", classes="field-error", id="save-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for spec in self.buttons():
                    yield Button(
                        spec.label,
                        id=spec.id,
                        variant=spec.variant,  # type: ignore[arg-type]
                        disabled=spec.disabled,
                        compact=True,
                    )
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def buttons(self) -> Iterable[ButtonSpec]:
        return (SAVE, CANCEL)

    def field(self, name: str, label: str, widget: Widget) -> ComposeResult:
        """One form row: the label, the widget (id ``name``), and its error line."""
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label", markup=False)
            yield widget
        yield Static("", classes="field-error", id=f"{name}-error", markup=False)

    def input_field(
        self, name: str, label: str, value: str = "", placeholder: str = ""
    ) -> ComposeResult:
        """A one-line text field (id ``name``) in a form row."""
        yield from self.field(
            name, label, Input(value, placeholder=placeholder, compact=True, id=name)
        )

    def select_field(
        self, name: str, label: str, options: Iterable[tuple[str, object]], value: object
    ) -> ComposeResult:
        """A choice among ``options`` (label, value), ``value`` chosen, in a form row."""
        select: Select[object] = LazySelect(
            options, value=value, allow_blank=False, compact=True, id=name
        )
        yield from self.field(name, label, select)

    # Values and errors

    def text(self, name: str) -> str:
        """What was typed in the field ``name`` (an Input or a TextArea)."""
        widget = self.query_one(f"#{name}")
        if isinstance(widget, Input):
            return widget.value
        assert _is_text_area(widget)
        return str(widget.text)  # type: ignore[attr-defined]

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each field's problem under it; focus the first bad field, its text selected."""
        for name in self.FIELDS:
            self._show_error(f"#{name}-error", errors.get(name, ""))
        for name in self.FIELDS:
            if name in errors:
                widget = self.query_one(f"#{name}")
                widget.focus()
                if isinstance(widget, Input):
                    widget.select_all()  # typing replaces the wrong value
                break

    def show_problem(self, message: str) -> None:
        """A problem with the whole form (a refusal), shown above the buttons."""
        self._show_error("#save-error", message)

    def _show_error(self, selector: str, message: str) -> None:
        error = self.query_one(selector, Static)
        error.update(plain(message))  # it may quote what was typed
        error.set_class(bool(message), "-shown")

    @on(Input.Changed)
    def _clear_error(self, event: Input.Changed) -> None:
        name = event.input.id
        if name in self.FIELDS:
            self._show_error(f"#{name}-error", "")

    # Answers

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _submitted(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.submit()

    @on(Button.Pressed, "#cancel")
    def _cancelled(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def submit(self) -> None:
        """Check the form and dismiss with its value; show what is wrong otherwise."""
        raise NotImplementedError

    def action_escape(self) -> None:
        """Leave a text field (to the first button); outside one, close the dialog."""
        if self.ESCAPE_LEAVES_FIELD and (
            isinstance(self.focused, Input) or _is_text_area(self.focused)
        ):
            buttons = self.query(".dialog-buttons Button").results(Button)
            first = next((b for b in buttons if not b.disabled), None)
            if first is not None:
                first.focus()
                return
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)


class Form(Modal[T]):
    """A dialog of fields: ``ctrl+s`` saves from anywhere in it, like enter in a field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Save", tooltip="Check the form and save it"),
    ]
    BOX_CLASSES = "form"

    def action_submit(self) -> None:
        self.submit()


def _is_text_area(widget: object) -> bool:
    """Is ``widget`` a TextArea, without importing Textual's (~30 ms of a Timer's first
    open: only the preset editor has one, and imports it as it opens)? None can exist
    before that module is imported."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)
