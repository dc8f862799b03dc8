"""The reports: load warnings, status, rounding and the load window."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.services.test_reports import (
    EASY,
    LONG,
    START,
    TODAY,
    build_stats,
    build_status,
    build_status_days,
    fixed_history,
    stats,
)
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.load import Spike
from tracker.domain.stats import (
    LoadWarning,
    load_warnings,
    load_window_start,
    round_half_up,
)
from tracker.domain.streaks import RestStreak
from tracker.services import reports
from tracker.services.reports import Status


class TestLoadWarnings:
    def test_quiet_when_all_is_well(self) -> None:
        assert load_warnings(ramp=10.0, spikes=[], days_since_rest=6, today=TODAY) == []
        assert load_warnings(ramp=None, spikes=[], days_since_rest=None, today=TODAY) == []

    def test_levels(self) -> None:
        spikes = [
            Spike(TODAY, 22001, 20000, 10.005, "minor"),
            Spike(TODAY, 30000, 20000, 50.0, "major"),
            Spike(TODAY, 50000, 20000, 150.0, "severe"),
        ]
        warnings = load_warnings(
            ramp=34.0, spikes=spikes, days_since_rest=9, today=TODAY, units="mi"
        )
        assert [(w.code, w.level) for w in warnings] == [
            ("spike", "warn"),
            ("spike", "strong"),
            ("spike", "strong"),
            ("ramp", "strong"),
            ("no_recent_rest", "warn"),
        ]
        assert warnings[3].message == "Last week's distance up 34% on the week before"
        assert "mi" in warnings[1].message
        assert warnings[3].as_dict() == {
            "code": "ramp",
            "level": "strong",
            "message": warnings[3].message,
        }

    def test_a_spike_says_what_the_study_found_and_claims_no_cause(self) -> None:
        [warning] = load_warnings(
            ramp=None,
            spikes=[Spike(date(2026, 11, 22), 24000, 20000, 20.0, "minor")],
            days_since_rest=0,
            today=TODAY,
        )
        assert warning == LoadWarning(
            "spike",
            "warn",
            "Sun 22 Nov: 24.0 km run, 20% over your longest of the 30 days before (20.0 km)",
            "In 5,205 runners such runs were associated with 1.64 times the overuse-injury "
            "rate of runs within 10% (Frandsen 2025)",
        )
        assert warning.as_dict()["message"] == f"{warning.message}. {warning.evidence}"
        assert "cause" not in warning.text and "risk" not in warning.text


class TestStatus:
    dates = frozenset(a.date for a in fixed_history())

    def test_document(self) -> None:
        status = build_status(self.dates, set(), "monday", TODAY, True, start=START)
        assert list(status) == [
            "today",
            "rest_streak",
            "rest_days_this_week",
            "days_since_rest",
            "checked_in",
            "tomorrow_cap_m",
        ]
        assert status == {
            "today": "2026-11-24",
            "rest_streak": {"current_weeks": 5, "best_weeks": 5},
            "rest_days_this_week": 0,
            "days_since_rest": 6,
            "checked_in": True,
            "tomorrow_cap_m": None,  # no runs given
        }
        assert json.loads(json.dumps(status)) == status

    def test_agrees_with_stats(self) -> None:
        for today in (TODAY, date(2026, 11, 25), date(2026, 12, 1)):
            for checked_in in (False, True):
                status: Any = build_status(
                    self.dates, {date(2026, 11, 9)}, "monday", today, checked_in, start=START
                )
                full: Any = stats(
                    today=today, today_checked_in=checked_in, excused_starts={date(2026, 11, 9)}
                )
                assert status["rest_streak"] == full["rest_streak"]
                assert status["days_since_rest"] == full["days_since_rest"]
                assert status["rest_days_this_week"] == full["this_week"]["rest_days_taken"]

    def test_line(self) -> None:
        status = reports.build_status(self.dates, set(), "monday", TODAY, True, start=START)
        assert status.line() == (
            "rest streak 5 wk · 0 rest days this week · 6 days since rest · ✓ checked in"
        )

    def test_a_brand_new_database(self) -> None:
        """Made today, a run logged: no rest day, no streak, none since rest."""
        status = reports.build_status({TODAY}, set(), "monday", TODAY, True, start=TODAY)
        assert status.to_json() == {
            "today": "2026-11-24",
            "rest_streak": {"current_weeks": 0, "best_weeks": 0},
            "rest_days_this_week": 0,  # Monday is before the history: unknown
            "days_since_rest": None,
            "checked_in": True,
            "tomorrow_cap_m": None,
        }
        assert status.line() == (
            "rest streak 0 wk · 0 rest days this week · no rest day yet · ✓ checked in"
        )

    @pytest.mark.parametrize(
        ("rest", "since", "checked", "line"),
        [
            (
                1,
                1,
                False,
                "rest streak 3 wk · 1 rest day this week · 1 day since rest · not checked in",
            ),
            (
                2,
                0,
                True,
                "rest streak 3 wk · 2 rest days this week · 0 days since rest · ✓ checked in",
            ),
        ],
    )
    def test_line_plurals(self, rest: int, since: int, checked: bool, line: str) -> None:
        status = Status(TODAY, RestStreak(3, 4), rest, since, checked)
        assert status.line() == line


class TestRounding:
    """DESIGN §4 rounds ``ramp_pct`` and ``pct`` to 1 decimal and ``acwr`` to 2, half up
    as a runner rounds by hand (``round()`` would round 12.25 to 12.2: half to even)."""

    def test_ramp_half_up(self) -> None:
        # w1 = Nov 9-15: 40 km; w0 = Nov 16-22: 44.9 km, so +12.25 %.
        history = [
            Activity(date(2026, 11, 10), EASY, 40000),
            Activity(date(2026, 11, 17), EASY, 44900),
        ]
        document: Any = stats(activities=history)
        assert document["ramp_pct"] == 12.3

    def test_negative_ramp_half_away_from_zero_and_no_negative_zero(self) -> None:
        history = [
            Activity(date(2026, 11, 10), EASY, 40000),
            Activity(date(2026, 11, 17), EASY, 35100),
        ]
        assert stats(activities=history)["ramp_pct"] == -12.3
        flat = [
            Activity(date(2026, 11, 10), EASY, 100000),
            Activity(date(2026, 11, 17), EASY, 99990),
        ]
        document: Any = stats(activities=flat)
        assert document["ramp_pct"] == 0.0
        assert json.dumps(document["ramp_pct"]) == "0.0"

    def test_acwr_half_up(self) -> None:
        # acute (Nov 18-24) 9 km; chronic (Oct 21 - Nov 17) 32 km / 4 = 8 km: 1.125.
        history = [
            Activity(date(2026, 11, 1), EASY, 32000),
            Activity(date(2026, 11, 20), EASY, 9000),
        ]
        assert stats(activities=history)["acwr"] == 1.13

    def test_spike_pct_half_up(self) -> None:
        # 11.225 km after a longest of 10 km: +12.25 %.
        history = [
            Activity(date(2026, 11, 10), EASY, 10000),
            Activity(date(2026, 11, 20), LONG, 11225),
        ]
        spikes: Any = stats(activities=history)["spikes"]
        assert spikes == [
            {"date": "2026-11-20", "distance_m": 11225, "longest_before_m": 10000, "pct": 12.3}
        ]


class TestLoadWindow:
    """``build_stats`` on the recent activities plus every activity day gives the same
    document as on the whole history (what the store hands over for ten years)."""

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(
            st.builds(
                Activity,
                st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
                st.sampled_from(list(ActivityKind)),
                st.integers(0, 40000),
            ),
            max_size=150,
        ),
        st.sampled_from(["monday", "sunday", "thursday"]),
        st.dates(min_value=date(2026, 6, 1), max_value=date(2027, 2, 1)),
        st.booleans(),
    )
    def test_same_document(
        self, history: list[Activity], week_start: str, today: date, checked_in: bool
    ) -> None:
        start = load_window_start(today, week_start)
        recent = [a for a in history if a.date >= start]
        first = min((a.date for a in history), default=None)
        whole = build_stats(history, set(), week_start, today, checked_in, 1, start=first)
        windowed = build_stats(
            recent,
            set(),
            week_start,
            today,
            checked_in,
            1,
            start=first,
            activity_dates={a.date for a in history},
        )
        assert windowed == whole

    def test_window_reaches_the_oldest_week_shown(self) -> None:
        assert load_window_start(TODAY, "monday") == date(2026, 8, 10)
        assert load_window_start(date(2026, 11, 23), "monday") == date(2026, 8, 10)
        assert load_window_start(date(2026, 11, 22), "sunday") == date(2026, 8, 9)

    def test_pendulum_dates_give_the_same_document(self) -> None:
        import pendulum

        history = [
            replace(a, date=pendulum.date(a.date.year, a.date.month, a.date.day))
            for a in fixed_history()
        ]
        document = build_stats(
            history,
            {pendulum.date(2026, 10, 26)},
            "monday",
            pendulum.date(2026, 11, 24),
            False,
            1,
            start=pendulum.date(2026, 10, 19),
            activity_dates={a.date for a in history},
        )
        assert document == stats(excused_starts={date(2026, 10, 26)})


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [
        (12.25, 1, 12.3),
        (-12.25, 1, -12.3),
        (1.125, 2, 1.13),
        (1.005, 2, 1.01),  # the float just below 1.005 is still 1.005 in metres
        (2.675, 2, 2.68),
        (166.66666666666666, 1, 166.7),
        (-0.04, 1, 0.0),
        (12.5, 0, 13.0),
        (13.043478260869565, 1, 13.0),
    ],
)
def test_round_half_up(value: float, digits: int, rounded: float) -> None:
    result = round_half_up(value, digits)
    assert result == rounded
    assert json.dumps(result) == json.dumps(rounded)


class TestStatusDays:
    dates = frozenset(a.date for a in fixed_history())

    def test_each_day_as_build_status_sees_it(self) -> None:
        checked = {date(2026, 11, 26)}
        days = build_status_days(
            self.dates, {date(2026, 11, 9)}, "monday", TODAY, 9, checked, start=START
        )
        assert [d["today"] for d in days] == [
            (TODAY + timedelta(days=i)).isoformat() for i in range(9)
        ]
        for offset, document in enumerate(days):
            day = TODAY + timedelta(days=offset)
            assert document == build_status(
                self.dates, {date(2026, 11, 9)}, "monday", day, day in checked, start=START
            )
        assert days[2]["checked_in"] is True
        assert days[6]["rest_streak"] != days[0]["rest_streak"]  # Nov 30: a new week done

    @given(
        st.frozensets(st.integers(0, 120), max_size=90),
        st.sampled_from(["monday", "sunday", "saturday"]),
        st.integers(0, 130),
        st.integers(1, 16),
        st.integers(0, 30),
    )
    @settings(max_examples=60, deadline=None)
    def test_any_run_of_days_matches_each_day_alone(
        self, offsets: frozenset[int], week_start: str, first: int, count: int, lead: int
    ) -> None:
        """The weeks read once for the last day serve every earlier day (a prefix)."""
        origin = date(2025, 1, 1)
        dates = frozenset(origin + timedelta(days=o) for o in offsets)
        start = origin + timedelta(days=lead)
        day0 = origin + timedelta(days=first)
        days = build_status_days(dates, (), week_start, day0, count, (), start=start)
        assert days == [
            build_status(dates, (), week_start, day0 + timedelta(days=i), False, start=start)
            for i in range(count)
        ]


@given(
    st.integers(-(10**9), 10**9),
    st.integers(1, 10**7),
    st.integers(0, 3),
)
def test_round_half_up_is_exact_decimal_rounding(
    numerator: int, denominator: int, digits: int
) -> None:
    """Against exact arithmetic on the shortest repr (what ``decimal`` would do)."""
    from decimal import ROUND_HALF_UP, Decimal

    value = numerator / denominator
    expected = float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))
    assert round_half_up(value, digits) == expected + 0.0
    assert str(round_half_up(value, digits)) != "-0.0"


def test_round_half_up_outside_plain_decimals() -> None:
    assert round_half_up(1e-05, 2) == 0.0
    assert round_half_up(-5e-05, 4) == -0.0001
    assert round_half_up(1e16, 1) == 1e16
