"""Hostile text for every text input (DESIGN §7, §11): markup-like strings, control
characters, long and unicode-odd text. The unit properties draw from :data:`TYPED`
(and :data:`ANY_TEXT`, lone surrogates too, for what a command line can pass);
the Pilot tests type the fixed :data:`SAMPLES`."""

from __future__ import annotations

from hypothesis import strategies as st

MARKUP = ["[/]", "[b]", "[/b]", "[link=x]", "[@click=app.quit]", "[", "]", "\\[", "[red]x[/]"]
CONTROLS = [chr(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
SEQUENCES = ["\x1b[2J", "\x1b]0;TITLE\x07", "\x1b]52;c;aGk=\x07", "\x9b31m", "\r\n", "\t"]
ODD = ["e\u0301", "\u202e", "\u200f", "שלום", "中文字", "😀", "👨\u200d👩\u200d👧", "\ufeff"]
ODD += ["\u200b", "\u3000", "\xa0", "Ａ", "٣", "½"]
NEAR = ["a", " ", "10", "7", "km", "mi", "m", ":", ".", ",", "1:30", "today", "-"]
PIECES = MARKUP + CONTROLS + SEQUENCES + ODD + NEAR

TYPED = st.lists(st.sampled_from(PIECES) | st.characters(codec="utf-8"), max_size=12).map("".join)
"""Text a widget can be given (typed or pasted): anything but lone surrogates."""
LONG = st.builds(
    lambda piece, n: piece * n, st.sampled_from(["é[/]", "中", "a\x1b"]), st.integers(100, 700)
)
"""Long text, a few hundred of one piece."""
SCREEN_TEXT = TYPED | LONG
"""What a field on screen may hold."""
SURROGATES = ["\udcff", "\ud800", "\udfff"]
ANY_TEXT = SCREEN_TEXT | st.lists(st.sampled_from(PIECES + SURROGATES), max_size=8).map("".join)
"""What a command line may pass too: lone surrogates (bytes not UTF-8, in ``sys.argv``)."""

SAMPLES = (
    "Protein [whey] shake",
    "[/]",
    "[b]tempo[/b] [link=x]go[/link] [@click=app.quit]q",
    "\\[not markup] [",
    "e\u0301 שלום 中文字 😀 \u202eevil",
)
"""Hostile strings a Pilot test types (no control characters: a key press cannot make one)."""
