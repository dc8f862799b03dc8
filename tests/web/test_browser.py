"""The phone at the ice bath, for real: `recovtui serve` in headless Chromium.

One test, the runner's whole evening by taps on a phone-sized page: tick an item
on Today, run a 3 s timer to its end, then start an ice bath, lose the page
(the phone locked, the tab was closed) and get the session back on the next
connection. Each step is checked in the database the terminal app also uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from tests.helpers import ticked
from tests.web import browser
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.presets import Preset
from tracker.domain.recovery import RecoverySession, SessionStatus

TODAY = pendulum.date(2026, 11, 25)
QUICK = "Quick dip"

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))


def eventually(db: Path, found: Callable[[Store], object], timeout_s: float = 20) -> object:
    """Poll the database (written by the served process) until ``found`` says so."""
    deadline = time.monotonic() + timeout_s
    while True:
        store = Store(open_db(db))
        try:
            if result := found(store):
                return result
        finally:
            store.close()
        assert time.monotonic() < deadline, "the database never showed it"
        time.sleep(0.1)


def sessions(store: Store, preset: str) -> list[RecoverySession]:
    return [s for s in store.sessions_between(TODAY, TODAY) if s.preset == preset]


def test_a_phone_ticks_times_and_gets_a_dropped_session_back(tmp_path: Path) -> None:
    db = tmp_path / "recovtui.db"
    store = Store(open_db(db))
    store.save_preset(Preset.single(QUICK, "custom", 3))
    store.close()

    with browser.served(db, "--today", TODAY.isoformat()) as url, browser.phone() as phone:
        screen = browser.Screen(phone.new_page())
        screen.open(url)
        screen.tap("Foam roller")
        eventually(db, lambda store: "foam_roller" in ticked(store, TODAY))

        screen.tap("3 Timer")
        screen.tap(QUICK)
        screen.wait_for("Time's up")
        logged = eventually(db, lambda store: sessions(store, QUICK))
        assert isinstance(logged, list)
        assert logged[0].status is SessionStatus.COMPLETED
        assert (logged[0].elapsed_s or 0) >= 3
        screen.tap("Stop")

        screen.tap("Ice bath")
        screen.tap("Start (enter)")
        eventually(db, lambda store: (sessions(store, "Ice bath") or [None])[0])
        eventually(db, lambda store: (sessions(store, "Ice bath")[0].elapsed_s or 0) >= 2)
        screen.page.close()  # the phone locks: the websocket drops, the app process ends

        again = browser.Screen(phone.new_page())
        again.open(url)
        again.tap("Resume")
        again.wait_for("back at")
        again.tap("Stop")
        again.tap("Log partial")
        partial = eventually(
            db,
            lambda store: [
                s for s in sessions(store, "Ice bath") if s.status is SessionStatus.PARTIAL
            ],
        )
        assert isinstance(partial, list)
        assert (partial[0].elapsed_s or 0) >= 2
