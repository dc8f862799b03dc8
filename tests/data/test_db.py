"""Opening the database safely (DESIGN §9, §11 Reliability)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from tracker.__main__ import main
from tracker.data.db import DatabaseProblem, open_db
from tracker.data.migrations import KNOWN, MIGRATION_SET, migrations
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.domain.nutrition import DEFAULT_ITEMS
from tracker.domain.plan import DEFAULT_TEMPLATE

from ..conftest import TODAY


def fingerprint(path: Path) -> tuple[str | None, list[str]]:
    """The file's hash and what lies beside it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return digest, sorted(os.listdir(path.parent))


def real_db(path: Path, weeks: int = 150) -> Path:
    """A recovtui database with some pages to damage, closed and checkpointed."""
    store = Store(open_db(path))
    for week in range(weeks):
        store.week_plan(TODAY.subtract(weeks=week))
    store.set_kind(TODAY, DayKind.REST)
    store.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def damaged_in_the_middle(path: Path) -> None:
    real_db(path)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xab" * 4096
    path.write_bytes(bytes(data))


def damaged_page_one(path: Path) -> None:
    real_db(path)
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\x00" * 3900
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    real_db(path)
    path.write_bytes(path.read_bytes()[:20_000])


def text_file(path: Path) -> None:
    path.write_text("date,kind\n2026-11-24,easy\n")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('Born to Run')")
    conn.commit()
    conn.close()


def foreign_wal_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


def newer_schema(path: Path) -> None:
    real_db(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "0099_from_the_future", "2030-01-01T00:00:00"],
    )
    conn.commit()
    conn.close()


def read_only(path: Path) -> None:
    real_db(path)
    path.chmod(0o400)


def directory(path: Path) -> None:
    path.mkdir()


BAD_FILES: list[tuple[Callable[[Path], None], str]] = [
    (damaged_in_the_middle, "is damaged"),
    (damaged_page_one, "is damaged"),
    (truncated, "is damaged"),
    (text_file, "is not a SQLite database"),
    (empty_file, "is an empty file"),
    (foreign_db, "not a recovtui one"),
    (foreign_wal_db, "not a recovtui one"),
    (newer_schema, "newer recovtui (schema 0099_from_the_future)"),
    (read_only, "is read-only"),
    (directory, "is a directory"),
]


@pytest.fixture
def bad_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    yield folder
    for path in folder.iterdir():
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.mark.parametrize(("make", "problem"), BAD_FILES, ids=[m.__name__ for m, _ in BAD_FILES])
def test_a_bad_file_is_reported_and_left_untouched(
    bad_dir: Path, make: Callable[[Path], None], problem: str
) -> None:
    path = bad_dir / "recovtui.db"
    make(path)
    before = fingerprint(path)
    for _ in range(2):
        with pytest.raises(DatabaseProblem) as caught:
            open_db(path)
        message = str(caught.value)
        assert str(path) in message
        assert problem in message
        assert "left untouched" in message
        assert "\n" not in message
        assert caught.value.path == path
        assert fingerprint(path) == before


def test_the_message_points_at_the_newest_backup(bad_dir: Path) -> None:
    path = bad_dir / "recovtui.db"
    text_file(path)
    backups = bad_dir / "backups"
    backups.mkdir()
    for name in ("recovtui-2026-11-23.db", "recovtui-2026-11-24.db"):
        (backups / name).write_bytes(b"")
    with pytest.raises(DatabaseProblem) as caught:
        open_db(path)
    assert str(backups / "recovtui-2026-11-24.db") in str(caught.value)
    for child in backups.iterdir():
        child.unlink()
    backups.rmdir()


def test_a_database_with_an_open_writer_is_not_left_with_new_files(tmp_path: Path) -> None:
    """A healthy recovtui database opened twice: the second open works as the first."""
    path = real_db(tmp_path / "recovtui.db")
    first = open_db(path)
    second = open_db(path)
    Store(second).set_kind(TODAY.add(weeks=1), DayKind.REST)
    assert Store(first).week_plan(TODAY.add(weeks=1)).rest_days == 2
    first.close()
    second.close()


def test_the_data_directory_is_private_and_the_database_too(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "data" / "recovtui.db"
    old = os.umask(0)
    try:
        db = open_db(path)
    finally:
        os.umask(old)
    Store(db).week_plan(TODAY)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for side in ("-wal", "-shm"):
        beside = path.with_name(path.name + side)
        if beside.exists():
            assert stat.S_IMODE(beside.stat().st_mode) & 0o077 == 0
    db.close()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "recovtui.db"
    store = Store(open_db(path))
    store.set_kind(TODAY, DayKind.REST)

    def schema(store: Store) -> list[tuple[str, str]]:
        return list(store.db.execute("SELECT name, sql FROM sqlite_master ORDER BY name"))

    def applied(store: Store) -> list[str]:
        return [r[0] for r in store.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]

    first_schema, first_applied = schema(store), applied(store)
    assert first_applied == list(KNOWN)
    store.close()
    for _ in range(3):
        store = Store(open_db(path))
        assert schema(store) == first_schema
        assert applied(store) == first_applied
        assert store.week_plan(TODAY).rest_days == 2
        assert len(store.nutrition_items()) == len(DEFAULT_ITEMS)
        store.close()


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
