"""Weekly distance, ramp, long-run spikes and ACWR (DESIGN §4)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import strategies as st

from tracker.domain.activity import Activity
from tracker.domain.dates import WEEKDAYS, Week
from tracker.domain.kinds import ActivityKind
from tracker.domain.load import (
    Spike,
    acwr,
    acwr_band,
    daily_distance,
    long_run_spikes,
    ramp_level,
    ramp_pct,
    spike_level,
    weekly_distance,
    weekly_distances,
)

DAY = timedelta(days=1)
EASY, LONG, CROSS = ActivityKind.EASY, ActivityKind.LONG, ActivityKind.CROSS


def run(day: date, metres: int, kind: ActivityKind = EASY) -> Activity:
    return Activity(day, kind, metres)


class TestDailyAndWeekly:
    def test_daily_sums_runs_and_ignores_cross(self) -> None:
        day = date(2026, 11, 24)
        daily = daily_distance(
            [run(day, 5000), run(day, 3000, ActivityKind.WORKOUT), run(day, 40000, CROSS)]
        )
        assert daily == {day: 8000}
        assert daily_distance([run(day, 40000, CROSS)]) == {}

    def test_weekly_distance_monday_and_sunday(self) -> None:
        daily = {
            date(2026, 11, 22): 1000,  # Sun
            date(2026, 11, 23): 2000,  # Mon
            date(2026, 11, 29): 4000,  # Sun
            date(2026, 11, 30): 8000,  # Mon
        }
        assert weekly_distance(daily, Week(date(2026, 11, 23))) == 6000  # Mon..Sun
        assert weekly_distance(daily, Week(date(2026, 11, 22))) == 3000  # Sun..Sat
        assert weekly_distance(daily, Week(date(2026, 11, 29))) == 12000

    def test_weekly_distances_sixteen_current_last(self) -> None:
        today = date(2026, 11, 24)
        daily = {today: 6000, date(2026, 11, 22): 18000, date(2026, 8, 10): 41000}
        rows = weekly_distances(daily, today, "monday")
        assert len(rows) == 16
        assert rows[0] == (date(2026, 8, 10), 41000)
        assert rows[-2] == (date(2026, 11, 16), 18000)
        assert rows[-1] == (date(2026, 11, 23), 6000)
        assert all(b[0] - a[0] == 7 * DAY for a, b in pairwise(rows))
        assert sum(d for _, d in rows) == 65000

    def test_weekly_distances_sunday_weeks(self) -> None:
        today = date(2026, 11, 24)
        rows = weekly_distances({date(2026, 11, 22): 5000}, today, "sunday", count=2)
        assert rows == [(date(2026, 11, 15), 0), (date(2026, 11, 22), 5000)]


class TestRamp:
    today = date(2026, 11, 25)  # Wednesday; w0 = Nov 16-22, w1 = Nov 9-15

    def daily(self, w1: int, w0: int, current: int = 0) -> dict[date, int]:
        return {date(2026, 11, 10): w1, date(2026, 11, 18): w0, self.today: current}

    def test_none_when_week_before_is_empty(self) -> None:
        assert ramp_pct(self.daily(0, 50000), self.today, "monday") is None
        assert ramp_pct({}, self.today, "monday") is None
        assert ramp_level(None) is None

    @pytest.mark.parametrize(
        ("w0", "pct", "level"),
        [
            (11000, 10.0, None),  # exactly +10 %: no warning
            (11001, 10.01, "warn"),
            (13000, 30.0, "warn"),  # exactly +30 %: not yet strong
            (13001, 30.01, "strong"),
            (25000, 150.0, "strong"),
            (9000, -10.0, None),
            (0, -100.0, None),
        ],
    )
    def test_levels(self, w0: int, pct: float, level: str | None) -> None:
        value = ramp_pct(self.daily(10000, w0), self.today, "monday")
        assert value == pytest.approx(pct)
        assert ramp_level(value) == level

    def test_current_week_is_not_counted(self) -> None:
        assert ramp_pct(self.daily(10000, 10000, 90000), self.today, "monday") == 0.0

    def test_on_the_first_day_of_a_week(self) -> None:
        # Monday Nov 23: Nov 16-22 has just completed and is w0.
        assert ramp_pct(self.daily(10000, 12000), date(2026, 11, 23), "monday") == 20.0

    def test_sunday_weeks(self) -> None:
        # Sunday weeks: w0 = Nov 15-21, w1 = Nov 8-14.
        daily = {date(2026, 11, 14): 10000, date(2026, 11, 15): 15000}
        assert ramp_pct(daily, self.today, "sunday") == 50.0
        # Monday weeks: both days fall in w1 = Nov 9-15, w0 = Nov 16-22 is empty.
        assert ramp_pct(daily, self.today, "monday") == -100.0


class TestSpikes:
    today = date(2026, 11, 24)

    def history(self, metres: int, *more: Activity) -> list[Activity]:
        return [run(self.today - 10 * DAY, 20000, LONG), run(self.today, metres, LONG), *more]

    @pytest.mark.parametrize(
        ("metres", "level"),
        [
            (22000, None),  # exactly +10 %: not a spike
            (22001, "minor"),
            (26000, "minor"),  # +30 % is the top of the first band
            (26001, "major"),
            (40000, "major"),  # +100 % is the top of the second band
            (40001, "severe"),
        ],
    )
    def test_levels(self, metres: int, level: str | None) -> None:
        spikes = long_run_spikes(self.history(metres), self.today)
        if level is None:
            assert spikes == []
        else:
            [spike] = spikes
            assert spike.level == level
            assert spike.date == self.today
            assert spike.distance_m == metres
            assert spike.longest_before_m == 20000
            assert spike.pct == pytest.approx((metres - 20000) / 200)

    def test_just_above_ten_percent(self) -> None:
        assert long_run_spikes(self.history(22001), self.today) == [
            Spike(self.today, 22001, 20000, 10.005, "minor")
        ]

    def test_needs_a_run_in_the_30_days_before(self) -> None:
        longest_31_days_ago = [run(self.today - 31 * DAY, 20000), run(self.today, 30000)]
        assert long_run_spikes(longest_31_days_ago, self.today) == []
        longest_30_days_ago = [run(self.today - 30 * DAY, 20000), run(self.today, 30000)]
        [spike] = long_run_spikes(longest_30_days_ago, self.today)
        assert spike.longest_before_m == 20000

    def test_own_day_not_counted(self) -> None:
        same_day = [
            run(self.today - 2 * DAY, 10000),
            run(self.today, 30000),
            run(self.today, 12000),
        ]
        spikes = long_run_spikes(same_day, self.today)
        assert [(s.distance_m, s.longest_before_m) for s in spikes] == [
            (30000, 10000),
            (12000, 10000),
        ]

    def test_single_runs_not_day_totals(self) -> None:
        two_runs = [
            run(self.today - 5 * DAY, 12000),
            run(self.today - 5 * DAY, 12000),
            run(self.today, 20000),
        ]
        [spike] = long_run_spikes(two_runs, self.today)
        assert spike.longest_before_m == 12000

    def test_cross_training_is_not_a_run(self) -> None:
        assert long_run_spikes(self.history(30000, run(self.today - DAY, 90000, CROSS)), self.today)
        assert (
            long_run_spikes(
                [run(self.today - DAY, 10000), run(self.today, 90000, CROSS)], self.today
            )
            == []
        )

    def test_only_the_last_28_days(self) -> None:
        base = [run(self.today - 40 * DAY, 10000)]
        assert long_run_spikes([*base, run(self.today - 28 * DAY, 20000)], self.today) == []
        [spike] = long_run_spikes([*base, run(self.today - 27 * DAY, 20000)], self.today)
        assert spike.date == self.today - 27 * DAY

    def test_oldest_first_and_future_ignored(self) -> None:
        history = [
            run(self.today - 20 * DAY, 10000),
            run(self.today - 3 * DAY, 20000),
            run(self.today - 12 * DAY, 12000),
            run(self.today + DAY, 90000),
        ]
        spikes = long_run_spikes(history, self.today)
        assert [s.date for s in spikes] == [self.today - 12 * DAY, self.today - 3 * DAY]

    def test_zero_metre_runs_give_nothing_to_compare_with(self) -> None:
        assert long_run_spikes([run(self.today - DAY, 0), run(self.today, 5000)], self.today) == []

    def test_spike_level_bands(self) -> None:
        assert spike_level(10.0) is None
        assert spike_level(10.000001) == "minor"
        assert spike_level(100.0) == "major"
        assert spike_level(100.1) == "severe"


class TestAcwr:
    day = date(2028, 3, 1)  # acute Feb 24 .. Mar 1 (leap day inside)

    def daily(self, acute: int, chronic_total: int) -> dict[date, int]:
        return {self.day - 3 * DAY: acute, self.day - 20 * DAY: chronic_total}

    def test_windows(self) -> None:
        daily = {
            self.day: 1,
            self.day - 6 * DAY: 10,  # last acute day
            self.day - 7 * DAY: 100,  # first chronic day
            self.day - 34 * DAY: 1000,  # last chronic day
            self.day - 35 * DAY: 10000,  # outside
            self.day + DAY: 100000,  # future
        }
        assert acwr(daily, self.day) == pytest.approx(11 / (1100 / 4))
        assert self.day - 3 * DAY == date(2028, 2, 27)
        assert acwr({self.day - 35 * DAY: 5000, self.day: 5000}, self.day) is None

    def test_none_without_chronic_load(self) -> None:
        assert acwr(self.daily(10000, 0), self.day) is None
        assert acwr({}, self.day) is None

    @pytest.mark.parametrize(
        ("acute", "band"),
        [
            (0, "low"),
            (7999, "low"),
            (8000, "steady"),  # exactly 0.8
            (13000, "steady"),  # exactly 1.3
            (13001, "high"),
            (15000, "high"),  # exactly 1.5
            (15001, "very_high"),
        ],
    )
    def test_band_edges(self, acute: int, band: str) -> None:
        ratio = acwr(self.daily(acute, 40000), self.day)
        assert ratio is not None
        assert ratio == pytest.approx(acute / 10000)
        assert acwr_band(ratio) == band

    def test_band_literals(self) -> None:
        assert [acwr_band(r) for r in (0.79, 0.8, 1.3, 1.31, 1.5, 1.51)] == [
            "low",
            "steady",
            "steady",
            "high",
            "high",
            "very_high",
        ]


# ---------------------------------------------------------------------------
# Properties against reference implementations written straight from DESIGN.

BASE = date(2026, 9, 1)
kinds = st.sampled_from(list(ActivityKind))
activities_st = st.lists(
    st.builds(
        lambda offset, kind, metres: Activity(BASE + offset * DAY, kind, metres),
        st.integers(0, 200),
        kinds,
        st.one_of(st.integers(0, 40000), st.sampled_from([10000, 11000, 13000, 20000, 22000])),
    ),
    max_size=120,
)
todays = st.dates(min_value=date(2026, 9, 1), max_value=date(2027, 4, 30))
week_starts = st.sampled_from(WEEKDAYS)


def ref_distance(activities: list[Activity], first: date, last: date) -> int:
    total = 0
    for a in activities:
        if a.kind != ActivityKind.CROSS and first <= a.date <= last:
            total += a.distance_m
    return total


def ref_week_start(day: date, week_start: str) -> date:
    while WEEKDAYS[day.weekday()] != week_start:
        day -= DAY
    return day


def ref_ramp(activities: list[Activity], today: date, week_start: str) -> Fraction | None:
    current = ref_week_start(today, week_start)
    w0_start, w1_start = current - 7 * DAY, current - 14 * DAY
    w0 = ref_distance(activities, w0_start, w0_start + 6 * DAY)
    w1 = ref_distance(activities, w1_start, w1_start + 6 * DAY)
    if w1 <= 0:
        return None
    return Fraction(w0 - w1, w1) * 100


def ref_spikes(activities: list[Activity], today: date) -> list[tuple[date, int, int, str]]:
    found = []
    for a in sorted(activities, key=lambda a: a.date):
        if a.kind == ActivityKind.CROSS or not today - 27 * DAY <= a.date <= today:
            continue
        before = [
            b.distance_m
            for b in activities
            if b.kind != ActivityKind.CROSS and a.date - 30 * DAY <= b.date <= a.date - DAY
        ]
        if not before or max(before) == 0:
            continue
        longest = max(before)
        pct = Fraction(a.distance_m - longest, longest) * 100
        if pct <= 10:
            continue
        level = "minor" if pct <= 30 else "major" if pct <= 100 else "severe"
        found.append((a.date, a.distance_m, longest, level))
    return found


def ref_acwr(activities: list[Activity], day: date) -> Fraction | None:
    acute = ref_distance(activities, day - 6 * DAY, day)
    chronic = Fraction(ref_distance(activities, day - 34 * DAY, day - 7 * DAY), 4)
    if chronic <= 0:
        return None
    return acute / chronic


def ref_band(ratio: Fraction) -> str:
    if ratio < Fraction(8, 10):
        return "low"
    if ratio <= Fraction(13, 10):
        return "steady"
    if ratio <= Fraction(15, 10):
        return "high"
    return "very_high"
