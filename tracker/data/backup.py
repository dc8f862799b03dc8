"""Backups with SQLite's online backup API.

A backup is a complete, self-contained database file (rollback journal, not
WAL), written beside its target and renamed into place, so a crash never leaves
half a backup. The first start of each day copies the database to
``backups/recovtui-YYYY-MM-DD.db`` beside it and keeps the newest 14 of those;
``recovtui backup`` adds ``recovtui-YYYY-MM-DDTHHMMSSZ.db`` files, never rotated.
Backups are named after the database file (``training.db`` gives
``training-YYYY-MM-DD.db``), so databases sharing a folder keep apart.

Rotation deletes only the dailies it made itself: each one it makes is written
down in ``backups/.recovtui.rotation.json``, so a file that ``backup --output``
or anything else put there, whatever its name, is never deleted (nor a daily
made before that record was kept). A daily dated after today (the clock was
wrong once) is neither counted nor deleted, and never stops today's.

Restoring is copying a backup over the database while recovtui is closed, and
removing the ``recovtui.db-wal`` and ``recovtui.db-shm`` files if any are left
beside it (they belong to the database being replaced).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tracker.data.paths import backup_dir, ensure_private_dir

if TYPE_CHECKING:
    from tracker.data.connection import StoreDatabase

KEEP_DAILY: Final = 14


class BackupError(Exception):
    """A backup could not be written; the message names the file and why."""


def daily_name(db_path: Path, day: date) -> str:
    return f"{db_path.stem}-{day.isoformat()}.db"


def _daily_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r"-\d{4}-\d{2}-\d{2}\.db")


def manual_backup_path(db_path: Path, now: datetime) -> Path:
    """Where ``recovtui backup`` puts a copy when not told: ``backups/``, named by UTC time."""
    moment = now.astimezone(UTC) if now.tzinfo else now
    return backup_dir(db_path) / f"{db_path.stem}-{moment:%Y-%m-%dT%H%M%SZ}.db"


def newest_backup(db_path: Path) -> Path | None:
    """The newest backup of this database (daily or by hand), if any."""
    pattern = re.compile(re.escape(db_path.stem) + r"-\d{4}-\d{2}-\d{2}(T\d{6}Z)?\.db")
    try:
        found = sorted(p for p in backup_dir(db_path).iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return None
    return found[-1] if found else None


def backup_to(db: StoreDatabase, path: Path) -> Path:
    """Copy the open database ``db`` to ``path`` (created 0600, replaced atomically)."""
    import tempfile  # only when a backup is taken: the daily check stays cheap

    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".recovtui-backup-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BackupError(
            f"cannot write a backup in {path.parent} ({exc.strerror or exc})"
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.chmod(0o600)
        target = sqlite3.connect(tmp)
        try:
            # no fsync per step: the file is synced once below, before it is renamed into place
            target.execute("PRAGMA synchronous = OFF")
            db.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupError(f"cannot write the backup {path} ({reason})") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def daily_backups(db_path: Path) -> list[Path]:
    """The backups in ``backups/`` named like a daily, oldest first (whoever made them)."""
    folder = backup_dir(db_path)
    pattern = _daily_pattern(db_path)
    try:
        return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def daily_backup(
    db_path: Path, db: StoreDatabase, today: date, keep: int = KEEP_DAILY
) -> Path | None:
    """Take today's backup unless there is one, then keep only the newest ``keep`` of
    the dailies made here (see the module's docstring).

    Returns the new backup, or None when today's already existed (one stat).
    """
    target = backup_dir(db_path) / daily_name(db_path, today)
    try:
        if target.exists():
            return None
    except OSError as exc:  # a backups folder that cannot be searched: a warning, not a failure
        raise BackupError(f"cannot look in {target.parent} ({exc.strerror or exc})") from None
    try:
        ensure_private_dir(target.parent)
    except OSError as exc:
        raise BackupError(f"cannot create {target.parent} ({exc.strerror or exc})") from None
    backup_to(db, target)
    made = {*_made_here(db_path), target.name}
    for name in _rotated_out(made, db_path, today, keep):
        with contextlib.suppress(OSError):
            (target.parent / name).unlink()
        made.discard(name)
    _record_made(db_path, {name for name in made if (target.parent / name).exists()})
    return target


def _rotated_out(made: set[str], db_path: Path, today: date, keep: int) -> list[str]:
    """The dailies made here to delete: all but the newest ``keep`` dated today or before."""
    prefix = len(db_path.stem) + 1
    dated = sorted(name for name in made if name[prefix : prefix + 10] <= today.isoformat())
    return dated[:-keep] if keep > 0 else dated


def _record_path(db_path: Path) -> Path:
    return backup_dir(db_path) / f".{db_path.stem}.rotation.json"


def _made_here(db_path: Path) -> set[str]:
    """The dailies rotation made (a missing or unreadable record: none, so none is deleted)."""
    import json

    pattern = _daily_pattern(db_path)
    try:
        names = json.loads(_record_path(db_path).read_text(encoding="utf-8"))["made"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    if not isinstance(names, list):
        return set()
    return {name for name in names if isinstance(name, str) and pattern.fullmatch(name)}


def _record_made(db_path: Path, names: set[str]) -> None:
    """Write the record beside the backups, atomically; a record not written keeps the
    new daily out of rotation (it is kept, never lost)."""
    import json

    path = _record_path(db_path)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"made": sorted(names)}), encoding="utf-8")
        temporary.chmod(0o600)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
