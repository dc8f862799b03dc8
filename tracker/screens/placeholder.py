"""A screen whose feature is still being built says so, and pretends nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tracker.screens.base import RecovScreen


class ComingScreen(RecovScreen):
    FEATURE = ""

    def compose_body(self) -> ComposeResult:
        yield Static(
            f"{self.FEATURE} is coming in a later release.\n\n"
            "Press 2 for the Week calendar, ? for keys, q to quit.",
            classes="coming",
        )
