"""Imported runs written a batch at a time, each as ``ActivityStore.import_runs`` says.

A batch of :data:`IMPORT_BATCH` runs costs a few statements, not a few per run:
one look-up of its source ids among the stored runs and one among those seen
earlier in the same import (a temporary table, so memory does not grow with
the file), one look-up of the stored starts its runs could share (the indexed
``started_at``, two minutes either side of the batch), and one insert of the
new runs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from tracker.data.rows import activity_to_row
from tracker.domain.activity import SAME_RUN_START_S, Activity, completed
from tracker.domain.dates import utc_stamp

if TYPE_CHECKING:
    from tracker.data.activity_store import ActivityStore

IMPORT_BATCH = 500
"""Runs read and written at a time."""
MAX_STARTS: Final = 5000
"""Stored starts a batch may hold in memory; past it (a file far out of time order over
a long history) each run is looked up on its own."""


@dataclass
class ImportCounts:
    """What an import did: runs added, already stored (by source id), recognised as a
    stored run from another source, and repeated within what was imported."""

    added: int = 0
    present: int = 0
    recognised: int = 0
    repeated: int = 0


def _epoch(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


@dataclass
class RunBatches:
    """A source id seen earlier in the import is one of the runs added by it (their ids
    are from :attr:`first_new_id` on), or one already stored or recognised, kept in the
    temporary table ``import_seen``."""

    store: ActivityStore
    now: str
    recognise: bool
    counts: ImportCounts
    first_new_id: int
    not_added: list[str] = field(default_factory=list)

    def write(self, activities: list[Activity]) -> None:
        db = self.store.db
        ids = [a.source_id for a in activities if a.source_id is not None]
        marks = ", ".join("?" * len(ids))
        stored = dict(
            db.execute(f"SELECT source_id, id FROM activities WHERE source_id IN ({marks})", ids)
        )
        seen = {
            row[0]
            for row in db.execute(
                f"SELECT source_id FROM temp.import_seen WHERE source_id IN ({marks})", ids
            )
        }
        new: list[Activity] = []
        for activity in activities:
            source_id = activity.source_id
            if source_id is not None:
                found = stored.get(source_id)
                if source_id in seen or (found is not None and found >= self.first_new_id):
                    self.counts.repeated += 1
                    continue
                seen.add(source_id)
                if found is not None:
                    self.counts.present += 1
                    self.not_added.append(source_id)
                    continue
            new.append(activity)
        if self.recognise:
            new = self._recognised_left_out(new)
        self._insert(new)
        db.conn.executemany(
            "INSERT OR IGNORE INTO temp.import_seen (source_id) VALUES (?)",
            [(i,) for i in self.not_added],
        )
        self.not_added.clear()

    def _recognised_left_out(self, activities: list[Activity]) -> list[Activity]:
        """The runs not recognised as a stored run; a recognised one completes it."""
        starts = self._stored_starts(activities)
        if starts == [] and len({a.source for a in activities}) == 1:
            return activities  # nothing stored near, and one source never matches itself
        pending: list[Activity] = []
        sources: set[str] = set()
        for activity in activities:
            if activity.started_at is None:
                pending.append(activity)
                continue
            if sources and (len(sources) > 1 or activity.source not in sources):
                # A run from another source waiting to be written could be this one.
                self._insert(pending)
                pending, sources, starts = [], set(), None
            among = None if starts is None else _near(starts, _epoch(activity.started_at))
            same = None if among == [] else self.store.same_run(activity, among)
            if same is None:
                pending.append(activity)
                sources.add(activity.source)
                continue
            self.counts.recognised += 1
            if activity.source_id is not None:
                self.not_added.append(activity.source_id)
            better = completed(same, activity)
            if better != same and same.id is not None:
                self.store._table("activities").update(same.id, activity_to_row(better))
        return pending

    def _stored_starts(self, activities: Sequence[Activity]) -> list[tuple[float, int]] | None:
        """(start, id) of the stored runs that started within two minutes of the batch's
        span, in time order; None when there are too many to hold."""
        moments = [_epoch(a.started_at) for a in activities if a.started_at is not None]
        if not moments:
            return []
        rows = self.store.db.execute(
            "SELECT started_at, id FROM activities WHERE started_at >= ? AND started_at <= ? "
            "ORDER BY started_at LIMIT ?",
            [
                utc_stamp(datetime.fromtimestamp(min(moments) - SAME_RUN_START_S - 1, UTC)),
                utc_stamp(datetime.fromtimestamp(max(moments) + SAME_RUN_START_S + 1, UTC)),
                MAX_STARTS + 1,
            ],
        ).fetchall()
        if len(rows) > MAX_STARTS:
            return None
        return [(datetime.fromisoformat(stamp).timestamp(), id_) for stamp, id_ in rows]

    def _insert(self, activities: list[Activity]) -> None:
        if not activities:
            return
        names = [*activity_to_row(activities[0]), "created_at"]  # every row's keys, in order
        sql = f"INSERT INTO activities ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        now = self.now
        self.store.db.conn.executemany(
            sql, [(*activity_to_row(a).values(), now) for a in activities]
        )
        self.counts.added += len(activities)


def _near(starts: list[tuple[float, int]], moment: float) -> list[int]:
    """The ids of the stored starts within two minutes of ``moment`` (a second to spare:
    ``is_same_run`` decides)."""
    index = bisect_left(starts, (moment - SAME_RUN_START_S - 1, -1))
    found = []
    while index < len(starts) and starts[index][0] <= moment + SAME_RUN_START_S + 1:
        found.append(starts[index][1])
        index += 1
    return found
