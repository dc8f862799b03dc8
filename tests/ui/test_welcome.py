"""The welcome on a new database: skippable in one key, shown once, back from Settings."""

from __future__ import annotations

from textual.widgets import Input, Select

from tests.fakes import FakeClock
from tests.helpers import current, toasts
from tracker.app import RecovApp
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.screens.modals.welcome import WelcomeForm
from tracker.screens.settings import SettingsScreen
from tracker.screens.today import TodayScreen

SIZE = (80, 24)


def app_of(store: Store, clock: FakeClock) -> RecovApp:
    return RecovApp(store, clock, offer_welcome=True)


async def test_escape_skips_it_settings_brings_it_back_and_it_is_not_shown_again(
    store: Store, clock: FakeClock
) -> None:
    async with app_of(store, clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, WelcomeForm)
        await pilot.press("escape")
        await pilot.pause()
        current(pilot, TodayScreen)
        assert store.welcome_answered()
        assert any("Settings (5), then g" in message for message, _ in toasts(pilot))
        await pilot.press("5", "g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WelcomeForm)
        await pilot.press("escape")
        await pilot.pause()
        current(pilot, SettingsScreen)
    async with app_of(store, clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        current(pilot, TodayScreen)


async def test_saving_it_sets_up_the_week(store: Store, clock: FakeClock) -> None:
    async with app_of(store, clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, WelcomeForm)
        form.query_one("#units", Select).value = "mi"
        form.query_one("#kind-3", Select).value = DayKind.REST
        form.query_one("#timezone", Input).value = "europe/berlin"
        form.query_one("#target-5", Input).value = "45m"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form  # named under its field, nothing saved
        assert "looks like a duration" in str(form.query_one("#target-5-error").render())
        assert store.settings().units == "km"
        form.query_one("#target-5", Input).value = "13"
        await pilot.press("ctrl+s")
        await pilot.pause()
        current(pilot, TodayScreen)
    settings = store.settings()
    assert (settings.units, settings.timezone) == ("mi", "Europe/Berlin")
    assert settings.template[3] is DayKind.REST
    assert settings.template_targets[5] == 20921
