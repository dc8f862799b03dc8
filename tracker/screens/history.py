"""History: every activity, newest first, filtered by kind, dates and text.

The table holds a page at a time (:data:`tracker.services.history.PAGE_SIZE`)
and reads the next as the cursor nears the end, so ten years open as fast as
one. ``enter`` edits any field of the highlighted run, its date too (the rule
and the stats follow), ``d`` deletes it after asking.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Select, Static

from tracker.domain.activity import Activity
from tracker.domain.clock import Clock
from tracker.domain.forms import FormErrors
from tracker.domain.kinds import ActivityKind
from tracker.domain.listing import ActivityFilter
from tracker.domain.units import format_distance
from tracker.screens.base import RecovScreen
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.run_form import LogRunForm
from tracker.services.bundle import Services
from tracker.services.history import PAGE_SIZE, HistoryPage
from tracker.widgets.history_table import HistoryTable
from tracker.widgets.lazy_select import LazySelect
from tracker.widgets.shown import show

NEAR_END = 30
"""Rows from the end at which the next page is read."""
FILTER_FIELDS = ("start", "end", "text")


class HistoryScreen(RecovScreen):
    """See the module docstring."""

    STYLES = "history"

    MODE = "history"
    AUTO_FOCUS = "#history-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Find", key_display="/", tooltip="Find a word in notes"),
        Binding("d,delete", "delete_run", "Delete", tooltip="Delete the highlighted run"),
        Binding("escape", "leave_field", "To the list", show=False),
    ]

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.history = services.history
        self.chosen = ActivityFilter()
        self.page: HistoryPage | None = None
        self._shown = 0

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="history-filters"):
            kinds = [("Every kind", ""), *((k.label, k.value) for k in ActivityKind)]
            yield LazySelect(kinds, value="", allow_blank=False, compact=True, id="kind")
            yield Label("From", classes="filter-label")
            yield Input(placeholder="date", compact=True, id="start")
            yield Label("to", classes="filter-label")
            yield Input(placeholder="date", compact=True, id="end")
            yield Input(placeholder="/ find in notes", compact=True, id="text")
        yield Static("", id="history-status", markup=False)
        yield HistoryTable(id="history-table")

    # Reading

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        table = self.query_one(HistoryTable)
        keep = table.cursor_row
        wanted = max(self._shown, 1)
        shown = self.page
        self.page = page = self.history.page(self.chosen, 0, max(wanted, PAGE_SIZE))
        if not _same_rows(shown, page):  # typing on in a word often names the same runs
            table.show(page.activities, page.totals, page.units, page.week_start)
        self._shown = len(page.activities)
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1), animate=False)
        self._show_status()

    def _read_more(self) -> None:
        page = self.page
        if page is None or self._shown >= page.matching:
            return
        more = self.history.page(self.chosen, self._shown)
        self.page = more
        self.query_one(HistoryTable).show(
            more.activities, more.totals, more.units, more.week_start, append=True
        )
        self._shown += len(more.activities)

    def _show_status(self, problem: str = "") -> None:
        status = self.query_one("#history-status", Static)
        page = self.page
        if problem:
            show(status, f"✗ {problem}")
        elif page is None or not page.matching:
            show(
                status,
                "No activity matches"
                if self.chosen != ActivityFilter()
                else "Nothing logged yet: l logs a run, Settings (5) then g imports a history",
            )
        else:
            show(
                status,
                f"{page.matching} activities · enter edits · d deletes · / finds · "
                "tab moves between the filters",
            )
        status.set_class(bool(problem), "-problem")

    @on(DataTable.RowHighlighted, "#history-table")
    def near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - NEAR_END:
            self._read_more()

    # Filtering

    @on(Input.Changed, "#history-filters Input")
    @on(Select.Changed, "#kind")
    def filter_changed(self) -> None:
        kind = self.query_one("#kind", Select).value
        texts = [self.query_one(f"#{name}", Input).value for name in FILTER_FIELDS]
        try:
            chosen = self.history.read_filter(str(kind or ""), *texts)
        except FormErrors as exc:
            self._show_status("; ".join(f"{f}: {why}" for f, why in exc.errors.items()))
            return
        if chosen != self.chosen:
            self.chosen = chosen
            self._shown = 0
            self.refresh_data()
        else:
            self._show_status()

    @on(Input.Submitted, "#history-filters Input")
    def filter_submitted(self) -> None:
        self.query_one(HistoryTable).focus()

    def action_find(self) -> None:
        self.query_one("#text", Input).focus()

    def action_leave_field(self) -> None:
        self.query_one(HistoryTable).focus()

    # Changing a run

    def _highlighted(self) -> Activity | None:
        activity_id = self.query_one(HistoryTable).highlighted_activity()
        return None if activity_id is None else self.history.activity(activity_id)

    @on(DataTable.RowSelected, "#history-table")
    @work(group="history-dialog")
    async def edit_run(self) -> None:
        run = self._highlighted()
        if run is None:
            return

        def save(changed: Activity) -> str | None:
            self.history.save_run(changed)
            return None

        units = self.history.units()
        edited = await self.app.push_screen_wait(
            LogRunForm(run.date, units, save, run, today=self.today)
        )
        if edited is not None and edited.date != run.date:
            self.notify(f"Moved to {edited.date:%a %-d %b %Y}")

    @work(group="history-dialog")
    async def action_delete_run(self) -> None:
        run = self._highlighted()
        if run is None or run.id is None:
            return
        distance = format_distance(run.distance_m, self.history.units())
        question = f"Delete {run.kind.label.lower()} {distance} on {run.date:%a %-d %b %Y}?"
        if await self.app.push_screen_wait(ConfirmDialog(question, yes="Delete", no="Keep")):
            self.history.delete_run(run.id)
            self.notify(f"Deleted the {run.kind.label.lower()} run · ctrl+z undoes it")


def _same_rows(shown: HistoryPage | None, page: HistoryPage) -> bool:
    """``page`` makes exactly the rows of ``shown``, the one page the table holds."""
    return (
        shown is not None
        and shown.offset == 0
        and (shown.activities, shown.totals, shown.units, shown.week_start)
        == (page.activities, page.totals, page.units, page.week_start)
    )
