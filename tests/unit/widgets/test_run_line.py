"""The run line shows an imported run's heart rate (average/maximum)."""

from __future__ import annotations

from datetime import date

from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.widgets.run_list import run_line


def test_the_run_line_shows_heart_rate_when_the_file_gave_it() -> None:
    run = Activity(date(2012, 12, 26), ActivityKind.EASY, 4689, 1993, avg_hr=160, max_hr=189)
    assert run_line(run, "km").plain == "Easy 4.7 km · 33:13 · 7:05/km · HR 160/189"
    only_max = Activity(date(2012, 12, 26), ActivityKind.EASY, 4689, max_hr=189)
    assert "HR –/189" in run_line(only_max, "km").plain
    plain = Activity(date(2012, 12, 26), ActivityKind.EASY, 4689)
    assert "HR" not in run_line(plain, "km").plain
