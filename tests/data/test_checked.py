"""The value scan runs again whenever the files changed since their last clean pass,
and only then (see tracker/data/checked.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import tracker.data.db
from tracker.data import checked
from tracker.data.db import DatabaseProblem, open_db
from tracker.data.store import Store
from tracker.domain.kinds import DayKind

from ..conftest import TODAY


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every value scan an open makes, by the file it scans."""
    seen: list[Path] = []
    scan = tracker.data.db.value_problem

    def counted(conn: sqlite3.Connection) -> str | None:
        seen.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return scan(conn)

    monkeypatch.setattr(tracker.data.db, "value_problem", counted)
    return seen


def test_unchanged_files_are_not_scanned_again(tmp_path: Path, scans: list[Path]) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    assert len(scans) == 1
    Store(open_db(path)).close()
    Store(open_db(path, read_only=True)).close()
    assert len(scans) == 1


def test_recovtuis_own_writes_keep_the_pass(tmp_path: Path, scans: list[Path]) -> None:
    path = tmp_path / "recovtui.db"
    store = Store(open_db(path))
    store.set_kind(TODAY, DayKind.REST)
    store.close()
    Store(open_db(path)).close()
    assert len(scans) == 1


def test_a_write_by_another_connection_means_a_new_scan(tmp_path: Path, scans: list[Path]) -> None:
    path = tmp_path / "recovtui.db"
    store = Store(open_db(path))
    other = Store(open_db(path))  # trusted: the files did not change
    other.set_kind(TODAY, DayKind.REST)
    other.close()  # the first connection still open: what it leaves is not its own
    store.close()
    Store(open_db(path)).close()
    assert len(scans) == 2


def test_a_hand_edit_after_a_clean_pass_is_found(tmp_path: Path) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    assert Path(checked.checked_path(path)).exists()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO activities (date, kind, distance_m) VALUES ('2026-13-45', 'easy', 1)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseProblem, match="2026-13-45"):
        open_db(path)


def test_a_read_only_open_writes_nothing_beside(tmp_path: Path, scans: list[Path]) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    Path(checked.checked_path(path)).unlink()
    Store(open_db(path, read_only=True)).close()
    assert not Path(checked.checked_path(path)).exists()
    assert len(scans) == 2


def test_a_foreign_or_garbled_record_means_a_scan(tmp_path: Path, scans: list[Path]) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    Path(checked.checked_path(path)).write_text('{"format": 1, "stamp": "yes"}')
    Store(open_db(path)).close()
    Path(checked.checked_path(path)).write_bytes(b"\xff\x00")
    Store(open_db(path)).close()
    assert len(scans) == 3


@pytest.fixture
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every ``PRAGMA quick_check`` an open runs, on any of its connections."""
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql else None)
        return conn

    monkeypatch.setattr(tracker.data.db.sqlite3, "connect", traced)
    return seen


def test_unchanged_files_skip_the_quick_check_too(tmp_path: Path, quick_checks: list[str]) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()  # new: checked
    first = len(quick_checks)
    assert first >= 1
    Store(open_db(path)).close()
    Store(open_db(path, read_only=True)).close()
    assert len(quick_checks) == first


def test_changed_files_get_the_quick_check_again(tmp_path: Path, quick_checks: list[str]) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO activities (date, kind, distance_m) VALUES ('2026-11-20', 'easy', 1)")
    conn.commit()
    conn.close()
    before = len(quick_checks)
    Store(open_db(path)).close()
    assert len(quick_checks) == before + 1


def test_damage_after_a_clean_pass_is_found(tmp_path: Path) -> None:
    """A file damaged after its clean pass (its stamp moves) is refused, as before."""
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO activities (date, kind, distance_m) VALUES (?, 'easy', 5000)",
        [(TODAY.subtract(days=day).to_date_string(),) for day in range(1, 400)],
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    Store(open_db(path)).close()  # a clean pass of the filled file
    assert Path(checked.checked_path(path)).exists()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):
        data[offset : offset + 8] = b"\xff" * 8  # the b-tree page headers after the first
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem):
        open_db(path)
