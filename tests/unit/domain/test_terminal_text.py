"""Text from a file or the database printed on a terminal (DESIGN §8): no control
character reaches it raw, and nothing else changes."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.text import terminal_json, terminal_text, without_controls

RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
PIECES = ["\x1b", "]0;", "\x07", "[2J", "\x9b", "\x7f", "\n", "\t", "[/]", "é", "a"]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.characters(), max_size=20).map("".join)


@given(text=HOSTILE)
def test_terminal_text_escapes_every_control_character_but_the_newline(text: str) -> None:
    shown = terminal_text(text)
    assert not RAW.search(shown)
    assert shown.count("\n") == text.count("\n")
    if not RAW.search(text):
        assert shown == text


def test_the_title_and_clear_sequence_is_shown_not_run() -> None:
    assert terminal_text("\x1b]0;TITLE\x07\x1b[2J") == r"\x1b]0;TITLE\x07\x1b[2J"


# 25, not 50: each string's escaping is the property above (100 examples); this one adds
# only that the document's shape survives, and a few nested shapes show that.
@settings(max_examples=25)
@given(value=st.recursive(HOSTILE, lambda inner: st.lists(inner) | st.dictionaries(HOSTILE, inner)))
def test_terminal_json_is_the_same_document_with_no_raw_control(value: object) -> None:
    text = terminal_json(json.dumps(value, ensure_ascii=False))
    assert not RAW.search(text)
    assert json.loads(text) == value


@given(text=HOSTILE)
def test_without_controls_keeps_the_lines(text: str) -> None:
    kept = without_controls(text)
    assert not RAW.search(kept)
    assert kept.count("\n") == text.count("\n")
