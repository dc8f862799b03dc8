"""The figures of ``recovtui stats`` and ``recovtui status``, typed.

:class:`StatsReport` and :class:`Status` are what the Stats screen, the Today
screen, ``stats [--json]`` and ``status [--json]`` all show, computed once from
the same data, so a streak can never read differently in two places.
``to_json()`` gives the documents exactly (keys in the documented order,
rounded as documented; see docs/counting.md).

Activities dated after ``today`` (possible with ``--today`` looking back) are
ignored. Dates are made plain :class:`datetime.date` once on the way in: the
store hands out ``pendulum.Date`` objects, whose arithmetic is some thirty times
slower, and ten years of history would spend most of the time there.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.load import (
    SPIKE_WINDOW_DAYS,
    Spike,
    acute_chronic,
    acwr,
    acwr_band,
    daily_distance,
    long_run_spikes,
    longest_runs,
    ramp_pct,
    tomorrow_cap,
    weekly_distance,
    weekly_distances,
)
from tracker.domain.stats import (
    SPIKE_DAYS,
    WEEKS_SHOWN,
    LoadFigures,
    LoadWarning,
    load_figures,
    load_warnings,
    load_window_start,
    plain_date,
    plain_dates,
    round_half_up,
    wellness_json,
)
from tracker.domain.streaks import (
    RestStreak,
    days_since_rest,
    rest_days_taken,
    rest_streak,
    rule_weeks,
)
from tracker.domain.text import plural
from tracker.domain.units import format_distance
from tracker.domain.wellness import Wellness, WellnessSummary, wellness_summary

WELLNESS_DAYS = 28
"""The wellness means of the stats report reach this many days back."""
STATUS_DAYS = 7
"""The status summary holds this many days from today, so a prompt after
midnight still finds its answer without opening the database."""


def _streak_json(streak: RestStreak) -> dict[str, object]:
    return {"current_weeks": streak.current_weeks, "best_weeks": streak.best_weeks}


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round_half_up(value, digits)


@dataclass(frozen=True, slots=True)
class ThisWeek:
    start: date
    rest_days_planned: int
    rest_days_taken: int
    distance_m: int


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Streaks, load, wellness and warnings on ``today``.

    ``ramp_pct`` and ``acwr`` are rounded as shown (1 and 2 decimals); ``acute_m``
    and ``chronic_m`` are what the ratio is made of (the last 7 days, and the
    weekly average of the 4 weeks before). ``acwr_band`` is decided on the
    unrounded ratio.
    """

    today: date
    rest_streak: RestStreak
    this_week: ThisWeek
    days_since_rest: int | None
    weekly_distance: tuple[tuple[date, int], ...]
    ramp_pct: float | None
    acwr: float | None
    spikes: tuple[Spike, ...]
    warnings: tuple[LoadWarning, ...]
    load: LoadFigures
    wellness: WellnessSummary
    acwr_band: str | None
    tomorrow_cap_m: int | None
    acute_m: int = 0
    chronic_m: float = 0.0

    def to_json(self) -> dict[str, object]:
        """The ``stats --json`` document."""
        week = self.this_week
        return {
            "today": self.today.isoformat(),
            "rest_streak": _streak_json(self.rest_streak),
            "this_week": {
                "start": week.start.isoformat(),
                "rest_days_planned": week.rest_days_planned,
                "rest_days_taken": week.rest_days_taken,
                "distance_m": week.distance_m,
            },
            "days_since_rest": self.days_since_rest,
            "weekly_distance": [
                {"week_start": start.isoformat(), "distance_m": distance}
                for start, distance in self.weekly_distance
            ],
            "ramp_pct": self.ramp_pct,
            "acwr": self.acwr,
            "spikes": [
                {
                    "date": spike.date.isoformat(),
                    "distance_m": spike.distance_m,
                    "longest_before_m": spike.longest_before_m,
                    "pct": round_half_up(spike.pct, 1),
                }
                for spike in self.spikes
            ],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "load": self.load.to_json(),
            "wellness": wellness_json(self.wellness),
            "acwr_band": self.acwr_band,
            "tomorrow_cap_m": self.tomorrow_cap_m,
        }


