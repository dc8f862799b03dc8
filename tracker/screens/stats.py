"""The Stats screen: rest streaks and the warnings, weekly distance (each week's own
change) and weekly load over 16 weeks, last week's monotony and strain, ACWR, the
Hooper trend, "did it help?", a year of days, and four weeks of adherence.

The figures are the stats report ``recovtui stats`` prints and the rest of
:class:`tracker.services.insights.StatsPage`; the charts and panels only draw them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tracker.domain.clock import Clock
from tracker.domain.text import plural
from tracker.screens.base import RecovScreen
from tracker.services.bundle import Services
from tracker.services.insights import StatsPage
from tracker.services.reports import StatsReport
from tracker.widgets.acwr_gauge import AcwrData, AcwrGauge, acwr_detail, acwr_title
from tracker.widgets.adherence_view import AdherenceView
from tracker.widgets.heatmap import HeatmapData, YearHeatmap
from tracker.widgets.scroll_body import ScrollBody
from tracker.widgets.shown import show
from tracker.widgets.weekly_chart import ChartData, WeeklyChart
from tracker.widgets.wellness_view import HelpedView, LoadWeekView, wellness_line

WIDE = 96
"""Narrower than this, the panels of a row go one under the other."""
PANELS = {
    "#stats-chart": "",
    "#stats-load": "Weekly load (AU: RPE × minutes) · 16 weeks",
    "#stats-load-week": "Last week's load",
    "#stats-acwr": "Load ratio (ACWR)",
    "#stats-hooper": "Hooper trend · 4 best, 28 worst",
    "#stats-helped": "Did it help? · last 12 weeks",
    "#stats-heatmap": "The last year",
    "#stats-adherence": "Last 4 weeks",
}


class StatsScreen(RecovScreen):
    """See the module docstring."""

    STYLES = "stats"

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
        with ScrollBody(id="stats-scroll"):
            yield Static(id="stats-streak")
            yield WeeklyChart(id="stats-chart", classes="stats-panel")
            yield WeeklyChart(id="stats-load", classes="stats-panel")
            with Horizontal(classes="stats-row"):
                yield LoadWeekView(id="stats-load-week", classes="stats-panel")
                yield AcwrGauge(id="stats-acwr", classes="stats-panel")
            with Horizontal(classes="stats-row"):
                yield WeeklyChart(id="stats-hooper", classes="stats-panel")
                yield HelpedView(id="stats-helped", classes="stats-panel")
            with Horizontal(id="stats-main", classes="stats-row"):
                with Vertical(id="stats-left"):
                    yield YearHeatmap(id="stats-heatmap", classes="stats-panel")
                yield AdherenceView(id="stats-adherence", classes="stats-panel")

    def on_mount(self) -> None:
        for selector, title in PANELS.items():
            self.query_one(selector).border_title = title

    def sized(self) -> None:
        super().sized()
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
        chart.data = ChartData(report.weekly_distance, units, changes=True)
        chart.border_title = f"Weekly distance ({units}) · 16 weeks · each week's change"
        ramp = report.ramp_pct
        chart.border_subtitle = f"ramp last week {ramp:+.1f}%" if ramp is not None else "ramp: –"
        self._show_load_and_wellness(page)
        gauge = self.query_one("#stats-acwr", AcwrGauge)
        gauge.data = AcwrData(report.acwr, report.acute_m, report.chronic_m, units)
        gauge.border_title = f"Load ratio (ACWR) {acwr_title(gauge.data)}"
        gauge.border_subtitle = acwr_detail(gauge.data)
        self.query_one("#stats-heatmap", YearHeatmap).data = HeatmapData(
            page.marks, report.today, page.week_start
        )
        self.query_one("#stats-adherence", AdherenceView).show(page.recovery, page.nutrition)

    def _show_load_and_wellness(self, page: StatsPage) -> None:
        report = page.report
        load = self.query_one("#stats-load", WeeklyChart)
        load.data = ChartData(
            report.load.weekly_au, "AU", empty="No effort (RPE) and time logged in these weeks."
        )
        self.query_one("#stats-load-week", LoadWeekView).show(report.load)
        hooper = self.query_one("#stats-hooper", WeeklyChart)
        hooper.data = ChartData(
            tuple((start, value) for start, value, _days in page.hooper),
            "index",
            floor=4,
            empty="No check-in scored all four Hooper items yet (c on Today).",
        )
        today = report.wellness.hooper_today
        hooper.border_title = PANELS["#stats-hooper"] + (f" · today {today}" if today else "")
        hooper.border_subtitle = wellness_line(report.wellness)
        self.query_one("#stats-helped", HelpedView).show(page.helped)

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
            text.append(f"⚠ {warning.text}", style="bold" if warning.level == "strong" else "")
        if not report.warnings:
            text.append("\nNo load warnings.", style="dim")
        static = self.query_one("#stats-streak", Static)
        show(static, text)
        static.set_class(bool(report.warnings), "-attention")
