"""The History table replaces its rows in place: rows that stay are not built again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.render import measure
from textual.widgets._data_table import default_cell_formatter

from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.listing import week_totals
from tracker.widgets.history_table import HistoryTable

RUNS = [  # newest first, as the History service pages them
    Activity(date(2026, 11, 25), ActivityKind.EASY, 8000, 2900, note="club run", id=4),
    Activity(date(2026, 11, 24), ActivityKind.WORKOUT, 10000, 3000, note="hills", id=3),
    Activity(date(2026, 11, 23), ActivityKind.EASY, 6000, 2200, note="club social", id=2),
    Activity(date(2026, 11, 15), ActivityKind.LONG, 21000, 7000, note="a long club loop", id=1),
]


class _Table(App[None]):
    def compose(self) -> ComposeResult:
        yield HistoryTable()


def _show(table: HistoryTable, runs: Sequence[Activity]) -> None:
    table.show(runs, week_totals(runs, "monday"), "km", "monday")


def _keys(table: HistoryTable) -> list[str | None]:
    return [row.key.value for row in table.ordered_rows]


@pytest.fixture
def added(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the rows the table builds (every ``add_row``)."""
    keys: list[str] = []
    add_row = HistoryTable.add_row

    def counted(self: HistoryTable, *cells: object, key: str | None = None, **kw: object) -> object:
        keys.append(str(key))
        return add_row(self, *cells, key=key, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(HistoryTable, "add_row", counted)
    return keys


async def test_a_narrower_filter_keeps_the_rows_that_stay_and_counts_again(
    added: list[str],
) -> None:
    async with _Table().run_test() as pilot:
        table = pilot.app.query_one(HistoryTable)
        _show(table, RUNS)
        kept = table.get_row("a4")
        added.clear()

        _show(table, [RUNS[0], RUNS[2], RUNS[3]])  # "club": the hills are gone
        assert _keys(table) == ["w2026-11-23", "a4", "a2", "w2026-11-09", "a1"]
        assert added == []
        assert all(now is then for now, then in zip(table.get_row("a4"), kept, strict=True))
        assert str(table.get_row("w2026-11-23")[1]) == "2 activities"

        _show(table, RUNS)  # the filter emptied: only the hills are built again, in place
        assert added == ["a3"]
        assert _keys(table) == ["w2026-11-23", "a4", "a3", "a2", "w2026-11-09", "a1"]
        assert str(table.get_row("w2026-11-23")[1]) == "3 activities"
        await pilot.pause()
        assert table.highlighted_activity() is None  # the cursor on the first week's total


async def test_the_same_rows_again_change_nothing_and_the_cursor_stays(
    added: list[str],
) -> None:
    async with _Table().run_test() as pilot:
        table = pilot.app.query_one(HistoryTable)
        _show(table, RUNS)
        await pilot.pause()
        table.move_cursor(row=2, animate=False)
        added.clear()
        _show(table, RUNS)  # a re-read that found the same runs
        assert added == []
        assert table.cursor_row == 2 and table.highlighted_activity() == 3


async def test_the_columns_fit_their_cells_before_the_first_frame() -> None:
    async with _Table().run_test() as pilot:
        table = pilot.app.query_one(HistoryTable)
        _show(table, RUNS)
        note = table.ordered_columns[-1]
        assert note.content_width == len("a long club loop")  # measured now, not when idle
        await pilot.pause()
        assert note.content_width == len("a long club loop")


async def test_the_columns_are_as_wide_as_textual_measures_their_cells() -> None:
    """Each column fits its widest cell, measured as Textual's table measures it (a note
    of wide characters, of several lines, of markup-looking text, an empty one)."""
    notes = ["ウルトラ 走", "two\nlines here", "[b]not bold[/b]", "", "tab\there"]
    runs = [
        Activity(date(2026, 11, 25 - i), ActivityKind.EASY, 5000 + i, 1500, note=n, id=i + 1)
        for i, n in enumerate(notes)
    ]
    async with _Table().run_test() as pilot:
        table = pilot.app.query_one(HistoryTable)
        _show(table, runs)
        await pilot.pause()
        console = pilot.app.console
        for index, column in enumerate(table.ordered_columns):
            cells = [row[index] for row in (table.get_row_at(i) for i in range(table.row_count))]
            widths = [measure(console, default_cell_formatter(c, False, 1), 1) for c in cells]
            assert column.content_width == max(*widths, measure(console, column.label, 1))
