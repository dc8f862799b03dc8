"""The Today screen (placeholder until its issue lands)."""

from __future__ import annotations

from tracker.screens.placeholder import ComingScreen


class TodayScreen(ComingScreen):
    FEATURE = "The Today screen"
