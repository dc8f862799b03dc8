"""A checklist: space ticks the highlighted item (recovery and nutrition on Today).

The list only shows; ticking posts :class:`Checklist.Toggled` and the screen
writes to the store and hands the list its new items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tracker.domain.text import terminal_text

TICKED = "[✓] "
UNTICKED = "[ ] "


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    key: str
    label: str
    checked: bool = False
    detail: str = ""
    about: str = ""
    """What the item is good for (the evidence), shown apart while it is highlighted."""


class Checklist(OptionList):
    """Items with a tick box. Space (or enter, or a click) asks to tick or untick one;
    ticking moves on to the next item, unticking stays on the item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", tooltip="Tick or untick the highlighted item"),
    ]

    @dataclass
    class Toggled(Message):
        """The runner asked to tick or untick ``key`` (``checked`` is its state before)."""

        checklist: Checklist
        key: str
        checked: bool

        @property
        def control(self) -> Checklist:
            return self.checklist

    def __init__(
        self, *, advance: bool = True, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.advance = advance
        self._items: tuple[ChecklistItem, ...] = ()

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self._items

    @property
    def highlighted_item(self) -> ChecklistItem | None:
        index = self.highlighted
        return self._items[index] if index is not None and index < len(self._items) else None

    @property
    def checked_keys(self) -> frozenset[str]:
        return frozenset(item.key for item in self._items if item.checked)

    def set_items(self, items: Sequence[ChecklistItem]) -> None:
        """Show ``items``, keeping the highlight where it was."""
        if tuple(items) == self._items:
            return
        highlighted = self.highlighted
        self._items = tuple(items)
        self.set_options(Option(self._prompt(item), id=item.key) for item in self._items)
        if self._items:
            index = 0 if highlighted is None else min(highlighted, len(self._items) - 1)
            self.highlighted = index

    @staticmethod
    def _prompt(item: ChecklistItem) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(TICKED if item.checked else UNTICKED, style="bold" if item.checked else "")
        text.append(terminal_text(item.label))
        if item.detail:
            text.append(f"  {terminal_text(item.detail)}", style="dim")
        return text

    def action_tick(self) -> None:
        index = self.highlighted
        if index is None or not self._items:
            return
        item = self._items[index]
        self.post_message(self.Toggled(self, item.key, item.checked))
        if self.advance and not item.checked and index < len(self._items) - 1:
            self.highlighted = index + 1

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()
