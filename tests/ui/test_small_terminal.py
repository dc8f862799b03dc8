"""Below 60×20 every screen says the terminal is too small, and never crashes (DESIGN §7)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.screens.base import TOO_SMALL


@pytest.mark.parametrize("mode", ["today", "week", "timer", "stats", "settings"])
async def test_too_small_then_big_enough(store: Store, clock: FakeClock, mode: str) -> None:
    async with make_app(store, clock, start_mode=mode).run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        notice = screen.query_one("#too-small", Static)
        assert screen.has_class("-too-small")
        assert notice.display and str(notice.render()) == TOO_SMALL
        assert not screen.query_one("#body").display

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-too-small")
        assert not notice.display
        assert screen.query_one("#body").display
