"""The key footer, recomposed once however often the keys change before it is drawn.

Textual 8.2.8's footer re-mounts every key each time a screen's bindings change,
and queues one such recompose per change: a screen coming up changes them dozens
of times (each focus move, each highlighted row), which cost the first frame of
Today about a tenth of its time. This footer queues at most one at a time; it
runs after the last change already seen, so it shows the keys as they are.

Each key also comes up in its final style: Textual's keys start compact and are
restyled one by one as the footer binds them to its own (not compact) style, which
cost a screen's first open about a tenth of its time.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    _recompose_queued = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                self._settle(widget)
            yield widget

    def _settle(self, key: FooterKey) -> None:
        """Give ``key`` the style it would end in before it is mounted: the footer's own
        when it is bound to it (every key but the palette's), else the key's default."""
        bound = "compact" in (key._reactive_connect or {})
        compact = self.compact if bound else bool(FooterKey.compact._default)
        key.set_reactive(FooterKey.compact, compact)
        key.set_class(compact, "-compact", update=False)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_queued:
            self._recompose_queued = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_queued = False
        await self.recompose()
