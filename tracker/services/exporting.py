"""Exporting: everything in the store as recovtui's JSON document, runs as CSV, the plan as ICS.

Reading only. An ICS export holds every stored planned day, and for this week
and the next the template's proposal where they were never planned (as the
Week screen shows them), without storing it. A backup is a copy of the
database made with SQLite's backup API.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker.data.backup import backup_to, manual_backup_path
from tracker.data.paths import ensure_private_dir
from tracker.data.store import Store
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
