"""The Timer screen (placeholder until its issue lands)."""

from __future__ import annotations

from tracker.screens.placeholder import ComingScreen


class TimerScreen(ComingScreen):
    FEATURE = "The Timer screen"
