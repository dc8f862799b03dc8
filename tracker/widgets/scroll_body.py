"""A screen's scrolling body, restyled alone when it takes or loses the focus."""

from __future__ import annotations

from textual.containers import VerticalScroll


class ScrollBody(VerticalScroll):
    """Textual restyles a widget and everything inside it when its focus changes (a
    rule could style a child by its parent's focus). No rule styles anything inside a
    body by the body's focus (``tests/ui/test_styles.py`` checks the stylesheet), so
    only the body is restyled: a screen's first focus fell on its body and restyled
    every panel of Stats again."""

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)
