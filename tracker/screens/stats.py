"""The Stats screen: rest streaks, weekly distance and ramp, ACWR, a year of days,
and four weeks of recovery and nutrition adherence.

The figures are the stats report ``recovtui stats`` prints
(:class:`tracker.services.insights.StatsPage`); the chart, gauge and heatmap
only draw them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tracker.domain.clock import Clock
from tracker.domain.text import plural
from tracker.screens.base import RecovScreen
from tracker.services.bundle import Services
from tracker.services.reports import StatsReport
from tracker.widgets.acwr_gauge import AcwrData, AcwrGauge, acwr_detail, acwr_title
from tracker.widgets.adherence_view import AdherenceView
from tracker.widgets.heatmap import HeatmapData, YearHeatmap
from tracker.widgets.weekly_chart import ChartData, WeeklyChart

WIDE = 96
"""Narrower than this, the adherence panel goes below the charts instead of beside them."""


class StatsScreen(RecovScreen):
    """See the module docstring."""

    MODE = "stats"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "refresh",
            "Refresh",
            tooltip="Read the figures again (after another recovtui wrote)",
        ),
    ]

    def __init__(self, services: Services, clock: Clock) -> None:
        super().__init__(clock)
        self.stats = services.stats

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
        today = self.today
        page = self.stats.page(today)
        report, units = page.report, page.units
        self._show_streak(report)
        chart = self.query_one("#stats-chart", WeeklyChart)
        chart.data = ChartData(report.weekly_distance, units)
        chart.border_title = f"Weekly distance ({units}) · 16 weeks"
        ramp = report.ramp_pct
        chart.border_subtitle = f"ramp last week {ramp:+.1f}%" if ramp is not None else "ramp: –"
        gauge = self.query_one("#stats-acwr", AcwrGauge)
        gauge.data = AcwrData(report.acwr, report.acute_m, report.chronic_m, units)
        gauge.border_title = f"Load ratio (ACWR) {acwr_title(gauge.data)}"
        gauge.border_subtitle = acwr_detail(gauge.data)
        self.query_one("#stats-heatmap", YearHeatmap).data = HeatmapData(
            page.marks, report.today, page.week_start
        )
        self.query_one("#stats-adherence", AdherenceView).show(page.recovery, page.nutrition)

    def _show_streak(self, report: StatsReport) -> None:
        streak, week, since = report.rest_streak, report.this_week, report.days_since_rest
        text = Text()
        text.append(f"Rest streak {plural(streak.current_weeks, 'week')}", style="bold")
        text.append(f" (best {streak.best_weeks})")
        if since == 0:
            text.append(" · rested today")
        elif since is not None:
            text.append(f" · {plural(since, 'day')} since rest")
        text.append(
            f" · this week {plural(week.rest_days_taken, 'rest day')} taken,"
            f" {week.rest_days_planned} planned"
        )
        for warning in report.warnings:
            text.append("\n")
            text.append(f"⚠ {warning.message}", style="bold" if warning.level == "strong" else "")
        if not report.warnings:
            text.append("\nNo load warnings.", style="dim")
        static = self.query_one("#stats-streak", Static)
        static.update(text)
        static.set_class(bool(report.warnings), "-attention")
