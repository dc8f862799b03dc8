"""Rule weeks, rest streaks, days since rest and rest days taken (DESIGN §3, §4)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta

from tracker.domain.dates import Week
from tracker.domain.streaks import (
    RestStreak,
    RuleWeek,
    days_since_rest,
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
