"""What every part of the store shares: the database, its tables, the write
transaction and the listeners told of every write."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tracker.data.connection import StoreDatabase
from tracker.domain.settings import Settings, settings_from_storage, validate_setting

if TYPE_CHECKING:
    from sqlite_utils.db import Table


class StoreBase:
    def __init__(self, db: StoreDatabase) -> None:
        self.db = db
        self._settings: Settings | None = None
        self._listeners: list[Callable[[], None]] = []
        self._claims: dict[int, int] = {}
        self._close_listeners: list[tuple[Callable[[], None], Callable[[], None]]] = []

    def _table(self, name: str) -> Table:
        """Table ``name`` for writing (sqlite-utils, imported on the first write)."""
        return self.db.table(name)

    def _rows(
        self,
        table: str,
        where: str | None = None,
        args: Sequence[Any] = (),
        order_by: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """The rows of ``table`` (``where`` with ``args``), read with sqlite3 alone."""
        sql = f"SELECT * FROM [{table}]"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset is not None:
            sql += f" OFFSET {int(offset)}"
        return self.db.query(sql, args)

    def _first(self, table: str, where: str, args: Sequence[Any]) -> dict[str, Any] | None:
        """The first row of ``table`` where ``where`` holds, or None."""
        return next(self._rows(table, where, args), None)

    def _count(self, table: str, where: str, args: Sequence[Any] = ()) -> int:
        row = self.db.execute(f"SELECT count(*) FROM [{table}] WHERE {where}", args).fetchone()
        return int(row[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around a read-modify-write: what it reads inside
        is what it changes, so two recovtui processes at once lose nothing.

        The write lock is taken first and waited for, and failures are one clear
        line (:class:`tracker.data.connection.StoreDatabase`); nested calls become
        savepoints. Settings are read afresh inside, in case another process
        changed them, and after a block that failed (what it wrote is undone).
        """
        outermost = not self.db.conn.in_transaction
        with self.db.atomic():
            if outermost:
                self._settings = None
            try:
                yield
            except BaseException:
                self._settings = None  # what was read inside may be undone
                raise

    def wait_for_writers(self, seconds: float, on_wait: Callable[[], None] | None = None) -> None:
        """Wait up to ``seconds`` for another recovtui's write to end before a write
        fails (``on_wait()`` is called once when the wait starts to be long)."""
        self.db.lock_wait_s = seconds
        self.db.on_wait = on_wait

    @contextlib.contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Wait at most ``seconds`` for the write lock inside (a save that can wait for
        the next one must not freeze a screen)."""
        db = self.db
        before = db.lock_wait_s
        db.lock_wait_s = seconds
        try:
            yield
        finally:
            db.lock_wait_s = before

    def _insert_many(self, table: str, rows: Iterable[dict[str, Any]], **options: Any) -> None:
        """Insert many rows in one transaction and tell the listeners once (none: no write)."""
        rows = list(rows)
        if not rows:
            return
        with self.transaction():
            self._table(table).insert_all(rows, **options)
        self._changed()

    def prepare_writes(self) -> None:
        """Load what writing needs (sqlite-utils), so that the first write does not wait
        for it: a start that only reads never loads it (:mod:`tracker.data.tables`)."""
        _ = self.db.tables

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every write (keeps caches like the status summary fresh)."""
        self._listeners.append(callback)

    def on_close(self, before: Callable[[], None], after: Callable[[], None]) -> None:
        """Call ``before()`` as the store closes, while it can still be read, and
        ``after()`` once the database is closed (closing checkpoints the WAL, which
        changes the files: the status summary stamps them after that)."""
        self._close_listeners.append((before, after))

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    # Settings

    def settings(self) -> Settings:
        if self._settings is None:
            values = {row["key"]: json.loads(row["value"]) for row in self._rows("settings")}
            self._settings = settings_from_storage(values)
        return self._settings

    def set_setting(self, name: str, value: Any) -> Settings:
        """Validate and store one setting; raises ValueError saying what is wrong."""
        stored = validate_setting(name, value)
        if name == "template":
            stored = [kind.value for kind in stored]
        with self.transaction():
            self._table("settings").upsert({"key": name, "value": json.dumps(stored)}, pk="key")
        self._settings = None
        self._changed()
        return self.settings()
