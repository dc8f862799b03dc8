"""Session load (sRPE), monotony, strain and tomorrow's cap (docs/counting.md), each
against a reference worked out in the test."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.activity import Activity
from tracker.domain.dates import Week
from tracker.domain.kinds import ActivityKind
from tracker.domain.load import (
    daily_loads,
    longest_runs,
    monotony,
    session_load,
    strain,
    to_au,
    tomorrow_cap,
    week_loads,
    weekly_loads,
)
from tracker.domain.stats import load_figures

DAY = timedelta(days=1)
MON = date(2026, 11, 23)


def session(
    day: date, rpe: int | None, minutes: float | None, kind: ActivityKind = ActivityKind.EASY
) -> Activity:
    seconds = None if minutes is None else round(minutes * 60)
    return Activity(day, kind, 10_000, seconds, rpe)


# The week of counting.md: RPE × minutes per day, worked by hand.
WEEK = [
    session(MON + DAY, 4, 55),  # Tue 220 AU
    session(MON + 2 * DAY, 7, 60),  # Wed 420
    session(MON + 3 * DAY, 3, 60, ActivityKind.CROSS),  # Thu 180: cross counts too
    session(MON + 4 * DAY, None, 45),  # Fri: no RPE, no load
    session(MON + 5 * DAY, 6, 120),  # Sat 720
]
BY_HAND_AU = [0, 220, 420, 180, 0, 720, 0]


def test_a_week_of_known_sessions_against_the_hand_figures() -> None:
    loads = week_loads(daily_loads(WEEK), Week(MON))
    assert [to_au(load) for load in loads] == BY_HAND_AU
    mean = statistics.fmean(BY_HAND_AU)
    deviation = statistics.pstdev(BY_HAND_AU)  # divides by 7, not 6
    assert mean == 220 and deviation == pytest.approx(249.7999, abs=1e-4)
    week_monotony = monotony(loads)
    assert week_monotony == pytest.approx(mean / deviation)
    assert week_monotony == pytest.approx(0.8807, abs=1e-4)
    assert strain(1540, week_monotony) == pytest.approx(1356.29, abs=0.01)


def test_the_figures_of_the_stats_report_for_that_week() -> None:
    figures = load_figures(WEEK, MON + 7 * DAY, "monday")  # Mon 30 Nov
    assert figures.last_week_au == 1540
    assert figures.to_json()["monotony"] == 0.88
    assert figures.to_json()["strain"] == 1356
    assert figures.weekly_au[-2:] == ((MON, 1540), (MON + 7 * DAY, 0))
    assert len(figures.weekly_au) == 16
    assert (figures.activities, figures.without_load) == (5, 1)


def test_fractional_minutes_count() -> None:
    activity = Activity(MON, ActivityKind.EASY, 9400, 44 * 60 + 10, 5)  # 44:10 at RPE 5
    load = session_load(activity)
    assert load is not None and to_au(load) == pytest.approx(220.83, abs=0.01)


def test_no_rpe_or_no_duration_adds_nothing() -> None:
    assert session_load(Activity(MON, ActivityKind.EASY, 8000, None, 5)) is None
    assert session_load(Activity(MON, ActivityKind.EASY, 8000, 0, 5)) is None
    assert session_load(Activity(MON, ActivityKind.EASY, 8000, 3000, None)) is None
    assert daily_loads([Activity(MON, ActivityKind.EASY, 8000, 3000, None)]) == {}


def test_an_empty_week_and_an_even_week_have_no_monotony() -> None:
    assert monotony([0] * 7) is None
    assert monotony([300 * 60] * 7) is None
    assert strain(0, None) is None


def test_weekly_loads_sixteen_weeks_current_last() -> None:
    so_far = [activity for activity in WEEK if activity.date <= MON + 2 * DAY]
    weeks = weekly_loads(daily_loads(so_far), MON + 2 * DAY, "monday")
    assert len(weeks) == 16 and weeks[-1] == (MON, 640)  # Tue and Wed so far
    assert weekly_loads(daily_loads(WEEK), MON, "sunday")[-1][0] == MON - DAY


day_loads = st.lists(
    st.lists(st.tuples(st.integers(1, 10), st.integers(1, 4 * 3600)), max_size=3),
    min_size=7,
    max_size=7,
)


def week_of(sessions_per_day: list[list[tuple[int, int]]]) -> list[Activity]:
    return [
        Activity(MON + index * DAY, ActivityKind.EASY, 5000, seconds, rpe)
        for index, day in enumerate(sessions_per_day)
        for rpe, seconds in day
    ]


@given(day_loads)
def test_monotony_is_none_exactly_when_the_seven_days_are_equal(
    days: list[list[tuple[int, int]]],
) -> None:
    reference = [sum(rpe * seconds for rpe, seconds in day) / 60 for day in days]
    loads = week_loads(daily_loads(week_of(days)), Week(MON))
    week_monotony = monotony(loads)
    assert (week_monotony is None) == (len(set(reference)) == 1)
    if week_monotony is not None:
        assert week_monotony == pytest.approx(
            statistics.fmean(reference) / statistics.pstdev(reference)
        )
        weekly = sum(reference)
        assert strain(weekly, week_monotony) == pytest.approx(weekly * week_monotony)


@given(st.lists(st.integers(1, 60), min_size=7, max_size=7))
def test_equal_days_of_any_load_have_no_monotony(minutes: list[int]) -> None:
    loads = [minutes[0] * 60 * 5] * 7
    assert monotony(loads) is None


class TestTomorrowsCap:
    def test_one_point_one_times_the_longest_run_rounded_to_ten_metres(self) -> None:
        today = date(2026, 11, 27)
        runs = [Activity(date(2026, 11, 21), ActivityKind.LONG, 20_000)]
        assert tomorrow_cap(longest_runs(runs), today) == 22_000
        odd = [Activity(today, ActivityKind.LONG, 18_750)]
        assert tomorrow_cap(longest_runs(odd), today) == 20_630  # 20,625 half up

    def test_the_window_is_the_thirty_days_ending_today(self) -> None:
        today = date(2026, 11, 29)
        edge = [Activity(today - 29 * DAY, ActivityKind.LONG, 30_000)]
        assert tomorrow_cap(longest_runs(edge), today) == 33_000
        outside = [Activity(today - 30 * DAY, ActivityKind.LONG, 30_000)]
        assert tomorrow_cap(longest_runs(outside), today) is None

    def test_cross_training_is_no_run_and_a_run_tomorrow_does_not_count(self) -> None:
        today = date(2026, 11, 29)
        ride = [Activity(today, ActivityKind.CROSS, 60_000)]
        assert tomorrow_cap(longest_runs(ride), today) is None
        later = [Activity(today + DAY, ActivityKind.EASY, 10_000)]
        assert tomorrow_cap(longest_runs(later), today) is None

    @given(st.integers(1, 100_000))
    def test_the_cap_is_ten_percent_over_to_the_nearest_ten_metres(self, metres: int) -> None:
        cap = tomorrow_cap({MON: metres}, MON)
        assert cap is not None and cap % 10 == 0
        assert abs(cap - metres * 1.1) <= 5
