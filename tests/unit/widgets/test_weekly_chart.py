"""The weekly distance chart shows each week's own change, never marks of the week before."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from textual.app import App, ComposeResult

from tracker.widgets.weekly_chart import ChartData, WeeklyChart, change_label, week_changes

MON = date(2026, 8, 10)


def test_each_week_has_its_own_change_and_the_current_week_none() -> None:
    assert week_changes([10000, 8000, 12000, 12000, 0, 5000, 20000]) == [
        None,  # nothing before it
        -20.0,  # a week that dropped shows its fall
        50.0,
        0.0,
        -100.0,
        None,  # after a week of nothing: no ratio
        None,  # this week is not over
    ]


@pytest.mark.parametrize(
    ("pct", "width", "label"),
    [(-20.0, 3, "-20"), (12.5, 3, "+13"), (0.0, 4, "  +0"), (-100.0, 3, "↓↓↓"), (None, 3, "   ")],
)
def test_change_labels_fit_their_column(pct: float | None, width: int, label: str) -> None:
    assert change_label(pct, width) == label


class ChartApp(App[None]):
    def __init__(self, data: ChartData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        chart = WeeklyChart()
        chart.data = self.data
        chart.styles.height = 14
        yield chart


async def test_the_chart_writes_the_changes_and_a_legend_for_every_colour() -> None:
    metres = [30000, 24000, 36000, 38000, 20000]
    weeks = tuple((MON + timedelta(weeks=i), float(m)) for i, m in enumerate(metres))
    app = ChartApp(ChartData(weeks, "km", changes=True))
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        lines = str(app.query_one(WeeklyChart).render()).splitlines()
    changes = next(line for line in lines if line.lstrip().startswith("%"))
    assert changes.split()[1:] == ["-20", "+50", "+6"]
    legend = " ".join(line for line in lines if "■" in line)
    for words in ("up to +10% or down", "over +10%", "over +30%", "this week so far"):
        assert words in legend
    assert not any("╌" in line or "═" in line for line in lines)  # no marks of the week before


def test_every_style_is_named_in_the_stylesheet() -> None:
    from pathlib import Path

    styles: Any = (Path(__file__).parents[3] / "tracker" / "styles" / "stats.tcss").read_text()
    for name in ("bar", "current", "warn", "strong", "axis"):
        assert f".weekly-chart--{name}" in styles
