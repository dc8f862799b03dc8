"""Exporting: everything in the store as recovtui's JSON document, runs as CSV, the plan as ICS.

Reading only. An ICS export holds every stored planned day, and for this week
and the next the template's proposal where they were never planned (as the
Week screen shows them), without storing it. A backup is a copy of the
database made with SQLite's backup API.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker.data.backup import backup_to, manual_backup_path
from tracker.data.paths import ensure_private_dir
from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.domain.plan import PlanDay
from tracker.formats.activities_csv import write_activities_csv
from tracker.formats.recovtui_json import ExportContents, build_document, dumps_document


def _all_plan_days(store: Store) -> list[PlanDay]:
    return list(store.plan_days().values())


def export_contents(store: Store) -> ExportContents:
    """Everything the runner has entered, read from the store."""
    return ExportContents(
        settings=store.settings(),
        presets=store.presets(),
        plan=_all_plan_days(store),
        activities=store.all_activities(),
        sessions=store.all_sessions(),
        items=store.nutrition_items(include_archived=True),
        checks=store.nutrition_checks(),
        excused=store.excused_weeks(),
        checkins=store.checkins(),
        wellness=list(store.wellness_between().values()),
    )


def export_json(store: Store, now: datetime) -> dict[str, Any]:
    """Everything in the database as the export document, stamped ``now`` (reads only)."""
    return build_document(export_contents(store), now)


def export_csv(store: Store) -> str:
    """Every activity, one row each, with a header (empty cells for missing values)."""
    return write_activities_csv(store.all_activities())


def export_ics(store: Store, now: datetime, today: date | None = None) -> bytes:
    """The plan as an iCalendar file: one all-day event per planned day; with
    ``today``, this week and the next as the Week screen shows them (reads only)."""
    from tracker.formats.ics import write_plan_ics

    days = store.plan_days()
    if today is not None:
        for day in (today, today + timedelta(weeks=1)):
            for planned in store.week_plan(day).days:
                days.setdefault(planned.date, planned)
    return write_plan_ics(sorted(days.values(), key=lambda d: d.date), store.settings().units, now)


def export_text(store: Store, file_format: str, now: datetime, today: date) -> str:
    """The export as text: ``csv``, ``ics``, else the JSON document."""
    if file_format == "csv":
        return export_csv(store)
    if file_format == "ics":
        return export_ics(store, now, today).decode("utf-8")
    return dumps_document(export_json(store, now))


def back_up(store: Store, db_path: Path, target: Path | None, now: datetime) -> Path:
    """Copy the database to ``target``, else to a new dated file beside its daily backups.

    Raises ``BackupError`` or ``OSError`` when the copy cannot be made.
    """
    if target is None:
        target = manual_backup_path(db_path, now)
        ensure_private_dir(target.parent)
    backup_to(store.db, target)
    return target


EXPORT_SUFFIXES = {".csv": "csv", ".ics": "ics"}
"""A file's suffix names its export format; anything else is the JSON document."""


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place (0600: it is personal data).

    Raises ``OSError`` when it cannot be written; nothing is left half-written.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)


def export_to_new_file(store: Store, path: Path, now: datetime, today: date) -> str:
    """Export to ``path``, a file that does not exist yet, in the format its suffix names
    (``.csv``, ``.ics``, else JSON); returns the format. ``ValueError`` says why a path
    is refused, ``OSError`` why it could not be written."""
    path = path.expanduser()
    if path.exists() or path.is_symlink():
        raise ValueError(f"{path} already exists: choose a new file name")
    if not path.parent.is_dir():
        raise ValueError(f"{path.parent} is not a folder")
    file_format = EXPORT_SUFFIXES.get(path.suffix.lower(), "json")
    write_private_file(path, export_text(store, file_format, now, today).encode("utf-8"))
    return file_format


def back_up_beside_daily(store: Store, now: datetime) -> Path:
    """A backup beside the daily ones, named by the time (the TUI's Backup command).

    ``ValueError`` says why none could be made (``OSError`` when it could not be written).
    """
    from tracker.data.backup import BackupError

    db_path = store.database_path()
    if db_path is None:
        raise ValueError("this database lives in memory: there is no file to back up")
    try:
        return back_up(store, db_path, None, now)
    except BackupError as exc:
        raise ValueError(str(exc)) from None


class FileService:
    """The TUI's file commands (export, backup) on one store and clock."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def export_to(self, path: Path) -> str:
        """See :func:`export_to_new_file`."""
        return export_to_new_file(self.store, path, self.clock.now(), self.clock.today())

    def back_up(self) -> Path:
        """See :func:`back_up_beside_daily`."""
        return back_up_beside_daily(self.store, self.clock.now())
