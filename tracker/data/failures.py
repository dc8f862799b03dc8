"""Why a healthy database cannot be written right now, in one line each.

Neither is damage: the file is fine and nothing was changed. A **busy**
database is one another recovtui is writing to (a long import holds the
write lock); a **full disk** leaves SQLite no room for its journal. Both are
told as what they are, never as "damaged", and never with advice to restore
a backup (that would throw away everything since it was taken).

Standard library only: the command line catches these without loading SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Final

SQLITE_BUSY: Final = 5
SQLITE_LOCKED: Final = 6
SQLITE_IOERR: Final = 10
SQLITE_FULL: Final = 13
SQLITE_CANTOPEN: Final = 14
SQLITE_READONLY: Final = 8

LOW_SPACE_BYTES: Final = 1 << 20
"""Below this much free space, an I/O error from SQLite is taken to be the full disk
(creating the ``-shm`` or growing the ``-wal`` is what failed)."""


class StoreUnavailable(Exception):
    """A write (or an open) could not be done now; nothing was changed."""


class DatabaseBusy(StoreUnavailable):
    """Another recovtui held the write lock for longer than we waited."""

    def __init__(self, path: Path | str, waited_s: float) -> None:
        self.path = Path(path)
        super().__init__(
            f"{path} is busy: another recovtui is writing to it (an import?) and did not "
            f"finish within {waited_s:.{0 if waited_s >= 10 else 1}f} s; nothing was changed — "
            "try again when it is done"
        )


class DiskFull(StoreUnavailable):
    """The disk holding the database has no room left."""

    def __init__(self, path: Path | str, doing: str = "write") -> None:
        self.path = Path(path)
        super().__init__(
            f"disk full: cannot {doing} {path} ({free_text(self.path)} free); nothing was "
            "changed — free some space and try again"
        )


class OpenedReadOnly(StoreUnavailable):
    """A command that only reads tried to write (a bug: reading never writes)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(f"{path} was opened read-only and cannot be changed by this command")


def error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a ``sqlite3.Error`` (None for anything else)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(exc: BaseException) -> bool:
    return error_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)


def is_disk_full(exc: BaseException, path: Path | str | None) -> bool:
    """SQLite said the disk is full, or an I/O error came with (almost) no space left."""
    code = error_code(exc)
    if code == SQLITE_FULL or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return True
    io_error = code in (SQLITE_IOERR, SQLITE_CANTOPEN) or isinstance(exc, OSError)
    return io_error and path is not None and low_space(path)


def free_bytes(path: Path | str) -> int | None:
    """Free space on the filesystem holding ``path`` (its folder when it does not exist)."""
    folder = Path(path)
    if not folder.is_dir():
        folder = folder.parent
    with contextlib.suppress(OSError, ValueError):
        stat = os.statvfs(folder)
        return stat.f_bavail * stat.f_frsize
    return None


def low_space(path: Path | str) -> bool:
    free = free_bytes(path)
    return free is not None and free < LOW_SPACE_BYTES


def free_text(path: Path) -> str:
    free = free_bytes(path)
    if free is None:
        return "no space"
    if free < 1024:
        return f"{free} bytes"
    return f"{free // 1024} KB"
