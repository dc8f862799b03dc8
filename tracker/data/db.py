"""Opening the database safely.

A file that is not a recovtui database, is damaged, read-only or written by a
newer recovtui is reported and left byte-for-byte untouched: every check runs on
a read-only connection before anything opens it for writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlite_utils import Database

from tracker.data.backup import newest_backup
from tracker.data.migrations import KNOWN, MIGRATION_SET, migrations
from tracker.data.paths import ensure_private_dir

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


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


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def _connect(path: Path) -> Database:
    db = Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000), execute_plugins=False)
    _configure(db)
    return db


def _inspect(path: Path) -> None:
    """Raise :class:`DatabaseProblem` unless ``path`` is a healthy recovtui database."""
    if path.is_dir():
        raise DatabaseProblem(path, "is a directory, not a database", restorable=False)
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
    if not writable or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(path, "is read-only; recovtui needs to write to it", restorable=False)
    created = [side for side in _sidecars(path) if not side.exists()]
    try:
        _check_contents(path)
    except DatabaseProblem:
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


def _check_contents(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseProblem(path, f"cannot be opened ({exc})") from None
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            answer = " ".join(str(result[0]).split()) if result else "no answer"
            raise DatabaseProblem(path, f"is damaged ({answer})")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
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
        raise DatabaseProblem(path, f"is damaged ({exc})") from None
    finally:
        conn.close()


def _create(path: Path) -> None:
    """Create a new database atomically: built aside, then linked into place."""
    ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=".recovtui-new-", suffix=".db", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.chmod(0o600)
        db = _connect(tmp)
        migrations.apply(db)
        db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def open_db(path: Path) -> Database:
    """Open (creating if missing) the database at ``path``, migrated to the current schema."""
    path = Path(path)
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
        if migrations.pending(db):
            migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(path, f"cannot be opened ({exc})") from None
    return db


def open_memory_db() -> Database:
    """A migrated in-memory database (for tests and benchmarks)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db
