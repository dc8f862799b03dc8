"""A running foam-roller session as a runner sees it: demo history, the fixed evening, 100×32."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.screens.timer import TimerScreen, start_timer


def test_running_foam_roller(demo_store: Store, clock: FakeClock, snap_compare: Any) -> None:
    app = make_app(demo_store, clock, start_mode="timer")

    async def third_segment_under_way(pilot: Pilot[None]) -> None:
        await pilot.pause()
        start_timer(pilot.app, "foam-roller")  # type: ignore[arg-type]
        await pilot.pause()
        clock.advance(3 * 60 + 20)
        screen = pilot.app.screen_stack[0]
        assert isinstance(screen, TimerScreen)
        screen.tick()
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 32), run_before=third_segment_under_way)
