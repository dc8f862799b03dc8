"""The nutrition checklist and its ticks, the check-ins, and where the history starts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pendulum

from tracker.data.rows import (
    between,
    iso,
    now_stamp,
    parse_day,
)
from tracker.data.store_base import StoreBase
from tracker.domain.nutrition import NutritionItem, clean_item_name
from tracker.domain.streaks import history_start

RECORD_TABLES = ("activities", "checkins", "recovery_sessions", "wellness")
"""The tables whose dates are a recorded day."""


class NutritionStore(StoreBase):
    # Nutrition

    def nutrition_items(self, include_archived: bool = False) -> list[NutritionItem]:
        where = None if include_archived else "archived = 0"
        return [
            NutritionItem(row["id"], row["name"], row["position"], bool(row["archived"]))
            for row in self._rows("nutrition_items", where, order_by="position, id")
        ]

    def add_nutrition_item(self, name: str) -> NutritionItem:
        name = clean_item_name(name)
        table = self._table("nutrition_items")
        with self.transaction():
            if self._count("nutrition_items", "name = ?", [name]):
                raise ValueError(f"There is already an item called {name!r}")
            position = 1 + max((item.position for item in self.nutrition_items(True)), default=0)
            table.insert({"name": name, "position": position, "archived": 0})
        self._changed()
        return NutritionItem(int(table.last_pk or 0), name, position)

    def rename_nutrition_item(self, item_id: int, name: str) -> None:
        name = clean_item_name(name)
        table = self._table("nutrition_items")
        with self.transaction():
            if self._count("nutrition_items", "name = ? AND id != ?", [name, item_id]):
                raise ValueError(f"There is already an item called {name!r}")
            table.update(item_id, {"name": name})
        self._changed()

    def archive_nutrition_item(self, item_id: int, archived: bool = True) -> None:
        self._table("nutrition_items").update(item_id, {"archived": int(archived)})
        self._changed()

    def move_nutrition_item(self, item_id: int, offset: int) -> None:
        """Move an active item up (negative) or down among the active items."""
        table = self._table("nutrition_items")
        with self.transaction():
            ids = [item.id for item in self.nutrition_items()]
            if item_id not in ids:
                return
            index = ids.index(item_id)
            target = max(0, min(len(ids) - 1, index + offset))
            ids.insert(target, ids.pop(index))
            for position, each in enumerate(ids, start=1):
                table.update(each, {"position": position})
        self._changed()

    def restore_nutrition_items(self, items: Sequence[tuple[str, bool]]) -> bool:
        """Make the checklist ``items`` (name, archived), in that order (used by import).

        Items are matched by name, keeping their id and history; new names are
        added. Items not listed are removed when never ticked, else archived and
        put after the listed ones. Returns whether anything changed.
        """
        table = self._table("nutrition_items")
        with self.transaction():
            before = self.nutrition_items(include_archived=True)
            by_name = {item.name: item for item in before}
            listed = {name for name, _ in items}
            ticked = {
                row[0] for row in self.db.execute("SELECT DISTINCT item_id FROM nutrition_checks")
            }
            wanted: list[tuple[int | None, str, bool]] = [
                (by_name[name].id if name in by_name else None, name, archived)
                for name, archived in items
            ]
            for item in before:
                if item.name not in listed and item.id in ticked:
                    wanted.append((item.id, item.name, True))
            for item in before:
                if item.name not in listed and item.id not in ticked:
                    table.delete(item.id)
            for position, (item_id, name, archived) in enumerate(wanted, start=1):
                values = {"name": name, "position": position, "archived": int(archived)}
                if item_id is None:
                    table.insert(values)
                else:
                    table.update(item_id, values)
        changed = self.nutrition_items(include_archived=True) != before
        if changed:
            self._changed()
        return changed

    def nutrition_checks(
        self, start: date | None = None, end: date | None = None
    ) -> dict[date, set[int]]:
        """The ticked item ids of each day from ``start`` to ``end`` (every day when None)."""
        checks: dict[date, set[int]] = {}
        for row in self._rows("nutrition_checks", *between(start, end)):
            checks.setdefault(parse_day(row["date"]), set()).add(row["item_id"])
        return checks

    def set_nutrition_check(self, day: date, item_id: int, checked: bool) -> None:
        table = self._table("nutrition_checks")
        if checked:
            table.insert(
                {"date": iso(day), "item_id": item_id}, pk=("date", "item_id"), ignore=True
            )
        else:
            table.delete_where("date = ? AND item_id = ?", [iso(day), item_id])
        self._changed()

    def add_nutrition_checks(self, checks: Sequence[tuple[date, int]]) -> None:
        """Tick many (date, item id) pairs at once; ones already ticked stay as they are."""
        self._insert_many(
            "nutrition_checks",
            ({"date": iso(day), "item_id": item_id} for day, item_id in checks),
            pk=("date", "item_id"),
            ignore=True,
        )

    def toggle_nutrition_check(self, day: date, item_id: int) -> bool:
        with self.transaction():
            checked = item_id not in self.nutrition_checks(day, day).get(day, set())
            self.set_nutrition_check(day, item_id, checked)
        return checked

    # Check-ins

    def check_in(self, day: date) -> None:
        self._table("checkins").upsert({"date": iso(day), "at": now_stamp()}, pk="date")
        self._changed()

    def add_checkins(self, days: Sequence[date]) -> None:
        """Check many days in at once; days already checked in keep their time."""
        now = now_stamp()
        self._insert_many(
            "checkins", ({"date": iso(day), "at": now} for day in days), pk="date", ignore=True
        )

    def undo_check_in(self, day: date) -> None:
        self._table("checkins").delete_where("date = ?", [iso(day)])
        self._changed()

    def is_checked_in(self, day: date) -> bool:
        return bool(self._count("checkins", "date = ?", [iso(day)]))

    def checkins(self, start: date | None = None, end: date | None = None) -> set[pendulum.Date]:
        rows = self._rows("checkins", *between(start, end))
        return {parse_day(row["date"]) for row in rows}

    # Where the history starts

    def first_day(self) -> pendulum.Date | None:
        """The first day anything was recorded: an activity, a check-in, a recovery
        session or a wellness entry."""
        union = " UNION ALL ".join(f"SELECT min(date) AS d FROM [{name}]" for name in RECORD_TABLES)
        row = self.db.execute(f"SELECT min(d) FROM ({union})").fetchone()
        return parse_day(row[0]) if row and row[0] else None

    def created_on(self) -> pendulum.Date | None:
        """The day the database was made (or first opened, for an older one that was empty)."""
        value = self._meta("created_on")
        return parse_day(value) if value else None

    def record_created_on(self, today: date) -> None:
        """Remember ``today`` as the day the database was made, unless a day is known."""
        if self._meta("created_on") is None:
            self._table("meta").insert({"key": "created_on", "value": iso(today)}, ignore=True)

    def history_start(self) -> date | None:
        """The first day of the history (docs/counting.md); None while nothing is known."""
        return history_start(self.first_day(), self.created_on())

    def welcome_answered(self) -> bool:
        """Whether the first-evening welcome was answered or skipped."""
        return self._meta("welcomed") is not None

    def mark_welcomed(self, stamp: str) -> None:
        self._table("meta").upsert({"key": "welcomed", "value": stamp}, pk="key")

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None
