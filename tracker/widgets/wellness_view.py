"""Stats panels in words: last week's load with what monotony and strain mean, the
wellness means, and "did it help?" (next-morning soreness with and without each
recovery item, observational and hidden below 5 days a side)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from tracker.domain.recovery import checklist_label
from tracker.domain.stats import LoadFigures, round_half_up, whole
from tracker.domain.text import plural, terminal_text
from tracker.domain.wellness import HELPED_MIN_DAYS, Comparison, WellnessSummary
from tracker.widgets.parts import drawn_parts, part
from tracker.widgets.shown import show

NAME_WIDTH = 13
MONOTONY_MEANS = "how alike the 7 days were: mean ÷ spread"
STRAIN_MEANS = "load × monotony: high when no day is easy"


def _one(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{round_half_up(value, digits):.{digits}f}"


@drawn_parts("figure", "dim")
class LoadWeekView(Static):
    """Last week's load, monotony and strain, a line of meaning under each."""

    def show(self, load: LoadFigures) -> None:
        figure, dim = part(self, "figure"), part(self, "dim")
        text = Text()
        text.append(f"{whole(load.last_week_au)} AU", style=figure)
        text.append(" in the last completed week\n")
        text.append("Monotony ", style=figure)
        text.append(_one(load.monotony, 2), style=figure)
        text.append(f"\n  {MONOTONY_MEANS}\n", style=dim)
        text.append("Strain ", style=figure)
        text.append("–" if load.strain is None else str(whole(load.strain)), style=figure)
        text.append(f"\n  {STRAIN_MEANS}", style=dim)
        if load.without_load:
            text.append(
                f"\n{load.without_load} of {plural(load.activities, 'activity', 'activities')}"
                " in 16 weeks lack RPE or time: no load",
                style=dim,
            )
        show(self, text)


def wellness_line(summary: WellnessSummary) -> str:
    """``7-day 13.4 · 28-day 12.1 · sleep 7.3 h``: the means of the days with a value."""
    return (
        f"7-day {_one(summary.hooper_mean_7d)} · 28-day {_one(summary.hooper_mean_28d)}"
        f" · sleep {_one(summary.sleep_h_mean_7d)} h"
    )


@drawn_parts("title", "dim")
class HelpedView(Static):
    """Mean next-morning soreness (1 best … 7 worst) after days with and without each
    item, with the days behind each mean."""

    def show(self, comparisons: Sequence[Comparison]) -> None:
        dim, title = part(self, "dim"), part(self, "title")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("Soreness the next morning, 1 best … 7 worst\n", style=dim)
        shown = [c for c in comparisons if c.shown]
        if not shown:
            text.append(
                f"Needs {HELPED_MIN_DAYS} days with an item and {HELPED_MIN_DAYS} without,\n"
                "each followed by a check-in with soreness.\n",
                style=dim,
            )
        else:
            text.append(f"{'':<{NAME_WIDTH}} {'with':<13}without\n", style=title)
        for comparison in shown:
            name = terminal_text(checklist_label(comparison.key))
            name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
            text.append(f"{name:<{NAME_WIDTH}} ")
            text.append(f"{_one(comparison.with_mean):>3}", style=title)
            text.append(f" ({comparison.with_days:>2} d)   ", style=dim)
            text.append(f"{_one(comparison.without_mean):>3}", style=title)
            text.append(f" ({comparison.without_days:>2} d)\n", style=dim)
        hidden = len(comparisons) - len(shown)
        if shown and hidden:
            text.append(
                f"{plural(hidden, 'more item')}: under {HELPED_MIN_DAYS} days a side\n", style=dim
            )
        text.append(
            "\nObservational: it shows what went together,\nnot what caused what.", style=dim
        )
        show(self, text)
