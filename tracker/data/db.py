"""Opening the database safely, and the one path every write takes.

A file that is not a recovtui database, is damaged, read-only or written by a
newer recovtui is reported and left byte-for-byte untouched: every check runs on
a read-only connection before anything opens it for writing. A full disk is
reported as a full disk (:mod:`tracker.data.failures`), never as damage.

Commands that only look open the file read-only (``open_db(path, read_only=True)``):
no journal-mode switch, no migration written, nothing beside it; a database
made by an older recovtui is migrated in a copy in memory.

Every write goes through :meth:`StoreDatabase.atomic` (:mod:`.connection`): sqlite-utils calls it
around each of its writes, and the store around each read-modify-write. A
database that is up to date is opened and read with sqlite3 alone.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tracker.data import checked
from tracker.data.backup import newest_backup
from tracker.data.connection import BUSY_TIMEOUT_MS, LOCK_WAIT_S, StoreDatabase
from tracker.data.failures import DiskFull, is_disk_full, low_space
from tracker.data.integrity import schema_problem, value_problem
from tracker.data.paths import ensure_private_dir, not_a_file
from tracker.data.schema import KNOWN, pending
from tracker.data.schema import applied as schema_applied

__all__ = ["LOCK_WAIT_S", "DatabaseProblem", "StoreDatabase", "open_db", "open_memory_db"]

SQLITE_HEADER = b"SQLite format 3\x00"


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
    return _checked_open(path, lambda: _migrated(_connect(path)))


def _migrated(db: StoreDatabase) -> StoreDatabase:
    if pending(db.conn):
        _migrate(db)
    return db


def _checked_open(path: Path, connect: Callable[[], StoreDatabase]) -> StoreDatabase:
    """The database ``connect()`` opens, once its tables pass (:func:`_check_tables`);
    SQLite's own refusal is one line naming the file."""
    try:
        db = connect()
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

    def connect() -> StoreDatabase:
        uri = _read_only_uri(path, immutable)
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        if not pending(conn):
            return StoreDatabase(conn, path, read_only=True)
        # An older schema: read a migrated copy, the file stays as it is.
        memory = sqlite3.connect(":memory:")
        conn.backup(memory)
        conn.close()
        db = StoreDatabase(memory, path, read_only=True)
        _migrate(db)
        return db

    return _checked_open(path, connect)


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
