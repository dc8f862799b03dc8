"""What every part of the store shares: the database, its tables, the write
transaction and the listeners told of every write."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table

from tracker.data.db import StoreDatabase
from tracker.domain.settings import Settings, settings_from_storage, validate_setting


class StoreBase:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._settings: Settings | None = None
        self._listeners: list[Callable[[], None]] = []
        self._claims: dict[int, int] = {}
        self._close_listeners: list[tuple[Callable[[], None], Callable[[], None]]] = []

    def _table(self, name: str) -> Table:
        table = self.db[name]
        assert isinstance(table, Table)
        return table

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around a read-modify-write: what it reads inside
        is what it changes, so two recovtui processes at once lose nothing.

        The write lock is taken first and waited for, and failures are one clear
        line (:class:`tracker.data.db.StoreDatabase`); nested calls become
        savepoints. Settings are read afresh inside, in case another process
        changed them.
        """
        outermost = not self.db.conn.in_transaction
        with self.db.atomic():
            if outermost:
                self._settings = None
            yield

    def wait_for_writers(self, seconds: float, on_wait: Callable[[], None] | None = None) -> None:
        """Wait up to ``seconds`` for another recovtui's write to end before a write
        fails (``on_wait()`` is called once when the wait starts to be long)."""
        if isinstance(self.db, StoreDatabase):
            self.db.lock_wait_s = seconds
            self.db.on_wait = on_wait

    @contextlib.contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Wait at most ``seconds`` for the write lock inside (a save that can wait for
        the next one must not freeze a screen)."""
        db = self.db
        if not isinstance(db, StoreDatabase):
            yield
            return
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
            values = {row["key"]: json.loads(row["value"]) for row in self._table("settings").rows}
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
