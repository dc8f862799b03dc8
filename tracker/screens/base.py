"""What every recovtui screen shares: header, footer, the too-small notice, the day."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tracker.data.store import Store
from tracker.domain.clock import Clock

if TYPE_CHECKING:
    from tracker.app import RecovApp

TOO_SMALL = "Terminal too small — recovtui needs at least 60×20. Make the window bigger."
MIN_WIDTH, MIN_HEIGHT = 60, 20
DAY_CHECK_SECONDS = 15


class RecovScreen(Screen[None]):
    """A screen of the app. Subclasses compose their body and refresh from the store."""

    today: pendulum.Date

    @property
    def recov(self) -> RecovApp:
        return cast("RecovApp", self.app)

    @property
    def store(self) -> Store:
        return self.recov.store

    @property
    def clock(self) -> Clock:
        return self.recov.clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._nav(), id="nav")
        yield Static(TOO_SMALL, id="too-small")
        with Vertical(id="body"):
            yield from self.compose_body()
        yield Footer()

    def _nav(self) -> Text:
        from tracker.app import SCREENS_BY_KEY

        text = Text(no_wrap=True, overflow="ellipsis")
        current = type(self).__name__.removesuffix("Screen").lower()
        for key, mode, title in SCREENS_BY_KEY:
            style = "bold reverse" if mode == current else ""
            text.append(f" {key} {title} ", style=style)
            text.append(" ")
        text.append("  ? keys  ^p commands  q quit", style="dim")
        return text

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.today = self.clock.today()
        self.set_interval(DAY_CHECK_SECONDS, self.check_day)

    def on_resize(self) -> None:
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        self.set_class(small, "-too-small")

    def on_screen_resume(self) -> None:
        self.on_resize()
        self.today = self.clock.today()
        self.refresh_data()

    def check_day(self) -> None:
        """Move on to the new day when the app is left open past midnight."""
        today = self.clock.today()
        if today != self.today:
            self.today = today
            self.day_changed()

    def day_changed(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Re-read what the screen shows from the store."""
