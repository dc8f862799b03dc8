"""The Stats screen's page: the stats report, a year of day marks and adherence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.data.store import Store
from tracker.domain.adherence import (
    Adherence,
    adherence_window,
    nutrition_adherence,
    recovery_adherence,
)
from tracker.domain.dates import first_of_weeks
from tracker.domain.stats import plain_date
from tracker.domain.streaks import YEAR_WEEKS, DayMark, day_marks
from tracker.services.reports import StatsReport, stats_report


@dataclass(frozen=True, slots=True)
class StatsPage:
    """Everything the Stats screen shows on ``today``."""

    report: StatsReport
    units: str
    week_start: str
    marks: dict[date, DayMark]
    recovery: Adherence | None
    nutrition: Adherence | None


class StatsService:
    """Reads the Stats screen's page from one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def report(self, today: date) -> StatsReport:
        return stats_report(self.store, today)

    def page(self, today: date) -> StatsPage:
        """The page on ``today``, with the day marks of the last year."""
        store = self.store
        today = plain_date(today)
        settings = store.settings()
        marks_from = first_of_weeks(today, settings.week_start, YEAR_WEEKS)
        checked_in = store.is_checked_in(today)
        first_day = store.history_start()
        marks: dict[date, DayMark] = {}
        if first_day is not None:
            start = max(marks_from, plain_date(first_day))
            marks = day_marks(
                store.activities_between(start, today),
                store.excused_weeks().keys(),
                settings.week_start,
                start,
                today,
                checked_in,
            )
        window = adherence_window(today, checked_in, first_day)
        recovery = nutrition = None
        if window is not None:
            recovery = recovery_adherence(store.sessions_between(window.first, window.last), window)
            nutrition = nutrition_adherence(
                store.nutrition_items(include_archived=True),
                store.nutrition_checks(window.first, window.last),
                window,
            )
        return StatsPage(
            report=stats_report(store, today),
            units=settings.units,
            week_start=settings.week_start,
            marks=marks,
            recovery=recovery,
            nutrition=nutrition,
        )
