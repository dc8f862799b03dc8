"""A run read from a track file (GPX, TCX, FIT): one rule for all three.

Its day is the date of its start in the runner's zone, its start is kept in UTC
(a moment without a zone is taken as UTC), and its id is that start: the same run
exported from a watch as GPX and as FIT is one run, found again by its id.
"""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind
from tracker.domain.dates import utc_stamp
from tracker.domain.kinds import ActivityKind
from tracker.formats.numbers import as_utc


def track_id(start: datetime) -> str:
    """``track:2026-11-24T19:00:00Z``: a track file's run, named by its start in UTC."""
    return f"track:{utc_stamp(start)}"


def track_run(
    file_format: str,
    *,
    day: date,
    start: datetime,
    distance_m: int,
    duration_s: int | None,
    note: str,
    avg_hr: int | None,
    max_hr: int | None,
    kind: ActivityKind | None = None,
) -> Activity:
    """The run of a ``file_format`` track that started at ``start`` (its local ``day`` is
    read by the caller, which names its own field when the start is out of range); its kind
    is guessed from its name and distance unless given."""
    return Activity(
        date=day,
        kind=guess_kind(note, distance_m) if kind is None else kind,
        distance_m=distance_m,
        duration_s=duration_s,
        note=note,
        source=f"import:{file_format}",
        source_id=track_id(start),
        started_at=as_utc(start),
        avg_hr=avg_hr,
        max_hr=max_hr,
    )
