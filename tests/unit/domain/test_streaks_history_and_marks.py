"""Rest days taken, where the history starts, the reference streaks and the day marks."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.domain.test_streaks import DAY
from tracker.domain.activity import Activity
from tracker.domain.dates import WEEKDAYS, Week
from tracker.domain.kinds import ActivityKind
from tracker.domain.streaks import (
    DayMark,
    RestStreak,
    day_marks,
    days_since_rest,
    first_rule_week,
    history_start,
    in_history,
    is_rest_day,
    rest_days_of,
    rest_days_taken,
    rest_streak,
    rule_weeks,
)


class TestRestDaysTaken:
    week = Week(date(2026, 11, 23))  # Mon .. Sun
    today = date(2026, 11, 26)  # Thursday
    start = date(2026, 11, 1)

    def taken(self, active: Collection[date], week: Week, today: date, checked_in: bool) -> int:
        return rest_days_taken(active, week, today, checked_in, start=self.start)

    def test_past_days_and_today(self) -> None:
        active = {date(2026, 11, 24)}  # Tue; Mon and Wed without activity
        assert self.taken(active, self.week, self.today, False) == 2
        assert self.taken(active, self.week, self.today, True) == 3

    def test_today_with_activity(self) -> None:
        active = {date(2026, 11, 24), self.today}
        assert self.taken(active, self.week, self.today, True) == 2

    def test_future_days_do_not_count(self) -> None:
        assert self.taken(set(), self.week, date(2026, 11, 23), False) == 0
        assert self.taken(set(), self.week.shifted(1), self.today, True) == 0

    def test_past_week(self) -> None:
        assert self.taken({date(2026, 11, 16)}, self.week.shifted(-1), self.today, False) == 6

    def test_days_before_the_history_are_never_rest(self) -> None:
        # A database made on the Tuesday: Monday is unknown.
        tuesday = date(2026, 11, 24)
        days = rest_days_of({tuesday}, self.week, self.today, False, start=tuesday)
        assert days == (date(2026, 11, 25),)
        # Its first evening, a run logged: no rest day taken, none invented.
        assert rest_days_of({tuesday}, self.week, tuesday, True, start=tuesday) == ()
        assert not is_rest_day(date(2026, 11, 23), set(), self.today, False, start=tuesday)


class TestHistoryStart:
    def test_the_earliest_known_day(self) -> None:
        assert history_start(date(2026, 11, 3), None, date(2026, 10, 1)) == date(2026, 10, 1)
        assert history_start(None, None) is None
        assert history_start() is None

    def test_in_history(self) -> None:
        assert in_history(date(2026, 11, 3), date(2026, 11, 3))
        assert not in_history(date(2026, 11, 2), date(2026, 11, 3))
        assert not in_history(date(2026, 11, 3), None)

    @pytest.mark.parametrize("week_start", WEEKDAYS)
    def test_first_rule_week_starts_on_or_after_the_history(self, week_start: str) -> None:
        for offset in range(7):
            start = date(2026, 11, 2) + offset * DAY
            week = first_rule_week(start, week_start)
            assert week.start >= start
            assert week.start - start < 7 * DAY
            assert WEEKDAYS[week.start.weekday()] == week_start

    def test_the_example_of_the_counting_page(self) -> None:
        # History from Wed 14 Oct 2026: the week of Mon 12 Oct is no rule week.
        start = date(2026, 10, 14)
        weeks = rule_weeks({start}, set(), "monday", date(2026, 10, 27), start=start)
        assert [w.week.start for w in weeks] == [date(2026, 10, 19)]


# Properties against reference implementations written straight from DESIGN.


def ref_week_start(day: date, week_start: str) -> date:
    while WEEKDAYS[day.weekday()] != week_start:
        day -= DAY
    return day


def ref_is_rest(
    day: date, active: set[date], today: date, checked_in: bool, start: date | None
) -> bool:
    if start is None or day < start or day > today or day in active:
        return False
    return day < today or checked_in


def ref_rule_weeks(
    active: set[date], excused: set[date], week_start: str, today: date, start: date | None
) -> list[tuple[date, int, bool]]:
    if start is None:
        return []
    first = ref_week_start(start, week_start)
    if first < start:
        first += 7 * DAY
    result = []
    while first + 6 * DAY < today:
        rest = 0
        for i in range(7):
            if first + i * DAY not in active:
                rest += 1
        result.append((first, rest, first in excused))
        first += 7 * DAY
    return result


def ref_current(weeks: list[tuple[date, int, bool]]) -> int:
    count = 0
    for _start, rest, excused in reversed(weeks):
        if excused:
            continue
        if rest in (1, 2):
            count += 1
        else:
            break
    return count


def ref_best(weeks: list[tuple[date, int, bool]]) -> int:
    best = 0
    for first in range(len(weeks)):
        count = 0
        for _start, rest, excused in weeks[first:]:
            if excused:
                continue
            if rest not in (1, 2):
                break
            count += 1
        best = max(best, count)
    return best


def ref_days_since_rest(
    active: set[date], today: date, checked_in: bool, start: date | None
) -> int | None:
    k = 0
    while not ref_is_rest(today - k * DAY, active, today, checked_in, start):
        if start is None or today - k * DAY < start:
            return None
        k += 1
    return k


BASE = date(2026, 10, 1)
offsets = st.sets(st.integers(0, 150), max_size=140)
todays = st.dates(min_value=date(2026, 9, 1), max_value=date(2027, 4, 1))
week_starts = st.sampled_from(WEEKDAYS)
starts = st.one_of(st.none(), st.integers(-10, 60).map(lambda i: BASE + i * DAY))


@settings(max_examples=300)
@given(offsets, st.sets(st.integers(0, 25), max_size=8), week_starts, todays, starts)
def test_streak_matches_reference(
    active_offsets: set[int],
    excused_weeks: set[int],
    week_start: str,
    today: date,
    start: date | None,
) -> None:
    active = {BASE + i * DAY for i in active_offsets}
    first_start = ref_week_start(BASE, week_start)
    excused = {first_start + timedelta(weeks=i) for i in excused_weeks}
    weeks = rule_weeks(active, excused, week_start, today, start=start)
    expected = ref_rule_weeks(active, excused, week_start, today, start)
    assert [(w.week.start, w.rest_days, w.excused) for w in weeks] == expected
    assert rest_streak(weeks) == RestStreak(ref_current(expected), ref_best(expected))


@settings(max_examples=300)
@given(offsets, todays, st.booleans(), starts)
def test_days_since_rest_matches_reference(
    active_offsets: set[int], today: date, checked_in: bool, start: date | None
) -> None:
    active = {BASE + i * DAY for i in active_offsets}
    assert days_since_rest(active, today, checked_in, start=start) == ref_days_since_rest(
        active, today, checked_in, start
    )


@settings(max_examples=300)
@given(offsets, todays, st.integers(-3, 3), week_starts, st.booleans(), starts)
def test_rest_days_taken_matches_reference(
    active_offsets: set[int],
    today: date,
    shift: int,
    week_start: str,
    checked_in: bool,
    start: date | None,
) -> None:
    active = {BASE + i * DAY for i in active_offsets}
    week = Week(ref_week_start(today, week_start) + timedelta(weeks=shift))
    expected = sum(
        1 for i in range(7) if ref_is_rest(week.start + i * DAY, active, today, checked_in, start)
    )
    assert rest_days_taken(active, week, today, checked_in, start=start) == expected


@pytest.mark.parametrize("container", [set, frozenset, list, tuple])
def test_accepts_any_collection(container: type) -> None:
    active = container([date(2026, 11, 23), date(2026, 11, 24)])
    assert days_since_rest(active, date(2026, 11, 24), False, start=date(2026, 11, 1)) == 2


class TestDayMarks:
    """What each day was, for the Stats heatmap."""

    start = date(2026, 11, 16)  # Monday
    today = date(2026, 11, 25)  # Wednesday

    def marks(self, activities: list[Activity], checked_in: bool = False) -> dict[date, DayMark]:
        return day_marks(
            activities, {date(2026, 11, 9)}, "monday", self.start, self.today, checked_in
        )

    def test_each_kind(self) -> None:
        activities = [
            Activity(date(2026, 11, 17), ActivityKind.EASY, 8000),
            Activity(date(2026, 11, 18), ActivityKind.WORKOUT, 9000),
            Activity(date(2026, 11, 19), ActivityKind.RACE, 5000),
            Activity(date(2026, 11, 20), ActivityKind.CROSS, 20000),
            Activity(date(2026, 11, 21), ActivityKind.LONG, 24000),
            Activity(date(2026, 11, 21), ActivityKind.WORKOUT, 5000),  # long outranks hard
            Activity(date(2026, 11, 22), ActivityKind.EASY, 5000),
            Activity(date(2026, 11, 22), ActivityKind.RACE, 5000),  # hard outranks easy
            Activity(date(2026, 11, 27), ActivityKind.LONG, 30000),  # after today
        ]
        assert self.marks(activities) == {
            date(2026, 11, 16): DayMark.REST,
            date(2026, 11, 17): DayMark.EASY,
            date(2026, 11, 18): DayMark.HARD,
            date(2026, 11, 19): DayMark.HARD,
            date(2026, 11, 20): DayMark.EASY,
            date(2026, 11, 21): DayMark.LONG,
            date(2026, 11, 22): DayMark.HARD,
            date(2026, 11, 23): DayMark.REST,
            date(2026, 11, 24): DayMark.REST,
        }

    def test_today_once_checked_in_or_logged(self) -> None:
        assert self.today not in self.marks([])
        assert self.marks([], checked_in=True)[self.today] is DayMark.REST
        run = [Activity(self.today, ActivityKind.EASY, 5000)]
        assert self.marks(run)[self.today] is DayMark.EASY

    def test_excused_weeks(self) -> None:
        marks = day_marks(
            [Activity(date(2026, 11, 11), ActivityKind.LONG, 20000)],
            {date(2026, 11, 9)},
            "monday",
            date(2026, 11, 8),
            date(2026, 11, 16),
            False,
        )
        assert marks[date(2026, 11, 8)] is DayMark.REST
        assert {marks[date(2026, 11, 9) + i * DAY] for i in range(7)} == {DayMark.EXCUSED}
        assert date(2026, 11, 16) not in marks  # today, not checked in

    def test_sunday_weeks_and_pendulum_dates(self) -> None:
        import pendulum

        marks = day_marks(
            [Activity(pendulum.date(2026, 11, 10), ActivityKind.EASY, 1)],
            {pendulum.date(2026, 11, 8)},  # a Sunday-start week: Nov 8-14
            "sunday",
            pendulum.date(2026, 11, 7),
            pendulum.date(2026, 11, 16),
            False,
        )
        assert marks[date(2026, 11, 7)] is DayMark.REST
        assert marks[date(2026, 11, 8)] is DayMark.EXCUSED
        assert marks[date(2026, 11, 14)] is DayMark.EXCUSED
        assert marks[date(2026, 11, 15)] is DayMark.REST  # the next Sunday week
        assert all(type(day) is date for day in marks)
