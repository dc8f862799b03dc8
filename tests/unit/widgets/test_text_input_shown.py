"""User text on screen (DESIGN §7): :func:`plain` draws it literally, control characters
escaped as ``domain/text.py`` escapes them for a terminal; and the app's line filter
keeps any control character a widget still holds off the terminal, moving nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from tests.text_inputs import SCREEN_TEXT
from tracker.domain.text import terminal_text
from tracker.widgets.plain import NO_CONTROLS, plain

RAW = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FEW = settings(max_examples=60)
CONSOLE = Console(width=10_000)


@FEW
@given(text=SCREEN_TEXT)
def test_plain_text_is_drawn_as_typed_with_controls_escaped(text: str) -> None:
    shown = "".join(segment.text for segment in plain(text).render(CONSOLE))
    assert shown == terminal_text(text)
    assert not RAW.search(shown.replace("\n", ""))
    if not RAW.search(text):
        assert shown == text  # markup-like, odd unicode and long text: exactly as typed


@FEW
@given(texts=st.lists(SCREEN_TEXT, min_size=1, max_size=4))
def test_the_filter_drops_control_characters_and_moves_nothing(texts: list[str]) -> None:
    segments = [Segment(text, Style(bold=index % 2 == 0)) for index, text in enumerate(texts)]
    strip = Strip(segments)
    kept = NO_CONTROLS.apply(list(strip), Color(0, 0, 0))
    assert "".join(s.text for s in kept) == RAW.sub("", "".join(texts))
    assert [s.style for s in kept] == [s.style for s in segments]
    assert Strip(kept).cell_length == strip.cell_length  # a control character takes no cell


def test_a_line_without_control_characters_is_left_as_it_is() -> None:
    segments = [Segment("Protein [whey] shake"), Segment(" 中文 😀")]
    assert NO_CONTROLS.apply(segments, Color(0, 0, 0)) is segments
