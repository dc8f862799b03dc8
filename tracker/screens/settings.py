"""The Settings screen (placeholder until its issue lands)."""

from __future__ import annotations

from tracker.screens.placeholder import ComingScreen


class SettingsScreen(ComingScreen):
    FEATURE = "The Settings screen"
