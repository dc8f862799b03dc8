"""Weekly distance as a bar chart, with the +10 % and +30 % ramp marks of each week.

Each completed week's bar is coloured by its ramp on the week before
(docs/counting.md: warn above 10 %, strong warning above 30 %). Above each bar a tick marks
+10 % and another +30 % on the week before: how much more a week could have
held, and for this week how much more it can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.load import RAMP_STRONG_PCT, RAMP_WARN_PCT, ramp_between, ramp_level
from tracker.domain.units import metres_per_unit
from tracker.widgets.parts import drawn_parts, part

EIGHTHS = " ▁▂▃▄▅▆▇█"
AXIS_WIDTH = 5
WARN_MARK = "╌"
STRONG_MARK = "═"
LABEL_EVERY_CHARS = 7


@dataclass(frozen=True)
class ChartData:
    """``weeks``: (week start, metres), oldest first, the current week last."""

    weeks: tuple[tuple[date, int], ...] = ()
    units: str = "km"


@drawn_parts(
    (
        "bar",
        "current",
        "warn",
        "strong",
        "mark-warn",
        "mark-strong",
        "axis",
    )
)
class WeeklyChart(Widget):
    """Bars of weekly distance with the ramp marks (see the module docstring)."""

    data: reactive[ChartData] = reactive(ChartData, layout=False)

    def render(self) -> Text:
        weeks = self.data.weeks
        if not any(metres for _start, metres in weeks):
            return Text("No runs in these weeks yet.", style=part(self, "axis"))
        width, height = self.content_size.width, self.content_size.height
        rows = max(3, height - 2)
        column = max(2, min(4, (width - AXIS_WIDTH) // len(weeks)))
        distances = [metres for _start, metres in weeks]
        marks = [
            (previous * (100 + RAMP_WARN_PCT) / 100, previous * (100 + RAMP_STRONG_PCT) / 100)
            for previous in [0, *distances[:-1]]
        ]
        top = max(*distances, *(strong for _warn, strong in marks), 1)
        step = top / rows
        axis = part(self, "axis")
        text = Text(no_wrap=True, overflow="crop")
        per_unit = metres_per_unit(self.data.units)
        for row in range(rows, 0, -1):
            label = f"{top / per_unit:.0f}" if row == rows else "0" if row == 1 else ""
            text.append(f"{label:>{AXIS_WIDTH - 1}}│", style=axis)
            for index, metres in enumerate(distances):
                cell, piece = self._cell(metres / step, row, marks[index], step)
                if piece == "bar":
                    style: Style | None = self._bar_style(distances, index)
                else:
                    style = part(self, piece) if piece else None
                text.append(cell * (column - 1), style=style)
                text.append(" ")
            text.append("\n")
        text.append(" " * (AXIS_WIDTH - 1) + "└", style=axis)
        text.append(self._labels(weeks, column), style=axis)
        text.append("\n" + " " * AXIS_WIDTH)
        text.append(WARN_MARK * 2, style=part(self, "mark-warn"))
        text.append(f" +{RAMP_WARN_PCT}%  ", style=axis)
        text.append(STRONG_MARK * 2, style=part(self, "mark-strong"))
        text.append(f" +{RAMP_STRONG_PCT}% on the week before", style=axis)
        return text

    @staticmethod
    def _cell(
        height: float, row: int, marks: tuple[float, float], step: float
    ) -> tuple[str, str | None]:
        """One cell of a week's column (``row`` counts from 1 at the bottom): the
        character and what it is: ``bar``, ``mark-warn``, ``mark-strong`` or None."""
        if height >= row:
            return "█", "bar"
        eighths = round((height - (row - 1)) * 8)
        if eighths > 0:
            return EIGHTHS[eighths], "bar"
        warn, strong = (limit / step for limit in marks)
        if warn > 0 and row - 1 < strong <= row:
            return STRONG_MARK, "mark-strong"
        if warn > 0 and row - 1 < warn <= row:
            return WARN_MARK, "mark-warn"
        return " ", None

    def _bar_style(self, distances: list[int], index: int) -> Style:
        if index == len(distances) - 1:
            return part(self, "current")
        if index == 0:
            return part(self, "bar")
        level = ramp_level(ramp_between(distances[index - 1], distances[index]))
        return part(self, level or "bar")

    @staticmethod
    def _labels(weeks: tuple[tuple[date, int], ...], column: int) -> str:
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
