"""The app's screens, one per mode: made as a mode first opens, or built beforehand.

A mixin of :class:`tracker.app.RecovApp` (beside :mod:`tracker.screens.global_actions`).
Each mode's screen is made with the app's services and clock. Asked to
(``prepare_screens``, as the command line asks), the app builds the screens not
shown yet once the first one is painted, one at a time: imported, composed and
mounted as their mode's own, then read, laid out and drawn while hidden
(:meth:`RecovScreen.lay_out_unseen`). A first open of a built screen then only
re-reads its report and redraws what that changed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import AwaitMount

from tracker.screens.base import RecovScreen
from tracker.screens.modes import SCREENS_BY_KEY, screen_class_path

if TYPE_CHECKING:
    from tracker.domain.clock import Clock
    from tracker.services.bundle import Services

PREPARE_AFTER_S = 0.4
"""How long after the first screen is painted the other screens start being built."""
COLD_HOLD_MAX_S = 1.0
"""A screen opened for the first time is drawn after this long at the latest, whole or not."""
PREPARE_GAP_S = 0.1
"""The pause between one screen built and the next: each is built in many short steps
that keys can come between, and the gap leaves the loop idle between screens."""


async def settled(screen: Screen[Any]) -> None:
    """Return once ``screen`` and each of its widgets has handled what was sent to it
    before the call (as Textual's pilot waits for a screen)."""
    nodes = [screen, *screen.walk_children(with_self=False)]
    left = len(nodes)
    done = asyncio.Event()

    def handled() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            done.set()

    for node in nodes:
        if not node.call_later(handled):
            handled()  # closed: it will handle nothing more
    await done.wait()


class ModeScreens(App[None]):
    """Every mode's screen, from its factory; the ones not shown yet built on request."""

    services: Services
    clock: Clock
    _leaving: bool
    """The app is on its way out (its terminal closed): build nothing more."""
    on_screen_made: Callable[[], None] | None = None
    """Called as each screen is first drawn whole, or built unseen (the command line
    keeps what it made out of the cycle collector's passes: ``cli/startup.py``)."""
    prepare_screens = False
    """Build the screens not shown yet once the first one is painted (see
    :meth:`prepare_next_screen`); without it, as in most tests, every screen is made
    as its mode first opens."""
    screens_built = False
    """Every screen is built (made, composed and mounted), as its mode's own."""
    _drawn_modes: frozenset[str] = frozenset()
    """The modes whose screen is whole: built (read, laid out and drawn) or shown and
    left. Switching to one skips Textual's hold (see :meth:`switch_mode`)."""
    _holding = True
    _cold_opening: asyncio.Task[None] | None = None
    """Whether :meth:`delay_update` holds frames back (as Textual's does)."""

    def add_mode_screens(self) -> None:
        for _key, mode, _title in SCREENS_BY_KEY:
            self.add_mode(mode, self._screen_factory(mode))

    def _screen_factory(self, mode: str) -> Callable[[], Screen[None]]:
        module, name = screen_class_path(mode)

        def make() -> Screen[None]:
            screen: Screen[None] = getattr(import_module(module), name)(self.services, self.clock)
            return screen

        return make

    def switch_mode(self, mode: str) -> AwaitMount:
        """Switch to ``mode``; a screen already whole is drawn as soon as it has resumed.

        Textual holds every switch's frames back for 50 ms (``delay_update``), to hide a
        screen being composed and laid out. A built screen, or one shown before, has
        nothing to hide: its frames are held only until it has handled its resume (its
        re-read), then drawn at once, which halves such an open. A mode opened for the
        first time is held until its screen is whole (:meth:`_open_cold`), not for a
        time; one whose screen is still being built is held as Textual holds it.
        """
        if self._current_mode in self._screen_stacks:  # shown: whole as it is left
            self._drawn_modes |= {self._current_mode}
        if mode == self._current_mode:
            return super().switch_mode(mode)
        if mode not in self._drawn_modes:
            if mode in self._screen_stacks:  # still being built: held as Textual holds it
                return super().switch_mode(mode)
            return self._open_cold(mode)
        mounted = self._switch_held(mode)
        if not self.screen.call_later(self._end_batch):  # after the resume just posted
            self._end_batch()
        return mounted

    def _switch_held(self, mode: str) -> AwaitMount:
        """Switch to ``mode`` with its frames held back until the caller ends the hold
        (``_end_batch``), instead of Textual's 50 ms."""
        self._begin_batch()
        self._holding = False
        try:
            return super().switch_mode(mode)
        finally:
            self._holding = True

    def _open_cold(self, mode: str) -> AwaitMount:
        """Open ``mode`` for the first time: made, composed and mounted now, its frames
        held until it is whole (mounted, its keys in the footer, laid out), then drawn."""
        mounted = self._switch_held(mode)
        self._draw_when_whole(self.screen, mounted)
        return mounted

    def _init_mode(self, mode: str) -> AwaitMount:
        """The first screen (the app's start) is drawn once whole, as a first open is.

        Textual draws it as soon as it is laid out, before its footer has the keys of the
        widget it focuses: the footer then re-mounts its keys and the whole screen is laid
        out and drawn a second time, a sixth of a start.
        """
        if any(self._screen_stacks.values()) or not self.is_running:
            return super()._init_mode(mode)
        self._begin_batch()
        mounted = super()._init_mode(mode)
        self._draw_when_whole(self._screen_stacks[mode][0], mounted)
        return mounted

    def _draw_when_whole(self, screen: Screen[Any], mounted: AwaitMount) -> None:
        """Hold ``screen``'s frames (a batch begun by the caller) until it is mounted, its
        footer shows its keys and what that asked of it is done; then draw it once."""
        if isinstance(screen, RecovScreen):
            screen.drawn_whole = True
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                at_latest.cancel()
                if isinstance(screen, RecovScreen):
                    screen.drawn_whole = False
                self._end_batch()
                if self.is_running and screen.is_current and not self._batch_count:
                    screen.refresh()
                    screen._on_timer_update()  # drawn now, not at the next frame tick
                self._screen_made()

        async def whole() -> None:
            try:
                await mounted
                if isinstance(screen, RecovScreen) and screen.is_attached:
                    await screen.show_keys()
                await settled(screen)
                await settled(screen)
            finally:
                release()

        loop = asyncio.get_running_loop()
        at_latest = loop.call_later(COLD_HOLD_MAX_S, release)
        self._cold_opening = loop.create_task(whole())  # held here until it is done

    def _screen_made(self) -> None:
        if self.on_screen_made is not None:
            self.on_screen_made()

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle ``node`` only once it is in the app's DOM: it is styled as it is
        mounted, on the classes it has by then.

        Textual restyles a widget each time a class changes, mounted or not, and a
        compact ``Input`` or ``Select`` sets its class as it is made: every compact field
        of a screen was styled once for nothing before being styled as it mounted (some
        3 ms of History's first open, and of Settings').
        """
        if node.is_attached:
            super().update_styles(node, animate)

    def delay_update(self, delay: float = 0.05) -> None:
        if self._holding:
            super().delay_update(delay)

    def build_screens_soon(self) -> None:
        """Start building the screens not shown yet, if asked to (the first is painted)."""
        if self.prepare_screens:
            self.set_timer(PREPARE_AFTER_S, self.prepare_next_screen)

    def prepare_next_screen(self) -> None:
        """Build the next screen not opened yet, as its mode's own, without showing it.

        A built screen reads, never writes, and is the screen a cold open makes: styled
        on the stylesheet as it is, sized to the terminal, shown with one resume. A key
        pressed before its mode's screen is built opens it cold, as without building.
        """
        mode = next((m for _k, m, _t in SCREENS_BY_KEY if m not in self._screen_stacks), None)
        if mode is None or not self.is_running or self._exit or self._leaving:
            self.screens_built = mode is None
            return
        screen, mounted = self._get_screen(self._screen_factory(mode)())
        self._screen_stacks[mode] = [screen]

        async def next_after_mount() -> None:
            await mounted
            if isinstance(screen, RecovScreen):
                # Its footer's keys too: a screen that focuses nothing as it mounts (Week)
                # would else learn its keys, and rebuild its footer, as it is first shown.
                await screen.show_keys()
                screen.lay_out_unseen(self.size)
                # Its widgets take their sizes (and restyle on them); then what that asks
                # of the screen (a widget asks for a layout once it is idle) reaches it.
                await settled(screen)
                await settled(screen)
                if screen.is_attached and not screen.is_current:
                    screen.draw_unseen()
                    self._drawn_modes |= {mode}
                self._screen_made()
            self.set_timer(PREPARE_GAP_S, self.prepare_next_screen)

        self.call_next(next_after_mount)
