"""The check-in (``c`` on Today): how the day felt, in a few keys, and the day checked in.

The four Hooper items and mood are one digit each: a digit from 1 to 7 moves on
to the next field by itself, any other is named under its field. ``enter`` on a
field left as it was skips it; ``enter`` on a field typed in (or ``ctrl+s``
anywhere) checks the day in. Values are read by
:func:`tracker.domain.wellness.read_wellness`, as ``recovtui checkin`` reads
them, and nothing is saved until every field is right.

Backfill asks the same questions, briefly: the Hooper items and sleep only, and
``escape`` skips them (the day is checked in all the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Input, Static

from tracker.domain.dates import ParseError
from tracker.domain.forms import FormErrors
from tracker.domain.wellness import (
    FIELDS,
    HOOPER_ITEMS,
    LABELS,
    Wellness,
    parse_scale,
    read_wellness,
)
from tracker.screens.modals.base import CANCEL, ButtonSpec, Form

SaveWellness = Callable[[Wellness], str | None]
SAVED, UNDO = "saved", "undo"
ONE_DIGIT = frozenset({*HOOPER_ITEMS, "mood"})
BRIEF_FIELDS = (*HOOPER_ITEMS, "sleep_h")
PLACEHOLDERS = {
    "sleep_quality": "1 very, very good … 7 very, very bad",
    "fatigue": "1–7",
    "stress": "1–7",
    "soreness": "1–7",
    "sleep_h": "hours last night: 7, 7.5 or 7:30",
    "mood": "optional: 1–7",
    "rhr": "optional: this morning's bpm, 30–120",
    "pain": "optional: none, or where and 0–10: left calf 3",
}


def _one_digit(text: str) -> bool:
    """``text`` is one digit a one-digit field takes (1-7)."""
    try:
        parse_scale(text)
    except ParseError:
        return False
    return len(text) == 1


def field_texts(entry: Wellness | None) -> dict[str, str]:
    """What each field shows for a stored entry (empty for a value not recorded)."""
    if entry is None:
        return dict.fromkeys(FIELDS, "")
    texts = {
        name: "" if (value := getattr(entry, name)) is None else str(value)
        for name in FIELDS
        if name not in ("sleep_h", "pain")
    }
    texts["sleep_h"] = "" if entry.sleep_h is None else f"{entry.sleep_h:g}"
    texts["pain"] = "" if entry.pain_site is None else f"{entry.pain_site} {entry.pain}"
    return {name: texts[name] for name in FIELDS}


class CheckinForm(Form[str]):
    """Check ``day`` in with how it felt. Dismisses with :data:`SAVED`, :data:`UNDO`
    (only offered when ``undo`` is given: the day is already checked in) or None."""

    FIELDS: ClassVar[tuple[str, ...]] = FIELDS
    AUTO_FOCUS = "#sleep_quality"
    BOX_ID = "checkin-form"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "undo", "Undo check-in", tooltip="The day is no longer checked in"),
    ]

    BRIEF: ClassVar[bool] = False

    def __init__(
        self, day: date, save: SaveWellness, entry: Wellness | None = None, *, undo: bool = False
    ) -> None:
        if self.BRIEF:
            title = f"How was {day:%A %-d %B}? (optional)"
        elif undo:
            title = f"Checked in — {day:%A %-d %B}: how it felt"
        else:
            title = f"Check in — {day:%A %-d %B}"
        super().__init__(title)
        self.day, self.save_wellness, self.entry = day, save, entry
        self.brief, self.can_undo = self.BRIEF, undo
        self.names = self.FIELDS
        self.initial = field_texts(entry)

    def compose_body(self) -> ComposeResult:
        yield Static(
            "1 = very, very good … 7 = very, very bad. A digit moves on; enter skips a field.",
            classes="form-hint",
        )
        for name in self.names:
            yield from self.input_field(name, LABELS[name], self.initial[name], PLACEHOLDERS[name])

    def buttons(self) -> Iterable[ButtonSpec]:
        label = "Save (ctrl+s)" if self.brief or self.can_undo else "Check in (ctrl+s)"
        yield ButtonSpec(label, "save", "primary")
        if self.can_undo:
            yield ButtonSpec("Undo check-in (ctrl+n)", UNDO, "warning")
        yield ButtonSpec("Skip (esc)", "cancel") if self.brief else CANCEL

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_undo if action == "undo" else True

    def _next(self, name: str) -> None:
        """Focus the field after ``name``, or the primary button after the last one."""
        index = self.names.index(name)
        target = f"#{self.names[index + 1]}" if index + 1 < len(self.names) else "#save"
        self.query_one(target).focus()

    @on(Input.Changed)
    def _one_digit_moves_on(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name not in ONE_DIGIT or event.value == self.initial[name]:
            return  # not a digit field, or as it was shown (prefilled)
        if event.value != event.input.value:
            return  # typed on since: the field's own last change follows
        if not event.value.strip():
            return
        if len(event.value) > 1 and _one_digit(event.value[0]):
            self._spill(name, event.value)
            return
        try:
            parse_scale(event.value)
        except ParseError as exc:
            event.prevent_default()  # keep the problem shown (the base clears errors on change)
            self._show_error(f"#{name}-error", str(exc))
            return
        if event.input.has_focus:
            self._next(name)

    def _spill(self, name: str, typed: str) -> None:
        """Keys that came in one burst (typed ahead, over a slow link, or pasted) all land
        in the field focused as they arrive: give each digit field its own digit, as typing
        them one by one does, and what is left to the field after the last."""
        rest, target = typed, name
        for field in self.names[self.names.index(name) :]:
            target = field
            box = self.query_one(f"#{field}", Input)
            with self.prevent(Input.Changed):  # each is set here, checked when saved
                if field in ONE_DIGIT and _one_digit(rest[0]):
                    box.value, rest = rest[0], rest[1:]
                else:
                    box.value, rest = rest, ""
            self._show_error(f"#{field}-error", "")
            if not rest:
                break
        if target not in ONE_DIGIT or not _one_digit(self.text(target)):
            if target in ONE_DIGIT:  # named as if typed there
                try:
                    parse_scale(self.text(target))
                except ParseError as exc:
                    self._show_error(f"#{target}-error", str(exc))
            box = self.query_one(f"#{target}", Input)
            box.focus()
            box.call_after_refresh(box.action_end)  # on after the text, nothing selected
        else:
            self._next(target)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """``enter`` on a field as it was shown skips it; on one typed in, it saves."""
        event.stop()
        event.prevent_default()
        name = event.input.id or ""
        if name in self.names and event.value == self.initial[name] and name != self.names[-1]:
            self._next(name)
        else:
            self.submit()

    @on(Button.Pressed, f"#{UNDO}")
    def _undo_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_undo()

    def action_undo(self) -> None:
        if self.can_undo:
            self.dismiss(UNDO)

    def submit(self) -> None:
        texts = {name: self.text(name) for name in self.names}
        try:
            entry = read_wellness(self.day, texts, self.entry)
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        self.show_errors({})
        problem = self.save_wellness(entry)
        if problem:
            self.show_problem(problem)
            return
        self.dismiss(SAVED)


class BriefCheckinForm(CheckinForm):
    """The check-in of a missed evening: the Hooper items and sleep; ``escape`` skips them."""

    FIELDS = BRIEF_FIELDS
    BRIEF = True
    ESCAPE_LEAVES_FIELD = False
