"""Opening the database safely, and the one path every write takes.

A file that is not a recovtui database, is damaged, read-only or written by a
newer recovtui is reported and left byte-for-byte untouched: every check runs on
a read-only connection before anything opens it for writing. A full disk is
reported as a full disk (:mod:`tracker.data.failures`), never as damage.

Commands that only look open the file read-only (``open_db(path, read_only=True)``):
no journal-mode switch, no migration written, nothing beside it; a database
made by an older recovtui is migrated in a copy in memory.

Every write goes through :meth:`StoreDatabase.atomic`: sqlite-utils calls it
around each of its writes, and the store around each read-modify-write. A
database that is up to date is opened and read with sqlite3 alone.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.data import checked
from tracker.data.backup import newest_backup
from tracker.data.failures import (
    SQLITE_READONLY,
    DatabaseBusy,
    DiskFull,
    OpenedReadOnly,
    error_code,
    is_busy,
    is_disk_full,
    low_space,
)
from tracker.data.integrity import schema_problem, value_problem
from tracker.data.paths import ensure_private_dir, not_a_file
from tracker.data.schema import KNOWN, pending
from tracker.data.schema import applied as schema_applied

if TYPE_CHECKING:
    from sqlite_utils.db import Table

    from tracker.data.tables import Tables

SQLITE_HEADER = b"SQLite format 3\x00"
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


class DatabaseProblem(Exception):
    """The database cannot be opened; the message names the file and the problem."""

    def __init__(self, path: Path, problem: str, *, restorable: bool = True) -> None:
        self.path = path
        self.problem = problem
        if restorable:
            hint = _backup_hint(path)
        else:
            hint = ". It was left untouched" if path.exists() else ""
        super().__init__(f"{path}: {problem}{hint}")


def _backup_hint(path: Path) -> str:
    newest = newest_backup(path)
    if newest is None:
        return ". It was left untouched"
    return (
        f". It was left untouched. Newest backup: {newest} (to restore: move the file "
        f"aside, copy the backup to {path}, delete any {path.name}-wal and -shm beside it)"
    )


def _configure(db: StoreDatabase) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def _connect(path: Path) -> StoreDatabase:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = StoreDatabase(conn, path)
    _configure(db)
    return db


def _read_only_uri(path: Path, immutable: bool = False) -> str:
    """``immutable`` reads without the ``-shm`` beside a WAL database: safe only while
    nothing writes to it (a full disk with no ``-wal`` in use)."""
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _inspect(path: Path, read_only: bool = False) -> None:
    """Raise :class:`DatabaseProblem` unless ``path`` is a healthy recovtui database."""
    if path.is_dir():
        raise DatabaseProblem(path, "is a directory, not a database", restorable=False)
    kind = not_a_file(path)
    if kind is not None:  # checked before opening: a FIFO would wait for a writer forever
        raise DatabaseProblem(path, f"is {kind}, not a database", restorable=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseProblem(path, f"cannot be read ({exc.strerror})", restorable=False) from None
    if not header:
        raise DatabaseProblem(path, "is an empty file, not a recovtui database")
    if header != SQLITE_HEADER:
        raise DatabaseProblem(path, "is not a SQLite database")
    writable = path.stat().st_mode & 0o222  # root may write anywhere; the mode says what is meant
    if not read_only and (
        not writable or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
    ):
        raise DatabaseProblem(path, "is read-only; recovtui needs to write to it", restorable=False)
    created = [side for side in _sidecars(path) if not side.exists()]
    try:
        _check_contents(path, quick=not checked.trusted(path, checked.stamp(path)))
    except (DatabaseProblem, DiskFull):
        _remove_empty(created)
        raise


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _remove_empty(created: list[Path]) -> None:
    """Remove the -wal/-shm files a read-only check of a WAL database made (they hold nothing)."""
    with contextlib.suppress(OSError):
        if any(side.name.endswith("-wal") and side.stat().st_size for side in created):
            return
        for side in created:
            side.unlink(missing_ok=True)


def _check_contents(path: Path, immutable: bool = False, quick: bool = True) -> None:
    """Refuse a foreign, newer or (``quick``: untrusted files, :mod:`.checked`) damaged file."""
    try:
        conn = sqlite3.connect(_read_only_uri(path, immutable), uri=True)
    except sqlite3.Error as exc:
        _full_disk_is_no_damage(exc, path)
        raise DatabaseProblem(path, f"cannot be opened ({exc})") from None
    try:
        if quick:
            result = conn.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                answer = " ".join(str(result[0]).split()) if result else "no answer"
                raise DatabaseProblem(path, f"is damaged ({answer})")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return
        applied = schema_applied(conn)
        if not applied:
            raise DatabaseProblem(path, "is a SQLite database, but not a recovtui one")
        newer = sorted(applied - set(KNOWN))
        if newer:
            raise DatabaseProblem(
                path,
                f"was written by a newer recovtui (schema {newer[-1]}); "
                "upgrade recovtui to open it",
            )
    except sqlite3.DatabaseError as exc:
        _full_disk_is_no_damage(exc, path)
        raise DatabaseProblem(path, f"is damaged ({exc})") from None
    finally:
        conn.close()


def _full_disk_is_no_damage(exc: BaseException, path: Path) -> None:
    """Raise :class:`DiskFull` when ``exc`` came from a full disk, not from the file."""
    if is_disk_full(exc, path):
        raise DiskFull(path, "open") from None


def _create(path: Path) -> None:
    """Create a new database atomically: built aside, then linked into place."""
    ensure_private_dir(path.parent)
    import tempfile  # a new database only

    fd, tmp_name = tempfile.mkstemp(prefix=".recovtui-new-", suffix=".db", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.chmod(0o600)
        db = _connect(tmp)
        _migrate(db)
        db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def open_db(path: Path, read_only: bool = False) -> StoreDatabase:
    """Open (creating if missing) the database at ``path``, migrated to the current schema.

    ``read_only`` opens an existing file without changing anything in or beside it.
    """
    path = Path(path)
    if read_only:
        return _open_read_only(path)
    if not path.exists():
        try:
            _create(path)
        except OSError as exc:
            raise DatabaseProblem(
                path, f"cannot be created ({exc.strerror or exc})", restorable=False
            ) from None
    _inspect(path)
    try:
        db = _connect(path)
        if pending(db.conn):
            _migrate(db)
        _check_tables(db, path)
    except sqlite3.DatabaseError as exc:
        _full_disk_is_no_damage(exc, path)
        raise DatabaseProblem(path, f"cannot be opened ({exc})") from None
    return db


def _check_tables(db: StoreDatabase, path: Path) -> None:
    """Refuse a database whose schema or values no recovtui made (:mod:`.integrity`).

    The values are scanned unless the files are as they were when they last passed
    (:mod:`.checked`); a clean scan of files that did not change meanwhile is
    remembered, by a process that may write beside the database.
    """
    before = checked.stamp(path)
    problem = schema_problem(db.conn)
    if problem is None and not checked.trusted(path, before):
        problem = value_problem(db.conn)
        if problem is None and not db.read_only and checked.stamp(path) == before:
            checked.remember(path, before)
    if problem is not None:
        db.close()
        raise DatabaseProblem(path, f"is damaged ({problem})")
    if not db.read_only:
        db.clean_since_open()


def _open_read_only(path: Path) -> StoreDatabase:
    if not path.exists():
        raise DatabaseProblem(path, "does not exist", restorable=False)
    immutable = False
    try:
        _inspect(path, read_only=True)
    except (DatabaseProblem, DiskFull):
        if not _no_room_for_a_reader(path):
            raise
        immutable = True
        _check_contents(path, immutable)
    try:
        uri = _read_only_uri(path, immutable)
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = StoreDatabase(conn, path, read_only=True)
        if pending(conn):  # older schema: read a migrated copy, the file stays as it is
            memory = sqlite3.connect(":memory:")
            conn.backup(memory)
            conn.close()
            db = StoreDatabase(memory, path, read_only=True)
            _migrate(db)
        _check_tables(db, path)
    except sqlite3.DatabaseError as exc:
        _full_disk_is_no_damage(exc, path)
        raise DatabaseProblem(path, f"cannot be opened ({exc})") from None
    return db


def _no_room_for_a_reader(path: Path) -> bool:
    """A WAL reader needs a ``-shm`` beside the file; on a full disk or in a folder that
    cannot be written there is none to make. With no ``-wal`` in use nobody is
    writing (nor can, there): the file alone is the whole database, read as it is."""
    wal, shm = _sidecars(path)
    if shm.exists() or (wal.exists() and wal.stat().st_size):
        return False
    return not os.access(path.parent, os.W_OK) or low_space(path)


def open_memory_db() -> StoreDatabase:
    """A migrated in-memory database (for tests, benchmarks and an empty history)."""
    db = StoreDatabase(sqlite3.connect(":memory:"))
    db.execute("PRAGMA foreign_keys = ON")
    _migrate(db)
    return db


def _migrate(db: StoreDatabase) -> None:
    """Apply the migrations still due (sqlite-utils is imported only for this)."""
    from tracker.data.migrations import migrations

    migrations.apply(db.tables)
