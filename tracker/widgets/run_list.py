"""The runs of a day, one line each: ``enter`` edits the highlighted run, ``d`` deletes it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from tracker.domain.activity import Activity
from tracker.domain.units import format_distance, format_duration, format_pace
from tracker.widgets.fitted import Parts
from tracker.widgets.plain import plain


def run_line(activity: Activity, units: str) -> Parts:
    """``Workout 9.2 km · 44:10 · 4:48/km · HR 152/171 · RPE 7 · tempo`` (the note as typed).

    Heart rate is the average, then the maximum, when the run's file gave them. A
    narrow line drops parts from the end ("RPE 7" whole or not at all).
    """
    parts = [f"{activity.kind.label} {format_distance(activity.distance_m, units)}"]
    if activity.duration_s:
        parts.append(format_duration(activity.duration_s))
        parts.append(format_pace(activity.duration_s, activity.distance_m, units) or "")
    if activity.avg_hr or activity.max_hr:
        rates = [str(rate) if rate else "–" for rate in (activity.avg_hr, activity.max_hr)]
        parts.append(f"HR {'/'.join(rates)}")
    if activity.rpe:
        parts.append(f"RPE {activity.rpe}")
    return Parts.of([*parts, plain(activity.note or "", style="dim")])


class RunList(OptionList):
    """The day's runs; enter edits the highlighted one, d deletes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Edit run", tooltip="Edit the highlighted run"),
        Binding("d,delete", "screen.delete_run", "Delete", tooltip="Delete the highlighted run"),
    ]
