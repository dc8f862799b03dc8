"""The runs of a day, one line each: ``enter`` edits the highlighted run, ``d`` deletes it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from tracker.domain.activity import Activity
from tracker.domain.units import format_distance, format_duration, format_pace


def run_line(activity: Activity, units: str) -> Text:
    """``Workout 9.2 km · 44:10 · 4:48/km · HR 152/171 · RPE 7 · tempo`` (the note as typed).

    Heart rate is the average, then the maximum, when the run's file gave them.
    """
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{activity.kind.label} {format_distance(activity.distance_m, units)}")
    parts = []
    if activity.duration_s:
        parts.append(format_duration(activity.duration_s))
        pace = format_pace(activity.duration_s, activity.distance_m, units)
        if pace:
            parts.append(pace)
    if activity.avg_hr or activity.max_hr:
        rates = [str(rate) if rate else "–" for rate in (activity.avg_hr, activity.max_hr)]
        parts.append(f"HR {'/'.join(rates)}")
    if activity.rpe:
        parts.append(f"RPE {activity.rpe}")
    if parts:
        text.append(" · " + " · ".join(parts))
    if activity.note:
        text.append(f" · {activity.note}", style="dim")
    return text


class RunList(OptionList):
    """The day's runs; enter edits the highlighted one, d deletes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Edit run", tooltip="Edit the highlighted run"),
        Binding(
            "d,delete", "screen.delete_run", "Delete", tooltip="Delete the highlighted run"
        ),
    ]
