"""The Stats screen (placeholder until its issue lands)."""

from __future__ import annotations

from tracker.screens.placeholder import ComingScreen


class StatsScreen(ComingScreen):
    FEATURE = "The Stats screen"
