"""Activities: what was run, logged by hand or imported."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING

import pendulum

from tracker.data.rows import (
    activity_from_row,
    activity_to_row,
    iso,
    now_stamp,
    parse_day,
)
from tracker.data.store_base import StoreBase
from tracker.domain.activity import SAME_RUN_START_S, Activity, is_same_run
from tracker.domain.dates import utc_stamp


def _filter_where(chosen: ActivityFilter) -> tuple[str, list[object]]:
    """The ``where`` clause and arguments of :class:`ActivityFilter` (``1`` for none)."""
    clauses: list[str] = []
    args: list[object] = []
    if chosen.kind is not None:
        clauses.append("kind = ?")
        args.append(chosen.kind.value)
    if chosen.start is not None:
        clauses.append("date >= ?")
        args.append(iso(chosen.start))
    if chosen.end is not None:
        clauses.append("date <= ?")
        args.append(iso(chosen.end))
    if chosen.text:
        escaped = chosen.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        clauses.append(
            "(note LIKE ? ESCAPE '\\' OR kind LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\'"
            " OR date LIKE ? ESCAPE '\\')"
        )
        args += [like, like, like, like]
    return " AND ".join(clauses) or "1", args


if TYPE_CHECKING:
    from tracker.data.run_batches import ImportCounts
    from tracker.domain.listing import ActivityFilter  # History's filter: not on other paths


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
        rows = self._rows(
            "activities", "date >= ? AND date <= ?", [iso(start), iso(end)], order_by="date, id"
        )
        return [activity_from_row(row) for row in rows]

    def find_activities(
        self, chosen: ActivityFilter, offset: int = 0, limit: int | None = None
    ) -> list[Activity]:
        """The activities ``chosen`` names, newest first, ``limit`` of them from ``offset``
        (a page: the History screen reads ten years a page at a time)."""
        where, args = _filter_where(chosen)
        rows = self._rows(
            "activities",
            where,
            args,
            order_by="date DESC, id DESC",
            limit=limit,
            offset=offset or None,
        )
        return [activity_from_row(row) for row in rows]

    def count_activities(self, chosen: ActivityFilter) -> int:
        where, args = _filter_where(chosen)
        return self._count("activities", where, args)

    def activity(self, activity_id: int) -> Activity | None:
        row = self._first("activities", "id = ?", [activity_id])
        return activity_from_row(row) if row else None

    def activities_on(self, day: date) -> list[Activity]:
        return self.activities_between(day, day)

    def all_activities(self) -> list[Activity]:
        return [activity_from_row(row) for row in self._rows("activities", order_by="date, id")]

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
        from tracker.data import run_batches  # only an import needs it, not a start

        counts = run_batches.ImportCounts()
        items = iter(activities)
        with self.transaction():
            (last,) = self.db.execute("SELECT coalesce(max(id), 0) FROM activities").fetchone()
            batch = run_batches.RunBatches(
                self, now_stamp(), recognise, counts, first_new_id=last + 1
            )
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS import_seen (source_id TEXT PRIMARY KEY)"
            )
            self.db.execute("DELETE FROM temp.import_seen")
            try:
                while chunk := list(islice(items, run_batches.IMPORT_BATCH)):
                    batch.write(chunk)
            finally:
                self.db.execute("DROP TABLE IF EXISTS temp.import_seen")
        if counts.added or counts.recognised:
            self._changed()
        return counts

    def same_run(self, activity: Activity, among: Sequence[int] | None = None) -> Activity | None:
        """The stored run that :func:`~tracker.domain.activity.is_same_run` as ``activity``
        (the first stored), looked for by its start time, or among the ids ``among``."""
        if activity.started_at is None:
            return None
        if among is not None:
            marks = ", ".join("?" * len(among))
            cursor = self.db.execute(
                f"SELECT * FROM activities WHERE id IN ({marks}) ORDER BY id", list(among)
            )
        else:
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
