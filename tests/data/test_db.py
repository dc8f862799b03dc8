"""Opening the database safely (DESIGN §9, §11 Reliability)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tracker.data.db import DatabaseProblem, open_db
from tracker.data.schema import KNOWN, MIGRATION_SET
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.domain.nutrition import DEFAULT_ITEMS

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
