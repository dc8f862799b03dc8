"""The evening check-in's pure logic: missed evenings, the rule's outlook, the forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.checkin import (
    MISSED_LOOKBACK_DAYS,
    RestOutlook,
    RestState,
    describe_missed,
    missed_evenings,
    rest_outlook,
)
from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, WeekPlan

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 23)
D = timedelta(days=1)


# Missed evenings


def test_missed_evenings_lists_past_days_never_checked_in() -> None:
    first = date(2026, 11, 16)
    checked = {first + i * D for i in range(9) if i not in (6, 7)}  # Sun 22, Mon 23 missed
    missed = missed_evenings(first, TODAY, checked, set())
    assert missed == [date(2026, 11, 22), date(2026, 11, 23)]


def test_today_is_never_missed_and_nothing_before_the_history() -> None:
    assert missed_evenings(TODAY, TODAY, set(), set()) == []
    assert missed_evenings(None, TODAY, set(), set()) == []
    assert missed_evenings(TODAY - D, TODAY, [], []) == [TODAY - D]
    assert missed_evenings(TODAY + D, TODAY, [], []) == []


def test_a_day_with_an_activity_is_never_missed() -> None:
    # Two runs logged from the command line on Sun and Mon, never checked in.
    first = date(2026, 11, 22)
    runs = {date(2026, 11, 22), date(2026, 11, 23)}
    assert missed_evenings(first, TODAY, set(), runs) == [date(2026, 11, 24)]


def test_an_imported_history_misses_only_its_days_without_runs() -> None:
    # Imported: a run every day but Sundays, nothing ever checked in.
    first = date(2019, 3, 1)
    runs = {TODAY - i * D for i in range(1, 400) if (TODAY - i * D).weekday() != 6}
    missed = missed_evenings(first, TODAY, set(), runs)
    assert missed == [day for day in (TODAY - i * D for i in range(28, 0, -1)) if day not in runs]
    assert len(missed) == 4


def test_missed_evenings_across_a_week_boundary_and_a_dst_change() -> None:
    """Europe ends summer time on Sun 25 Oct 2026; the gap runs Fri to Mon."""
    tz = "Europe/Berlin"
    today = pendulum.datetime(2026, 10, 27, 20, 0, tz=tz).date()
    first = date(2026, 10, 19)
    checked = {date(2026, 10, d) for d in (19, 20, 21, 22)}
    missed = missed_evenings(first, today, checked, set())
    assert missed == [
        date(2026, 10, 23),
        date(2026, 10, 24),
        date(2026, 10, 25),
        date(2026, 10, 26),
    ]
    # Each day once, in order, with no hour arithmetic that a 25-hour day could skew.
    assert len(set(missed)) == 4
    assert missed[-1] == today - D


@given(
    first=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    length=st.integers(0, 60),
    data=st.data(),
)
def test_missed_evenings_property(first: date, length: int, data: st.DataObject) -> None:
    today = first + timedelta(days=length)
    past = [first + timedelta(days=i) for i in range(length)]
    some = st.lists(st.sampled_from(past), unique=True) if past else st.just([])
    checked, runs = set(data.draw(some)), set(data.draw(some))
    missed = missed_evenings(first, today, checked, runs)
    window = today - timedelta(days=MISSED_LOOKBACK_DAYS)
    assert missed == sorted(day for day in set(past) - checked - runs if day >= window)


def test_an_imported_history_does_not_report_years_of_missed_evenings() -> None:
    today = date(2026, 11, 25)
    missed = missed_evenings(date(2019, 3, 1), today, {today - D}, set())
    assert len(missed) == MISSED_LOOKBACK_DAYS - 1
    assert missed[0] == today - timedelta(days=MISSED_LOOKBACK_DAYS)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], ""),
        ([date(2026, 11, 24)], "1 evening missed: Tue"),
        (
            [date(2026, 11, 19), date(2026, 11, 20), date(2026, 11, 21)],
            "3 evenings missed: Thu, Fri, Sat",
        ),
        # A week ago has today's weekday: spell the dates out.
        ([date(2026, 11, 18)], "1 evening missed: Wed 18 Nov"),
        (
            [date(2026, 11, d) for d in (1, 3, 5, 7, 9, 11)],
            "6 evenings missed since Sun 1 Nov",
        ),
    ],
)
def test_describe_missed(days: list[date], expected: str) -> None:
    assert describe_missed(days, TODAY) == expected


# What the rule still needs


def plan(kinds: Sequence[DayKind] = DEFAULT_TEMPLATE) -> WeekPlan:
    return WeekPlan.from_template(Week(MONDAY), kinds)


def kinds(rest_on: Sequence[int]) -> list[DayKind]:
    return [DayKind.REST if i in rest_on else DayKind.EASY for i in range(7)]


def ran(*days: date) -> set[date]:
    return set(days)


HISTORY = date(2026, 1, 1)
"""Where the history starts for the outlooks below: long before their week."""


def outlook_of(
    week_plan: WeekPlan,
    activity_dates: set[date],
    today: date,
    checked_in: bool,
    excused_reason: str | None = None,
    start: date | None = HISTORY,
) -> RestOutlook:
    return rest_outlook(week_plan, activity_dates, today, checked_in, excused_reason, start=start)


def test_rule_kept_when_the_planned_rest_day_was_taken() -> None:
    outlook = outlook_of(plan(), ran(MONDAY + D), TODAY, False)
    assert outlook.planned == (MONDAY,)
    assert outlook.taken == (MONDAY,)
    assert outlook.state is RestState.ON_TRACK
    assert outlook.advice == "Rule kept: 1 rest day taken"


def test_no_rest_yet_names_the_planned_rest_days_left() -> None:
    # Ran Mon and Tue; rest planned Thu (tomorrow) and Sun.
    outlook = outlook_of(plan(kinds([3, 6])), ran(MONDAY, MONDAY + D, TODAY), TODAY, False)
    assert outlook.taken == ()
    assert outlook.state is RestState.NEEDS_REST
    assert outlook.advice == "No rest day yet — rest tomorrow or Sunday to keep the rule"


def test_no_rest_yet_and_none_planned_suggests_the_days_left() -> None:
    week_plan = plan(kinds([0]))  # the only rest day, Monday, was run
    friday = MONDAY + 4 * D
    outlook = outlook_of(week_plan, ran(*(MONDAY + i * D for i in range(5))), friday, True)
    assert outlook.state is RestState.NEEDS_REST
    assert outlook.advice == (
        "No rest day yet and none planned — rest tomorrow or Sunday to keep the rule"
    )
    many = outlook_of(week_plan, ran(MONDAY, MONDAY + D), TODAY, False)
    assert many.advice.endswith("rest one of the days left to keep the rule")


def test_today_unlogged_counts_as_a_chance_to_rest() -> None:
    week_plan = plan(kinds([2]))  # rest planned today (Wednesday)
    outlook = outlook_of(week_plan, ran(MONDAY, MONDAY + D), TODAY, False)
    assert outlook.advice == "No rest day yet — rest today to keep the rule"
    checked_in = outlook_of(week_plan, ran(MONDAY, MONDAY + D), TODAY, True)
    assert checked_in.taken == (TODAY,)
    assert checked_in.state is RestState.ON_TRACK


def test_a_week_over_without_rest_is_broken() -> None:
    sunday = MONDAY + 6 * D
    outlook = outlook_of(plan(), ran(*(MONDAY + i * D for i in range(7))), sunday, True)
    assert outlook.state is RestState.BROKEN
    assert not outlook.ok


def test_a_third_planned_rest_day_must_become_a_run() -> None:
    # Rested Mon and Tue; Sat still planned as rest.
    week_plan = plan(kinds([0, 1, 5]))
    outlook = outlook_of(week_plan, ran(TODAY), TODAY, True)
    assert outlook.taken == (MONDAY, MONDAY + D)
    assert outlook.state is RestState.NEEDS_RUN
    assert outlook.advice == "2 rest days taken — make Saturday a run to keep the rule"
