"""The Stats screen: rest streaks, weekly distance and ramp, ACWR, a year of days,
and four weeks of recovery and nutrition adherence (DESIGN §4, §7).

The figures come from the same ``stats --json`` document as ``recovtui stats``;
the chart, gauge and heatmap only draw them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tracker.data.reports import stats_report
from tracker.domain.adherence import adherence_window, nutrition_adherence, recovery_adherence
from tracker.domain.load import acute_chronic, daily_distance
from tracker.domain.stats import plain_date
from tracker.domain.streaks import day_marks
from tracker.screens.base import RecovScreen
from tracker.widgets.acwr_gauge import AcwrData, AcwrGauge, acwr_detail, acwr_title
from tracker.widgets.adherence_view import AdherenceView
from tracker.widgets.heatmap import HeatmapData, YearHeatmap, heatmap_start
from tracker.widgets.weekly_chart import ChartData, WeeklyChart

WIDE = 96
"""Narrower than this, the adherence panel goes below the charts instead of beside them."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class StatsScreen(RecovScreen):
    """See the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh", "Refresh", tooltip="Read the figures again"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="stats-scroll"):
            yield Static(id="stats-streak")
            with Horizontal(id="stats-main"):
                with Vertical(id="stats-left"):
                    yield WeeklyChart(id="stats-chart")
                    yield AcwrGauge(id="stats-acwr")
                    yield YearHeatmap(id="stats-heatmap")
                yield AdherenceView(id="stats-adherence")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#stats-acwr").border_title = "Load ratio (ACWR)"
        self.query_one("#stats-heatmap").border_title = "The last year"
        self.query_one("#stats-adherence").border_title = "Last 4 weeks"

    def on_resize(self) -> None:
        super().on_resize()
        self.set_class(self.size.width < WIDE, "-narrow")

    def action_refresh(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        if not self.is_mounted:
            return
        store, today = self.store, plain_date(self.today)
        settings = store.settings()
        units = settings.units
        document = stats_report(store, today)
        self._show_streak(document, units)
        self.query_one("#stats-chart", WeeklyChart).data = ChartData(
            tuple(
                (date.fromisoformat(row["week_start"]), row["distance_m"])
                for row in document["weekly_distance"]
            ),
            units,
        )
        chart = self.query_one("#stats-chart", WeeklyChart)
        chart.border_title = f"Weekly distance ({units}) · 16 weeks"
        self._show_ramp(document)
        recent = store.activities_between(today - timedelta(days=34), today)
        acute, chronic_total = acute_chronic(daily_distance(recent), today)
        ratio = document["acwr"]
        gauge = self.query_one("#stats-acwr", AcwrGauge)
        gauge.data = AcwrData(
            ratio if isinstance(ratio, float) else None, acute, chronic_total / 4, units
        )
        gauge.border_title = f"Load ratio (ACWR) {acwr_title(gauge.data)}"
        gauge.border_subtitle = acwr_detail(gauge.data)
        checked_in = store.is_checked_in(today)
        first_day = store.first_day()
        start = heatmap_start(today, settings.week_start)
        if first_day is not None:
            start = max(start, plain_date(first_day))
        year = store.activities_between(start, today)
        self.query_one("#stats-heatmap", YearHeatmap).data = HeatmapData(
            day_marks(
                year, store.excused_weeks().keys(), settings.week_start, start, today, checked_in
            )
            if first_day is not None
            else {},
            today,
            settings.week_start,
        )
        window = adherence_window(today, checked_in, first_day)
        view = self.query_one("#stats-adherence", AdherenceView)
        if window is None:
            view.show(None, None)
        else:
            view.show(
                recovery_adherence(store.sessions_between(window.first, window.last), window),
                nutrition_adherence(
                    store.nutrition_items(include_archived=True),
                    store.nutrition_checks(window.first, window.last),
                    window,
                ),
            )

    def _show_streak(self, document: dict[str, Any], units: str) -> None:
        streak = document["rest_streak"]
        week = document["this_week"]
        since = document["days_since_rest"]
        text = Text()
        text.append(f"Rest streak {_plural(streak['current_weeks'], 'week')}", style="bold")
        text.append(f" (best {streak['best_weeks']})")
        text.append(" · rested today" if since == 0 else f" · {_plural(since, 'day')} since rest")
        text.append(
            f" · this week {_plural(week['rest_days_taken'], 'rest day')} taken,"
            f" {week['rest_days_planned']} planned"
        )
        warnings = document["warnings"]
        for warning in warnings:
            text.append("\n")
            text.append(
                f"⚠ {warning['message']}",
                style="bold" if warning["level"] == "strong" else "",
            )
        if not warnings:
            text.append("\nNo load warnings.", style="dim")
        static = self.query_one("#stats-streak", Static)
        static.update(text)
        static.set_class(bool(warnings), "-attention")

    def _show_ramp(self, document: dict[str, Any]) -> None:
        ramp = document["ramp_pct"]
        chart = self.query_one("#stats-chart", WeeklyChart)
        chart.border_subtitle = (
            f"ramp last week {ramp:+.1f}%" if isinstance(ramp, float) else "ramp: –"
        )
