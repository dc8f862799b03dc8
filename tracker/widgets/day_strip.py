"""A strip of seven days, one short column each: Today's last week, Week's next one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tracker.domain.kinds import DayKind
from tracker.domain.listing import StripDay
from tracker.domain.plan import PlanDay
from tracker.domain.units import distance_value

KIND_STYLES = {
    DayKind.REST: "green",
    DayKind.WORKOUT: "yellow",
    DayKind.LONG: "cyan",
    DayKind.RACE: "magenta",
}


@dataclass(frozen=True, slots=True)
class StripCell:
    title: str
    body: str
    style: str = ""


def done_cells(days: Sequence[StripDay], units: str) -> list[StripCell]:
    """What each day held: its runs' kind and distance, "rest", or "–" (unknown, or today
    not over)."""
    cells = []
    for day in days:
        if day.activities:
            kinds = {a.kind for a in day.activities}
            kind = next(iter(kinds)).label if len(kinds) == 1 else "Mixed"
            body = f"{kind} {distance_value(day.distance_m, units)}"
            style = ""
        elif day.rested:
            body, style = "rest", "green"
        else:
            body, style = ("–" if day.known else "unknown"), "dim"
        cells.append(StripCell(f"{day.day:%a %-d}", body, style))
    return cells


def plan_cells(days: Sequence[PlanDay], units: str) -> list[StripCell]:
    """Each planned day's kind and target."""
    cells = []
    for day in days:
        body = day.kind.label
        if day.target_m and day.kind is not DayKind.REST:
            body += f" {distance_value(day.target_m, units)}"
        cells.append(StripCell(f"{day.date:%a %-d}", body, KIND_STYLES.get(day.kind, "")))
    return cells


class DayStrip(Static):
    """Seven columns: each day's title over one line of what it held or plans."""

    def show(self, cells: Sequence[StripCell]) -> None:
        table = Table.grid(expand=True, padding=(0, 1))
        for _ in cells:
            table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_row(*(Text(cell.title, style="bold") for cell in cells))
        table.add_row(*(Text(cell.body, style=cell.style) for cell in cells))
        self.update(table)
