"""A real ``recovtui timer ice-bath`` killed with SIGKILL loses at most a few seconds.

The app runs in a child process on a pseudo-terminal (Textual needs one), the
test watches the database from outside, kills the child, then starts the app
again in-process and checks the session is offered back.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.recovery import SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog

MAX_LOST_S = 5.0
RUN_FOR_S = MAX_LOST_S + 0.5
"""Just over the most that may be lost: a timer that saved only at its start fails."""
START_TIMEOUT_S = 60.0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _drain(fd: int, sink: bytearray) -> None:
    """Read the child's screen output so it never blocks on a full terminal."""
    with contextlib.suppress(OSError):
        while chunk := os.read(fd, 65536):
            sink.extend(chunk)


def _start_timer_process(db: Path) -> tuple[subprocess.Popen[bytes], int, bytearray]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env |= {"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    command = [sys.executable, "-m", "tracker", "--db", str(db), "--today", "2026-11-25"]
    process = subprocess.Popen(
        [*command, "timer", "ice-bath"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()
    threading.Thread(target=_drain, args=(master, output), daemon=True).start()
    return process, master, output


@pytest.mark.slow
async def test_a_killed_timer_keeps_its_session_and_offers_it_back(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "crash.db"
    store = Store(open_db(db))
    process, master, output = _start_timer_process(db)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not store.running_sessions():
            assert process.poll() is None, f"recovtui exited early: {bytes(output)[-2000:]!r}"
            assert time.monotonic() < deadline, "the timer never started"
            time.sleep(0.05)
        started = time.monotonic()
        time.sleep(RUN_FOR_S)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        truth = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        os.close(master)
    assert process.returncode == -signal.SIGKILL

    (session,) = store.running_sessions()
    assert session.preset == "Ice bath" and session.planned_s == 600
    assert session.elapsed_s is not None
    assert truth - MAX_LOST_S <= session.elapsed_s <= truth + 0.5

    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one(".dialog-question", Static).content)
        assert "Ice bath started Wed 25 Nov" in body
        await pilot.press("l")
        await pilot.pause()
    logged = store.session(session.id or 0)
    assert logged is not None
    assert (logged.status, logged.elapsed_s) == (SessionStatus.PARTIAL, session.elapsed_s)
    store.close()
