"""Rule weeks, rest streaks and days since rest (see docs/counting.md).

An *actual rest day* is a day with no activity of any kind (cross-training
included). A past day qualifies by itself; today only once it is checked in
with no activity. Days before the first activity hold no activity, so they are
rest days too.

Every function takes the days that hold an activity (any collection; it is made
a set once). Rule weeks are counted in one pass over those days, the rest are
set lookups, so ten years of history cost a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tracker.domain.activity import Activity
from tracker.domain.dates import Week, week_of
from tracker.domain.kinds import ActivityKind
from tracker.domain.plan import keeps_rule

_ONE_DAY = timedelta(days=1)
YEAR_WEEKS = 53
"""A year of day marks: the weeks the Stats screen's heatmap can show."""


def _as_set(days: Collection[date]) -> Collection[date]:
    """``days`` with O(1) membership; sets pass through, anything else is copied once."""
    if isinstance(days, set | frozenset):
        return days
    return frozenset(days)


@dataclass(frozen=True, slots=True)
class RuleWeek:
    """A completed week and how many actual rest days it held."""

    week: Week
    rest_days: int
    excused: bool

    @property
    def keeps_rule(self) -> bool:
        return keeps_rule(self.rest_days)


def rule_weeks(
    activity_dates: Collection[date],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
) -> list[RuleWeek]:
    """Completed weeks (last day before ``today``) from the first activity's week on.

    Oldest first. Excused weeks are included and flagged; :func:`rest_streak`
    skips them. No activity at all means no weeks.
    """
    if not activity_dates:
        return []
    excused = _as_set(excused_starts)
    first = week_of(min(activity_dates), week_start)
    count = max(0, (today - first.start).days // 7)
    active_days = [0] * count
    origin = first.start.toordinal()
    for day in _as_set(activity_dates):
        index = (day.toordinal() - origin) // 7
        if index < count:
            active_days[index] += 1
    weeks: list[RuleWeek] = []
    for index, active in enumerate(active_days):
        week = first.shifted(index)
        weeks.append(RuleWeek(week, 7 - active, week.start in excused))
    return weeks


@dataclass(frozen=True, slots=True)
class RestStreak:
    current_weeks: int
    best_weeks: int


def rest_streak(weeks: Sequence[RuleWeek]) -> RestStreak:
    """Current and best runs of rule-keeping weeks; excused weeks are skipped.

    ``weeks`` are consecutive completed weeks, oldest first (as from
    :func:`rule_weeks`). An excused week neither counts nor breaks a run.
    """
    best = run = 0
    for rule_week in weeks:
        if rule_week.excused:
            continue
        run = run + 1 if rule_week.keeps_rule else 0
        best = max(best, run)
    return RestStreak(current_weeks=run, best_weeks=best)


def is_rest_day(
    day: date, activity_dates: Collection[date], today: date, today_checked_in: bool
) -> bool:
    """Whether ``day`` (on or before ``today``) is an actual rest day."""
    if day in activity_dates:
        return False
    return day < today or (day == today and today_checked_in)


def days_since_rest(activity_dates: Collection[date], today: date, today_checked_in: bool) -> int:
    """``today - r`` in days, ``r`` the most recent actual rest day on or before today.

    0 on a rest day (today checked in with no activity), 1 the day after one.
    Always defined: before the first activity every day is a rest day.
    """
    dates = _as_set(activity_dates)
    day = today if is_rest_day(today, dates, today, today_checked_in) else today - _ONE_DAY
    while day in dates:
        day -= _ONE_DAY
    return (today - day).days


def rest_days_taken(
    activity_dates: Collection[date], week: Week, today: date, today_checked_in: bool
) -> int:
    """Actual rest days of ``week`` so far: its past days with no activity, plus
    today when it is in the week and checked in with no activity."""
    dates = _as_set(activity_dates)
    return sum(
        1 for day in week.days if day <= today and is_rest_day(day, dates, today, today_checked_in)
    )


class DayMark(StrEnum):
    """What a past day was, for the year heatmap of the Stats screen."""

    REST = "rest"
    EASY = "easy"
    HARD = "hard"
    LONG = "long"
    EXCUSED = "excused"


def day_mark(kinds: Collection[ActivityKind]) -> DayMark:
    """A day's mark from the kinds of its activities (none: a rest day).

    A long run outranks a workout or race (hard), which outrank easy runs and
    cross-training (easy).
    """
    if not kinds:
        return DayMark.REST
    if ActivityKind.LONG in kinds:
        return DayMark.LONG
    if ActivityKind.WORKOUT in kinds or ActivityKind.RACE in kinds:
        return DayMark.HARD
    return DayMark.EASY


def day_marks(
    activities: Iterable[Activity],
    excused_starts: Collection[date],
    week_start: str,
    start: date,
    today: date,
    today_checked_in: bool,
) -> dict[date, DayMark]:
    """The mark of every day from ``start`` to ``today``.

    Days of an excused week are :attr:`DayMark.EXCUSED`. Today is left out until
    it holds an activity or is checked in (it is not a rest day before that).
    ``start`` is where the history begins for the runner (the first day logged):
    before it every day would read as rest.
    """
    kinds: dict[date, set[ActivityKind]] = {}
    for activity in activities:
        if start <= activity.date <= today:
            kinds.setdefault(activity.date, set()).add(activity.kind)
    excused = _as_set(excused_starts)
    marks: dict[date, DayMark] = {}
    day = date.fromordinal(start.toordinal())  # plain dates: pendulum's arithmetic is slow
    while day <= today:
        if week_of(day, week_start).start in excused:
            marks[day] = DayMark.EXCUSED
        elif day in kinds or day < today or today_checked_in:
            marks[day] = day_mark(kinds.get(day, ()))
        day += _ONE_DAY
    return marks
