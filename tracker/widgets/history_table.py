"""The History table: one row per activity, newest first, each week's total above its runs.

It draws what it is given, a page at a time (:meth:`HistoryTable.show` replaces,
``append=True`` adds the next page): ten years are never in it at once unless
the runner scrolls that far. Activity rows are keyed ``a<id>``, totals ``w<date>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.listing import WeekTotal
from tracker.domain.text import plural, terminal_text
from tracker.domain.units import format_distance, format_duration, format_pace
from tracker.widgets.plain import plain

COLUMNS = ("Date", "Kind", "Distance", "Time", "Pace", "RPE", "HR", "Source", "Note")
ACTIVITY_KEY, TOTAL_KEY = "a", "w"


def source_text(source: str) -> str:
    """``import:strava`` → ``strava``; ``manual`` → ``by hand``."""
    return "by hand" if source == "manual" else source.removeprefix("import:")


def heart_rate(activity: Activity) -> str:
    if not (activity.avg_hr or activity.max_hr):
        return ""
    return "/".join(str(rate) if rate else "–" for rate in (activity.avg_hr, activity.max_hr))


def activity_cells(activity: Activity, units: str) -> tuple[str | Text, ...]:
    """The cells of one activity's row (the note as typed, never markup)."""
    duration = activity.duration_s
    pace = format_pace(duration, activity.distance_m, units) if duration else None
    return (
        f"{activity.date:%a %Y-%m-%d}",
        activity.kind.label,
        Text(format_distance(activity.distance_m, units), justify="right"),
        Text(format_duration(duration) if duration else "", justify="right"),
        pace or "",
        Text(str(activity.rpe) if activity.rpe else "", justify="right"),
        heart_rate(activity),
        plain(source_text(activity.source)),
        Text(terminal_text(activity.note), style="dim", no_wrap=True, overflow="ellipsis"),
    )


def total_cells(total: WeekTotal, units: str) -> tuple[str | Text, ...]:
    style = "bold"
    return (
        Text(f"Week of {total.week.start:%-d %b}", style=style),
        Text(plural(total.count, "activity", "activities"), style="dim"),
        Text(format_distance(total.distance_m, units), style=style, justify="right"),
        Text(format_duration(total.duration_s) if total.duration_s else "", justify="right"),
        "",
        "",
        "",
        "",
        "",
    )


class HistoryTable(DataTable[str | Text]):
    """See the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Edit", tooltip="Edit the highlighted run, its date too"),
    ]

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns(*COLUMNS)
        self._weeks: set[date] = set()

    def show(
        self,
        activities: Sequence[Activity],
        totals: dict[date, WeekTotal],
        units: str,
        week_start: str,
        *,
        append: bool = False,
    ) -> None:
        """Show ``activities`` (newest first), each week's total before its first row."""
        if not append:
            self.clear()
            self._weeks = set()
        for activity in activities:
            first = week_of(activity.date, week_start).start
            if first not in self._weeks and first in totals:
                self._weeks.add(first)
                self.add_row(*total_cells(totals[first], units), key=f"{TOTAL_KEY}{first}")
            self.add_row(*activity_cells(activity, units), key=f"{ACTIVITY_KEY}{activity.id}")

    def highlighted_activity(self) -> int | None:
        """The id of the activity under the cursor; None on a week's total or when empty."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
        return int(key[1:]) if key.startswith(ACTIVITY_KEY) else None
