"""The wellness check-in of each day: one row per date, only for days with a value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.data.rows import between, iso, now_stamp, wellness_from_row, wellness_to_row
from tracker.data.store_base import StoreBase
from tracker.domain.wellness import Wellness


class WellnessStore(StoreBase):
    def wellness_on(self, day: date) -> Wellness | None:
        row = self._first("wellness", "date = ?", [iso(day)])
        return wellness_from_row(row) if row else None

    def wellness_between(
        self, start: date | None = None, end: date | None = None
    ) -> dict[date, Wellness]:
        """The entries from ``start`` to ``end`` (every one when None), by date."""
        rows = self._rows("wellness", *between(start, end), order_by="date")
        entries = (wellness_from_row(row) for row in rows)
        return {entry.date: entry for entry in entries}

    def save_wellness(self, entry: Wellness) -> None:
        """Store the day's entry in place of the one before; an empty entry removes it."""
        table = self._table("wellness")
        if entry.empty:
            table.delete_where("date = ?", [iso(entry.date)])
        else:
            table.upsert(wellness_to_row(entry, now_stamp()), pk="date")
        self._changed()

    def add_wellness(self, entries: Sequence[Wellness]) -> None:
        """Store many entries at once (an import), each in place of the day's entry before."""
        now = now_stamp()
        rows = [wellness_to_row(entry, now) for entry in entries if not entry.empty]
        if not rows:
            return
        with self.transaction():
            self._table("wellness").upsert_all(rows, pk="date")
        self._changed()
