"""The History table: one row per activity, newest first, each week's total above its runs.

It draws what it is given, a page at a time (:meth:`HistoryTable.show` replaces,
``append=True`` adds the next page): ten years are never in it at once unless
the runner scrolls that far. Activity rows are keyed ``a<id>``, totals ``w<date>``.

A filter keystroke or a re-read replaces the rows in place: rows that stay are
kept as they are (a total whose count changed has only that cell updated), only
the new ones are added, and nothing changes when nothing did. Textual 8.2.8's
table measures new rows only when idle, after its first frame, which it then draws
again at the new column widths: this one measures the rows it is given at once, so
each cell of a first open is drawn once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets._data_table import default_cell_formatter
from textual.widgets.data_table import CellKey, RowKey

from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.listing import WeekTotal
from tracker.domain.text import plural, terminal_text
from tracker.domain.units import format_distance, format_duration, format_pace
from tracker.widgets.plain import plain

COLUMNS = ("Date", "Kind", "Distance", "Time", "Pace", "RPE", "HR", "Source", "Note")
ACTIVITY_KEY, TOTAL_KEY = "a", "w"
Cells = tuple[str | Text, ...]


def source_text(source: str) -> str:
    """``import:strava`` → ``strava``; ``manual`` → ``by hand``."""
    return "by hand" if source == "manual" else source.removeprefix("import:")


def heart_rate(activity: Activity) -> str:
    if not (activity.avg_hr or activity.max_hr):
        return ""
    return "/".join(str(rate) if rate else "–" for rate in (activity.avg_hr, activity.max_hr))


def activity_cells(activity: Activity, units: str) -> Cells:
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


def total_cells(total: WeekTotal, units: str) -> Cells:
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
        self._columns = self.add_columns(*COLUMNS)
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
        weeks = self._weeks if append else set()
        rows: list[tuple[str, Cells]] = []
        for activity in activities:
            first = week_of(activity.date, week_start).start
            if first not in weeks and first in totals:
                weeks.add(first)
                rows.append((f"{TOTAL_KEY}{first}", total_cells(totals[first], units)))
            rows.append((f"{ACTIVITY_KEY}{activity.id}", activity_cells(activity, units)))
        self._weeks = weeks
        if append:
            for key, cells in rows:
                self.add_row(*cells, key=key)
        else:
            self._replace(rows)
        self._measure()

    def _replace(self, rows: list[tuple[str, Cells]]) -> None:
        """Make the table hold ``rows`` in order, keeping the rows that stay."""
        order = [RowKey(key) for key, _ in rows]
        held = [self._row_locations.get_key(index) for index in range(self.row_count)]
        held_keys = {key for key in held if key is not None}
        if order != held:
            self._drop(held_keys - set(order))
            kept = [key for key in order if key in self.rows]
            self._row_locations = TwoWayDict({key: index for index, key in enumerate(kept)})
        for key, cells in rows:
            if RowKey(key) in self.rows:
                self._update_row(key, cells)
            else:
                self.add_row(*cells, key=key)
        if order == held:
            return
        self._row_locations = TwoWayDict({key: index for index, key in enumerate(order)})
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = Coordinate(0, 0)  # as a cleared table: the screen puts it back
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh(layout=True)

    def _drop(self, gone: set[RowKey]) -> None:
        """Forget the rows ``gone`` all at once (``remove_row`` renumbers every row each
        time); :meth:`_replace` numbers the rows that stay."""
        for key in gone:
            del self.rows[key]
            del self._data[key]
            self._new_rows.discard(key)
            for column in self._columns:
                self._updated_cells.discard(CellKey(key, column))

    def _update_row(self, key: str, cells: Cells) -> None:
        """Update only the cells of row ``key`` that differ from ``cells``; the row is
        measured again as a new one is (a column grows to fit, and never shrinks)."""
        held = self._data[RowKey(key)]
        for column, cell in zip(self._columns, cells, strict=True):
            if not _same(held[column], cell):
                self.update_cell(key, column, cell)
                self._new_rows.add(RowKey(key))
                self._require_update_dimensions = True

    def _measure(self) -> None:
        """Measure the new rows now, as Textual does when idle (after its first frame)."""
        if self._updated_cells:
            cells = set(self._updated_cells)
            self._updated_cells.clear()
            self._update_column_widths(cells)
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = set(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Textual's, for this table's rows (one line high, never labelled): each cell is
        measured by its text, as rich measures it (rich asks the terminal its size for
        every cell, most of a filter keystroke)."""
        columns = self.ordered_columns
        for key in new_rows:
            held = self._data.get(key)
            if held is None:  # dropped before it was measured
                continue
            for column in columns:
                width = _width(self, default_cell_formatter(held[column.key], False, 1))
                column.content_width = max(column.content_width, width)
        widths = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(widths, self._total_row_height + header)

    def highlighted_activity(self) -> int | None:
        """The id of the activity under the cursor; None on a week's total or when empty."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
        return int(key[1:]) if key.startswith(ACTIVITY_KEY) else None


def _same(held: object, cell: str | Text) -> bool:
    """``held`` draws as ``cell`` (rich's ``Text`` compares its text and spans only)."""
    if isinstance(held, Text) and isinstance(cell, Text):
        return (held.plain, held.spans, held.style, held.justify, held.no_wrap) == (
            cell.plain,
            cell.spans,
            cell.style,
            cell.justify,
            cell.no_wrap,
        )
    return type(held) is type(cell) and held == cell


def _width(table: HistoryTable, cell: RenderableType) -> int:
    """The cells ``cell`` takes on one line, as :func:`textual.render.measure` finds."""
    if isinstance(cell, Text):
        return max((cell_len(line) for line in cell.plain.splitlines()), default=0)
    return measure(table.app.console, cell, 1)
