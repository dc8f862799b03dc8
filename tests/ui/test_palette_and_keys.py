"""The palette reaches the global actions from every screen; ``?`` lists recovtui's own
keys only, one label each; ``ctrl+z`` undoes the last change with a toast."""

from __future__ import annotations

from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import toasts
from tracker.data.store import Store
from tracker.screens.modes import SCREENS_BY_KEY
from tracker.screens.palette import RecovCommands, palette_commands
from tracker.widgets.keys_panel import KeysPanel, OwnBindingsTable, keys_help

GENERIC = ("Scroll", "Page", "Focus", "Copy", "Home", "End", "Maximize", "Screenshot")
"""Words of Textual's generic bindings and commands."""


async def palette_offers(pilot: Pilot[Any], typed: str) -> list[str]:
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    found = pilot.app.screen.query_one(CommandList)
    offered = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return offered


async def searched(screen: Screen[Any], typed: str) -> list[str]:
    """What the palette's only provider finds for ``typed`` over ``screen``, best first
    (the order the palette lists its hits in)."""
    hits = [hit async for hit in RecovCommands(screen).search(typed)]
    return [str(hit.text) for hit in sorted(hits, key=lambda hit: -hit.score)]


async def test_every_screen_offers_the_global_commands_and_its_own_keys_once(
    store: Store, clock: FakeClock
) -> None:
    """Per screen, what the palette and ``?`` would offer, read from their providers (one
    app, each screen visited once); a real palette and a real ``?`` on the last screen."""
    async with make_app(store, clock).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        assert [provider() for provider in app.COMMANDS] == [RecovCommands]  # type: ignore[call-arg]
        for key, mode, _title in SCREENS_BY_KEY:
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            screen = app.screen
            assert not type(screen).COMMANDS, mode  # nothing of Textual's added here
            names = [command.name for command in palette_commands(app, screen)]
            assert len(names) == len(set(names)), (mode, names)
            assert not [name for name in names if name.startswith(GENERIC)], (mode, names)
            offered = await searched(screen, "log")
            assert offered and offered[0].startswith("Log run"), (mode, offered)
            labels = list(keys_help(screen))
            assert labels, mode
            assert not [label for label in labels if label.startswith(GENERIC)], (mode, labels)

        # The palette as typed into, and the panel as ``?`` shows it, on the last screen.
        typed = [line.split("\n")[0] for line in await palette_offers(pilot, "log")]
        assert typed == await searched(app.screen, "log")
        everything = await palette_offers(pilot, "o")
        assert everything and not [o for o in everything if o.startswith(GENERIC)], everything
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one(KeysPanel).query_one(OwnBindingsTable)
        rows = table.render_bindings_table().columns[1]._cells
        assert [str(cell) for cell in rows] == list(keys_help(app.screen))


async def test_ctrl_z_undoes_a_tick_and_says_so(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock).run_test(size=(100, 32)) as pilot:
        await pilot.press("tab", "space")  # nutrition: the first item ticked
        await pilot.pause()
        ticked = store.nutrition_checks(TODAY, TODAY).get(TODAY, set())
        assert len(ticked) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.nutrition_checks(TODAY, TODAY).get(TODAY, set()) == set()
        assert any(message.startswith("Undone: ticking") for message, _ in toasts(pilot))
        await pilot.press("ctrl+z")
        assert ("Nothing to undo in this session", "information") in toasts(pilot)


async def test_a_markup_like_preset_name_is_offered_as_typed(
    store: Store, clock: FakeClock
) -> None:
    """A preset is named by the runner: the palette shows its name, never parses it."""
    from tracker.domain.presets import Preset

    store.save_preset(Preset.single("Calf [/] stretch [b]", "custom", 60))
    async with make_app(store, clock).run_test(size=(100, 32)) as pilot:
        offered = await palette_offers(pilot, "calf")
        assert [line.split("\n")[0] for line in offered] == ["Start Calf [/] stretch [b]"]
        await pilot.press("ctrl+p")  # the list before anything is typed shows it too
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.is_running
