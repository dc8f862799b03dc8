"""Edit a planned day: kind, target distance, note (``enter`` on Week)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Select

from tracker.domain.dates import ParseError
from tracker.domain.kinds import DayKind
from tracker.domain.plan import PlanDay
from tracker.domain.units import distance_field_text, parse_distance
from tracker.screens.modals.base import Form

SaveDay = Callable[[DayKind, int | None, str | None], str | None]


class EditDayDialog(Form[bool]):
    """Edit a planned day. ``save`` stores the change and returns why it was refused, or None.

    The distance shows the stored metres exactly (``21.097``), so saving only a
    new note keeps the target as it was. Focus starts in the distance, where
    enter saves (on the kind, enter opens the list).
    """

    AUTO_FOCUS = "#target"
    FIELDS = ("kind", "target", "note")

    def __init__(self, day: PlanDay, units: str, save: SaveDay) -> None:
        super().__init__(f"Plan for {day.date:%A %-d %B %Y}")
        self.day, self.units, self.save_day = day, units, save

    def compose_body(self) -> ComposeResult:
        day = self.day
        target = distance_field_text(day.target_m, self.units) if day.target_m else ""
        yield from self.select_field(
            "kind", "Kind", [(kind.label, kind) for kind in DayKind], day.kind
        )
        yield from self.input_field(
            "target", f"Target ({self.units})", target, "optional: e.g. 10 or 800m"
        )
        yield from self.input_field(
            "note", "Note", day.note or "", "optional: e.g. 6 × 800 m at 5k pace"
        )

    def submit(self) -> None:
        kind = self.query_one("#kind", Select).value
        assert isinstance(kind, DayKind)
        text = self.text("target").strip()
        target: int | None = None
        if text:
            try:
                target = parse_distance(text, self.units)
            except ParseError as exc:
                self.show_errors({"target": str(exc)})
                return
        self.show_errors({})
        problem = self.save_day(kind, target, self.text("note").strip() or None)
        if problem:
            self.show_problem(problem)
            return
        self.dismiss(True)
