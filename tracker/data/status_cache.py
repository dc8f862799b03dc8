"""The status summary: a small JSON file beside the database for ``recovtui status``.

A shell prompt runs ``status`` every time it is drawn, so it must answer in a
few tens of milliseconds. Importing sqlite-utils alone takes longer
than that, pendulum and platformdirs most of the rest. So every process that
writes to the database leaves beside it ``<name>.status.json`` holding the
status documents of today and the six days after (as each of those days will
see the data), with a stamp of the database files. ``status`` reads that and
prints, importing only the standard library; when the summary is missing,
stale or unreadable it recomputes from the database and writes a new one.

The summary is fresh while the stamp matches the database file and its WAL
(device, inode, size and modification time; an empty or missing WAL stamps the
same) and it was written by this version of recovtui with this format. Closing
the last connection checkpoints the WAL, which changes both files, so the
summary is written again once the store is closed. Settings live in the
database, so a change of week start or time zone changes the stamp too; the
time zone is kept in the summary to tell which day it is without pendulum.

This module is the ``status`` fast path and must stay standard library only:
``tests/unit/test_status_cache.py`` checks that importing it and reading a
summary loads no sqlite, pendulum, platformdirs or Textual. Keeping the summary
fresh as a store writes is :mod:`tracker.services.status_summary`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from tracker import __version__
from tracker.domain import zones

if TYPE_CHECKING:
    from datetime import date

FORMAT = 1
SUFFIX = ".status.json"
# The same names as tracker.data.paths (which imports platformdirs); a test keeps them equal.
APP_NAME = "recovtui"
DB_FILENAME = "recovtui.db"

StrPath = str | os.PathLike[str]


def summary_path(db_path: StrPath) -> str:
    """``recovtui.db`` → ``recovtui.status.json``; another name gets the suffix added."""
    path = os.fspath(db_path)
    root, ext = os.path.splitext(path)
    return (root if ext == ".db" else path) + SUFFIX


def _linux_data_home() -> str | None:
    """platformdirs' ``user_data_dir`` base on Linux, where the rule is plain XDG.

    None wherever the answer is not obvious (another system, a relative
    ``$XDG_DATA_HOME`` or ``$HOME``): platformdirs itself answers then.
    """
    if not sys.platform.startswith("linux"):
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg:
        return xdg if os.path.isabs(xdg) and xdg == xdg.strip() else None
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home) or home.rstrip("/") == "":
        return None
    return os.path.join(home, ".local", "share")


def default_db_path() -> str:
    """:func:`tracker.data.paths.default_db_path`, without importing platformdirs where
    it can (its import costs 10-20 ms of a prompt's 60)."""
    env = os.environ.get("RECOVTUI_DB")
    if env:
        return os.path.expanduser(env)
    base = _linux_data_home()
    if base is None:
        from tracker.data.paths import default_db_path as platform_default

        return str(platform_default())
    return os.path.join(base, APP_NAME, DB_FILENAME)


def file_stamp(db_path: StrPath) -> list[int] | None:
    """What identifies the database's content on disk; None when there is no database."""
    path = os.fspath(db_path)
    try:
        main = os.stat(path)
    except OSError:
        return None
    stamp = [main.st_dev, main.st_ino, main.st_size, main.st_mtime_ns]
    with contextlib.suppress(OSError):
        wal = os.stat(path + "-wal")
        if wal.st_size > 0:
            stamp += [wal.st_ino, wal.st_size, wal.st_mtime_ns]
    return stamp


def parse_day(text: str) -> str | None:
    """``text`` when it has the shape ``YYYY-MM-DD`` (the ``--today`` option), else None.

    None sends ``status`` down the full path, where the one date parser of
    :mod:`tracker.domain.dates` accepts the value or says what is wrong with it.
    A date of the right shape that does not exist (``2026-02-30``) is never a
    day of a summary, so it takes the full path too.
    """
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if not (text[:4] + text[5:7] + text[8:]).isdigit():
        return None
    return text


# The one definition of the runner's day, shared with the app's clock.
local_today = zones.local_today


class StatusEntry(NamedTuple):
    """One day's ``status --json`` document and its one-line form.

    (A named tuple, not a dataclass: ``dataclasses`` imports ``inspect``, a tenth
    of the prompt's time budget.)
    """

    document: dict[str, Any]
    line: str


def read_status(db_path: StrPath, today: date | str | None = None) -> StatusEntry | None:
    """The status of ``today`` (a date or ``YYYY-MM-DD``; None: today in the runner's
    time zone) from a fresh summary; None when there is none to trust."""
    try:
        with open(summary_path(db_path), "rb") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("format") != FORMAT or data.get("version") != __version__:
        return None
    stamp = file_stamp(db_path)
    if stamp is None or data.get("stamp") != stamp:
        return None
    timezone = data.get("timezone")
    if today is None:
        day = local_today(timezone if isinstance(timezone, str) else None)
        if day is None:
            return None
    else:
        day = today if isinstance(today, str) else today.isoformat()
    days = data.get("days")
    entry = days.get(day) if isinstance(days, dict) else None
    if not isinstance(entry, dict):
        return None
    document, line = entry.get("json"), entry.get("line")
    if not isinstance(document, dict) or not isinstance(line, str):
        return None
    return StatusEntry(document, line)


def write_summary(db_path: StrPath, timezone: str | None, entries: Sequence[StatusEntry]) -> bool:
    """Write the summary atomically, stamped with the database files as they are now.

    Returns False (and leaves any old summary) when there is no database or the
    folder cannot be written: ``status`` then simply takes the longer way.
    """
    stamp = file_stamp(db_path)
    if stamp is None:
        return False
    data = {
        "format": FORMAT,
        "version": __version__,
        "stamp": stamp,
        "timezone": timezone,
        "days": {
            str(entry.document["today"]): {"json": entry.document, "line": entry.line}
            for entry in entries
        },
    }
    return write_private_json(summary_path(db_path), data)


def write_private_json(path: str, data: dict[str, Any]) -> bool:
    """Write ``data`` to ``path`` atomically, readable by its owner only; False when
    the folder cannot be written (any old file is left as it was)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True
