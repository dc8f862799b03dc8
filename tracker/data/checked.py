"""Which state of the database files last passed the value check, so that an open of
the same files does not scan ten years again (the scan is most of an open's time).

The value check (:func:`tracker.data.integrity.value_problem`) looks for values no
recovtui writes. Its answer holds for as long as the files stay as they were, so
after a clean pass ``<name>.checked.json`` beside the database remembers their
stamp (device, inode, size and modification time of the file and its WAL, as the
status summary stamps them) with a signature of
this recovtui's checks. An open whose files have that stamp skips the scan; any
change by anyone (a hand edit, a copy put back, a newer check) means a new scan.

A process that wrote is the only writer since its clean open when SQLite's
``data_version`` never moved on its connection; its writes are recovtui's own, so
as it closes it remembers the files it leaves (:meth:`StoreDatabase.close`). A
write by any other connection (another window, the watched-folder import, a
hand edit) moves ``data_version``, and the next open scans. SQLite's own
``quick_check`` is skipped on the same terms (files that passed it and were
written since by recovtui alone, through SQLite); the schema is checked at every
open.

Unreadable, foreign or stale, the file only means "scan"; read-only opens use
it and never write it.
"""

from __future__ import annotations

import json
import os
import zlib

from tracker import __version__
from tracker.data.integrity import CHECKS, TABLES
from tracker.data.status_cache import StrPath, file_stamp, write_private_json

FORMAT = 1
SUFFIX = ".checked.json"
SIGNATURE = zlib.crc32(repr((__version__, CHECKS, TABLES)).encode())
"""This recovtui's checks: a new check (or a new version) scans every database again."""


def checked_path(db_path: StrPath) -> str:
    """``recovtui.db`` → ``recovtui.checked.json`` (another name gets the suffix added)."""
    path = os.fspath(db_path)
    root, ext = os.path.splitext(path)
    return (root if ext == ".db" else path) + SUFFIX


def stamp(db_path: StrPath) -> list[int] | None:
    """What identifies the files' content now (None: no database).

    Only ``stat``: a process must never open and close the database file beside its
    SQLite connection, since closing any descriptor of a file drops every POSIX lock
    the process holds on it (and another process could then rebuild the WAL index
    under it)."""
    return file_stamp(db_path)


def trusted(db_path: StrPath, now: list[int] | None) -> bool:
    """The files stamped ``now`` are exactly those that last passed the check."""
    if now is None:
        return False
    try:
        with open(checked_path(db_path), "rb") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return False
    return (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and data.get("signature") == SIGNATURE
        and data.get("stamp") == now
    )


def remember(db_path: StrPath, checked: list[int] | None) -> None:
    """Remember ``checked`` as the stamp of files that passed (nothing when it cannot)."""
    if checked is None:
        return
    data = {"format": FORMAT, "signature": SIGNATURE, "stamp": checked}
    write_private_json(checked_path(db_path), data)
