"""Rule weeks, rest streaks and days since rest (see docs/counting.md).

An *actual rest day* is a day with no activity of any kind (cross-training
included). A past day qualifies by itself; today only once it is checked in
with no activity. The *history* starts on the first recorded day (the earliest
activity, check-in or recovery session, or the day the database was made):
days before it are unknown, never rest days and never part of a rule week.
``start`` below is that day, None when nothing is known yet.

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


def history_start(*firsts: date | None) -> date | None:
    """The first day of the history: the earliest of the first recorded days given."""
    known = [day for day in firsts if day is not None]
    return min(known) if known else None


def in_history(day: date, start: date | None) -> bool:
    return start is not None and day >= start


def first_rule_week(start: date, week_start: str) -> Week:
    """The first week wholly inside a history that starts on ``start``."""
    week = week_of(start, week_start)
    return week if week.start == start else week.shifted(1)


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
    *,
    start: date | None,
) -> list[RuleWeek]:
    """Completed weeks (last day before ``today``) lying wholly inside the history.

    Oldest first. Excused weeks are included and flagged; :func:`rest_streak`
    skips them. No history means no weeks.
    """
    if start is None:
        return []
    excused = _as_set(excused_starts)
    first = first_rule_week(start, week_start)
    count = max(0, (today - first.start).days // 7)
    active_days = [0] * count
    origin = first.start.toordinal()
    for day in _as_set(activity_dates):
        index = (day.toordinal() - origin) // 7
        if 0 <= index < count:
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
    day: date,
    activity_dates: Collection[date],
    today: date,
    today_checked_in: bool,
    *,
    start: date | None,
) -> bool:
    """Whether ``day`` (on or before ``today``) is an actual rest day; never before ``start``."""
    if not in_history(day, start) or day in activity_dates:
        return False
    return day < today or (day == today and today_checked_in)


def days_since_rest(
    activity_dates: Collection[date], today: date, today_checked_in: bool, *, start: date | None
) -> int | None:
    """``today - r`` in days, ``r`` the most recent actual rest day on or before today.

    0 on a rest day (today checked in with no activity), 1 the day after one.
    None when the history holds no rest day yet.
    """
    if start is None:
        return None
    dates = _as_set(activity_dates)
    rested_today = is_rest_day(today, dates, today, today_checked_in, start=start)
    day = today if rested_today else today - _ONE_DAY
    while day >= start and day in dates:
        day -= _ONE_DAY
    return (today - day).days if day >= start else None


def rest_days_taken(
    activity_dates: Collection[date],
    week: Week,
    today: date,
    today_checked_in: bool,
    *,
    start: date | None,
) -> int:
    """How many actual rest days ``week`` holds so far (see :func:`rest_days_of`)."""
    return len(rest_days_of(activity_dates, week, today, today_checked_in, start=start))


def rest_days_of(
    activity_dates: Collection[date],
    week: Week,
    today: date,
    today_checked_in: bool,
    *,
    start: date | None,
) -> tuple[date, ...]:
    """Actual rest days of ``week`` so far: its past days inside the history with no
    activity, plus today when it is in the week and checked in with no activity."""
    dates = _as_set(activity_dates)
    return tuple(
        day
        for day in week.days
        if day <= today and is_rest_day(day, dates, today, today_checked_in, start=start)
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
    ``start`` is where the marks begin, never before the history: before it
    every day would read as rest.
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
