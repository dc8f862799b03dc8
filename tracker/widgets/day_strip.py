"""A strip of seven days, one short column each: Today's last week, Week's next one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tracker.domain.kinds import DayKind
from tracker.domain.listing import StripDay
from tracker.domain.plan import PlanDay
from tracker.domain.units import distance_value
from tracker.widgets.fitted import Parts

KIND_STYLES = {
    DayKind.REST: "green",
    DayKind.WORKOUT: "yellow",
    DayKind.LONG: "cyan",
    DayKind.RACE: "magenta",
}


@dataclass(frozen=True, slots=True)
class StripCell:
    """A day's title (``Wed 2``) over what it held or plans: the distance first, then
    the kind (dropped when the column is narrow), in the kind's colour."""

    title: str
    body: tuple[str, ...]
    style: str = ""
    today: bool = False


def done_cells(days: Sequence[StripDay], units: str, today: date) -> list[StripCell]:
    """What each day held: its distance and kind, "rest", or "–" (nothing logged on a
    day not over, or before the history starts)."""
    cells = []
    for day in days:
        if day.activities:
            kinds = {DayKind(a.kind.value) for a in day.activities}
            kind = next(iter(kinds)) if len(kinds) == 1 else None
            label = kind.label if kind is not None else "Mixed"
            body: tuple[str, ...] = (distance_value(day.distance_m, units), label)
            style = KIND_STYLES.get(kind, "") if kind is not None else ""
        elif day.rested:
            body, style = ("rest",), KIND_STYLES[DayKind.REST]
        else:
            body, style = ("–",), "dim"
        cells.append(StripCell(f"{day.day:%a %-d}", body, style, day.day == today))
    return cells


def plan_cells(days: Sequence[PlanDay], units: str, today: date) -> list[StripCell]:
    """Each planned day's target and kind."""
    cells = []
    for day in days:
        body: tuple[str, ...] = (day.kind.label,)
        if day.target_m and day.kind is not DayKind.REST:
            body = (distance_value(day.target_m, units), *body)
        style = KIND_STYLES.get(day.kind, "")
        cells.append(StripCell(f"{day.date:%a %-d}", body, style, day.date == today))
    return cells


class DayStrip(Static):
    """Seven columns: each day's title over one line of what it held or plans."""

    _cells: tuple[StripCell, ...] | None = None

    def show(self, cells: Sequence[StripCell]) -> None:
        """Draw ``cells``, unless they are those drawn (a table compares only as itself:
        each update would cost the screen a layout, see widgets/shown.py)."""
        if tuple(cells) == self._cells:
            return
        self._cells = tuple(cells)
        table = Table.grid(expand=True, padding=(0, 2, 0, 0))
        for _ in cells:
            table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_row(*(Text(c.title + (" •" if c.today else ""), style="bold") for c in cells))
        table.add_row(*(Parts.of((Text(p, style=c.style) for p in c.body), " ") for c in cells))
        self.update(table)
