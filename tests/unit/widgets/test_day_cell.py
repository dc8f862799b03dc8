"""What one day of the Week calendar shows, from the day the planning service read."""

from __future__ import annotations

from datetime import date

from tracker.domain.activity import Activity
from tracker.domain.calendar import CalendarDay
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import PlanDay
from tracker.widgets.day_cell import DayCell

DAY = date(2026, 11, 24)


def test_a_cell_shows_the_plan_and_what_was_done_in_the_weeks_units() -> None:
    day = CalendarDay(
        PlanDay(DAY, DayKind.EASY, 10_000),
        activities=(Activity(DAY, ActivityKind.EASY, 16_093),),
        is_past=True,
    )
    cell = DayCell()
    cell.show(day, "km")
    assert "plan 10.0" in str(cell.render()) and "done 16.1" in str(cell.render())
    cell.show(day, "mi")  # the same day, only the units changed: drawn again in miles
    assert "plan 6.2" in str(cell.render()) and "done 10.0" in str(cell.render())
