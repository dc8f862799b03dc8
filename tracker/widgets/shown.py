"""Update a widget only when what it shows changes.

Textual's ``Static.update`` and ``OptionList.set_options`` lay the screen out again
whatever they are given, and draw the widget again. A screen re-reads its report each
time it comes back into view, and after any write anywhere (a timer's tick, a watched
folder's import): most of what it re-reads is what it shows already, and each such
update would cost a layout of the whole screen (Settings: about 60 ms). :func:`show`
and :func:`show_options` compare what a widget shows with what it is given, and leave
it be when they are the same.

Two texts are the same when they would be drawn the same: Rich's ``Text.__eq__``
compares the characters and spans only, not the text's own style, justification or
overflow, so a line turned dim by its base style alone would compare equal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.widgets.fitted import Lines, Parts


def same(shown: object, given: object) -> bool:
    """Whether ``given`` draws as ``shown`` does (a renderable with no way to compare,
    such as a Rich table, is the same only as itself)."""
    if shown is given:
        return True
    if type(shown) is not type(given):
        return False
    if isinstance(shown, Text) and isinstance(given, Text):
        return _text_key(shown) == _text_key(given)
    if isinstance(shown, Parts) and isinstance(given, Parts):
        return (
            (shown.separator, shown.wrap, shown.indent)
            == (given.separator, given.wrap, given.indent)
            and len(shown.parts) == len(given.parts)
            and all(same(a, b) for a, b in zip(shown.parts, given.parts, strict=True))
        )
    if isinstance(shown, Lines) and isinstance(given, Lines):
        return len(shown.lines) == len(given.lines) and all(
            same(a, b) for a, b in zip(shown.lines, given.lines, strict=True)
        )
    if isinstance(shown, str):
        return shown == given
    return False


def _text_key(text: Text) -> tuple[object, ...]:
    return (
        text.plain,
        text.spans,
        text.style,
        text.justify,
        text.overflow,
        text.no_wrap,
        text.end,
        text.tab_size,
    )


def show(static: Static, content: VisualType, *, layout: bool = True) -> bool:
    """Show ``content`` in ``static`` unless it shows it already; whether it changed."""
    if same(static.content, content):
        return False
    static.update(content, layout=layout)
    return True


def show_options(options: OptionList, given: Iterable[Option]) -> bool:
    """Give ``options`` the ``given`` options unless it holds the same (ids, prompts and
    which are disabled) already, keeping its highlight then; whether they changed."""
    given = list(given)
    held = options.options
    if len(held) == len(given) and all(
        a.id == b.id and a.disabled == b.disabled and same(a.prompt, b.prompt)
        for a, b in zip(held, given, strict=True)
    ):
        return False
    options.set_options(given)
    return True
