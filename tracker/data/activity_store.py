"""Activities: what was run, logged by hand or imported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice

import pendulum

from tracker.data.rows import (
    activity_from_row,
    activity_to_row,
    iso,
    now_stamp,
    parse_day,
)
from tracker.data.store_base import StoreBase
from tracker.domain.activity import SAME_RUN_START_S, Activity, completed, is_same_run
from tracker.domain.dates import utc_stamp


class ActivityStore(StoreBase):
    # Activities

    def add_activity(self, activity: Activity) -> Activity:
        row = activity_to_row(activity) | {"created_at": now_stamp()}
        table = self._table("activities").insert(row)
        self._changed()
        return replace(activity, id=table.last_pk)

    def update_activity(self, activity: Activity) -> Activity:
        if activity.id is None:
            raise ValueError("only a stored activity can be updated")
        self._table("activities").update(activity.id, activity_to_row(activity))
        self._changed()
        return activity

    def delete_activity(self, activity_id: int) -> None:
        self._table("activities").delete_where("id = ?", [activity_id])
        self._changed()

    def activities_between(self, start: date, end: date) -> list[Activity]:
        rows = self._table("activities").rows_where(
            "date >= ? AND date <= ?", [iso(start), iso(end)], order_by="date, id"
        )
        return [activity_from_row(row) for row in rows]

    def activities_on(self, day: date) -> list[Activity]:
        return self.activities_between(day, day)

    def all_activities(self) -> list[Activity]:
        return [
            activity_from_row(row)
            for row in self._table("activities").rows_where(order_by="date, id")
        ]

    def activity_dates(self) -> set[pendulum.Date]:
        return {
            parse_day(row[0]) for row in self.db.execute("SELECT DISTINCT date FROM activities")
        }

    def activity_days(self) -> set[date]:
        """:meth:`activity_dates` as plain ``datetime.date`` objects, for figures over the
        whole history (streaks): pendulum's dates parse and subtract far slower, and ten
        years of them were most of the time ``recovtui stats`` took."""
        rows = self.db.execute("SELECT DISTINCT date FROM activities")
        return {date.fromisoformat(row[0]) for row in rows}

    def import_activities(self, activities: Iterable[Activity]) -> tuple[int, int]:
        """Add activities, skipping any whose source id is already stored.

        Returns (added, duplicates). All or nothing.
        """
        counts = self._import(activities, recognise=False)
        return counts.added, counts.present + counts.repeated

    def import_runs(self, activities: Iterable[Activity]) -> tuple[int, int, int]:
        """Add imported runs, each once: (added, already imported, recognised).

        A run whose source id is stored is already imported; one that
        :func:`~tracker.domain.activity.is_same_run` as a stored run (the same
        run from another source) is recognised: the stored run keeps its own
        fields and gains what only the new record knows (exact start, heart
        rate). All or nothing.
        """
        counts = self._import(activities, recognise=True)
        return counts.added, counts.present + counts.repeated, counts.recognised

    def import_file_runs(self, activities: Iterable[Activity]) -> ImportCounts:
        """:meth:`import_runs` for the runs of one file as it is read, in batches: a
        source id that came earlier in ``activities`` is counted as ``repeated`` (the
        first one counts). Memory stays the same however many there are: the source
        ids seen are kept in a temporary table, and each batch is looked up in the
        store by source id and start time (both indexed)."""
        return self._import(activities, recognise=True)

    def _import(self, activities: Iterable[Activity], *, recognise: bool) -> ImportCounts:
        counts = ImportCounts()
        batch = _RunBatch(self, now_stamp(), recognise, counts)
        items = iter(activities)
        with self.transaction():
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS import_seen (source_id TEXT PRIMARY KEY)"
            )
            self.db.execute("DELETE FROM temp.import_seen")
            try:
                while chunk := list(islice(items, IMPORT_BATCH)):
                    batch.write(chunk)
            finally:
                self.db.execute("DROP TABLE IF EXISTS temp.import_seen")
        if counts.added or counts.recognised:
            self._changed()
        return counts

    def same_run(self, activity: Activity) -> Activity | None:
        """The stored run that :func:`~tracker.domain.activity.is_same_run` as ``activity``."""
        if activity.started_at is None:
            return None
        window = timedelta(seconds=SAME_RUN_START_S)
        cursor = self.db.execute(
            "SELECT * FROM activities WHERE started_at >= ? AND started_at <= ? ORDER BY id",
            [utc_stamp(activity.started_at - window), utc_stamp(activity.started_at + window)],
        )
        names = [column[0] for column in cursor.description]
        for values in cursor:
            found = activity_from_row(dict(zip(names, values, strict=True)))
            if is_same_run(found, activity):
                return found
        return None


IMPORT_BATCH = 500
"""Runs read and written at a time (each batch is one look-up by source id)."""


@dataclass
class ImportCounts:
    """What an import did: runs added, already stored (by source id), recognised as a
    stored run from another source, and repeated within what was imported."""

    added: int = 0
    present: int = 0
    recognised: int = 0
    repeated: int = 0


@dataclass
class _RunBatch:
    """Writes runs a batch at a time, each as :meth:`ActivityStore.import_runs` says."""

    store: ActivityStore
    now: str
    recognise: bool
    counts: ImportCounts

    def write(self, activities: list[Activity]) -> None:
        db = self.store.db
        ids = [a.source_id for a in activities if a.source_id is not None]
        marks = ", ".join("?" * len(ids))
        stored = {
            r[0]
            for r in db.execute(
                f"SELECT source_id FROM activities WHERE source_id IN ({marks})", ids
            )
        }
        seen = {
            r[0]
            for r in db.execute(
                f"SELECT source_id FROM temp.import_seen WHERE source_id IN ({marks})", ids
            )
        }
        db.conn.executemany(
            "INSERT OR IGNORE INTO temp.import_seen (source_id) VALUES (?)", [(i,) for i in ids]
        )
        pending: list[Activity] = []
        sources: set[str] = set()
        for activity in activities:
            source_id = activity.source_id
            if source_id is not None:
                if source_id in seen:
                    self.counts.repeated += 1
                    continue
                seen.add(source_id)
                if source_id in stored:
                    self.counts.present += 1
                    continue
            if self.recognise and activity.started_at is not None:
                if sources - {activity.source}:
                    # A run from another source waiting to be written could be this one.
                    self._insert(pending)
                    pending, sources = [], set()
                if (same := self.store.same_run(activity)) is not None:
                    self.counts.recognised += 1
                    better = completed(same, activity)
                    if better != same and same.id is not None:
                        self.store._table("activities").update(same.id, activity_to_row(better))
                    continue
            pending.append(activity)
            sources.add(activity.source)
        self._insert(pending)

    def _insert(self, activities: list[Activity]) -> None:
        if not activities:
            return
        rows = [activity_to_row(a) | {"created_at": self.now} for a in activities]
        names = list(rows[0])
        sql = f"INSERT INTO activities ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        self.store.db.conn.executemany(sql, [tuple(row[n] for n in names) for row in rows])
        self.counts.added += len(rows)
