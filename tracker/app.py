"""RecovApp: the screens, the global keys and the command palette."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from importlib import import_module
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from tracker.data.status_cache import refresher_for
from tracker.data.store import Store
from tracker.domain.clock import Clock

SCREENS_BY_KEY = (
    ("1", "today", "Today"),
    ("2", "week", "Week"),
    ("3", "timer", "Timer"),
    ("4", "stats", "Stats"),
    ("5", "settings", "Settings"),
)

SUMMARY_DELAY_S = 1.0


def _lazy(module: str, name: str) -> Callable[[], Screen[None]]:
    """A screen class imported the first time its mode opens (keeps startup quick)."""

    def make() -> Screen[None]:
        screen: Screen[None] = getattr(import_module(module), name)()
        return screen

    return make


class RecovApp(App[None]):
    """The recovtui terminal app. Gets its store and clock from the caller."""

    TITLE = "recovtui"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        "today": _lazy("tracker.screens.today", "TodayScreen"),
        "week": _lazy("tracker.screens.week", "WeekScreen"),
        "timer": _lazy("tracker.screens.timer", "TimerScreen"),
        "stats": _lazy("tracker.screens.stats", "StatsScreen"),
        "settings": _lazy("tracker.screens.settings", "SettingsScreen"),
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key, f"switch_mode('{mode}')", title, tooltip=f"Go to {title}", id=mode, show=False
            )
            for key, mode, title in SCREENS_BY_KEY
        ),
        Binding("question_mark", "toggle_help", "Keys", tooltip="Show or hide all keys"),
        Binding("q", "quit", "Quit", tooltip="Leave recovtui (everything is saved)"),
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock,
        start_mode: str = "today",
        timer_preset: str | None = None,
        timer_duration_s: int | None = None,
    ) -> None:
        # Start straight in the first screen's mode: switching modes from the
        # default screen on mount re-parses the whole stylesheet twice.
        self.DEFAULT_MODE = start_mode  # type: ignore[misc]
        super().__init__()
        self.store = store
        self.clock = clock
        self.start_mode = start_mode
        self.timer_preset = timer_preset
        self.timer_duration_s = timer_duration_s
        theme = store.settings().theme
        if theme in self.available_themes:
            self.theme = theme
        self._summary = refresher_for(store)
        self._summary_timer: Timer | None = None
        if self._summary is not None:
            store.on_change(self._summary_soon)

    def _summary_soon(self) -> None:
        """Rewrite the status summary a moment after the last write, not on every tick."""
        if self._summary is None or not self.is_running:
            return
        if self._summary_timer is not None:
            self._summary_timer.stop()
        self._summary_timer = self.set_timer(SUMMARY_DELAY_S, self._summary.flush)

    def on_mount(self) -> None:
        if self.timer_preset or self.store.running_sessions():
            import_module("tracker.screens.timer").on_app_start(self)

    def watch_theme(self, theme: str) -> None:
        if theme != self.store.settings().theme:
            self.store.set_setting("theme", theme)

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for _key, mode, title in SCREENS_BY_KEY:
            yield SystemCommand(
                f"Go to {title}", f"Open the {title} screen", partial(self.switch_mode, mode)
            )
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action.startswith("switch_mode"):
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.description,
                binding.tooltip or f"Key: {binding.key}",
                partial(self.run_action, binding.action, active.node),
            )
        yield from super().get_system_commands(screen)
