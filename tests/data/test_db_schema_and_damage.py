"""The database file: strict tables, keys, defaults, damaged, read-only and older files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.data.test_db import damaged_in_the_middle, fingerprint
from tracker.__main__ import main
from tracker.data.db import DatabaseProblem, open_db
from tracker.data.migrations import migrations
from tracker.data.store import Store
from tracker.domain.nutrition import DEFAULT_ITEMS
from tracker.domain.plan import DEFAULT_TEMPLATE


def test_wal_foreign_keys_and_busy_timeout_are_on(tmp_path: Path) -> None:
    db = open_db(tmp_path / "recovtui.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()


def test_every_table_is_strict(tmp_path: Path) -> None:
    db = open_db(tmp_path / "recovtui.db")
    tables = {
        row[1]: row[5]
        for row in db.execute("PRAGMA table_list")
        if row[0] == "main" and row[2] == "table" and not row[1].startswith(("sqlite_", "_"))
    }
    assert {"plan_days", "activities", "settings", "excused_weeks", "checkins"} <= set(tables)
    assert all(tables.values()), tables
    db.close()


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("plan_days", {"date": "2026-11-25", "kind": "rest", "target_m": "far"}),
        ("plan_days", {"date": "2026-11-25", "kind": "rest", "target_m": 1.5}),
        (
            "activities",
            {"date": "2026-11-25", "kind": "easy", "distance_m": "ten", "source": "manual"},
        ),
        ("checkins", {"date": b"\x00\x01", "at": "x"}),
    ],
)
def test_strict_tables_refuse_wrong_types(
    tmp_path: Path, table: str, row: dict[str, object]
) -> None:
    db = open_db(tmp_path / "recovtui.db")
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with pytest.raises(sqlite3.IntegrityError, match="cannot store"):
        db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_db(tmp_path / "recovtui.db")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("INSERT INTO nutrition_checks (date, item_id) VALUES ('2026-11-25', 999)")
    db.close()


def test_a_new_database_has_the_default_template_and_items(tmp_path: Path) -> None:
    store = Store(open_db(tmp_path / "recovtui.db"))
    assert store.settings().template == DEFAULT_TEMPLATE
    assert store.nutrition_items()[0].name == DEFAULT_ITEMS[0]
    assert store.presets()
    store.close()


def test_a_database_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseProblem, match="cannot be created") as caught:
        open_db(blocker / "recovtui.db")
    assert str(blocker / "recovtui.db") in str(caught.value)


# The command line on a damaged file


def test_the_cli_on_a_damaged_file_prints_one_line_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "recovtui.db"
    damaged_in_the_middle(path)
    before = fingerprint(path)
    assert main(["--db", str(path), "plan"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"recovtui: {path}: is damaged")
    assert fingerprint(path) == before


def test_the_cli_on_a_damaged_file_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "recovtui.db"
    damaged_in_the_middle(path)
    before = fingerprint(path)
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "plan", "--db", str(path), "--today", "2026-11-25"],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "RECOVTUI_DB"},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert f"{path}: is damaged" in result.stderr
    assert fingerprint(path) == before


def test_a_database_made_by_an_older_schema_is_migrated_forward(tmp_path: Path) -> None:
    """A database that stopped at the first migration gets the later ones, data kept."""
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0002_defaults")
    old["checkins"].insert({"date": "2026-11-20", "at": "2026-11-20T20:00:00Z"})  # type: ignore[union-attr]
    old.conn.commit()
    old.close()

    store = Store(open_db(path))
    try:
        assert [item.name for item in store.nutrition_items()][:1] == [DEFAULT_ITEMS[0]]
        assert [preset.name for preset in store.presets()] == ["Ice bath", "Foam roller", "Feet up"]
        assert store.is_checked_in(date(2026, 11, 20))
    finally:
        store.close()


def test_a_read_only_file_is_not_told_to_restore_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "recovtui-2026-11-24.db").write_bytes(b"")
    path.chmod(0o400)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            open_db(path)
    finally:
        path.chmod(0o600)
    assert "read-only" in str(caught.value) and "backup" not in str(caught.value)


def test_a_database_that_cannot_be_created_says_why_and_nothing_else(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DatabaseProblem) as caught:
        open_db(blocker / "recovtui.db")
    assert str(caught.value).startswith(f"{blocker / 'recovtui.db'}: cannot be created (")
    assert "untouched" not in str(caught.value)


def _before_history_start(path: Path) -> Database:
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0004_history_start")
    return old


def test_an_older_database_starts_its_history_on_its_earliest_recorded_day(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    old = _before_history_start(path)
    old["activities"].insert(  # type: ignore[union-attr]
        {"date": "2026-03-01", "kind": "easy", "distance_m": 8000, "note": "", "source": "manual"}
    )
    old["recovery_sessions"].insert(  # type: ignore[union-attr]
        {
            "date": "2026-02-10",
            "kind": "massage",
            "started_at": "2026-02-10T18:00:00Z",
            "status": "completed",
        }
    )
    old["checkins"].insert({"date": "2026-03-02", "at": "2026-03-02T20:00:00Z"})  # type: ignore[union-attr]
    old.conn.commit()
    old.close()

    store = Store(open_db(path))
    try:
        assert store.created_on() == date(2026, 2, 10)
        store.record_created_on(date(2026, 11, 25))  # a known day is kept
        assert store.created_on() == date(2026, 2, 10)
        assert store.history_start() == date(2026, 2, 10)
        assert [a.distance_m for a in store.all_activities()] == [8000]
        assert store.is_checked_in(date(2026, 3, 2))
    finally:
        store.close()


def test_an_older_empty_database_starts_its_history_when_first_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _before_history_start(path).close()
    store = Store(open_db(path))
    try:
        assert store.created_on() is None
        assert store.history_start() is None
        store.record_created_on(date(2026, 11, 25))
        assert store.history_start() == date(2026, 11, 25)
        store.check_in(date(2026, 11, 20))  # an earlier record moves the start back
        assert store.history_start() == date(2026, 11, 20)
    finally:
        store.close()
