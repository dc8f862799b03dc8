"""TCX files (Garmin's Training Center XML), read with the standard library: one run per activity.

Read in one streaming pass (``iterparse``), each trackpoint dropped once
counted, after :func:`~tracker.formats.limits.check_xml` has walked the file,
so memory does not follow the file's size. An activity whose ``Sport`` is
``Running`` is a run; any other sport is skipped and counted. Distance and
duration are the laps' totals (their ``DistanceMeters`` and
``TotalTimeSeconds``), falling back to the trackpoints; heart rate is the
laps' averages weighted by their time, and their highest maximum, else the
trackpoints'.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final
from xml.etree import ElementTree

from tracker.domain.activity import Activity
from tracker.formats.limits import check_xml
from tracker.formats.numbers import (
    checked_distance,
    checked_duration,
    local_date,
    parse_iso_moment,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.tracks import track_run

RECORDS: Final = frozenset({"Activity", "Lap", "Trackpoint"})


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


@dataclass
class _Activity:
    """What one ``<Activity>`` holds, summed as its laps and trackpoints go by."""

    sport: str
    start: datetime | None = None
    notes: str = ""
    laps_s: float = 0.0
    laps_m: float = 0.0
    lap_hr_weighted: float = 0.0
    lap_hr_s: float = 0.0
    lap_max_hr: int | None = None
    first_point: datetime | None = None
    last_point: datetime | None = None
    point_m: float = 0.0
    point_hr: list[int] = field(default_factory=list)

    def lap(self, lap: ElementTree.Element) -> None:
        values = {_local(child.tag): child for child in lap}
        seconds = _number(getattr(values.get("TotalTimeSeconds"), "text", None)) or 0.0
        self.laps_s += seconds
        self.laps_m += _number(getattr(values.get("DistanceMeters"), "text", None)) or 0.0
        if self.start is None and (stamp := lap.get("StartTime")):
            self.start = parse_iso_moment(stamp)
        average = plausible_heart_rate(_value(values.get("AverageHeartRateBpm")))
        if average is not None and seconds > 0:
            self.lap_hr_weighted += average * seconds
            self.lap_hr_s += seconds
        highest = plausible_heart_rate(_value(values.get("MaximumHeartRateBpm")))
        if highest is not None:
            self.lap_max_hr = max(highest, self.lap_max_hr or 0)

    def point(self, point: ElementTree.Element) -> None:
        for child in point:
            tag = _local(child.tag)
            if tag == "Time" and child.text:
                moment = parse_iso_moment(child.text)
                self.first_point = self.first_point or moment
                self.last_point = moment
            elif tag == "DistanceMeters":
                self.point_m = max(self.point_m, _number(child.text) or 0.0)
            elif tag == "HeartRateBpm" and (hr := plausible_heart_rate(_value(child))):
                self.point_hr.append(hr)


def _value(element: ElementTree.Element | None) -> str | None:
    """The text of ``<Value>`` inside a heart-rate element."""
    if element is None:
        return None
    for child in element:
        if _local(child.tag) == "Value":
            return child.text
    return None


def parse_tcx(data: bytes, name: str, tz: str) -> ImportResult:
    """One run per running ``<Activity>`` of a TCX file; other sports skipped and counted."""
    resolve_zone(name, tz)
    check_xml(data, name, RECORDS)
    found: list[_Activity] = []
    current: _Activity | None = None
    parents: list[ElementTree.Element] = []
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                parents.append(element)
                if tag == "Activity":
                    current = _Activity(sport=(element.get("Sport") or "").strip())
                continue
            parents.pop()
            if current is None:
                continue
            parent = _local(parents[-1].tag) if parents else ""
            if tag == "Trackpoint":
                current.point(element)
                element.clear()
                if parents:
                    parents[-1].remove(element)
            elif tag == "Lap":
                current.lap(element)
                element.clear()
            elif tag == "Id" and parent == "Activity" and element.text:
                current.start = parse_iso_moment(element.text)
            elif tag == "Notes" and parent == "Activity" and element.text:
                current.notes = " ".join(element.text.split())
            elif tag == "Activity":
                found.append(current)
                current = None
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else None
        message = str(exc).split(":")[0]
        raise ImportProblem(name, f"not valid TCX: {message}", row=line, unit="line") from None
    except ValueError as exc:
        raise ImportProblem(name, str(exc)) from None
    if not found:
        raise ImportProblem(name, "no activity in this TCX file (a course or a workout plan?)")
    activities: list[Activity] = []
    skipped: Counter[str] = Counter()
    for number, activity in enumerate(found, start=1):
        if activity.sport.casefold() != "running":
            skipped[f"not a run: {activity.sport or 'unknown sport'}"] += 1
            continue
        try:
            activities.append(_to_activity(activity, tz))
        except ValueError as exc:
            raise ImportProblem(name, str(exc), row=number, unit="activity") from None
    return ImportResult("tcx", activities, dict(skipped))


def _to_activity(found: _Activity, tz: str) -> Activity:
    start = found.start or found.first_point
    if start is None:
        raise ValueError("no start time: cannot tell the day of the run")
    metres = found.laps_m or found.point_m
    seconds = found.laps_s
    if not seconds and found.first_point and found.last_point:
        seconds = (found.last_point - found.first_point).total_seconds()
    distance_m = checked_distance(metres)
    duration_s = checked_duration(round(seconds) if seconds > 0 else None)
    if found.lap_hr_s:
        avg_hr: int | None = round(found.lap_hr_weighted / found.lap_hr_s)
    elif found.point_hr:
        avg_hr = round(sum(found.point_hr) / len(found.point_hr))
    else:
        avg_hr = None
    max_hr = found.lap_max_hr or (max(found.point_hr) if found.point_hr else None)
    return track_run(
        "tcx",
        day=local_date(start, tz),
        start=start,
        distance_m=distance_m,
        duration_s=duration_s,
        note=found.notes,
        avg_hr=avg_hr,
        max_hr=max_hr,
    )
