"""The phone at the ice bath, for real: `recovtui serve` in headless Chromium.

One test, an evening by taps on a phone-sized page: tick an item on Today,
start a 3 s timer, lose the page mid-session (the phone locked, the tab was
closed), get the session back on the next connection and see it logged. Each
step is checked in the database the terminal app also uses.
"""

from __future__ import annotations

import re
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


def ran_a_second(screen: browser.Screen, timeout_s: float = browser.TIMEOUT_S) -> None:
    """Wait until the timer shows at least a second run. Not one exact second: on a busy
    machine the page may skip from 00:00 to 00:02 between two looks."""
    deadline = time.monotonic() + timeout_s
    while not re.search(r"Elapsed 00:(0[1-9]|[1-5]\d)", screen.text()):
        assert time.monotonic() < deadline, f"the timer never ran; the screen:\n{screen.text()}"
        screen.page.wait_for_timeout(100)


def quick_dip(store: Store) -> RecoverySession | None:
    return next((s for s in store.sessions_between(TODAY, TODAY) if s.preset == QUICK), None)


def left_behind(store: Store) -> RecoverySession | None:
    """The session, once saved and no longer timed by any process (free to offer back)."""
    session = quick_dip(store)
    if session is None or session.id is None or not (session.elapsed_s or 0) >= 1:
        return None
    if not store.claim_session(session.id):
        return None
    store.release_session(session.id)
    return session


def test_a_phone_ticks_and_times_and_gets_a_dropped_session_back(tmp_path: Path) -> None:
    db = tmp_path / "recovtui.db"
    store = Store(open_db(db))
    store.save_preset(Preset.single(QUICK, "custom", 3))
    store.close()

    with browser.served(db, "--today", TODAY.isoformat()) as server, browser.phone() as phone:
        screen = browser.Screen(phone.new_page())
        screen.open(server.url)
        screen.tap("Foam roller")
        eventually(db, lambda store: "foam_roller" in ticked(store, TODAY))

        screen.tap("3 Timer")
        screen.tap(QUICK)
        ran_a_second(screen)
        screen.page.close()  # the phone locks: the websocket drops, the app process ends
        dropped = eventually(db, left_behind)
        assert isinstance(dropped, RecoverySession)
        assert dropped.status is SessionStatus.RUNNING

        again = browser.Screen(phone.new_page())
        again.open(server.url)
        again.tap("Resume")
        again.wait_for("READY")  # back where it stood, waiting for the runner
        again.tap("Pause/Resume")
        again.wait_for("Time's up")
        logged = eventually(db, quick_dip)
        assert isinstance(logged, RecoverySession)
        assert logged.status is SessionStatus.COMPLETED
        assert (logged.elapsed_s or 0) >= 3
