"""A served app (``recovtui serve``) touches no file by path and sets no command."""

from __future__ import annotations

from pathlib import Path

import pytest

import tracker.app
from tests.conftest import make_app
from tests.fakes import FakeClock
from tests.helpers import until
from tracker.app import RecovApp
from tracker.cli.context import Context
from tracker.cli.tui import run_tui
from tracker.data.store import Store
from tracker.screens.palette import palette_commands
from tracker.services.preferences import SettingsService
from tracker.web import SERVED_ENV

SIZE = (100, 32)


def served(store: Store, clock: FakeClock, mode: str = "today") -> RecovApp:
    return RecovApp(store, clock, start_mode=mode, served=True)


async def test_settings_in_a_browser_neither_show_nor_take_the_timer_command(
    store: Store, clock: FakeClock
) -> None:
    async with served(store, clock, "settings").run_test(size=SIZE) as pilot:
        assert not pilot.app.screen.query("#on_finish_command")
        assert pilot.app.screen.query("#timezone")
    with pytest.raises(ValueError, match="terminal"):
        SettingsService(store, clock, commands_allowed=False).set("on_finish_command", "rm -rf ~")
    assert store.settings().on_finish_command is None
    SettingsService(store, clock, commands_allowed=False).set("units", "mi")  # the rest still saves
    assert store.settings().units == "mi"


async def test_the_terminal_still_shows_the_timer_command(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, "settings").run_test(size=SIZE) as pilot:
        assert pilot.app.screen.query("#on_finish_command")


@pytest.mark.parametrize("is_served", [True, False])
async def test_the_palette_offers_file_actions_only_in_the_terminal(
    store: Store, clock: FakeClock, is_served: bool
) -> None:
    app = RecovApp(store, clock, served=is_served)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = {command.name for command in palette_commands(app, app.screen)}
        assert {"Log run", "Tomorrow"} <= names  # the global actions and the screen's keys
        files = {"Export", "Import", "Backup"}
        assert (files <= names, files & names) == (not is_served, set() if is_served else files)


async def test_the_bell_in_a_browser_flashes_the_screen(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RecovApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(tracker.app, "BELL_FLASH_S", 0.01)
    app = served(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.bell()
        assert app.screen.has_class("-bell")
        await until(pilot, lambda: not app.screen.has_class("-bell"), timeout_s=2)


@pytest.mark.parametrize(("env", "expected"), [("1", True), (None, False)])
def test_the_app_knows_it_is_served_from_its_environment(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, env: str | None, expected: bool
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(RecovApp, "run", lambda self: seen.append(self.served))
    if env is None:
        monkeypatch.delenv(SERVED_ENV, raising=False)
    else:
        monkeypatch.setenv(SERVED_ENV, env)
    run_tui(Context(db_path, None))
    assert seen == [expected]
