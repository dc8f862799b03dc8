"""``recovtui backup``: a named copy, one beside the database, the daily backup, a bad database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.run import FIXTURES, recovtui


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    return recovtui(db, *argv)


def seeded(db: Path) -> None:
    assert run(db, "import", str(FIXTURES / "small_export.json"))[0] == 0


def test_backup_to_a_file(db: Path, tmp_path: Path) -> None:
    seeded(db)
    target = tmp_path / "copy.db"
    code, out, err = run(db, "backup", "--output", str(target))
    assert (code, err) == (0, "")
    assert out == f"Backed up {db} to {target}\n"
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM activities").fetchone() == (2,)
    conn.close()

    code, _, err = run(db, "backup", "--output", str(target))
    assert code == 2 and "already exists" in err


def test_backup_without_output_goes_beside_the_database(db: Path) -> None:
    seeded(db)
    code, out, _ = run(db, "backup")
    assert code == 0
    made = Path(out.strip().split(" to ")[1])
    assert made.parent == db.parent / "backups"
    assert made.name.startswith("recovtui-") and made.name.endswith("Z.db")
    assert made.exists()


def test_any_command_that_writes_takes_the_daily_backup(db: Path) -> None:
    run(db, "plan", "set", "2026-11-26", "cross")  # creates the database: nothing to back up yet
    assert not (db.parent / "backups").exists()
    for looking in (("plan",), ("stats",), ("export",), ("status",)):
        run(db, *looking)
    assert not (db.parent / "backups").exists(), "looking takes no backup"
    run(db, "plan", "set", "2026-11-26", "easy")
    daily = [p.name for p in (db.parent / "backups").iterdir() if not p.name.startswith(".")]
    assert len(daily) == 1 and daily[0].startswith("recovtui-")


def test_backup_of_an_unreadable_database_fails_cleanly(db: Path, tmp_path: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all")
    code, _, err = run(db, "backup", "--output", str(tmp_path / "x.db"))
    assert code == 1
    assert "is not a SQLite database" in err
    assert db.read_bytes() == b"this is not a database at all"
