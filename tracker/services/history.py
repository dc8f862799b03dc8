"""The whole history at hand: every activity, newest first, a page at a time.

:class:`HistoryService` reads the History screen's pages (filtered by kind,
dates and text, with each week's subtotal) and Today's strip of the last seven
days; its changes to a run go through the check-in service's one write path,
so the rule, the stats and undo follow an edited date like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.clock import Clock
from tracker.domain.dates import week_of
from tracker.domain.listing import (
    ActivityFilter,
    StripDay,
    WeekTotal,
    read_filter,
    week_totals,
)
from tracker.domain.streaks import in_history, is_rest_day
from tracker.services.checkin import CheckinService

PAGE_SIZE = 80
"""Activities read at a time: a few screenfuls (the next page is read as the cursor
nears the end), far from ten years."""


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """Activities ``offset`` onwards of those the filter names, with their weeks' totals."""

    chosen: ActivityFilter
    offset: int
    activities: tuple[Activity, ...]
    totals: dict[date, WeekTotal]
    """Each week's total (by its first day) over every listed activity of the week,
    also those on the next page."""
    matching: int
    """How many activities the filter names in all."""
    units: str
    week_start: str

    @property
    def more(self) -> bool:
        return self.offset + len(self.activities) < self.matching

    def week_of(self, activity: Activity) -> WeekTotal:
        return self.totals[week_of(activity.date, self.week_start).start]


class HistoryService:
    """The History screen's reads, and its changes through :class:`CheckinService`."""

    def __init__(self, store: Store, clock: Clock, checkin: CheckinService) -> None:
        self.store = store
        self.clock = clock
        self.checkin = checkin

    def read_filter(self, kind: str, start: str, end: str, text: str) -> ActivityFilter:
        """The filter typed (``FormErrors`` names each bad field)."""
        return read_filter(kind, start, end, text, self.clock.today())

    def page(self, chosen: ActivityFilter, offset: int = 0, limit: int = PAGE_SIZE) -> HistoryPage:
        """A page of the history, newest first. Reads only."""
        store = self.store
        settings = store.settings()
        activities = tuple(store.find_activities(chosen, offset, limit))
        totals: dict[date, WeekTotal] = {}
        if activities:
            # Only the page's newest and oldest weeks can go on over the page's ends:
            # those two are read whole; every week between is all on the page.
            ends = {week_of(activities[i].date, settings.week_start) for i in (0, -1)}
            weeks = [a for a in activities if week_of(a.date, settings.week_start) not in ends]
            for week in ends:
                start = max(week.start, chosen.start) if chosen.start else week.start
                end = min(week.end, chosen.end) if chosen.end else week.end
                weeks += store.find_activities(replace(chosen, start=start, end=end))
            totals = week_totals(weeks, settings.week_start)
        return HistoryPage(
            chosen=chosen,
            offset=offset,
            activities=activities,
            totals=totals,
            matching=store.count_activities(chosen),
            units=settings.units,
            week_start=settings.week_start,
        )

    def activity(self, activity_id: int) -> Activity | None:
        return self.store.activity(activity_id)

    def units(self) -> str:
        return self.store.settings().units

    def save_run(self, activity: Activity) -> Activity:
        return self.checkin.save_run(activity)

    def delete_run(self, activity_id: int) -> None:
        self.checkin.delete_run(activity_id)

    def last_days(self, today: date, days: int = 7) -> tuple[StripDay, ...]:
        """The ``days`` days ending today, oldest first (Today's strip). Reads only."""
        store = self.store
        first = today - timedelta(days=days - 1)
        activities = store.activities_between(first, today)
        dates = {activity.date for activity in activities}
        start = store.history_start()
        checked_in = store.is_checked_in(today)
        strip = []
        for offset in range(days):
            day = first + timedelta(days=offset)
            strip.append(
                StripDay(
                    day=day,
                    activities=tuple(a for a in activities if a.date == day),
                    rested=is_rest_day(day, dates, today, checked_in, start=start),
                    known=in_history(day, start),
                )
            )
        return tuple(strip)
