"""One day of the calendar: its plan and what was done on it.

The planning service reads these for a week (:mod:`tracker.services.planning`) and
the Week screen's day cells draw them as they are (:mod:`tracker.widgets.day_cell`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.activity import Activity
from tracker.domain.plan import PlanDay


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One day of the calendar: its plan and what was done."""

    plan: PlanDay
    activities: tuple[Activity, ...] = ()
    recovery: frozenset[str] = frozenset()
    """The recovery checklist items the day's sessions ticked."""
    nutrition: tuple[int, int] = (0, 0)
    """(ticked, total) of the active nutrition items."""
    is_today: bool = False
    is_past: bool = False
    planned: bool = True
    """False for a day of a past week never planned: it shows "not planned"."""
    proposed: bool = False
    """The plan shown is the template's proposal, not stored yet."""
    rested: bool = False
    """An actual rest day: no activity, inside the history, over (or checked in)."""
    known: bool = True
    """False before the history starts: the day is unknown, not empty."""

    @property
    def date(self) -> date:
        return self.plan.date

    @property
    def done_m(self) -> int:
        return sum(activity.distance_m for activity in self.activities)
