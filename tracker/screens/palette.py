"""The command palette (``ctrl+p``): every global action, from every screen.

:class:`RecovCommands` offers the same commands wherever it is opened — go to
each screen, log a run, check in, start each timer preset, jump to a week,
export, import, back up, undo — then the keys of the screen it was opened on,
each once and under its own label. Textual's generic commands (copy, focus
moves, a second "Keys" or "Quit") are left out. A served app (a browser) has
no file actions: the app refuses them, so they are not offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from tracker.messages import StartTimer
from tracker.screens.modes import SCREENS_BY_KEY
from tracker.widgets.keys_panel import own_bindings

if TYPE_CHECKING:
    from tracker.screens.global_actions import GlobalActions as RecovApp


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    run: Callable[[], object]


def global_commands(app: RecovApp) -> Iterator[Command]:
    """The app's own commands, the same on every screen; ``app.check_action`` decides
    which may run here (a served app runs no file action)."""
    for _key, mode, title in SCREENS_BY_KEY:
        yield Command(f"Go to {title}", f"Open the {title} screen", partial(app.switch_mode, mode))
    actions = (
        ("Log run", "Log a run: kind, distance, time, effort, date", "log_run"),
        ("Check in", "Mark today reviewed (no run = a rest day)", "check_in"),
        ("Jump to a week", "Show the Week screen at any date", "jump_to_week"),
        ("Undo", "Undo the last change made in this session", "undo"),
        ("Export", "Write everything to a file (.json, .csv runs, .ics plan)", "export"),
        ("Import", "Read runs or a recovtui export from a file or archive", "import_files"),
        ("Backup", "Copy the database beside its daily backups", "backup"),
        ("Welcome", "Units, week start, time zone, your usual week; import a history", "welcome"),
        ("Theme", "Change the colours", "change_theme"),
        ("Keys", "Show or hide every key of this screen", "toggle_help"),
        ("Quit", "Leave recovtui (everything is saved)", "quit"),
    )
    for name, help_text, action in actions:
        if app.check_action(action, ()) is not False:
            yield Command(name, help_text, partial(app.run_action, action))
    for preset in app.services.timer.presets():
        yield Command(
            f"Start {preset.name}",
            f"Open the Timer and start {preset.name}",
            partial(app.post_message, StartTimer(preset.name)),
        )


def screen_commands(app: RecovApp, screen: Screen[object], taken: set[str]) -> Iterator[Command]:
    """The keys of ``screen``, under their labels, but those already offered."""
    for active in own_bindings(screen):
        binding = active.binding
        if binding.description in taken or binding.action.startswith("app."):
            continue
        taken.add(binding.description)
        yield Command(
            binding.description,
            binding.tooltip or f"Key: {app.get_key_display(binding)}",
            partial(app.run_action, binding.action, active.node),
        )


def palette_commands(app: RecovApp, screen: Screen[object]) -> list[Command]:
    """Every command the palette offers over ``screen``."""
    commands = list(global_commands(app))
    taken = {command.name for command in commands}
    return commands + list(screen_commands(app, screen, taken))


class RecovCommands(Provider):
    """See the module docstring."""

    def _commands(self) -> list[Command]:
        from tracker.screens.global_actions import GlobalActions

        app = self.app
        assert isinstance(app, GlobalActions)
        return palette_commands(app, self.screen)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(Content(command.name), command.run, help=escape(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape(command.name)),
                    command.run,
                    help=escape(command.help),
                )
