"""The open check sees a schema the migrations did not make and values no recovtui wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import memory_db
from tracker.data.db import DatabaseProblem, open_db, open_memory_db
from tracker.data.integrity import TABLES
from tracker.data.store import Store


def test_the_expected_schema_is_what_the_migrations_make() -> None:
    db = open_memory_db()
    made = {
        name: tuple(column.name for column in db[name].columns)
        for name in db.table_names()
        if not name.startswith("_")
    }
    assert made == TABLES


def test_the_tests_copy_of_a_new_database_is_one_the_migrations_make() -> None:
    """``tests.helpers.memory_db`` copies a migrated database instead of migrating."""
    made, copied = open_memory_db(), memory_db()
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert copied.execute(schema).fetchall() == made.execute(schema).fetchall()
    for name in made.table_names():  # the migrations' own table records when each ran
        columns = "migration_set, name" if name == "_sqlite_migrations" else "*"
        rows = f"SELECT {columns} FROM [{name}] ORDER BY 1, 2"
        assert copied.execute(rows).fetchall() == made.execute(rows).fetchall(), name
    assert copied.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert (
        copied.execute("PRAGMA user_version").fetchone()
        == made.execute("PRAGMA user_version").fetchone()
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "recovtui.db"
    store = Store(open_db(path))
    store.close()
    return path


DAMAGE = {
    "DROP TABLE activities": "table activities is missing",
    "ALTER TABLE wellness DROP COLUMN pain": "column wellness.pain is missing",
    "INSERT INTO settings VALUES ('units', '{')": (
        "table settings, key 'units': value '{' is not JSON"
    ),
    "INSERT INTO activities (date, kind, distance_m) VALUES ('2026-13-45', 'easy', 1)": (
        "table activities, row 1: date '2026-13-45' is not a date recovtui reads"
    ),
    "INSERT INTO activities (date, kind, distance_m) VALUES ('2026-02-30', 'easy', 1)": (
        "date '2026-02-30' is not a date"
    ),
    "INSERT INTO activities (date, kind, distance_m) VALUES ('2026-01-01', 'nap', 1)": (
        "kind 'nap' is not an activity kind"
    ),
    "INSERT INTO activities (date, kind, distance_m) VALUES ('2026-01-01', 'easy', -5)": (
        "distance_m -5 is not a distance"
    ),
    "INSERT INTO plan_days (date, kind) VALUES ('2026-01-01', 'nap')": (
        "kind 'nap' is not a plan kind"
    ),
    "INSERT INTO recovery_sessions (date, kind, started_at, status) "
    "VALUES ('0999-01-01', 'ice_bath', '2026-01-01T19:00:00Z', 'completed')": (
        "table recovery_sessions, row 1: date '0999-01-01'"
    ),
    "INSERT INTO recovery_sessions (date, kind, started_at, status) "
    "VALUES ('2026-01-01', 'ice_bath', '1-01-01T19:00:00Z', 'completed')": (
        "started_at '1-01-01T19:00:00Z' is not a time"
    ),
    "INSERT INTO checkins (date) VALUES ('9999-12-31')": "date '9999-12-31'",
    "INSERT INTO excused_weeks VALUES ('1899-12-25', 'flu')": "week_start '1899-12-25'",
    "INSERT INTO wellness (date) VALUES ('\x1b[2J')": r"date '\x1b[2J' is not a date",
}


@pytest.mark.parametrize("sql", DAMAGE)
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_a_damaged_table_is_named_and_left_untouched(db: Path, sql: str, read_only: bool) -> None:
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        open_db(db, read_only=read_only)
    message = str(caught.value)
    assert DAMAGE[sql] in message
    assert message.startswith(f"{db}: is damaged (")
    assert "\n" not in message and "\x1b" not in message
    assert db.read_bytes() == before


def test_a_healthy_database_opens(db: Path) -> None:
    open_db(db).close()
    open_db(db, read_only=True).close()
