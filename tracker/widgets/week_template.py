"""The week template as one row of seven days, each with its plan kind, and a cursor.

``←``/``→`` pick a day, ``↑``/``↓`` (or ``space``) step its kind through the list, and
the Week screen's capitals (``R`` rest, ``E`` easy, …) set it at once; a click picks a
day, a click on the picked day steps it. The widget only shows: a change the runner
asks for posts :class:`WeekTemplate.Changed`, and the screen decides whether it is
kept (the rest-day rule) and hands the widget the week to show with :meth:`show`.

One widget instead of seven ``Select`` controls: Settings composed and drew 42
widgets for this row alone, most of a first open's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.dates import WEEKDAY_ABBR
from tracker.domain.kinds import DayKind
from tracker.widgets.kind_keys import kind_bindings

KINDS = tuple(DayKind)
DAYS = 7


class WeekTemplate(Widget, can_focus=True):
    """Seven days from the week start: weekday above, plan kind below, one day picked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "week-template--cursor",
        *(f"week-template--{kind.value}" for kind in DayKind),
    }
    DEFAULT_CSS = """
    WeekTemplate {
        height: 2;
        & > .week-template--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .week-template--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Day", key_display="←→", tooltip="Pick the previous day"),
        Binding("right", "move(1)", "Next day", show=False, tooltip="Pick the next day"),
        Binding("up", "step(-1)", "Kind", key_display="↑↓", tooltip="The kind before this one"),
        Binding("down", "step(1)", "Next kind", show=False, tooltip="The kind after this one"),
        Binding("space", "step(1)", "Next kind", show=False, tooltip="The kind after this one"),
        *kind_bindings("the picked day of the template"),
    ]

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Changed(Message):
        """The runner asked for day ``index`` of the template to be ``kind``."""

        template: WeekTemplate
        index: int
        kind: DayKind

        @property
        def control(self) -> WeekTemplate:
            return self.template

    def __init__(
        self,
        kinds: Sequence[DayKind],
        first_weekday: int = 0,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._kinds = self._checked(kinds)
        self._first = first_weekday % DAYS

    @staticmethod
    def _checked(kinds: Sequence[DayKind]) -> tuple[DayKind, ...]:
        if len(kinds) != DAYS:
            raise ValueError(f"a week template has {DAYS} days, not {len(kinds)}")
        return tuple(kinds)

    @property
    def kinds(self) -> tuple[DayKind, ...]:
        """The kinds shown, day 0 (the week start) first."""
        return self._kinds

    @property
    def weekdays(self) -> tuple[str, ...]:
        """The weekday of each day shown ("Mon" …), from the week start."""
        return tuple(WEEKDAY_ABBR[(self._first + index) % DAYS] for index in range(DAYS))

    def show(self, kinds: Sequence[DayKind], first_weekday: int) -> None:
        """Show ``kinds`` from weekday ``first_weekday`` (0 Monday); posts nothing."""
        kinds, first = self._checked(kinds), first_weekday % DAYS
        if (kinds, first) != (self._kinds, self._first):
            self._kinds, self._first = kinds, first
            self.refresh()

    # Asking for a change

    def _ask(self, index: int, kind: DayKind) -> None:
        if self._kinds[index] is not kind:
            self.post_message(self.Changed(self, index, kind))

    def action_move(self, offset: int) -> None:
        self.cursor = (self.cursor + offset) % DAYS

    def action_step(self, offset: int) -> None:
        kind = self._kinds[self.cursor]
        self._ask(self.cursor, KINDS[(KINDS.index(kind) + offset) % len(KINDS)])

    def action_set_kind(self, kind: str) -> None:
        self._ask(self.cursor, DayKind(kind))

    def _column(self) -> int:
        return max(1, self.size.width // DAYS)

    def on_click(self, event: events.Click) -> None:
        index = min(DAYS - 1, max(0, event.x // self._column()))
        if index == self.cursor:
            self.action_step(1)
        else:
            self.cursor = index

    # Drawing

    def render(self) -> Text:
        width = self._column()
        cell = max(1, width - 1)  # a space between days
        days, kinds = Text(), Text()
        for index, (weekday, kind) in enumerate(zip(self.weekdays, self._kinds, strict=True)):
            days.append(f"{weekday[:cell]:<{cell}} ", style="bold")
            style = self.get_component_rich_style(f"week-template--{kind.value}", partial=True)
            if index == self.cursor:
                style += self.get_component_rich_style("week-template--cursor", partial=True)
            kinds.append(f"{kind.label[:cell]:<{cell}}", style=style)
            kinds.append(" ")
        return Text("\n").join((days, kinds))
