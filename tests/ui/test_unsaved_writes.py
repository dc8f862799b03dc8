"""The TUI while another recovtui holds the write lock (a long import), or on a full
disk: it never crashes, never loses a tick silently, and shows what is stored (DESIGN §9)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker.app
from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import toasts
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.nutrition import DEFAULT_ITEMS
from tracker.screens.timer import TimerScreen
from tracker.widgets.checklist import Checklist

SIZE = (100, 32)


@pytest.fixture
def importing(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[sqlite3.Connection]:
    """Another process in the middle of a long import: it holds the write lock.

    This week and the next are planned first, so that showing them writes nothing.
    """
    monkeypatch.setattr(tracker.app, "LOCK_WAIT_S", 0.2)
    store.week_plan(TODAY)
    store.week_plan(TODAY.add(days=7))
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


async def test_a_tick_during_an_import_is_refused_out_loud_then_made(
    store: Store, clock: FakeClock, importing: sqlite3.Connection
) -> None:
    """Before, the app crashed on space with "database is locked" and the tick was lost."""
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "space")
        await pilot.pause()
        assert app.is_running
        errors = [message for message, severity in toasts(pilot) if severity == "error"]
        assert errors and all("is busy" in e and "nothing was changed" in e for e in errors)
        nutrition = app.screen.query_one("#nutrition", Checklist)
        assert store.nutrition_checks(TODAY, TODAY) == {}
        assert nutrition.border_title == f"Nutrition 0/{len(DEFAULT_ITEMS)}", (
            "the checklist shows what is stored"
        )

        importing.execute("ROLLBACK")
        await pilot.press("space")
        await pilot.pause()
        assert len(store.nutrition_checks(TODAY, TODAY)[TODAY]) == 1
        assert nutrition.border_title == f"Nutrition 1/{len(DEFAULT_ITEMS)}"


async def test_a_running_timer_keeps_time_through_an_import_and_saves_after(
    store: Store, clock: FakeClock, importing: sqlite3.Connection
) -> None:
    app = make_app(store, clock, start_mode="timer")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        importing.execute("ROLLBACK")
        app.start_timer("feet-up")
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, TimerScreen) and screen.timed is not None
        importing.execute("BEGIN IMMEDIATE")
        for _ in range(5):
            clock.advance(2.5)
            screen.tick()
            await pilot.pause()
        assert app.is_running and screen.timed is not None
        assert not [t for t in toasts(pilot) if t[1] == "error"], "background saves stay quiet"
        (session,) = store.all_sessions()
        assert session.elapsed_s == 0
        importing.execute("ROLLBACK")
        clock.advance(2.5)
        screen.tick()
        (session,) = store.all_sessions()
        assert session.elapsed_s == 15


async def test_a_tick_on_a_full_disk_says_disk_full(small_fs: Path, clock: FakeClock) -> None:
    store = Store(open_db(small_fs / "recovtui.db"))
    try:
        store.week_plan(TODAY)
        store.week_plan(TODAY.add(days=7))
        app = make_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            free = os.statvfs(small_fs).f_bavail * os.statvfs(small_fs).f_frsize
            with (small_fs / "filler").open("wb") as filler:
                os.posix_fallocate(filler.fileno(), 0, free)
            await pilot.press("tab", "space")
            await pilot.pause()
            assert app.is_running
            errors = [message for message, severity in toasts(pilot) if severity == "error"]
            assert errors and errors[-1].startswith("disk full: cannot write")
            assert store.nutrition_checks(TODAY, TODAY) == {}
            (small_fs / "filler").unlink()
    finally:
        store.close()
