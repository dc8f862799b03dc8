"""User text on screen (docs/architecture.md): a name, note or reason is shown as typed.

A ``str`` handed to ``Static``, ``Label`` or ``update`` is parsed as markup, so
``Protein [whey] shake`` loses its ``[whey]`` and ``[/]`` crashes the app;
:func:`plain` makes it a :class:`~rich.text.Text`, drawn literally. Toasts need
nothing: the app shows every toast as plain text.
"""

from __future__ import annotations

from rich.text import Text


def plain(text: str, style: str = "") -> Text:
    """``text`` drawn exactly as it is: never markup."""
    return Text(text, style=style)
