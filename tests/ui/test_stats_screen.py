"""The Stats screen, the streak on Today, the ramp and the rule's advice on Week."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pendulum
import pytest

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, shown
from tracker.data.status_cache import read_status
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.streaks import DayMark
from tracker.screens.stats import StatsScreen
from tracker.services.reports import stats_report, status_report
from tracker.services.status_summary import attach_summary
from tracker.widgets.acwr_gauge import AcwrGauge
from tracker.widgets.adherence_view import AdherenceView
from tracker.widgets.heatmap import YearHeatmap
from tracker.widgets.weekly_chart import WeeklyChart

SIZE = (100, 32)
MON = date(2026, 11, 23)


async def test_one_streak_on_today_and_stats_which_shows_the_stats_document(
    demo_store: Store, clock: FakeClock
) -> None:
    """A new user with the demo data sees one streak, wherever they look (status too)."""
    streak = status_report(demo_store, TODAY).rest_streak
    report = stats_report(demo_store, TODAY)
    assert streak == report.rest_streak
    weeks, best = streak.current_weeks, streak.best_weeks
    assert weeks > 0
    app = make_app(demo_store, clock, start_mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        today = shown(pilot, "#load-summary")
        assert f"Streak  {weeks} weeks keeping the rule (best {best})" in today
        await pilot.press("4")
        await pilot.pause()
        assert f"Rest streak {weeks} weeks (best {best})" in shown(pilot, "#stats-streak")

        screen = current(pilot, StatsScreen)
        chart = screen.query_one(WeeklyChart)
        assert chart.data.weeks == report.weekly_distance
        assert report.ramp_pct is not None and report.acwr is not None
        assert chart.border_subtitle == f"ramp last week {report.ramp_pct:+.1f}%"
        gauge = screen.query_one(AcwrGauge)
        assert gauge.data.ratio == report.acwr
        assert f"Load ratio (ACWR) {report.acwr:.2f}" in str(gauge.border_title)
        since = report.days_since_rest
        assert f"{since} days since rest" in shown(pilot, "#stats-streak")
        heatmap = screen.query_one(YearHeatmap)
        marks = heatmap.data.marks
        excused = demo_store.excused_weeks()
        assert excused and all(marks[start] is DayMark.EXCUSED for start in excused)
        assert TODAY not in marks  # not checked in, nothing logged yet
        assert marks[MON] is DayMark.REST
        adherence = shown(pilot, "#stats-adherence")
        assert "Any recovery work" in adherence and "Protein" in adherence
        assert "28 Oct – 24 Nov (28 days)" in adherence


async def test_a_new_runner_then_runs_refreshed_and_midnight(
    store: Store, clock: FakeClock
) -> None:
    app = make_app(store, clock, start_mode="stats")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Rest streak 0 weeks (best 0)" in shown(pilot, "#stats-streak")
        assert "No runs in these weeks yet." in shown(pilot, "#stats-chart")
        assert "Nothing logged yet" in shown(pilot, "#stats-adherence")
        assert current(pilot, StatsScreen).query_one(YearHeatmap).data.marks == {}
        assert current(pilot, StatsScreen).query_one(AcwrGauge).data.ratio is None

        store.record_created_on(TODAY - timedelta(days=10))  # a rest day, then nine runs
        for offset in range(1, 10):
            store.add_activity(Activity(TODAY - timedelta(days=offset), ActivityKind.EASY, 5000))
        await pilot.press("ctrl+r")
        assert "10 days since rest" in shown(pilot, "#stats-streak")
        assert "⚠ 10 days since your last rest day" in shown(pilot, "#stats-streak")
        store.add_activity(Activity(TODAY, ActivityKind.LONG, 30000))
        await pilot.press("ctrl+r")
        assert current(pilot, StatsScreen).query_one(WeeklyChart).data.weeks[-1][1] == 40000
        assert "30.0 km run, 500% over" in shown(pilot, "#stats-streak")
        clock.set(pendulum.datetime(2026, 11, 26, 0, 0, 30, tz="UTC"))
        pilot.app.check_day()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "11 days since rest" in shown(pilot, "#stats-streak")


async def test_other_sizes(demo_store: Store, clock: FakeClock) -> None:
    """Each size in turn, by resizing one app (as a terminal resized would)."""
    app = make_app(demo_store, clock, start_mode="stats")
    async with app.run_test(size=SIZE) as pilot:
        for size in [(80, 24), (60, 20), (140, 45)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.size == size
            screen = current(pilot, StatsScreen)
            chart = screen.query_one(WeeklyChart)
            lines = str(chart.render()).splitlines()
            assert all(len(line) <= chart.content_size.width for line in lines), size
            heatmap = screen.query_one(YearHeatmap)
            assert all(
                len(line) <= heatmap.content_size.width
                for line in str(heatmap.render()).splitlines()
            ), size
            adherence = str(screen.query_one(AdherenceView).render())
            assert "Any recovery work" in adherence and "Every item ticked" in adherence


async def test_summary_refreshed_a_moment_after_a_write(
    demo_store: Store, clock: FakeClock, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracker.app

    monkeypatch.setattr(tracker.app, "SUMMARY_DELAY_S", 0.001)
    attach_summary(demo_store, db_path, clock.today)
    app = make_app(demo_store, clock, start_mode="week")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert read_status(db_path, TODAY) is None
        demo_store.check_in(TODAY)
        await pilot.pause()
        await pilot.pause()
        entry = read_status(db_path, TODAY)
        assert entry is not None
        assert entry.document == status_report(demo_store, TODAY).to_json()
        assert entry.document["checked_in"] is True


# The Week header's ramp and advice: tests/unit/services/test_planning_changes.py


async def test_load_summary_keeps_to_three_warnings(store: Store, clock: FakeClock) -> None:
    """Ten days without rest, a steep ramp and spiking runs: more warnings than fit."""
    store.record_created_on(TODAY - timedelta(days=11))
    for offset, metres in enumerate([5000] * 7 + [6000, 8000, 12000], start=1):
        store.add_activity(Activity(TODAY - timedelta(days=11 - offset), ActivityKind.EASY, metres))
    warnings = stats_report(store, TODAY).warnings
    assert len(warnings) == 5  # spikes, the ramp, no rest (the ACWR warns of nothing)
    app = make_app(store, clock, start_mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(pilot, "#load-summary")
        assert [line for line in text.splitlines() if line.startswith("⚠")] == [
            f"⚠ {w.message}" for w in warnings[:3]
        ]
        assert warnings[0].code == "spike"  # the headline, with what the study found
        assert f"\n  {warnings[0].evidence}\n" in text
        assert "Cap     tomorrow ≤ 13.2 km" in text  # 1.10 × the 12 km of yesterday
        assert "+2 more on Stats (4)" in text
