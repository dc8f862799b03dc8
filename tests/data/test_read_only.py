"""Looking changes nothing: ``status``, ``stats``, ``plan`` and ``export`` open the
database read-only (DESIGN §8)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import TODAY
from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.failures import OpenedReadOnly
from tracker.data.migrations import migrations
from tracker.data.store import ReadOnlyStore, Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

LOOKING = (("status",), ("status", "--json"), ("stats",), ("stats", "--json"), ("plan",))
EXPORTS = (("export",), ("export", "--format", "csv"), ("export", "--format", "ics"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def looks(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run every looking command on ``path``; their outputs."""
    outputs = []
    for argv in LOOKING + EXPORTS:
        code = main(["--db", str(path), "--today", str(TODAY), *argv])
        out, err = capsys.readouterr()
        assert (code, err) == (0, ""), (argv, err)
        outputs.append(out)
    return outputs


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    """A backup as ``recovtui backup`` makes it (rollback journal, not WAL), in backups/."""
    source = tmp_path / "data" / "recovtui.db"
    store = Store(open_db(source))
    store.add_activity(Activity(TODAY, ActivityKind.EASY, 8000))
    store.close()
    target = tmp_path / "data" / "backups" / "recovtui-2026-11-25.db"
    target.parent.mkdir()
    assert main(["--db", str(source), "backup", "--output", str(target)]) == 0
    return target


def test_looking_at_a_backup_changes_not_a_byte_and_makes_nothing_beside_it(
    backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, ``export --db backup.db`` switched it to WAL and made backups/backups/."""
    capsys.readouterr()
    before, around = digest(backup), beside(backup)
    outputs = looks(backup, capsys)
    assert '"distance_m": 8000' in outputs[-3]
    assert digest(backup) == before
    summary = backup.with_suffix(".status.json").name  # status's cache for the next prompt
    assert [name for name in beside(backup) if name != summary] == around
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_a_store_opened_read_only_refuses_to_write_in_one_line(backup: Path) -> None:
    before = digest(backup)
    store = ReadOnlyStore(open_db(backup, read_only=True))
    try:
        assert len(store.all_activities()) == 1
        with pytest.raises(OpenedReadOnly, match="opened read-only"):
            store.add_activity(Activity(TODAY, ActivityKind.EASY, 1000))
        store.week_plan(TODAY.add(weeks=5))  # shown from the template, not stored
        assert store.plan_days(TODAY.add(weeks=5), TODAY.add(weeks=6)) == {}
    finally:
        store.close()
    assert digest(backup) == before


def test_an_older_schema_is_read_through_a_migrated_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(str(path)))
    migrations.apply(old, stop_before="0002_defaults")
    old.close()
    before = digest(path)
    outputs = looks(path, capsys)
    assert outputs[0].startswith("rest streak")
    assert digest(path) == before


def test_looking_at_a_database_that_does_not_exist_makes_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    looks(path, capsys)
    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_looking_works_on_a_read_only_filesystem(
    small_fs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, a read-only database was refused even for ``stats`` and ``export``."""
    path = small_fs / "recovtui.db"
    store = Store(open_db(path))
    store.add_activity(Activity(TODAY, ActivityKind.LONG, 21000))
    store.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    before, around = digest(path), beside(path)
    outputs = looks(path, capsys)
    assert "21.0 km" in outputs[2]
    assert digest(path) == before and beside(path) == around
    code = main(["--db", str(path), "log", "--kind", "easy", "--distance", "5"])
    assert code == 1
    assert "is read-only" in capsys.readouterr().err
