"""Each screen's rules are read as the screen is first made, scoped to it (screens/styles.py)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.styles import STYLES
from tracker.widgets.day_cell import DayCell


def styles_read(app: object) -> set[str]:
    """The files of ``tracker/styles/`` in the app's stylesheet."""
    sources = app.stylesheet.source  # type: ignore[attr-defined]
    return {Path(path).stem for path, _ in sources if Path(path).parent == STYLES}


async def test_a_start_reads_the_shared_rules_and_todays_only(
    store: Store, clock: FakeClock
) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert styles_read(app) == {"base", "today"}
        assert app.screen.query_one("#today-day").styles.border_top[0] == "round"
        app.switch_mode("week")
        await pilot.pause()
        assert styles_read(app) == {"base", "today", "week"}
        cell = app.screen.query(DayCell).first()
        assert cell.styles.height is not None and cell.styles.height.value == 8
        assert cell.styles.border_top[0] in {"round", "double"}


async def test_a_dialog_opened_at_once_has_its_rules(store: Store, clock: FakeClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LogRunForm)
        assert "modals" in styles_read(app)
        box = app.screen.query_one(".dialog")
        assert box.styles.border_top[0] == "thick"
        assert box.styles.width is not None and box.styles.width.value == 72  # a form


async def test_a_screens_rules_match_nothing_outside_it(store: Store, clock: FakeClock) -> None:
    """Today's ``#today-plan`` rule does not reach a node of that id on another screen,
    and a rule read later restyles nothing already shown."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.switch_mode("week")
        await pilot.pause()
        stray = Static("x", id="today-plan")
        await app.screen.mount(stray)
        await pilot.pause()
        today_plan = app._screen_stacks["today"][0].query_one("#today-plan")
        assert today_plan.styles.has_rule("text_wrap")  # Today's rule, on Today's node
        assert not stray.styles.has_rule("text_wrap")  # not on Week's


async def test_a_new_theme_keeps_every_screens_rules(store: Store, clock: FakeClock) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        app.switch_mode("week")
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        cell = app.screen.query(DayCell).first()
        assert cell.styles.height is not None and cell.styles.height.value == 8
        app.switch_mode("today")
        await pilot.pause()
        assert app.screen.query_one("#today-day").styles.border_top[0] == "round"
