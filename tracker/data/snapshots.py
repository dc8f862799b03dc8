"""Rows as they were before a change, to put back: what undo restores.

A :class:`Rows` names the rows of one table a change touches (by id, by day, by a
week's dates) and holds them as they were, columns and all (ids and stamps
included), so :meth:`SnapshotStore.restore` makes the database what it was:
it deletes every row the scope names now and puts the old ones back, in one
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tracker.data.rows import iso
from tracker.data.store_base import StoreBase


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows of ``table`` matching ``where`` (with ``params``), as they were."""

    table: str
    where: str
    params: tuple[Any, ...]
    rows: tuple[dict[str, Any], ...]

    def gone(self) -> Rows:
        """The same rows as absent: restoring this deletes them (what was added)."""
        return replace(self, rows=())


class SnapshotStore(StoreBase):
    def _snapshot(self, table: str, where: str, params: Sequence[Any]) -> Rows:
        found = tuple(self._rows(table, where, list(params)))
        return Rows(table, where, tuple(params), found)

    def rows_of_activity(self, activity_id: int) -> Rows:
        return self._snapshot("activities", "id = ?", [activity_id])

    def rows_of_sessions(self, session_ids: Sequence[int]) -> Rows:
        marks = ", ".join("?" for _ in session_ids) or "NULL"
        return self._snapshot("recovery_sessions", f"id IN ({marks})", session_ids)

    def rows_of_checkin(self, day: date) -> Rows:
        return self._snapshot("checkins", "date = ?", [iso(day)])

    def rows_of_wellness(self, day: date) -> Rows:
        return self._snapshot("wellness", "date = ?", [iso(day)])

    def rows_of_nutrition_check(self, day: date, item_id: int) -> Rows:
        return self._snapshot("nutrition_checks", "date = ? AND item_id = ?", [iso(day), item_id])

    def rows_of_plan(self, start: date, end: date) -> Rows:
        """The stored plan of the days ``start`` to ``end`` (none for a week never planned)."""
        return self._snapshot("plan_days", "date >= ? AND date <= ?", [iso(start), iso(end)])

    def rows_of_excuse(self, week_start: date) -> Rows:
        return self._snapshot("excused_weeks", "week_start = ?", [iso(week_start)])

    def restore(self, snapshots: Sequence[Rows]) -> None:
        """Put every snapshot's rows back as they were, all or nothing."""
        with self.transaction():
            for snapshot in reversed(snapshots):
                table = self._table(snapshot.table)
                table.delete_where(snapshot.where, list(snapshot.params))
                if snapshot.rows:
                    table.insert_all(snapshot.rows)
        self._changed()
