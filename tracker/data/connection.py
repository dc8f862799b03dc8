"""The store's connection: plain sqlite3 reads, sqlite-utils' table API for writes,
and the one write path every transaction takes (:class:`StoreDatabase`).

Opening a file safely is :mod:`tracker.data.db`'s; this is what an open returns.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.data import checked
from tracker.data.failures import (
    SQLITE_READONLY,
    DatabaseBusy,
    DiskFull,
    OpenedReadOnly,
    error_code,
    is_busy,
    is_disk_full,
)

if TYPE_CHECKING:
    from sqlite_utils.db import Table

    from tracker.data.tables import Tables

BUSY_TIMEOUT_MS = 5000
LOCK_WAIT_S = 60.0
"""How long a write waits for another recovtui to finish writing (a long import)."""


class StoreDatabase:
    """The store's connection: reads in plain sqlite3, writes through sqlite-utils'
    table API (:mod:`tracker.data.tables`, built on first use), and every outermost
    transaction takes the write lock first (``BEGIN IMMEDIATE``), waits for it, and
    fails in one clear line.

    A deferred transaction that reads before it writes cannot wait for another
    recovtui writing at the same moment and fails with "database is locked" at
    once. Taking the lock up front lets the busy timeout do its work, and since
    nothing has been done yet, waiting again is safe: the lock is asked for until
    :attr:`lock_wait_s` has passed (``on_wait`` is called once, when the first wait
    runs out). Then the block runs in a plain read transaction: reading works while
    another recovtui writes, and a write raises :class:`DatabaseBusy` (SQLite never
    lets it through on a stale read, so nothing is lost). A full disk raises
    :class:`DiskFull`, a write on a read-only database :class:`OpenedReadOnly`; the
    transaction is rolled back, nothing changed. Nested calls become savepoints.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None = None, read_only: bool = False
    ) -> None:
        self.conn = conn
        self.conn.execute("PRAGMA recursive_triggers = ON")
        self.path = path
        self.read_only = read_only
        self.on_wait: Callable[[], None] | None = None
        self.lock_wait_s = LOCK_WAIT_S
        self._clean_version: int | None = None
        self._tables: Tables | None = None
        self._savepoints = 0

    @property
    def tables(self) -> Tables:
        """sqlite-utils' Database on this connection (imported on first use)."""
        if self._tables is None:
            from tracker.data.tables import Tables

            self._tables = Tables(self)
        return self._tables

    def table(self, name: str) -> Table:
        """sqlite-utils' table ``name``, for writing (reads go through :meth:`query`)."""
        return self.tables.table(name)

    def __getitem__(self, name: str) -> Table:
        return self.table(name)

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows of a ``SELECT``, each a dict by column name."""
        cursor = self.conn.execute(sql, parameters)
        if cursor.description is None:
            raise ValueError(f"query() is for statements that return rows, not {sql!r}")
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]

    def clean_since_open(self) -> None:
        """Passed the open check: what this connection alone writes keeps it clean."""
        self._clean_version = self._data_version()

    def _data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close; unless another connection wrote since the clean open, the files left
        are remembered as checked (:mod:`tracker.data.checked`)."""
        alone = False
        if self._clean_version is not None and self.path is not None:
            with contextlib.suppress(sqlite3.Error):
                alone = not self.conn.in_transaction and self._data_version() == self._clean_version
        self.conn.close()
        if alone and self.path is not None:
            checked.remember(self.path, checked.stamp(self.path))

    @property
    def lock_wait_s(self) -> float:
        return self._lock_wait_s

    @lock_wait_s.setter
    def lock_wait_s(self, seconds: float) -> None:
        self._lock_wait_s = seconds
        self.execute(f"PRAGMA busy_timeout = {round(min(BUSY_TIMEOUT_MS, seconds * 1000))}")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def atomic(self) -> Iterator[StoreDatabase]:
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        self._begin()
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.rollback()
            failure = self.failure(exc)
            if failure is None:
                raise
            raise failure from None

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested block: undone alone when it fails, kept with the transaction."""
        self._savepoints += 1
        name = f"recovtui_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # A failure such as a RAISE(ROLLBACK) trigger can end the whole
            # transaction, savepoints included: then there is nothing to undo.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def failure(self, exc: BaseException, waited_s: float | None = None) -> Exception | None:
        """What ``exc`` means when it is not damage: busy, disk full, read-only."""
        label = self.path or ":memory:"
        if is_busy(exc):
            return DatabaseBusy(label, self._lock_wait_s if waited_s is None else waited_s)
        if is_disk_full(exc, self.path):
            return DiskFull(label)
        if self.read_only and error_code(exc) == SQLITE_READONLY:
            return OpenedReadOnly(label)
        return None

    def _begin(self) -> None:
        if self.read_only:  # a read transaction: one consistent snapshot
            self.conn.execute("BEGIN")
            return
        started = time.monotonic()
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    failure = self.failure(exc)
                    if failure is None:
                        raise
                    raise failure from None
                if time.monotonic() - started >= self._lock_wait_s:
                    # Go on without the lock: a block that only reads is fine, and
                    # SQLite refuses a write in it while the other writer holds on
                    # (or after it changed anything): that write is DatabaseBusy.
                    self.conn.execute("BEGIN")
                    return
                if not told and self.on_wait is not None:
                    told = True
                    self.on_wait()
