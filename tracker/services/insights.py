"""The Stats screen's page: the stats report, a year of day marks, adherence, the
Hooper trend and "did it help?"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.data.store import Store
from tracker.domain.adherence import (
    Adherence,
    adherence_window,
    nutrition_adherence,
    recovery_adherence,
)
from tracker.domain.dates import first_of_weeks, week_of
from tracker.domain.recovery import RecoveryKind, checklist_key
from tracker.domain.stats import WEEKS_SHOWN, plain_date
from tracker.domain.streaks import YEAR_WEEKS, DayMark, day_marks
from tracker.domain.wellness import (
    HELPED_WEEKS,
    Comparison,
    next_morning_soreness,
    weekly_hooper,
)
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
    hooper: tuple[tuple[date, float | None, int], ...] = ()
    """The weekly mean Hooper index of the 16 weeks shown (and the days behind it)."""
    helped: tuple[Comparison, ...] = ()
    """Next-morning soreness after days with and without each recovery item."""


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
            hooper=tuple(self._hooper(today, settings.week_start)),
            helped=tuple(self._helped(today, first_day)),
        )

    def _hooper(self, today: date, week_start: str) -> list[tuple[date, float | None, int]]:
        current = week_of(today, week_start)
        weeks = [current.shifted(back) for back in range(1 - WEEKS_SHOWN, 1)]
        entries = self.store.wellness_between(weeks[0].start, today)
        return weekly_hooper(entries, weeks)

    def _helped(self, today: date, first_day: date | None) -> list[Comparison]:
        """Each recovery item done in the last 12 weeks, the five built-in ones first."""
        first = today - timedelta(weeks=HELPED_WEEKS)
        done: dict[str, set[date]] = {kind.value: set() for kind in RecoveryKind}
        for session in self.store.sessions_between(first, today):
            if (key := checklist_key(session)) is not None:
                done.setdefault(key, set()).add(plain_date(session.date))
        entries = {
            plain_date(day): entry
            for day, entry in self.store.wellness_between(first, today).items()
        }
        return next_morning_soreness(done, entries, today, first_day)
