"""Everything a runner does at the ice bath works with a tap (a click): Pilot tests
that click where a phone would and check the store."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, ticked
from tracker.data.store import Store
from tracker.domain.countdown import State
from tracker.domain.presets import Preset
from tracker.domain.recovery import SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog
from tracker.screens.modals.timer import TemperatureDialog
from tracker.screens.timer import TimerScreen
from tracker.screens.today import TodayScreen
from tracker.widgets.checklist import Checklist

SIZE = (100, 32)
ROWS = ("#timer-toggle", "#timer-add", "#timer-next", "#timer-stop")


def nutrition_ticked(store: Store) -> set[str]:
    checks = store.nutrition_checks(TODAY, TODAY).get(TODAY, set())
    return {item.name for item in store.nutrition_items() if item.id in checks}


def shown_buttons(pilot: Pilot[Any]) -> set[str]:
    return {f"#{b.id}" for b in pilot.app.screen.query("TimerControls Button") if b.display}


async def test_a_click_on_a_checklist_item_ticks_it_as_space_does(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        nutrition = current(pilot, TodayScreen).query_one("#nutrition", Checklist)
        assert not nutrition.has_focus
        third = nutrition.items[2]
        await pilot.click(nutrition, offset=(4, 3))  # the border, then the third item
        await pilot.pause()
        assert nutrition_ticked(store) == {third.label}
        assert nutrition.highlighted == 3  # moved on, as space does
        await pilot.press("space")
        await pilot.pause()
        assert nutrition_ticked(store) == {third.label, nutrition.items[3].label}
        await pilot.click(nutrition, offset=(4, 3))
        await pilot.pause()
        assert nutrition_ticked(store) == {nutrition.items[3].label}

        recovery = current(pilot, TodayScreen).query_one("#recovery", Checklist)
        await pilot.click(recovery, offset=(4, 2))  # Foam roller
        await pilot.pause()
        assert ticked(store, TODAY) == {"foam_roller"}


async def test_the_nav_bar_opens_a_screen_on_a_click(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.click("#nav", offset=(22, 0))  # " 3 Timer "
        await pilot.pause()
        assert pilot.app.current_mode == "timer"
        await pilot.click("#nav", offset=(2, 0))
        await pilot.pause()
        assert pilot.app.current_mode == "today"


async def test_an_ice_bath_runs_start_to_log_by_taps(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, start_mode="timer").run_test(size=SIZE) as pilot:
        screen = current(pilot, TimerScreen)
        assert shown_buttons(pilot) == {"#timer-start"}
        await pilot.click("#timer-start")  # the highlighted preset: Ice bath
        await pilot.pause()
        assert isinstance(pilot.app.screen, TemperatureDialog)
        await pilot.click("#save")
        await pilot.pause()
        timed = screen.timed
        assert timed is not None
        assert shown_buttons(pilot) == set(ROWS)

        clock.advance(30)
        await pilot.click("#timer-toggle")
        await pilot.pause()
        assert timed.snapshot().state is State.PAUSED
        assert store.session(timed.id).elapsed_s == 30  # type: ignore[union-attr]
        await pilot.pause(0.3)  # a Button ignores a second tap within its 0.2 s press effect
        await pilot.click("#timer-toggle")
        await pilot.pause()
        assert timed.snapshot().state is State.RUNNING
        await pilot.click("#timer-add")
        await pilot.pause()
        assert timed.snapshot().planned_s == 11 * 60
        clock.advance(60)
        await pilot.click("#timer-stop")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        answers = {str(b.label) for b in dialog.query(Button)}
        assert answers == {"Log partial (l)", "Discard (d)", "Keep going (esc)"}
        await pilot.click("#choice-log")
        await pilot.pause()
        assert screen.timed is None
        assert shown_buttons(pilot) == {"#timer-start"}
        (session,) = store.sessions_between(TODAY, TODAY)
        assert (session.status, session.elapsed_s) == (SessionStatus.PARTIAL, 90)


async def test_a_tapped_preset_starts_and_next_moves_on(store: Store, clock: FakeClock) -> None:
    store.save_preset(Preset.single("Quick dip", "custom", 120))
    async with make_app(store, clock, start_mode="timer").run_test(size=SIZE) as pilot:
        screen = current(pilot, TimerScreen)
        names = [p.name for p in screen.timer.presets()]
        await pilot.click("#preset-list", offset=(4, 1 + names.index("Foam roller")))
        await pilot.pause()
        timed = screen.timed
        assert timed is not None and timed.name == "Foam roller"
        await pilot.click("#timer-next")
        await pilot.pause()
        assert timed.snapshot().segment_index == 1
