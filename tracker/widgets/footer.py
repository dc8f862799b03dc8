"""The key footer, recomposed once however often the keys change before it is drawn.

Textual 8.2.8's footer re-mounts every key each time a screen's bindings change,
and queues one such recompose per change: a screen coming up changes them dozens
of times (each focus move, each highlighted row), which cost the first frame of
Today about a tenth of its time. This footer queues at most one at a time; it
runs after the last change already seen, so it shows the keys as they are.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _recompose_queued = False

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
