"""Streak, days since rest, tomorrow's cap and active warnings, for the Today screen.

The figures are those of ``recovtui stats`` (the Today screen hands over its
stats report's), so Today, Stats and ``recovtui status`` show the same streak.
The first warning is the headline (a long-run spike, when there is one) and
shows what the research found about it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from tracker.domain.stats import LoadWarning
from tracker.domain.streaks import RestStreak
from tracker.domain.text import plural
from tracker.domain.units import format_distance
from tracker.widgets.parts import drawn_parts, part
from tracker.widgets.shown import show

MAX_WARNINGS = 3


@drawn_parts("label", "warn", "strong", "dim")
class LoadSummary(Static):
    """Shows the rest streak, days since rest and active load warnings."""

    def show(
        self,
        streak: RestStreak,
        days_since_rest: int | None,
        warnings: Sequence[LoadWarning],
        cap_m: int | None = None,
        units: str = "km",
    ) -> None:
        text = Text()
        text.append("Streak  ", style=part(self, "label"))
        text.append(f"{plural(streak.current_weeks, 'week')} keeping the rule")
        text.append(f" (best {streak.best_weeks})", style=part(self, "dim"))
        text.append("\n")
        text.append("Rest    ", style=part(self, "label"))
        if days_since_rest is None:
            text.append("no rest day yet")
        elif days_since_rest == 0:
            text.append("today")
        else:
            text.append(f"{plural(days_since_rest, 'day')} since a rest day")
        if cap_m is not None:
            text.append("\n")
            text.append("Cap     ", style=part(self, "label"))
            text.append(f"tomorrow ≤ {format_distance(cap_m, units)}")
            text.append(" · more is a spike", style=part(self, "dim"))
        for index, warning in enumerate(warnings[:MAX_WARNINGS]):
            text.append("\n")
            text.append(f"⚠ {warning.message}", style=part(self, warning.level))
            if index == 0 and warning.evidence:
                text.append(f"\n  {warning.evidence}", style=part(self, "dim"))
        if len(warnings) > MAX_WARNINGS:
            more = len(warnings) - MAX_WARNINGS
            text.append(f"\n+{more} more on Stats (4)", style=part(self, "dim"))
        show(self, text)
