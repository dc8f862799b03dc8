"""Activities: what was run, logged by hand or imported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

import pendulum

from tracker.data.rows import (
    activity_from_row,
    activity_to_row,
    iso,
    now_stamp,
    parse_day,
)
from tracker.data.store_base import StoreBase
from tracker.domain.activity import Activity


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
        added = duplicates = 0
        table = self._table("activities")
        now = now_stamp()
        with self.transaction():
            for activity in activities:
                if activity.source_id is not None and table.count_where(
                    "source_id = ?", [activity.source_id]
                ):
                    duplicates += 1
                    continue
                table.insert(activity_to_row(activity) | {"created_at": now})
                added += 1
        if added:
            self._changed()
        return added, duplicates
