"""Load figures against an independent reference: weekly distance, ramp, spikes and ACWR."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings

from tests.unit.domain.test_load import (
    DAY,
    activities_st,
    ref_acwr,
    ref_band,
    ref_distance,
    ref_ramp,
    ref_spikes,
    ref_week_start,
    todays,
    week_starts,
)
from tracker.domain.activity import Activity
from tracker.domain.dates import Week
from tracker.domain.load import (
    acute_chronic,
    acwr,
    acwr_band,
    daily_distance,
    long_run_spikes,
    ramp_between,
    ramp_level,
    ramp_pct,
    week_ramp_pct,
    weekly_distances,
)


@settings(max_examples=200)
@given(activities_st, todays, week_starts)
def test_weekly_distances_match_reference(
    activities: list[Activity], today: date, week_start: str
) -> None:
    current = ref_week_start(today, week_start)
    expected = []
    for back in range(15, -1, -1):
        start = current - back * 7 * DAY
        expected.append((start, ref_distance(activities, start, start + 6 * DAY)))
    assert weekly_distances(daily_distance(activities), today, week_start) == expected


@settings(max_examples=300)
@given(activities_st, todays, week_starts)
def test_ramp_matches_reference(activities: list[Activity], today: date, week_start: str) -> None:
    expected = ref_ramp(activities, today, week_start)
    got = ramp_pct(daily_distance(activities), today, week_start)
    if expected is None:
        assert got is None
        return
    assert got == pytest.approx(float(expected))
    want = None if expected <= 10 else "warn" if expected <= 30 else "strong"
    assert ramp_level(got) == want


@settings(max_examples=300)
@given(activities_st, todays)
def test_spikes_match_reference(activities: list[Activity], today: date) -> None:
    spikes = long_run_spikes(activities, today)
    assert [(s.date, s.distance_m, s.longest_before_m, s.level) for s in spikes] == ref_spikes(
        activities, today
    )
    for s in spikes:
        assert s.pct == pytest.approx(
            (s.distance_m - s.longest_before_m) * 100 / s.longest_before_m
        )


@settings(max_examples=300)
@given(activities_st, todays)
def test_acwr_matches_reference(activities: list[Activity], day: date) -> None:
    expected = ref_acwr(activities, day)
    got = acwr(daily_distance(activities), day)
    if expected is None:
        assert got is None
        return
    assert got is not None
    assert got == pytest.approx(float(expected))
    assert acwr_band(got) == ref_band(expected)


class TestWeekRamp:
    def test_ramp_between(self) -> None:
        assert ramp_between(10000, 11000) == 10.0
        assert ramp_between(10000, 11001) == pytest.approx(10.01)
        assert ramp_between(0, 5000) is None
        assert ramp_between(8000, 0) == -100.0

    def test_any_week_and_the_ramp_of_design_agree(self) -> None:
        daily = {date(2026, 11, 10): 40000, date(2026, 11, 17): 50000, date(2026, 11, 24): 9000}
        week = Week(date(2026, 11, 16))
        assert week_ramp_pct(daily, week) == 25.0
        assert week_ramp_pct(daily, week.shifted(1)) == -82.0
        assert week_ramp_pct(daily, week.shifted(-1)) is None
        assert ramp_pct(daily, date(2026, 11, 25), "monday") == week_ramp_pct(daily, week)


def test_acute_chronic_parts_make_the_ratio() -> None:
    day = date(2026, 11, 25)
    daily = {
        day: 1000,
        day - 6 * DAY: 2000,  # last day of the acute window
        day - 7 * DAY: 4000,  # first day of the chronic window
        day - 34 * DAY: 8000,  # last day of the chronic window
        day - 35 * DAY: 16000,  # outside both
    }
    assert acute_chronic(daily, day) == (3000, 12000)
    assert acwr(daily, day) == 1.0
