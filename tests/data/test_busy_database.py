"""Another recovtui writing (a long import holding the lock): a write waits, retries,
or says so in one line; never a traceback, never half a change (DESIGN §9)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker.cli.context
import tracker.data.connection
from tests.conftest import TODAY
from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.failures import DatabaseBusy
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind


class Holder:
    """A second connection holding the write lock, as a long import does."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO checkins (date, at) VALUES ('2026-01-01', 'x')")

    def release_after(self, seconds: float) -> threading.Timer:
        timer = threading.Timer(seconds, self.release)
        timer.start()
        return timer

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.release()
        self.conn.close()


@pytest.fixture
def holder(store: Store, db_path: Path) -> Iterator[Holder]:
    held = Holder(db_path)
    yield held
    held.close()


def run_a(activity: float = 5000) -> Activity:
    return Activity(TODAY, ActivityKind.EASY, int(activity))


def test_a_write_gives_up_in_one_line_and_changes_nothing(store: Store, holder: Holder) -> None:
    store.wait_for_writers(0.3)
    with pytest.raises(DatabaseBusy) as caught:
        store.add_activity(run_a())
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{store.db.path} is busy: another recovtui is writing to it")
    assert "nothing was changed" in message
    holder.release()
    assert store.all_activities() == []


def test_a_read_modify_write_waits_for_the_lock_then_is_made(
    store: Store, holder: Holder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own wait runs out first; the store asks again, and says it is waiting once."""
    monkeypatch.setattr(tracker.data.connection, "BUSY_TIMEOUT_MS", 100)
    waits: list[str] = []
    store.wait_for_writers(10, lambda: waits.append("waiting"))
    item = store.nutrition_items()[0].id
    holder.release_after(0.6)
    assert store.toggle_nutrition_check(TODAY, item) is True
    assert waits == ["waiting"]
    assert store.nutrition_checks(TODAY, TODAY) == {TODAY: {item}}


def test_reading_goes_on_while_another_writes(store: Store, holder: Holder) -> None:
    store.wait_for_writers(0.1)
    assert store.all_activities() == []
    assert store.is_checked_in(TODAY) is False


def test_recovtui_log_waits_says_so_and_logs(
    db_path: Path,
    holder: Holder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(tracker.data.connection, "BUSY_TIMEOUT_MS", 100)
    holder.release_after(0.6)
    argv = ["--db", str(db_path), "log", "--kind", "easy", "--distance", "5"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert err == f"recovtui: waiting for another recovtui to finish writing {db_path}…\n"
    assert out.startswith("Logged easy 5.0 km")


def test_recovtui_log_on_a_database_busy_too_long_says_so_in_one_line(
    db_path: Path,
    holder: Holder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, it failed after 5 s with a traceback (database is locked)."""
    monkeypatch.setattr(tracker.cli.context, "LOCK_WAIT_S", 0.3)
    argv = ["--db", str(db_path), "log", "--kind", "easy", "--distance", "5"]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"recovtui: {db_path} is busy: another recovtui is writing to it")
    holder.release()
    store = Store(open_db(db_path))
    try:
        assert store.all_activities() == []
    finally:
        store.close()


def test_two_connections_toggling_at_once_lose_no_toggle(store: Store, db_path: Path) -> None:
    """Each toggle reads and writes in one transaction: an even number of toggles from
    each side leaves the item as it was, whatever the interleaving."""
    item = store.nutrition_items()[0].id
    errors: list[BaseException] = []

    def toggle(times: int) -> None:
        other = Store(open_db(db_path))
        try:
            for _ in range(times):
                other.toggle_nutrition_check(TODAY, item)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            other.close()

    threads = [threading.Thread(target=toggle, args=(40,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    toggle(41)
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert store.nutrition_checks(TODAY, TODAY) == {TODAY: {item}}
