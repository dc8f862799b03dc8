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
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Final

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind, is_run_type
from tracker.domain.kinds import ActivityKind
from tracker.domain.units import MAX_DURATION_S
from tracker.formats.limits import MAX_RECORDS
from tracker.formats.numbers import (
    checked_distance,
    local_date,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.problems import ImportProblem, ImportResult, LimitExceeded, join_notes
from tracker.formats.tracks import track_run

if TYPE_CHECKING:
    import fitdecode

TRUNCATED: Final = "truncated"


def is_fit(head: bytes) -> bool:
    """Whether a file's first bytes are a FIT file header."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


@dataclass
class _Records:
    """What the ``record`` messages say, for a file cut before its summary and for heart rate."""

    first: datetime | None = None
    last: datetime | None = None
    distance_m: float = 0.0
    heart_rates: list[int] = field(default_factory=list)

    def add(self, frame: fitdecode.FitDataMessage) -> None:
        moment = _field(frame, "timestamp")
        if isinstance(moment, datetime):
            # a recording that crashed writes garbage after the break: keep the plausible
            if self.first is None:
                self.first = moment
            elif moment < self.first or (moment - self.first).total_seconds() > MAX_DURATION_S:
                return
            self.last = max(moment, self.last or moment)
        distance = _field(frame, "distance")
        if isinstance(distance, int | float) and math.isfinite(distance):
            self.distance_m = max(self.distance_m, float(distance))
        if (rate := plausible_heart_rate(_field(frame, "heart_rate"))) is not None:
            self.heart_rates.append(rate)

    def summary(self, sport: object) -> dict[str, object] | None:
        """A session made of the records, when they hold a start and an end."""
        if self.first is None or self.last is None or self.last <= self.first:
            return None
        seconds = (self.last - self.first).total_seconds()
        return {
            "sport": sport if sport is not None else "running",
            "start_time": self.first,
            "total_distance": self.distance_m,
            "total_elapsed_time": seconds,
        }


def _field(frame: fitdecode.FitDataMessage, name: str) -> object:
    return frame.get_value(name) if frame.has_field(name) else None


def parse_fit(data: bytes, name: str, tz: str) -> ImportResult:
    """One run per running session in a FIT activity file (usually exactly one).

    A file cut short or damaged (a crashed recording) imports what was read
    before the break: its sessions, else one made of its records (start, end,
    distance), noted "truncated". A file with nothing usable before the break
    is rejected with the decoder's reason. At most
    :data:`~tracker.formats.limits.MAX_RECORDS` messages are read.
    """
    import fitdecode  # only when a FIT file is read: a CSV import never pays for it

    resolve_zone(name, tz)
    sessions: list[dict[str, object]] = []
    workout_name = ""
    sport: object = None
    records = _Records()
    broken: str | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.IGNORE,
            )
            with reader:
                for count, frame in enumerate(reader):
                    if count > MAX_RECORDS:
                        raise LimitExceeded(name, f"more than {MAX_RECORDS:,} records")
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    if frame.name == "record":
                        records.add(frame)
                    elif frame.name == "session":
                        values: dict[str, object] = {}
                        for fit_field in frame.fields:
                            values.setdefault(str(fit_field.name), fit_field.value)
                        sessions.append(values)
                    elif frame.name == "sport" and sport is None:
                        sport = _field(frame, "sport")
                    elif frame.name == "workout" and frame.has_field("wkt_name"):
                        workout_name = str(frame.get_value("wkt_name") or "")
    except ImportProblem:
        raise
    except Exception as exc:
        broken = str(exc) or type(exc).__name__
    if broken is not None and not sessions:
        made = records.summary(sport)
        if made is None:
            raise ImportProblem(name, f"not a valid FIT file: {broken}")
        sessions.append(made)
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
            continue
        if outcome.avg_hr is None and records.heart_rates and len(sessions) == 1:
            rates = records.heart_rates
            outcome = replace(outcome, avg_hr=round(sum(rates) / len(rates)), max_hr=max(rates))
        if broken is not None:
            outcome = replace(outcome, note=join_notes(outcome.note, TRUNCATED))
        activities.append(outcome)
    notes = [f"{TRUNCATED}: imported what it holds ({broken})"] if broken and activities else []
    return ImportResult("fit", activities, dict(skipped), notes)


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
    return track_run(
        "fit",
        day=day,
        start=start,
        distance_m=distance_m,
        duration_s=duration_s,
        note=workout_name,
        avg_hr=plausible_heart_rate(session.get("avg_heart_rate")),
        max_hr=plausible_heart_rate(session.get("max_heart_rate")),
        kind=kind,
    )
