"""Scenes shared by the snapshot tests and ``make screenshots``: the app made to look
as a runner would see it at one moment."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.pilot import Pilot

from tests.fakes import FakeClock
from tracker.app import RecovApp
from tracker.screens.timer import TimerScreen


async def settled(pilot: Pilot[None], clock: FakeClock) -> None:
    """The screen as it first shows."""
    await pilot.pause()


async def foam_roller_under_way(pilot: Pilot[None], clock: FakeClock) -> None:
    """A foam-roller session 3:20 in: the third segment running."""
    app = pilot.app
    assert isinstance(app, RecovApp)
    await pilot.pause()
    app.start_timer("foam-roller")
    await pilot.pause()
    await pilot.pause()
    clock.advance(3 * 60 + 20)
    screen = app.screen_stack[0]
    assert isinstance(screen, TimerScreen)
    screen.tick()
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


async def checkin_under_way(pilot: Pilot[None], clock: FakeClock) -> None:
    """The check-in form on Today, sleep quality and fatigue typed, stress next."""
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("3", "5")
    await pilot.pause()


async def stats_further_down(pilot: Pilot[None], clock: FakeClock) -> None:
    """Stats scrolled to the load of last week, the ACWR, the Hooper trend and "did it help?"."""
    await pilot.pause()
    scroll = pilot.app.screen.query_one("#stats-scroll", VerticalScroll)
    panel = pilot.app.screen.query_one("#stats-load-week")
    scroll.scroll_to_widget(panel, animate=False, top=True)
    await pilot.pause()
