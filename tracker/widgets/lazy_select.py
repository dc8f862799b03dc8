"""A ``Select`` whose list of options is built when it first opens.

Textual 8.2.8's ``Select`` mounts its overlay (an ``OptionList`` holding every
option) with the control, and then restyles the control once it learns it has a
value: a screen of eleven choices (Settings) spent a good part of its first open
on overlays the runner opens one of, if any. This one mounts only the line that
shows the choice, already styled as holding its value, and builds the overlay the
first time it opens; from then on it is Textual's ``Select``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.widgets import Select
from textual.widgets._select import NonSelectableStatic, NoSelection, SelectCurrent, SelectOverlay

T = TypeVar("T", bound=Hashable)


class _Current(SelectCurrent):
    """The line showing the choice, drawn by itself until the Select first opens
    (Textual's is three widgets, filled and restyled once mounted): the choice, cut to
    fit, and the open arrow, dimmed as Textual dims it. The first open mounts Textual's
    label and arrows in its place, and from then on it is Textual's line."""

    def __init__(self, placeholder: str, label: RenderableType | None) -> None:
        super().__init__(placeholder)
        if label is not None:
            self.label = label
            self.set_reactive(SelectCurrent.has_value, True)
            self.set_class(True, "-has-value", update=False)

    def compose(self) -> ComposeResult:
        yield from ()

    def update(self, label: RenderableType | NoSelection) -> None:
        if self._nodes:
            super().update(label)
            return
        self.label = label
        self.has_value = label is not Select.NULL
        self.refresh()  # one line, whatever it holds: nothing to lay out again

    async def mount_parts(self) -> None:
        """Mount Textual's label and arrows, showing the choice, in place of the line."""
        label = self.placeholder if isinstance(self.label, NoSelection) else self.label
        await self.mount_all(
            [
                NonSelectableStatic(label, id="label"),
                NonSelectableStatic("▼", classes="arrow down-arrow"),
                NonSelectableStatic("▲", classes="arrow up-arrow"),
            ]
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._nodes:
            return super().get_content_height(container, viewport, width)
        return 1 if width else 0

    def render(self) -> RenderResult:
        if self._nodes:
            return super().render()
        _, _, background, color = self.colors
        dim = Style(color=color.blend(background, 0.5).rich_color)
        label = self.placeholder if isinstance(self.label, NoSelection) else self.label
        text = label.copy() if isinstance(label, Text) else Text(str(label))
        if not self.has_value:
            text.stylize(dim)
        text.truncate(max(self.content_size.width - 2, 0), overflow="ellipsis", pad=True)
        return Text.assemble(text, " ", ("▼", dim), no_wrap=True, end="")


class LazySelect(Select[T], Generic[T]):
    """See the module docstring. Queried as a ``Select`` (it is one)."""

    def _overlay(self) -> SelectOverlay | None:
        try:
            return self.query_one(SelectOverlay)
        except NoMatches:
            return None

    def _prompt_of(self, value: object) -> RenderableType | None:
        return next((prompt for prompt, each in self._options if each == value), None)

    def compose(self) -> ComposeResult:
        value = self._value
        if isinstance(value, NoSelection) and not self._allow_blank:
            value = self._options[0][1]  # what mounting chooses (Textual's rule)
        yield _Current(
            self.prompt, None if isinstance(value, NoSelection) else self._prompt_of(value)
        )

    def _setup_options_renderables(self) -> None:
        if self._overlay() is not None:
            super()._setup_options_renderables()

    def _watch_value(self, value: T | NoSelection) -> None:
        if self._overlay() is not None:
            super()._watch_value(value)
            return
        self._value = value
        try:
            current = self.query_one(SelectCurrent)
        except NoMatches:
            return
        if value == self.NULL:
            current.update(self.NULL)
        else:
            prompt = self._prompt_of(value)
            if prompt is not None and prompt != current.label:
                current.update(prompt)
        self.post_message(self.Changed(self, value))

    def _watch_expanded(self, expanded: bool) -> None:
        if expanded and self._overlay() is None:
            self.run_worker(self._open_first(), exclusive=True, group="lazy-select")
            return
        super()._watch_expanded(expanded)

    def action_show_overlay(self) -> None:
        if self._overlay() is not None:
            super().action_show_overlay()
            return
        self.query_one(SelectCurrent).has_value = True
        self.expanded = True

    async def _open_first(self) -> None:
        """Build the overlay, fill it, and open it as Textual's ``Select`` would."""
        with self._context():  # bound to this Select, as in its compose
            overlay = SelectOverlay(type_to_search=self._type_to_search).data_bind(
                compact=Select.compact
            )
        current = self.query_one(SelectCurrent)
        if isinstance(current, _Current):
            await current.mount_parts()
        await self.mount(overlay)
        self._setup_options_renderables()
        index = next((i for i, (_, each) in enumerate(self._options) if each == self.value), None)
        overlay.highlighted = index
        if self.expanded:
            super()._watch_expanded(True)
            if overlay.highlighted is None:
                overlay.action_first()
