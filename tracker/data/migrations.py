"""Every schema change, in order. Add new steps at the end, each named in
:data:`tracker.data.schema.KNOWN`; never edit old ones."""

from __future__ import annotations

import json
from typing import cast

from sqlite_utils import Database, Migrations
from sqlite_utils.db import Table

from tracker.data.schema import MIGRATION_SET
from tracker.domain.nutrition import DEFAULT_ITEMS

migrations = Migrations(MIGRATION_SET)


def _t(db: Database, name: str) -> Table:
    return cast(Table, db[name])


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    _t(db, "settings").create({"key": str, "value": str}, pk="key", strict=True)
    _t(db, "plan_days").create(
        {"date": str, "kind": str, "target_m": int, "note": str},
        pk="date",
        not_null={"kind"},
        strict=True,
    )
    _t(db, "activities").create(
        {
            "id": int,
            "date": str,
            "kind": str,
            "distance_m": int,
            "duration_s": int,
            "rpe": int,
            "note": str,
            "source": str,
            "source_id": str,
            "created_at": str,
        },
        pk="id",
        not_null={"date", "kind", "distance_m", "source", "note"},
        defaults={"note": "", "source": "manual"},
        strict=True,
    )
    _t(db, "activities").create_index(["date"])
    _t(db, "activities").create_index(["source_id"], unique=True)
    _t(db, "recovery_sessions").create(
        {
            "id": int,
            "date": str,
            "kind": str,
            "preset": str,
            "started_at": str,
            "updated_at": str,
            "planned_s": int,
            "elapsed_s": int,
            "status": str,
            "temperature_c": float,
            "note": str,
        },
        pk="id",
        not_null={"date", "kind", "started_at", "status"},
        strict=True,
    )
    _t(db, "recovery_sessions").create_index(["date"])
    _t(db, "recovery_sessions").create_index(["status"])
    _t(db, "timer_presets").create(
        {"name": str, "position": int, "data": str}, pk="name", not_null={"data"}, strict=True
    )
    _t(db, "nutrition_items").create(
        {"id": int, "name": str, "position": int, "archived": int},
        pk="id",
        not_null={"name", "position", "archived"},
        defaults={"archived": 0},
        strict=True,
    )
    _t(db, "nutrition_items").create_index(["name"], unique=True)
    _t(db, "nutrition_checks").create(
        {"date": str, "item_id": int},
        pk=("date", "item_id"),
        foreign_keys=[("item_id", "nutrition_items", "id")],
        strict=True,
    )
    _t(db, "excused_weeks").create(
        {"week_start": str, "reason": str}, pk="week_start", not_null={"reason"}, strict=True
    )
    _t(db, "checkins").create({"date": str, "at": str}, pk="date", strict=True)


@migrations(name="0002_defaults")
def defaults(db: Database) -> None:
    from tracker.domain.presets import DEFAULT_PRESETS, preset_to_dict

    _t(db, "nutrition_items").insert_all(
        {"name": name, "position": index, "archived": 0}
        for index, name in enumerate(DEFAULT_ITEMS, start=1)
    )
    _t(db, "timer_presets").insert_all(
        {"name": preset.name, "position": index, "data": json.dumps(preset_to_dict(preset))}
        for index, preset in enumerate(DEFAULT_PRESETS, start=1)
    )


@migrations(name="0003_heart_rate")
def heart_rate(db: Database) -> None:
    """The exact start of an imported run (to recognise it from another source) and its
    average and maximum heart rate, all optional."""
    activities = _t(db, "activities")
    activities.add_column("started_at", str)
    activities.add_column("avg_hr", int)
    activities.add_column("max_hr", int)
    activities.create_index(["started_at"])


@migrations(name="0004_history_start")
def history_start(db: Database) -> None:
    """A ``meta`` table for facts about the database itself, starting with the day it
    was made (where the history starts when nothing earlier is recorded).

    An existing database is taken to be as old as its earliest recorded day; one
    that records nothing gets the day it is first opened (the store's
    ``record_created_on``, called with the runner's today).
    """
    _t(db, "meta").create({"key": str, "value": str}, pk="key", strict=True)
    tables = {"activities", "checkins", "recovery_sessions", "wellness"} & set(db.table_names())
    firsts = [db.execute(f"SELECT min(date) FROM [{name}]").fetchone()[0] for name in tables]
    known = [day for day in firsts if day]
    if known:
        _t(db, "meta").insert({"key": "created_on", "value": min(known)})


@migrations(name="0005_watched_folders")
def watched_folders(db: Database) -> None:
    """Folders whose new activity files are imported at each start, and every file seen in
    them (its size, time and hash, and whether it was imported or refused)."""
    _t(db, "watched_folders").create({"path": str, "added_at": str}, pk="path", strict=True)
    _t(db, "watched_files").create(
        {
            "path": str,
            "size": int,
            "mtime_ns": int,
            "sha256": str,
            "outcome": str,
            "message": str,
            "seen_at": str,
        },
        pk="path",
        not_null={"size", "mtime_ns", "sha256", "outcome"},
        strict=True,
    )


@migrations(name="0006_wellness")
def wellness(db: Database) -> None:
    """How each day felt (docs/counting.md): the four Hooper items, sleep, mood, resting
    heart rate and a pain site with its rating, all optional; one row per date."""
    _t(db, "wellness").create(
        {
            "date": str,
            "sleep_h": float,
            "sleep_quality": int,
            "fatigue": int,
            "stress": int,
            "soreness": int,
            "mood": int,
            "rhr": int,
            "pain_site": str,
            "pain": int,
            "updated_at": str,
        },
        pk="date",
        strict=True,
    )
