"""What happened: a logged activity."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Final

from tracker.domain.kinds import ActivityKind


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity on one local calendar day.

    Distance is integer metres, duration integer seconds. ``source`` is
    ``manual`` or ``import:<file kind>``; ``source_id`` makes imports idempotent.
    ``started_at`` is the exact start (aware, UTC) when a file gives it: it lets
    the same run from two sources be recognised. Heart rates are beats a minute.
    """

    date: date
    kind: ActivityKind
    distance_m: int
    duration_s: int | None = None
    rpe: int | None = None
    note: str = ""
    source: str = "manual"
    source_id: str | None = None
    id: int | None = None
    started_at: datetime | None = None
    avg_hr: int | None = None
    max_hr: int | None = None

    @property
    def is_run(self) -> bool:
        return self.kind.is_run

    @property
    def run_distance_m(self) -> int:
        """The distance that counts as running distance (0 for cross-training)."""
        return self.distance_m if self.is_run else 0


SAME_RUN_START_S: Final = 120
SAME_RUN_DISTANCE: Final = 0.03


def is_same_run(a: Activity, b: Activity) -> bool:
    """Whether two records are one run from two sources: starts within 2 minutes, distances
    within 3 % (of the longer). Only records that know their exact start can be compared,
    and only from different sources: two rows of one export (400 m repeats logged two
    minutes apart) are two activities."""
    if a.started_at is None or b.started_at is None or a.source == b.source:
        return False
    if abs((a.started_at - b.started_at).total_seconds()) > SAME_RUN_START_S:
        return False
    longer = max(a.distance_m, b.distance_m)
    return abs(a.distance_m - b.distance_m) <= SAME_RUN_DISTANCE * longer


def completed(stored: Activity, other: Activity) -> Activity:
    """``stored`` with what only ``other`` knows added: the exact start and heart rate.

    What the runner or the first source wrote (kind, distance, note) is kept.
    """
    return replace(
        stored,
        started_at=stored.started_at or other.started_at,
        avg_hr=stored.avg_hr if stored.avg_hr is not None else other.avg_hr,
        max_hr=stored.max_hr if stored.max_hr is not None else other.max_hr,
        duration_s=stored.duration_s if stored.duration_s is not None else other.duration_s,
    )
