"""The key footer, recomposed once however often the keys change before it is drawn.

Textual 8.2.8's footer re-mounts every key each time a screen's bindings change,
and queues one such recompose per change: a screen coming up changes them dozens
of times (each focus move, each highlighted row), which cost the first frame of
Today about a tenth of its time. This footer queues at most one at a time; it
runs after the last change already seen, so it shows the keys as they are, and only
when the keys it would show differ from those it shows.

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
    _composed: tuple[object, ...] | None = None
    """The keys the footer was last composed with (see :meth:`_keys`)."""

    def __init__(self, *, keys_later: bool = False) -> None:
        super().__init__()
        self._keys_later = keys_later
        """Compose no key until :meth:`show_keys`: its screen is drawn only once it is
        whole, and its keys are known only once it has focused a widget (a key composed
        before that is mounted twice)."""

    def _keys(self) -> tuple[object, ...]:
        """What Textual's footer composes from: each shown binding as it would be drawn,
        and the palette's key."""
        app = self.app
        shown = tuple(
            (binding, app.get_key_display(binding), enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )
        return (self.compact, self.show_command_palette, self.combine_groups, shown)

    def compose(self) -> ComposeResult:
        if self._keys_later:
            self._keys_later = False
            return
        self._bindings_ready = True  # the keys now; a change later recomposes once
        self._composed = self._keys()
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
        """Rebuild the keys when what they show changed (a focus move seldom changes it)."""
        self._recompose_queued = False
        if self.is_attached and self._keys() != self._composed:
            await self.recompose()

    async def show_keys(self) -> None:
        """Show the screen's keys as they are now, and return once they are mounted."""
        self._bindings_ready = True
        with self._context():  # composed as its own handler would compose (data bound)
            await self._recompose_once()
