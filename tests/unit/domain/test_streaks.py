"""Rule weeks, rest streaks, days since rest and rest days taken (DESIGN §3, §4)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.activity import Activity
from tracker.domain.dates import WEEKDAYS, Week
from tracker.domain.kinds import ActivityKind
from tracker.domain.streaks import (
    DayMark,
    RestStreak,
    RuleWeek,
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

DAY = timedelta(days=1)


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def weeks_with_rest(first_start: date, patterns: Sequence[Collection[int]]) -> set[date]:
    """Activity days of consecutive weeks: every day but the listed indices (0-6)."""
    active: set[date] = set()
    for number, rest in enumerate(patterns):
        start = first_start + timedelta(weeks=number)
        active |= {start + timedelta(days=i) for i in range(7) if i not in rest}
    return active


def after(patterns: Sequence[object], first_start: date) -> date:
    """The day after the last of ``len(patterns)`` weeks from ``first_start``."""
    return first_start + timedelta(weeks=len(patterns))


MON_2026_11_02 = date(2026, 11, 2)
KEEP1: frozenset[int] = frozenset({0})
KEEP2: frozenset[int] = frozenset({0, 3})
NONE: frozenset[int] = frozenset()
THREE: frozenset[int] = frozenset({0, 2, 4})


class TestRuleWeeks:
    def test_counts_rest_days_and_keeps_rule(self) -> None:
        patterns = [KEEP1, KEEP2, NONE, KEEP1, THREE, KEEP1]
        active = weeks_with_rest(MON_2026_11_02, patterns)
        weeks = rule_weeks(
            active, set(), "monday", after(patterns, MON_2026_11_02), start=MON_2026_11_02
        )
        assert [w.rest_days for w in weeks] == [1, 2, 0, 1, 3, 1]
        assert [w.keeps_rule for w in weeks] == [True, True, False, True, False, True]
        assert [w.week.start for w in weeks] == [
            MON_2026_11_02 + timedelta(weeks=i) for i in range(6)
        ]

    def test_zero_and_three_rest_days_break_the_rule(self) -> None:
        week = Week(MON_2026_11_02)
        assert not RuleWeek(week, 0, False).keeps_rule
        assert RuleWeek(week, 1, False).keeps_rule
        assert RuleWeek(week, 2, False).keeps_rule
        assert not RuleWeek(week, 3, False).keeps_rule

    def test_only_completed_weeks(self) -> None:
        active = weeks_with_rest(MON_2026_11_02, [KEEP1, KEEP1])
        # Sunday 2026-11-15 is the last day of week 2: not completed on that day.
        start = MON_2026_11_02
        assert len(rule_weeks(active, set(), "monday", date(2026, 11, 15), start=start)) == 1
        assert len(rule_weeks(active, set(), "monday", date(2026, 11, 16), start=start)) == 2

    def test_starts_with_the_first_week_wholly_inside_the_history(self) -> None:
        active = {date(2026, 11, 12), date(2026, 11, 13)}  # Thursday, Friday
        # The history starts on the Thursday: its week (from Mon 9) is no rule week.
        weeks = rule_weeks(active, set(), "monday", date(2026, 11, 24), start=date(2026, 11, 12))
        assert [(w.week.start, w.rest_days) for w in weeks] == [(date(2026, 11, 16), 7)]
        # Started on the Monday (the database was made then): that week counts.
        weeks = rule_weeks(active, set(), "monday", date(2026, 11, 17), start=date(2026, 11, 9))
        assert [(w.week.start, w.rest_days) for w in weeks] == [(date(2026, 11, 9), 5)]

    def test_no_history_no_weeks(self) -> None:
        assert rule_weeks(set(), set(), "monday", date(2026, 11, 17), start=None) == []
        active = {date(2026, 11, 12)}
        assert rule_weeks(active, set(), "monday", date(2026, 11, 17), start=None) == []

    def test_excused_flagged(self) -> None:
        active = weeks_with_rest(MON_2026_11_02, [KEEP1, NONE, KEEP1])
        weeks = rule_weeks(
            active, {date(2026, 11, 9)}, "monday", date(2026, 11, 23), start=MON_2026_11_02
        )
        assert [w.excused for w in weeks] == [False, True, False]


class TestRestStreak:
    def streak(
        self, patterns: Sequence[Collection[int]], excused: Collection[int] = ()
    ) -> RestStreak:
        active = weeks_with_rest(MON_2026_11_02, patterns)
        starts = {MON_2026_11_02 + timedelta(weeks=i) for i in excused}
        today = after(patterns, MON_2026_11_02)
        return rest_streak(rule_weeks(active, starts, "monday", today, start=MON_2026_11_02))

    def test_current_and_best(self) -> None:
        assert self.streak([KEEP1, KEEP2, KEEP1, NONE, KEEP1, THREE, KEEP1, KEEP2]) == RestStreak(
            2, 3
        )

    def test_broken_by_the_most_recent_week(self) -> None:
        assert self.streak([KEEP1, KEEP1, THREE]) == RestStreak(0, 2)
        assert self.streak([KEEP1, KEEP1, NONE]) == RestStreak(0, 2)

    def test_excused_week_inside_a_streak_neither_counts_nor_breaks(self) -> None:
        patterns = [KEEP1, KEEP1, NONE, KEEP2, KEEP1]
        assert self.streak(patterns) == RestStreak(2, 2)
        assert self.streak(patterns, excused=[2]) == RestStreak(4, 4)
        # An excused week that kept the rule does not count either.
        assert self.streak([KEEP1, KEEP1, KEEP1], excused=[1]) == RestStreak(2, 2)

    def test_excused_most_recent_weeks_are_skipped(self) -> None:
        assert self.streak([KEEP1, KEEP1, NONE, THREE], excused=[2, 3]) == RestStreak(2, 2)

    def test_break_behind_an_excused_week(self) -> None:
        assert self.streak([KEEP1, KEEP1, NONE, KEEP1], excused=[3]) == RestStreak(0, 2)

    def test_all_excused(self) -> None:
        assert self.streak([KEEP1, KEEP1], excused=[0, 1]) == RestStreak(0, 0)

    def test_empty(self) -> None:
        assert rest_streak([]) == RestStreak(0, 0)


class TestWeekStart:
    """The same history read with Monday and Sunday weeks."""

    active = set(span(date(2026, 11, 2), date(2026, 11, 28))) - {
        date(2026, 11, 8),  # Sun
        date(2026, 11, 9),  # Mon
        date(2026, 11, 22),  # Sun
    }
    today = date(2026, 11, 30)  # Monday
    start = date(2026, 11, 2)

    def test_monday(self) -> None:
        weeks = rule_weeks(self.active, set(), "monday", self.today, start=self.start)
        assert [(w.week.start, w.rest_days) for w in weeks] == [
            (date(2026, 11, 2), 1),
            (date(2026, 11, 9), 1),
            (date(2026, 11, 16), 1),
            (date(2026, 11, 23), 1),  # Sunday 29th has no activity
        ]
        assert rest_streak(weeks) == RestStreak(4, 4)

    def test_sunday(self) -> None:
        weeks = rule_weeks(self.active, set(), "sunday", self.today, start=self.start)
        assert [(w.week.start, w.rest_days) for w in weeks] == [
            # Sun 1 Nov is before the history: its week is no rule week.
            (date(2026, 11, 8), 2),
            (date(2026, 11, 15), 0),
            (date(2026, 11, 22), 1),
        ]
        assert rest_streak(weeks) == RestStreak(1, 1)


class TestIsoWeek53:
    """2026 has an ISO week 53 (Mon 2026-12-28 .. Sun 2027-01-03)."""

    first = date(2026, 12, 7)
    today = date(2027, 1, 18)

    def test_streak_runs_across_new_year(self) -> None:
        active = weeks_with_rest(self.first, [KEEP1] * 6)
        weeks = rule_weeks(active, set(), "monday", self.today, start=self.first)
        assert date(2026, 12, 28).isocalendar()[:2] == (2026, 53)
        assert [w.week.start for w in weeks][3:] == [
            date(2026, 12, 28),
            date(2027, 1, 4),
            date(2027, 1, 11),
        ]
        assert rest_streak(weeks) == RestStreak(6, 6)

    def test_week_53_breaking(self) -> None:
        active = weeks_with_rest(self.first, [KEEP1, KEEP1, KEEP1, NONE, KEEP1, KEEP1])
        weeks = rule_weeks(active, set(), "monday", self.today, start=self.first)
        assert rest_streak(weeks) == RestStreak(2, 3)

    def test_week_53_excused(self) -> None:
        active = weeks_with_rest(self.first, [KEEP1, KEEP1, KEEP1, NONE, KEEP1, KEEP1])
        weeks = rule_weeks(active, {date(2026, 12, 28)}, "monday", self.today, start=self.first)
        assert rest_streak(weeks) == RestStreak(5, 5)

    def test_sunday_weeks_across_new_year(self) -> None:
        # Sunday weeks: rest on each Sunday from 2026-12-06 to 2027-01-10.
        sundays = {date(2026, 12, 6) + timedelta(weeks=i) for i in range(6)}
        active = set(span(date(2026, 12, 6), date(2027, 1, 16))) - sundays
        weeks = rule_weeks(active, set(), "sunday", date(2027, 1, 17), start=date(2026, 12, 6))
        assert weeks[-3].week.start == date(2026, 12, 27)
        assert weeks[-3].week.end == date(2027, 1, 2)
        assert rest_streak(weeks) == RestStreak(6, 6)


class TestLeapDay:
    def test_rule_week_with_29_february(self) -> None:
        active = set(span(date(2028, 2, 28), date(2028, 3, 5))) - {date(2028, 2, 29)}
        weeks = rule_weeks(active, set(), "monday", date(2028, 3, 6), start=date(2028, 2, 28))
        assert weeks == [RuleWeek(Week(date(2028, 2, 28)), 1, False)]

    def test_days_since_rest_over_29_february(self) -> None:
        start = date(2028, 2, 19)
        active = set(span(date(2028, 2, 20), date(2028, 3, 2))) - {date(2028, 2, 29)}
        assert days_since_rest(active, date(2028, 3, 1), True, start=start) == 1
        assert days_since_rest(active, date(2028, 3, 2), True, start=start) == 2
        active.add(date(2028, 2, 29))
        assert days_since_rest(active, date(2028, 3, 2), True, start=start) == 12

    def test_rest_days_taken_in_leap_week(self) -> None:
        active = {date(2028, 2, 28), date(2028, 3, 1)}
        week = Week(date(2028, 2, 28))
        start = week.start
        assert rest_days_taken(active, week, date(2028, 3, 2), False, start=start) == 1
        assert rest_days_taken(active, week, date(2028, 3, 2), True, start=start) == 2


class TestDaysSinceRest:
    today = date(2026, 11, 24)
    start = date(2026, 10, 1)

    def since(
        self, active: Collection[date], checked_in: bool, start: date | None = None
    ) -> object:
        return days_since_rest(active, self.today, checked_in, start=start or self.start)

    def test_today_with_activity(self) -> None:
        active = set(span(date(2026, 11, 1), self.today)) - {date(2026, 11, 21)}
        assert self.since(active, False) == 3
        assert self.since(active, True) == 3

    def test_today_without_activity_counts_only_once_checked_in(self) -> None:
        active = set(span(date(2026, 11, 1), self.today - DAY)) - {date(2026, 11, 21)}
        assert self.since(active, True) == 0
        assert self.since(active, False) == 3

    def test_yesterday_rest(self) -> None:
        active = set(span(date(2026, 11, 1), self.today - 2 * DAY))
        assert self.since(active, False) == 1
        assert self.since(active, True) == 0

    def test_before_the_history_is_unknown_not_rest(self) -> None:
        active = set(span(self.today - 9 * DAY, self.today))
        assert self.since(active, False, start=self.today - 9 * DAY) is None
        assert self.since(active, False, start=self.today - 10 * DAY) == 10

    def test_a_brand_new_history(self) -> None:
        # Made today, nothing logged: no rest day yet, until today is checked in.
        assert self.since(set(), False, start=self.today) is None
        assert self.since(set(), True, start=self.today) == 0
        assert days_since_rest(set(), self.today, True, start=None) is None

    def test_a_history_that_starts_after_today(self) -> None:
        # Looking back (--today) before the history began: nothing is known.
        assert self.since(set(), True, start=self.today + DAY) is None

    def test_future_activity_does_not_matter(self) -> None:
        active = {self.today + DAY, self.today + 2 * DAY, self.today}
        assert self.since(active, False) == 1

    def test_long_run_of_activity(self) -> None:
        active = set(span(date(2016, 1, 1), self.today))
        assert self.since(active, True, start=date(2016, 1, 1)) is None
        since = self.since(active, True, start=date(2015, 12, 31))
        assert since == (self.today - date(2015, 12, 31)).days


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
