"""Streak, days since rest and active warnings, for the Today screen.

The figures are those of ``recovtui stats`` (:func:`tracker.data.reports.stats_report`),
so Today, Stats and ``recovtui status`` always show the same streak.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tracker.data.reports import stats_report
from tracker.data.store import Store

MAX_WARNINGS = 3


def _weeks(count: int) -> str:
    return f"{count} week{'s' if count != 1 else ''}"


class LoadSummary(Static):
    """Shows the rest streak, days since rest and active load warnings."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "load-summary--label",
        "load-summary--warn",
        "load-summary--strong",
        "load-summary--dim",
    }

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"load-summary--{name}")

    def show(self, store: Store, today: date) -> None:
        self.show_document(stats_report(store, today))

    def show_document(self, document: dict[str, Any]) -> None:
        """Show a ``stats --json`` document (the Stats screen has one already)."""
        streak = document["rest_streak"]
        since = document["days_since_rest"]
        text = Text()
        text.append("Streak  ", style=self._style("label"))
        text.append(f"{_weeks(streak['current_weeks'])} keeping the rule")
        text.append(f" (best {streak['best_weeks']})", style=self._style("dim"))
        text.append("\n")
        text.append("Rest    ", style=self._style("label"))
        text.append(
            "today" if since == 0 else f"{since} day{'s' if since != 1 else ''} since a rest day"
        )
        warnings = document["warnings"]
        for warning in warnings[:MAX_WARNINGS]:
            text.append("\n")
            text.append(f"⚠ {warning['message']}", style=self._style(warning["level"]))
        if len(warnings) > MAX_WARNINGS:
            more = len(warnings) - MAX_WARNINGS
            text.append(f"\n+{more} more on Stats (4)", style=self._style("dim"))
        self.update(text)
