"""Streak, days since rest and active warnings, for the Today header (issue: stats)."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from tracker.data.store import Store


class LoadSummary(Static):
    """Shows the rest streak, days since rest and active load warnings."""

    def show(self, store: Store, today: date) -> None:
        self.update("")
