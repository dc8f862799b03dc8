"""What happened: a logged activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.kinds import ActivityKind


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity on one local calendar day.

    Distance is integer metres, duration integer seconds. ``source`` is
    ``manual`` or ``import:<file kind>``; ``source_id`` makes imports idempotent.
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

    @property
    def is_run(self) -> bool:
        return self.kind.is_run

    @property
    def run_distance_m(self) -> int:
        """The distance that counts as running distance (0 for cross-training)."""
        return self.distance_m if self.is_run else 0
