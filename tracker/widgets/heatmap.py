"""A year of days as a heatmap: one column per week, one row per weekday.

Each day shows what it was (:class:`tracker.domain.streaks.DayMark`): rest,
easy, hard, long or excused. Days before the history begins, and today before
it is checked in or logged, are dots; days to come are blank. As many weeks as
fit are shown, up to a year, the current week on the right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.dates import WEEKDAY_ABBR, first_of_weeks
from tracker.domain.streaks import YEAR_WEEKS, DayMark
from tracker.widgets.parts import drawn_parts, part

MAX_WEEKS = YEAR_WEEKS
LABEL_WIDTH = 4
CELL = "■"
EMPTY = "·"


@dataclass(frozen=True)
class HeatmapData:
    marks: dict[date, DayMark] = field(default_factory=dict)
    today: date | None = None
    week_start: str = "monday"


@drawn_parts(*(mark.value for mark in DayMark), "empty", "label")
class YearHeatmap(Widget):
    """See the module docstring."""

    data: reactive[HeatmapData] = reactive(HeatmapData, layout=False)

    def render(self) -> Text:
        data = self.data
        today = data.today
        if today is None:
            return Text("")
        weeks = max(1, min(MAX_WEEKS, self.content_size.width - LABEL_WIDTH))
        first = first_of_weeks(today, data.week_start, weeks)
        label = part(self, "label")
        text = Text(no_wrap=True, overflow="crop")
        text.append(" " * LABEL_WIDTH + self._months(first, weeks), style=label)
        styles = {mark: part(self, mark.value) for mark in DayMark}
        empty = part(self, "empty")
        first_weekday = first.weekday()
        for row in range(7):
            text.append("\n")
            name = WEEKDAY_ABBR[(first_weekday + row) % 7]
            text.append(f"{name if row % 2 == 0 else '':<{LABEL_WIDTH}}", style=label)
            for column in range(weeks):
                day = first + timedelta(days=column * 7 + row)
                mark = data.marks.get(day)
                if mark is not None:
                    text.append(CELL, style=styles[mark])
                elif day <= today:
                    text.append(EMPTY, style=empty)
                else:
                    text.append(" ")
        text.append("\n" + " " * LABEL_WIDTH)
        for mark in DayMark:
            text.append(CELL, style=styles[mark])
            text.append(f" {mark.value}  ", style=label)
        return text

    @staticmethod
    def _months(first: date, weeks: int) -> str:
        """Month names over the week in which each month begins, and over the first
        week when there is room before the next name."""
        starts = [
            (column, f"{first + timedelta(weeks=column, days=6):%b}")
            for column in range(weeks)
            if (first + timedelta(weeks=column, days=6)).day <= 7
        ]
        if not starts or starts[0][0] >= 4:
            starts.insert(0, (0, f"{first + timedelta(days=6):%b}"))
        line = ""
        for column, name in starts:
            if (not line or column > len(line)) and column + len(name) <= weeks:
                line = line.ljust(column) + name
        return line
