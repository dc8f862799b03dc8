"""FIT activity files (with fitdecode): one run per running session, dated in the runner's zone.

Duration is the moving time, else the timer time, else the elapsed time. A
session named by a structured workout is a workout unless its name says more.
"""

from __future__ import annotations

import io
import math
import warnings
from collections import Counter
from collections.abc import Mapping
from datetime import datetime

import fitdecode

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind, is_run_type
from tracker.domain.dates import utc_stamp
from tracker.domain.kinds import ActivityKind
from tracker.domain.units import MAX_DURATION_S
from tracker.formats.numbers import checked_distance, local_date, resolve_zone
from tracker.formats.problems import ImportProblem, ImportResult


def is_fit(head: bytes) -> bool:
    """Whether a file's first bytes are a FIT file header."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def parse_fit(data: bytes, name: str, tz: str) -> ImportResult:
    """One run per running session in a FIT activity file (usually exactly one).

    The file must decode cleanly (CRC checked): a truncated or damaged file is
    rejected whole, even if its session came before the damage.
    """
    resolve_zone(name, tz)
    sessions: list[dict[str, object]] = []
    workout_name = ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.IGNORE,
            )
            with reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    if frame.name == "session":
                        values: dict[str, object] = {}
                        for fit_field in frame.fields:
                            values.setdefault(str(fit_field.name), fit_field.value)
                        sessions.append(values)
                    elif frame.name == "workout" and frame.has_field("wkt_name"):
                        workout_name = str(frame.get_value("wkt_name") or "")
    except Exception as exc:
        message = str(exc) or type(exc).__name__
        raise ImportProblem(name, f"not a valid FIT file: {message}") from None
    if not sessions:
        raise ImportProblem(name, "no activity session in this FIT file")
    activities: list[Activity] = []
    skipped: Counter[str] = Counter()
    for number, session in enumerate(sessions, start=1):
        try:
            outcome = fit_session_to_activity(session, tz, workout_name=workout_name)
        except ValueError as exc:
            raise ImportProblem(name, str(exc), row=number, unit="session") from None
        if isinstance(outcome, str):
            skipped[outcome] += 1
        else:
            activities.append(outcome)
    return ImportResult("fit", activities, dict(skipped))


def fit_session_to_activity(
    session: Mapping[str, object], tz: str, *, workout_name: str = ""
) -> Activity | str:
    """The run a decoded FIT ``session`` message describes, or why it is skipped.

    Raises ``ValueError`` naming the field when the session cannot be a run.
    """
    sport = session.get("sport")
    if sport is None or not is_run_type(str(sport)):
        return f"not a run: {sport if sport is not None else 'unknown sport'}"
    start = session.get("start_time")
    if not isinstance(start, datetime):
        raise ValueError(f"field 'start_time': not a date and time: {start!r}")
    distance = session.get("total_distance")
    if distance is None:
        distance_m = 0
    elif isinstance(distance, int | float) and math.isfinite(distance):
        try:
            distance_m = checked_distance(float(distance))
        except ValueError as exc:
            raise ValueError(f"field 'total_distance': {exc}") from None
    else:
        raise ValueError(f"field 'total_distance': not a number: {distance!r}")
    duration_s: int | None = None
    for key in ("total_moving_time", "total_timer_time", "total_elapsed_time"):
        value = session.get(key)
        if isinstance(value, int | float) and math.isfinite(value) and value > 0:
            if value > MAX_DURATION_S:
                raise ValueError(f"field {key!r}: absurd duration: {value:g} s")
            duration_s = round(value)
            break
    try:
        day = local_date(start, tz)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"field 'start_time': {exc}") from None
    kind = guess_kind(workout_name, distance_m)
    if workout_name and kind is ActivityKind.EASY:
        kind = ActivityKind.WORKOUT
    return Activity(
        date=day,
        kind=kind,
        distance_m=distance_m,
        duration_s=duration_s,
        note=workout_name,
        source="import:fit",
        source_id=f"track:{utc_stamp(start)}",
    )
