"""Backups: SQLite's backup API, daily rotation, and restoring by copying a file back."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from tests.conftest import EVENING, TODAY
from tracker.__main__ import main
from tracker.cli.context import Context
from tracker.data import backup as backup_module
from tracker.data import checked
from tracker.data.backup import (
    KEEP_DAILY,
    BackupError,
    backup_to,
    daily_backup,
    daily_backups,
    manual_backup_path,
    newest_backup,
)
from tracker.data.db import DatabaseProblem, open_db
from tracker.data.paths import backup_dir
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.services.exporting import export_json


def without_stamp(store: Store) -> dict[str, object]:
    doc = export_json(store, EVENING)
    del doc["exported_at"]
    return doc


def test_backup_is_a_complete_private_database(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = backup_to(demo_store.db, out / "copy.db")

    assert target.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    copy = Store(open_db(target))
    assert without_stamp(copy) == without_stamp(demo_store)
    copy.close()
    left = [p.name for p in out.iterdir() if not p.name.endswith(checked.SUFFIX)]
    assert left == ["copy.db"]  # no temporary left over (the open's check record aside)


def test_a_failed_backup_says_where_and_leaves_nothing(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="missing"):
        backup_to(store.db, tmp_path / "missing" / "copy.db")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "copy.db").mkdir()  # a folder where the file should go
    with pytest.raises(BackupError, match=r"copy\.db"):
        backup_to(store.db, tmp_path / "full" / "copy.db")
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["copy.db"]


def test_one_backup_a_day(store: Store, db_path: Path) -> None:
    first = daily_backup(db_path, store.db, TODAY)
    assert first == backup_dir(db_path) / "recovtui-2026-11-25.db"
    assert first.parent.stat().st_mode & 0o777 == 0o700
    stamp = first.stat().st_mtime_ns
    store.add_activity(Activity(TODAY, ActivityKind.EASY, 5000))

    assert daily_backup(db_path, store.db, TODAY) is None
    assert first.stat().st_mtime_ns == stamp
    assert daily_backup(db_path, store.db, TODAY.add(days=1)) is not None
    assert len(daily_backups(db_path)) == 2


def test_rotation_keeps_the_newest_fourteen(store: Store, db_path: Path) -> None:
    manual = manual_backup_path(db_path, EVENING)
    manual.parent.mkdir(parents=True)
    backup_to(store.db, manual)
    days = [TODAY + timedelta(days=i) for i in range(20)]
    for day in days:
        daily_backup(db_path, store.db, day)

    kept = daily_backups(db_path)
    assert KEEP_DAILY == 14
    assert [p.name for p in kept] == [f"recovtui-{d.isoformat()}.db" for d in days[-14:]]
    assert manual.exists()  # a backup asked for by hand is never rotated away


def test_rotation_never_deletes_a_backup_it_did_not_make(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, ``backup --output backups/recovtui-2026-06-01.db`` was rotated away."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True)
    by_hand = folder / "recovtui-2026-06-01.db"
    assert main(["--db", str(db_path), "backup", "--output", str(by_hand)]) == 0
    copied = folder / "recovtui-2026-06-02.db"
    shutil.copy(by_hand, copied)  # anything else wrote it
    for i in range(KEEP_DAILY + 3):
        daily_backup(db_path, store.db, TODAY + timedelta(days=i))
    assert by_hand.exists() and copied.exists()
    made = [p for p in daily_backups(db_path) if p not in (by_hand, copied)]
    assert len(made) == KEEP_DAILY
    assert made[0].name == f"recovtui-{(TODAY + timedelta(days=3)).isoformat()}.db"


def test_dailies_dated_in_the_future_never_stop_todays(store: Store, db_path: Path) -> None:
    """Before, 14 dailies dated in the future made every start take today's backup
    and delete it at once."""
    future = [TODAY + timedelta(days=100 + i) for i in range(KEEP_DAILY)]
    for day in future:  # the clock was wrong once
        daily_backup(db_path, store.db, day)
    taken = daily_backup(db_path, store.db, TODAY)
    assert taken is not None and taken.exists()
    assert daily_backup(db_path, store.db, TODAY) is None, "one a day, kept"
    assert all((backup_dir(db_path) / f"recovtui-{d.isoformat()}.db").exists() for d in future)


def test_restoring_a_backup_gives_back_the_same_export(demo_store: Store, db_path: Path) -> None:
    taken = daily_backup(db_path, demo_store.db, TODAY)
    assert taken is not None
    at_backup = without_stamp(demo_store)
    demo_store.add_activity(Activity(TODAY, ActivityKind.RACE, 42195, note="after the backup"))
    demo_store.close()

    # the documented restore: recovtui closed, copy the backup over the database
    shutil.copyfile(taken, db_path)
    for leftover in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        leftover.unlink(missing_ok=True)

    restored = Store(open_db(db_path))
    assert without_stamp(restored) == at_backup
    restored.close()


def test_a_damaged_database_names_the_newest_backup(store: Store, db_path: Path) -> None:
    for day in (TODAY, TODAY.add(days=1)):
        daily_backup(db_path, store.db, day)
    store.close()
    data = bytearray(db_path.read_bytes())
    data[:16] = b"not a database!!"
    db_path.write_bytes(bytes(data))

    with pytest.raises(DatabaseProblem) as caught:
        open_db(db_path)
    assert str(backup_dir(db_path) / "recovtui-2026-11-26.db") in str(caught.value)


def test_manual_backups_are_named_by_utc_time(db_path: Path) -> None:
    moment = pendulum.datetime(2026, 11, 25, 21, 5, 9, tz="Europe/Berlin")
    path = manual_backup_path(db_path, moment)
    assert path == backup_dir(db_path) / "recovtui-2026-11-25T200509Z.db"


# ----------------------------------------------------- the daily backup on start


def test_every_command_start_backs_up_once_a_day(tmp_path: Path) -> None:
    ctx = Context(tmp_path / "r.db", pretend_today=None)
    ctx.open_store().close()
    assert daily_backups(ctx.db_path) == []  # a database made just now holds nothing yet
    ctx.open_store().close()
    assert len(daily_backups(ctx.db_path)) == 1


def test_once_todays_backup_exists_a_start_costs_no_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = Context(tmp_path / "r.db", pretend_today=None)
    ctx.open_store().close()
    ctx.open_store().close()

    def fail(*args: object) -> Path:
        raise AssertionError("backed up twice in a day")

    monkeypatch.setattr(backup_module, "backup_to", fail)
    ctx.open_store().close()


def test_a_failing_daily_backup_warns_and_the_app_still_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = Context(tmp_path / "r.db", pretend_today=None)
    ctx.open_store().close()
    (tmp_path / "backups").write_text("a file where the folder should be")

    store = ctx.open_store()
    store.close()

    assert "warning: no daily backup" in capsys.readouterr().err


def test_databases_sharing_a_folder_keep_their_own_backups(tmp_path: Path) -> None:
    first, second = tmp_path / "recovtui.db", tmp_path / "training.db"
    stores = [Store(open_db(first)), Store(open_db(second))]
    assert daily_backup(first, stores[0].db, TODAY) is not None
    assert daily_backup(second, stores[1].db, TODAY) is not None  # not fooled by the other
    assert [p.name for p in daily_backups(second)] == ["training-2026-11-25.db"]
    assert newest_backup(first) == tmp_path / "backups" / "recovtui-2026-11-25.db"

    later = manual_backup_path(second, EVENING)
    backup_to(stores[1].db, later)
    assert newest_backup(second) == later
    assert newest_backup(first) == tmp_path / "backups" / "recovtui-2026-11-25.db"
    for store in stores:
        store.close()


def test_a_damaged_database_names_its_own_newest_backup(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    backups = folder / "backups"
    backups.mkdir(parents=True)
    (backups / "recovtui-2026-11-20.db").write_bytes(b"")
    (backups / "training-2026-11-24.db").write_bytes(b"")  # another database's
    broken = folder / "recovtui.db"
    broken.write_text("not a database")
    with pytest.raises(DatabaseProblem) as caught:
        open_db(broken)
    message = str(caught.value)
    assert str(backups / "recovtui-2026-11-20.db") in message
    assert "training" not in message
    assert "recovtui.db-wal" in message


def test_a_recovery_ticked_by_hand_without_a_duration_has_none(store: Store) -> None:
    store.log_recovery(TODAY, "massage")
    (session,) = store.sessions_between(TODAY, TODAY)
    assert session.elapsed_s is None
    assert export_json(store, EVENING)["recovery"][0]["elapsed_s"] is None
