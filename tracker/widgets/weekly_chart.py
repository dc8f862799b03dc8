"""A figure of each of the last weeks as bars: weekly distance, weekly load, the Hooper trend.

With ``changes`` (weekly distance), each completed week's bar is coloured by its
own change on the week before (docs/counting.md: warn above +10 %, strong
warning above +30 %; a fall never warns), the change itself is written under the
bar, and the legend names every colour. Distances are metres, shown in the
runner's unit; any other figure is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.load import RAMP_STRONG_PCT, RAMP_WARN_PCT, ramp_between, ramp_level
from tracker.domain.stats import round_half_up
from tracker.domain.units import metres_per_unit
from tracker.widgets.parts import drawn_parts, part

EIGHTHS = " ▁▂▃▄▅▆▇█"
AXIS_WIDTH = 5
LABEL_EVERY_CHARS = 7
DISTANCE_UNITS = ("km", "mi")
SWATCH = "■"
MAX_COLUMN = 6
"""At most this many characters a week: five of bar, one of gap."""


@dataclass(frozen=True)
class ChartData:
    """``weeks``: (week start, value or None), oldest first, the current week last.

    ``units`` ``km`` or ``mi``: the values are metres; anything else names the
    values as they are (``AU``). ``floor`` is the value at the bottom of the axis.
    """

    weeks: tuple[tuple[date, float | None], ...] = ()
    units: str = "km"
    changes: bool = False
    floor: float = 0.0
    empty: str = "No runs in these weeks yet."


def week_changes(values: list[float]) -> list[float | None]:
    """Each week's change on the week before, in percent; None for the first week, a
    week after one of nothing, and the current week (not over yet)."""
    changes: list[float | None] = [None]
    for before, after in pairwise(values):
        changes.append(ramp_between(int(before), int(after)))
    if len(changes) > 1:
        changes[-1] = None
    return changes[: len(values)]


def change_label(pct: float | None, width: int) -> str:
    """``+12`` (percent, whole), right-aligned in ``width``; arrows when it does not fit."""
    if pct is None:
        return " " * width
    text = f"{round_half_up(pct, 0):+.0f}"
    if len(text) > width:
        text = ("↑" if pct > 0 else "↓") * width
    return f"{text:>{width}}"


@drawn_parts("bar", "current", "warn", "strong", "axis")
class WeeklyChart(Widget):
    """Bars of a weekly figure (see the module docstring)."""

    data: reactive[ChartData] = reactive(ChartData, layout=False)

    def _per_unit(self) -> float:
        units = self.data.units
        return metres_per_unit(units) if units in DISTANCE_UNITS else 1.0

    def render(self) -> Text:
        data = self.data
        values = [value or 0.0 for _start, value in data.weeks]
        if not any(value > data.floor for value in values):
            return Text(data.empty, style=part(self, "axis"))
        width, height = self.content_size.width, self.content_size.height
        legend = self._legend(width) if data.changes else Text()
        rows = max(3, height - (2 + len(legend.split()) if data.changes else 1))
        column = max(2, min(MAX_COLUMN, (width - AXIS_WIDTH) // len(values)))
        top = max(*values, data.floor + 1)
        step = (top - data.floor) / rows
        changes = week_changes(values) if data.changes else [None] * len(values)
        axis = part(self, "axis")
        text = Text(no_wrap=True, overflow="crop")
        for row in range(rows, 0, -1):
            label = self._axis_label(top if row == rows else data.floor if row == 1 else None)
            text.append(f"{label:>{AXIS_WIDTH - 1}}│", style=axis)
            for index, value in enumerate(values):
                cell = self._cell((value - data.floor) / step, row)
                style = self._style(index, len(values), changes[index]) if cell != " " else None
                text.append(cell * (column - 1), style=style)
                text.append(" ")
            text.append("\n")
        text.append(" " * (AXIS_WIDTH - 1) + "└", style=axis)
        text.append(self._labels(data.weeks, column), style=axis)
        if data.changes:
            text.append("\n" + " " * (AXIS_WIDTH - 1) + "%", style=axis)
            for index, pct in enumerate(changes):
                style = self._style(index, len(values), pct) if pct is not None else axis
                text.append(change_label(pct, column - 1), style=style)
                text.append(" ")
            text.append("\n")
            text.append_text(legend)
        return text

    def _axis_label(self, value: float | None) -> str:
        if value is None:
            return ""
        return f"{value / self._per_unit():.0f}"

    @staticmethod
    def _cell(height: float, row: int) -> str:
        """One cell of a week's column (``row`` counts from 1 at the bottom)."""
        if height >= row:
            return "█"
        eighths = round((height - (row - 1)) * 8)
        return EIGHTHS[eighths] if eighths > 0 else " "

    def _style(self, index: int, count: int, pct: float | None) -> Style:
        """The current week stands apart; with changes, a week is coloured by its own."""
        if index == count - 1:
            return part(self, "current")
        if not self.data.changes:
            return part(self, "bar")
        return part(self, ramp_level(pct) or "bar")

    def _legend(self, width: int) -> Text:
        """One swatch for every colour the bars and the changes use, in lines of ``width``."""
        entries = [
            ("bar", f"up to +{RAMP_WARN_PCT}% or down"),
            ("warn", f"over +{RAMP_WARN_PCT}%"),
            ("strong", f"over +{RAMP_STRONG_PCT}%"),
            ("current", "this week so far"),
        ]
        lines = [Text(" " * AXIS_WIDTH)]
        for name, words in entries:
            if len(lines[-1]) > AXIS_WIDTH and len(lines[-1]) + len(words) + 4 > width:
                lines.append(Text(" " * AXIS_WIDTH))
            elif len(lines[-1]) > AXIS_WIDTH:
                lines[-1].append("  ")
            lines[-1].append(SWATCH, style=part(self, name))
            lines[-1].append(f" {words}", style=part(self, "axis"))
        return Text("\n").join(lines)

    @staticmethod
    def _labels(weeks: tuple[tuple[date, float | None], ...], column: int) -> str:
        """Week-start dates under the bars, as many as fit without touching."""
        every = max(1, -(-LABEL_EVERY_CHARS // column))
        line = ""
        for index in range(0, len(weeks), every):
            label = f"{weeks[index][0]:%-d %b}"
            at = index * column
            if at + len(label) > len(weeks) * column:
                break
            line = line.ljust(at) + label
        return line
