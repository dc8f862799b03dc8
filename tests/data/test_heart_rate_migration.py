"""0003_heart_rate: a database of the previous schema keeps its runs and gains the new fields."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from sqlite_utils import Database

from tracker.data.db import open_db
from tracker.data.migrations import migrations
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind


def test_a_database_before_heart_rate_keeps_its_runs_and_takes_heart_rates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0003_heart_rate")
    old["activities"].insert(  # type: ignore[union-attr]
        {
            "date": "2026-11-20",
            "kind": "easy",
            "distance_m": 8000,
            "note": "before",
            "source": "manual",
            "created_at": "2026-11-20T20:00:00Z",
        }
    )
    old.conn.commit()
    old.close()

    store = Store(open_db(path))
    try:
        (before,) = store.all_activities()
        assert (before.distance_m, before.note) == (8000, "before")
        assert (before.started_at, before.avg_hr, before.max_hr) == (None, None, None)
        start = datetime(2026, 11, 21, 7, 0, tzinfo=UTC)
        run = Activity(
            date(2026, 11, 21),
            ActivityKind.EASY,
            10_000,
            source="import:fit",
            source_id="track:x",
            started_at=start,
            avg_hr=150,
            max_hr=171,
        )
        assert store.import_runs([run]) == (1, 0, 0)
        stored = store.all_activities()[1]
        assert (stored.started_at, stored.avg_hr, stored.max_hr) == (start, 150, 171)
    finally:
        store.close()


def test_a_database_before_watched_folders_gains_them(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0005_watched_folders")
    old["checkins"].insert({"date": "2026-11-20", "at": "2026-11-20T20:00:00Z"})  # type: ignore[union-attr]
    old.conn.commit()
    old.close()

    store = Store(open_db(path))
    try:
        assert store.is_checked_in(date(2026, 11, 20))
        assert store.watched_folders() == []
        assert store.watch_folder(tmp_path)
        assert store.watched_folders() == [tmp_path]
    finally:
        store.close()
