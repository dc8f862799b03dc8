"""User text on screen (docs/architecture.md): a name, note or reason is shown as typed.

A ``str`` handed to ``Static``, ``Label`` or ``update`` is parsed as markup, so
``Protein [whey] shake`` loses its ``[whey]`` and ``[/]`` crashes the app;
:func:`plain` makes it a :class:`~rich.text.Text`, drawn literally, its control
characters shown escaped (``\\x1b``) as commands print them. Toasts need nothing: the
app shows every toast as plain text.

Textual passes control characters through to the terminal (it strips only a few), so
a note imported with ``\\x1b[2J`` in it, shown by any widget that did not go through
:func:`plain` (an input holding it, a table cell), would clear the screen: the app's
:data:`NO_CONTROLS` filter drops every control character from every line it draws.
They take no cell, so dropping them moves nothing.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from tracker.domain.text import terminal_text

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def plain(text: str, style: str = "") -> Text:
    """``text`` drawn exactly as it is: never markup, control characters escaped."""
    return Text(terminal_text(text), style=style)


class NoControlCharacters(LineFilter):
    """Drops control characters from the text of every segment drawn."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROL.search(segment.text) for segment in segments):
            return segments
        return [
            segment if segment.control else segment._replace(text=_CONTROL.sub("", segment.text))
            for segment in segments
        ]


NO_CONTROLS = NoControlCharacters()
