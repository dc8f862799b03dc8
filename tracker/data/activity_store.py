"""Activities: what was run, logged by hand or imported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

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
from tracker.domain.listing import ActivityFilter


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

    def find_activities(
        self, chosen: ActivityFilter, offset: int = 0, limit: int | None = None
    ) -> list[Activity]:
        """The activities ``chosen`` names, newest first, ``limit`` of them from ``offset``
        (a page: the History screen reads ten years a page at a time)."""
        where, args = _filter_where(chosen)
        rows = self._table("activities").rows_where(
            where, args, order_by="date DESC, id DESC", limit=limit, offset=offset or None
        )
        return [activity_from_row(row) for row in rows]

    def count_activities(self, chosen: ActivityFilter) -> int:
        where, args = _filter_where(chosen)
        return self._table("activities").count_where(where, args)

    def activity(self, activity_id: int) -> Activity | None:
        rows = list(self._table("activities").rows_where("id = ?", [activity_id]))
        return activity_from_row(rows[0]) if rows else None

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
        added, duplicates, _ = self._import(activities, recognise=False)
        return added, duplicates

    def import_runs(self, activities: Iterable[Activity]) -> tuple[int, int, int]:
        """Add imported runs, each once: (added, already imported, recognised).

        A run whose source id is stored is already imported; one that
        :func:`~tracker.domain.activity.is_same_run` as a stored run (the same
        run from another source) is recognised: the stored run keeps its own
        fields and gains what only the new record knows (exact start, heart
        rate). All or nothing.
        """
        return self._import(activities, recognise=True)

    def _import(self, activities: Iterable[Activity], *, recognise: bool) -> tuple[int, int, int]:
        added = present = recognised = 0
        table = self._table("activities")
        now = now_stamp()
        with self.transaction():
            for activity in activities:
                if activity.source_id is not None and table.count_where(
                    "source_id = ?", [activity.source_id]
                ):
                    present += 1
                    continue
                if recognise and (same := self._same_run(activity)) is not None:
                    recognised += 1
                    better = completed(same, activity)
                    if better != same and same.id is not None:
                        table.update(same.id, activity_to_row(better))
                    continue
                table.insert(activity_to_row(activity) | {"created_at": now})
                added += 1
        if added or recognised:
            self._changed()
        return added, present, recognised

    def _same_run(self, activity: Activity) -> Activity | None:
        if activity.started_at is None:
            return None
        window = timedelta(seconds=SAME_RUN_START_S)
        rows = self._table("activities").rows_where(
            "started_at >= ? AND started_at <= ?",
            [utc_stamp(activity.started_at - window), utc_stamp(activity.started_at + window)],
            order_by="id",
        )
        return next(
            (found for found in map(activity_from_row, rows) if is_same_run(found, activity)),
            None,
        )
