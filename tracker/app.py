"""RecovApp: the screens, the global keys and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.screens.settings import SettingsScreen
from tracker.screens.stats import StatsScreen
from tracker.screens.timer import TimerScreen
from tracker.screens.today import TodayScreen
from tracker.screens.week import WeekScreen

SCREENS_BY_KEY = (
    ("1", "today", "Today"),
    ("2", "week", "Week"),
    ("3", "timer", "Timer"),
    ("4", "stats", "Stats"),
    ("5", "settings", "Settings"),
)

MIN_WIDTH, MIN_HEIGHT = 60, 20


class RecovApp(App[None]):
    """The recovtui terminal app. Gets its store and clock from the caller."""

    TITLE = "recovtui"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, type[Screen[None]]]] = {  # type: ignore[assignment]
        "today": TodayScreen,
        "week": WeekScreen,
        "timer": TimerScreen,
        "stats": StatsScreen,
        "settings": SettingsScreen,
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
        super().__init__()
        self.store = store
        self.clock = clock
        self.start_mode = start_mode
        self.timer_preset = timer_preset
        self.timer_duration_s = timer_duration_s
        theme = store.settings().theme
        if theme in self.available_themes:
            self.theme = theme

    def on_mount(self) -> None:
        self.switch_mode(self.start_mode)

    def watch_theme(self, theme: str) -> None:
        if theme != self.store.settings().theme:
            self.store.set_setting("theme", theme)

    def on_resize(self) -> None:
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        self.screen.set_class(small, "-too-small")

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