@dataclass(frozen=True, slots=True)
class Status:
    """The short status of ``today`` for a shell prompt."""

    today: date
    rest_streak: RestStreak
    rest_days_this_week: int
    days_since_rest: int | None
    checked_in: bool
    tomorrow_cap_m: int | None = None
    units: str = "km"

    def to_json(self) -> dict[str, object]:
        """The ``status --json`` document."""
        return {
            "today": self.today.isoformat(),
            "rest_streak": _streak_json(self.rest_streak),
            "rest_days_this_week": self.rest_days_this_week,
            "days_since_rest": self.days_since_rest,
            "checked_in": self.checked_in,
            "tomorrow_cap_m": self.tomorrow_cap_m,
        }

    def line(self) -> str:
        """``rest streak 5 wk · 1 rest day this week · 2 days since rest · ✓ checked in ·
        tomorrow ≤ 22.0 km``."""
        parts = [
            f"rest streak {self.rest_streak.current_weeks} wk",
            plural(self.rest_days_this_week, "rest day") + " this week",
            "no rest day yet"
            if self.days_since_rest is None
            else plural(self.days_since_rest, "day") + " since rest",
            "✓ checked in" if self.checked_in else "not checked in",
        ]
        if self.tomorrow_cap_m is not None:
            parts.append(f"tomorrow ≤ {format_distance(self.tomorrow_cap_m, self.units)}")
        return " · ".join(parts)


def _until(days: frozenset[date], today: date) -> frozenset[date]:
    """The days on or before ``today``."""
    if not days or max(days) <= today:
        return days
    return frozenset(day for day in days if day <= today)


def build_stats(
    activities: Sequence[Activity],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
    today_checked_in: bool,
    rest_days_planned: int,
    *,
    start: date | None,
    units: str = "km",
    activity_dates: Collection[date] | None = None,
    wellness: Mapping[date, Wellness] | None = None,
) -> StatsReport:
    """The report on ``today``. ``units`` only affects warning messages.

    ``start`` is the first day of the history (None: nothing known yet); days
    before it are unknown. ``activity_dates`` are the days holding an activity,
    over the whole history (the streak needs them all); when given,
    ``activities`` need only reach back to :func:`load_window_start`. Without
    it, the days of ``activities`` are used. ``wellness`` holds the entries of
    (at least) the 28 days ending today.
    """
    today = plain_date(today)
    start = None if start is None else plain_date(start)
    done = [
        activity
        if type(activity.date) is date
        else replace(activity, date=plain_date(activity.date))
        for activity in activities
        if activity.date <= today
    ]
    if activity_dates is None:
        dates = frozenset(activity.date for activity in done)
    else:
        dates = _until(plain_dates(activity_dates), today)
    excused = plain_dates(excused_starts)
    daily = daily_distance(done)
    this_week = week_of(today, week_start)
    since_rest = days_since_rest(dates, today, today_checked_in, start=start)
    ramp = ramp_pct(daily, today, week_start)
    ratio = acwr(daily, today)
    spikes = long_run_spikes(done, today, SPIKE_DAYS)
    acute, chronic_total = acute_chronic(daily, today)
    warnings = load_warnings(
        ramp=ramp,
        spikes=spikes,
        days_since_rest=since_rest,
        today=today,
        units=units,
    )
    return StatsReport(
        today=today,
        rest_streak=rest_streak(rule_weeks(dates, excused, week_start, today, start=start)),
        this_week=ThisWeek(
            this_week.start,
            rest_days_planned,
            rest_days_taken(dates, this_week, today, today_checked_in, start=start),
            weekly_distance(daily, this_week),
        ),
        days_since_rest=since_rest,
        weekly_distance=tuple(weekly_distances(daily, today, week_start, WEEKS_SHOWN)),
        ramp_pct=_rounded(ramp, 1),
        acwr=_rounded(ratio, 2),
        spikes=tuple(spikes),
        warnings=tuple(warnings),
        acute_m=acute,
        chronic_m=chronic_total / 4,
        load=load_figures(done, today, week_start),
        wellness=wellness_summary(
            {plain_date(day): entry for day, entry in (wellness or {}).items()}, today
        ),
        acwr_band=None if ratio is None else acwr_band(ratio),
        tomorrow_cap_m=tomorrow_cap(longest_runs(done), today),
    )


