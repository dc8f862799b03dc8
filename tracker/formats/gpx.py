"""GPX tracks (with gpxpy): one run per file, dated by its first point in the runner's zone.

Distance is gpxpy's 2-D length (horizontal, as Strava and Garmin report it;
3-D adds GPS elevation noise); duration is the moving time.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tracker.domain.classify import is_run_type, non_run_in_name
from tracker.formats.limits import check_xml
from tracker.formats.numbers import (
    checked_distance,
    checked_duration,
    local_date,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.tracks import track_run

if TYPE_CHECKING:
    import gpxpy.gpx

_STRAVA_GPX_RUN = "9"


def _xml_text(data: bytes, name: str) -> str:
    declared = re.search(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""", data[:200])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*encodings, "utf-8-sig"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportProblem(name, "GPX text is not valid UTF-8")


def _heart_rate(gpx: gpxpy.gpx.GPX) -> tuple[int | None, int | None]:
    """Mean and highest of the points' ``<hr>`` extensions (Garmin's TrackPointExtension)."""
    rates: list[int] = []
    for _track, _segment, point in _points(gpx):
        for extension in point.extensions:
            for element in extension.iter():
                local = str(element.tag).rpartition("}")[2].casefold()
                rate = plausible_heart_rate(element.text)
                if local in ("hr", "heartrate") and rate is not None:
                    rates.append(rate)
    if not rates:
        return None, None
    return round(sum(rates) / len(rates)), max(rates)


def _points(gpx: gpxpy.gpx.GPX) -> Iterator[tuple[object, object, gpxpy.gpx.GPXTrackPoint]]:
    for track in gpx.tracks:
        for segment in track.segments:
            for point in segment.points:
                yield track, segment, point


def parse_gpx(data: bytes, name: str, tz: str) -> ImportResult:
    """One run from a GPX file: all its tracks summed, dated by the first point.

    Distance is gpxpy's 2-D length; duration is gpxpy's moving time (falling
    back to first-to-last point). The activity type comes from the first
    ``<type>`` in a track (Strava writes ``9`` for Run); without one, the file
    is a run unless its name says ride/swim/walk/hike.
    """
    import gpxpy  # only when a GPX file is read: a CSV import never pays for it

    resolve_zone(name, tz)
    check_xml(data, name)  # before gpxpy builds (and copies) a tree of it
    text = _xml_text(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gpx = gpxpy.parse(text)
    except Exception as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        line = re.search(r"line (\d+)", message)
        message = re.sub(r":? *line \d+, column \d+", "", message)
        raise ImportProblem(
            name,
            f"not valid GPX: {message}",
            row=int(line.group(1)) if line else None,
            unit="line",
        ) from None
    title = next((t.name for t in gpx.tracks if t.name), None) or gpx.name or ""
    title = " ".join(str(title).split())
    track_type = next((str(t.type).strip() for t in gpx.tracks if t.type), "")
    if track_type:
        if track_type != _STRAVA_GPX_RUN and not is_run_type(track_type):
            label = f"Strava type {track_type}" if track_type.isdigit() else track_type
            return ImportResult("gpx", [], {f"not a run: {label}": 1})
    elif sport := non_run_in_name(title):
        return ImportResult("gpx", [], {f"not a run: {sport}": 1})
    if gpx.get_track_points_no() == 0:
        raise ImportProblem(name, "no track points (a route or waypoints only?)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bounds = gpx.get_time_bounds()
            start = bounds.start_time or gpx.time
            if start is None:
                raise ImportProblem(name, "no timestamps: cannot tell the day of the run")
            distance = gpx.length_2d()
            avg_hr, max_hr = _heart_rate(gpx)
            moving = gpx.get_moving_data()
            duration = moving.moving_time if moving and moving.moving_time > 0 else None
            if duration is None and bounds.start_time and bounds.end_time:
                duration = (bounds.end_time - bounds.start_time).total_seconds()
    except ImportProblem:
        raise
    except Exception as exc:
        raise ImportProblem(name, f"not usable GPX: {type(exc).__name__}: {exc}") from None
    try:
        distance_m = checked_distance(float(distance or 0.0))
        duration_s = checked_duration(round(duration) if duration and duration > 0 else None)
        day = local_date(start, tz)
    except (ValueError, OverflowError) as exc:
        raise ImportProblem(name, str(exc)) from None
    activity = track_run(
        "gpx",
        day=day,
        start=start,
        distance_m=distance_m,
        duration_s=duration_s,
        note=title,
        avg_hr=avg_hr,
        max_hr=max_hr,
    )
    return ImportResult("gpx", [activity], {})
