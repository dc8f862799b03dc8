"""The wellness table: 0006_wellness on an older database, one entry a day, the history start."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from tracker.data.db import open_db
from tracker.data.migrations import migrations
from tracker.data.store import Store
from tracker.domain.wellness import Wellness

DAY = date(2026, 11, 24)


def test_a_database_before_wellness_keeps_its_data_and_takes_entries(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0006_wellness")
    old["checkins"].insert({"date": "2026-11-20", "at": "2026-11-20T20:00:00Z"})  # type: ignore[union-attr]
    old["activities"].insert(  # type: ignore[union-attr]
        {"date": "2026-11-21", "kind": "easy", "distance_m": 8000, "note": "", "source": "manual"}
    )
    old.conn.commit()
    old.close()

    store = Store(open_db(path))
    try:
        assert store.is_checked_in(date(2026, 11, 20))
        assert [a.distance_m for a in store.all_activities()] == [8000]
        assert store.wellness_between() == {}
        entry = Wellness(DAY, sleep_h=7.5, sleep_quality=3, fatigue=4, stress=2, soreness=5)
        store.save_wellness(entry)
        assert store.wellness_on(DAY) == entry
    finally:
        store.close()


def test_an_entry_replaces_the_days_entry_and_an_empty_one_removes_it(store: Store) -> None:
    store.save_wellness(Wellness(DAY, fatigue=4, pain_site="left calf", pain=3))
    store.save_wellness(Wellness(DAY, fatigue=2))
    assert store.wellness_on(DAY) == Wellness(DAY, fatigue=2)
    store.save_wellness(Wellness(DAY))
    assert store.wellness_on(DAY) is None
    assert store.wellness_between(DAY, DAY) == {}


def test_many_entries_at_once(store: Store) -> None:
    entries = [Wellness(date(2026, 11, d), sleep_h=7.0, soreness=d % 7 + 1) for d in range(1, 8)]
    store.add_wellness([*entries, Wellness(date(2026, 11, 9))])  # the empty one is not stored
    got = store.wellness_between(date(2026, 11, 1), date(2026, 11, 30))
    assert list(got.values()) == entries
    assert store.wellness_between(date(2026, 11, 2), date(2026, 11, 3)).keys() == {
        date(2026, 11, 2),
        date(2026, 11, 3),
    }


def test_a_wellness_entry_starts_the_history(store: Store) -> None:
    store.record_created_on(DAY)
    assert store.history_start() == DAY
    store.save_wellness(Wellness(date(2026, 10, 3), rhr=48))
    assert store.history_start() == date(2026, 10, 3)