def build_status(
    activity_dates: Collection[date],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
    today_checked_in: bool,
    *,
    start: date | None,
    longest_on: Mapping[date, int] | None = None,
    units: str = "km",
) -> Status:
    """The status on ``today``; needs only the days that hold an activity, where
    the history starts and (for tomorrow's cap) the longest run of each recent day.

    ``rest_days_this_week`` is the actual rest days taken so far this week.
    """
    checked_in = {plain_date(today)} if today_checked_in else set()
    [status] = build_status_days(
        activity_dates,
        excused_starts,
        week_start,
        today,
        1,
        checked_in,
        start=start,
        longest_on=longest_on,
        units=units,
    )
    return status


def build_status_days(
    activity_dates: Collection[date],
    excused_starts: Collection[date],
    week_start: str,
    first: date,
    count: int,
    checked_in: Collection[date],
    *,
    start: date | None,
    longest_on: Mapping[date, int] | None = None,
    units: str = "km",
) -> list[Status]:
    """The status of ``count`` days from ``first``, as each of them will see the data
    as it stands (``checked_in``: the days checked in; ``start``: the history's first
    day; ``longest_on``: :func:`tracker.domain.load.longest_runs` of the 30 days before
    ``first`` on).

    Lets a summary answer a shell prompt after midnight without the database.
    Activities after each day do not count for it (the figures read the past).
    """
    start = None if start is None else plain_date(start)
    dates = plain_dates(activity_dates)
    excused = plain_dates(excused_starts)
    checked = plain_dates(checked_in)
    longest = {plain_date(day): metres for day, metres in (longest_on or {}).items()}
    # The weeks completed before the last day, read once: each earlier day's are a prefix.
    last = plain_date(first) + timedelta(days=max(count - 1, 0))
    completed = rule_weeks(dates, excused, week_start, last, start=start)
    statuses: list[Status] = []
    for offset in range(count):
        today = plain_date(first) + timedelta(days=offset)
        today_checked_in = today in checked
        weeks = len(completed)
        while weeks and completed[weeks - 1].week.end >= today:
            weeks -= 1
        statuses.append(
            Status(
                today=today,
                rest_streak=rest_streak(completed[:weeks]),
                rest_days_this_week=rest_days_taken(
                    dates, week_of(today, week_start), today, today_checked_in, start=start
                ),
                days_since_rest=days_since_rest(dates, today, today_checked_in, start=start),
                checked_in=today_checked_in,
                tomorrow_cap_m=tomorrow_cap(longest, today),
                units=units,
            )
        )
    return statuses


# Reading the figures from the store


def stats_report(store: Store, today: date) -> StatsReport:
    """The report on ``today``.

    Reads every day that holds an activity (the streak needs the whole history)
    but whole activities only for the weeks the load figures look at.
    """
    settings = store.settings()
    recent = store.activities_between(load_window_start(today, settings.week_start), today)
    return build_stats(
        recent,
        store.excused_weeks().keys(),
        settings.week_start,
        today,
        store.is_checked_in(today),
        store.week_plan(today).rest_days,
        start=store.history_start(),
        units=settings.units,
        activity_dates=store.activity_days(),
        wellness=store.wellness_between(today - timedelta(days=WELLNESS_DAYS - 1), today),
    )


def status_reports(store: Store, today: date, days: int = STATUS_DAYS) -> list[Status]:
    """The status of ``days`` days from ``today``, oldest first."""
    last = today + timedelta(days=days - 1)
    settings = store.settings()
    recent = store.activities_between(today - timedelta(days=SPIKE_WINDOW_DAYS - 1), last)
    return build_status_days(
        store.activity_days(),
        store.excused_weeks().keys(),
        settings.week_start,
        today,
        days,
        store.checkins(today, last),
        start=store.history_start(),
        longest_on=longest_runs(recent),
        units=settings.units,
    )


def status_report(store: Store, today: date) -> Status:
    """The status on ``today``."""
    return status_reports(store, today, 1)[0]
