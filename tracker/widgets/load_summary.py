"""Streak, days since rest and active warnings, for the Today screen.

The figures are those of ``recovtui stats`` (the Today screen hands over its
stats report's), so Today, Stats and ``recovtui status`` show the same streak.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tracker.domain.stats import LoadWarning
from tracker.domain.streaks import RestStreak
from tracker.domain.text import plural

MAX_WARNINGS = 3


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

    def show(
        self, streak: RestStreak, days_since_rest: int | None, warnings: Sequence[LoadWarning]
    ) -> None:
        text = Text()
        text.append("Streak  ", style=self._style("label"))
        text.append(f"{plural(streak.current_weeks, 'week')} keeping the rule")
        text.append(f" (best {streak.best_weeks})", style=self._style("dim"))
        text.append("\n")
        text.append("Rest    ", style=self._style("label"))
        if days_since_rest is None:
            text.append("no rest day yet")
        elif days_since_rest == 0:
            text.append("today")
        else:
            text.append(f"{plural(days_since_rest, 'day')} since a rest day")
        for warning in warnings[:MAX_WARNINGS]:
            text.append("\n")
            text.append(f"⚠ {warning.message}", style=self._style(warning.level))
        if len(warnings) > MAX_WARNINGS:
            more = len(warnings) - MAX_WARNINGS
            text.append(f"\n+{more} more on Stats (4)", style=self._style("dim"))
        self.update(text)
