"""A closed terminal ends recovtui within 2 s, on every screen, also mid-start, with a
running timer saved first (DESIGN §11): by SIGHUP, and by end of file on the
terminal when no SIGHUP comes (Textual's driver alone would spin on it forever).

Each app runs on a pseudo-terminal of its own; they all start at once, so the
test costs one start-up, not seven. The two running timers are on the Timer.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.recovery import SessionStatus

START_TIMEOUT_S = 90.0
ENDS_WITHIN_S = 2.0
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


@dataclass
class Run:
    """One recovtui on a pseudo-terminal."""

    db: Path
    key: str
    marker: bytes
    process: subprocess.Popen[bytes]
    master: int
    output: bytearray = field(default_factory=bytearray)
    stop: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None

    @classmethod
    def start(cls, db: Path, key: str, marker: bytes, *argv: str) -> Run:
        store = Store(open_db(db))  # a database that has had its welcome
        store.mark_welcomed("2026-11-25T20:00:00Z")
        store.close()
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env |= {"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        process = subprocess.Popen(
            [sys.executable, "-m", "tracker", "--db", str(db), "--today", "2026-11-25", *argv],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,  # no controlling terminal: closing it sends no SIGHUP
        )
        os.close(slave)
        run = cls(db, key, marker, process, master)
        run.reader = threading.Thread(target=run._drain, daemon=True)
        run.reader.start()
        return run

    def _drain(self) -> None:
        """Read the app's screen so it never blocks on a full terminal; never blocks
        itself, so the terminal can really be closed (a blocked read holds it open)."""
        with contextlib.suppress(OSError):
            while not self.stop.is_set():
                if select.select([self.master], [], [], 0.05)[0]:
                    if not (chunk := os.read(self.master, 65536)):
                        return
                    self.output.extend(chunk)

    def close_terminal(self) -> None:
        """Close the terminal's side as a dead ssh session does: no SIGHUP, just the end."""
        self.stop.set()
        if self.reader is not None:
            self.reader.join(5)
        os.close(self.master)
        self.master = -1

    def shows(self, text: bytes) -> bool:
        return text in ESCAPES.sub(b"", bytes(self.output))

    def ended_within(self, seconds: float) -> float:
        started = time.monotonic()
        try:
            self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
            pytest.fail(f"still running {seconds} s after its terminal closed: {self.screen()}")
        return time.monotonic() - started

    def screen(self) -> str:
        return ESCAPES.sub(b"", bytes(self.output[-3000:])).decode("utf-8", "replace")

    def close(self) -> None:
        self.stop.set()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        if self.master >= 0:
            with contextlib.suppress(OSError):
                os.close(self.master)


def wait_for(runs: list[Run], ready: Callable[[Run], bool], press: bool = False) -> None:
    """Wait until every run is ``ready``; ``press`` presses each one's key again now and
    then meanwhile (a key typed while the app is still starting may go unseen)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    for run in runs:
        pressed = 0.0
        while not ready(run):
            assert run.process.poll() is None, f"recovtui exited early: {run.screen()}"
            assert time.monotonic() < deadline, f"never ready ({run.key!r}): {run.screen()}"
            if press and time.monotonic() - pressed > 2:
                os.write(run.master, run.key.encode())
                pressed = time.monotonic()
            time.sleep(0.05)


SCREENS = [
    ("1", b"Not checked in"),
    ("2", b"Rest days planned"),
    ("4", b"Weekly distance"),
    ("5", b"Week template"),
]


@pytest.mark.slow
def test_sighup_or_end_of_file_ends_every_screen_within_two_seconds(tmp_path: Path) -> None:
    runs = [Run.start(tmp_path / f"{key}.db", key, marker) for key, marker in SCREENS]
    timer_hup = Run.start(tmp_path / "hup.db", "", b"Feet up", "timer", "feet-up")
    timer_eof = Run.start(tmp_path / "eof.db", "", b"Feet up", "timer", "feet-up")
    starting = Run.start(tmp_path / "starting.db", "", b"")
    everyone = [*runs, timer_hup, timer_eof, starting]
    try:
        starting.process.send_signal(signal.SIGHUP)  # mid-start: before the app is up
        assert starting.ended_within(ENDS_WITHIN_S) < ENDS_WITHIN_S

        wait_for(runs, lambda run: run.shows(b"q quit"))
        wait_for(runs, lambda run: run.shows(run.marker), press=True)
        wait_for([timer_hup, timer_eof], lambda run: running_elapsed(run.db) is not None)
        timers_seen = time.monotonic()

        for run in runs:
            run.process.send_signal(signal.SIGHUP)
        for run in runs:
            assert run.ended_within(ENDS_WITHIN_S) < ENDS_WITHIN_S, run.key

        ran_at_least = int(time.monotonic() - timers_seen)
        timer_hup.process.send_signal(signal.SIGHUP)
        timer_eof.close_terminal()  # the terminal is gone, and no SIGHUP comes
        for run in (timer_hup, timer_eof):
            assert run.ended_within(ENDS_WITHIN_S) < ENDS_WITHIN_S
            assert (running_elapsed(run.db) or 0) >= ran_at_least, "saved as it closed"
    finally:
        for run in everyone:
            run.close()


def running_elapsed(db: Path) -> int | None:
    """The elapsed time saved of the session running in ``db``, if any."""
    if not db.exists():
        return None
    store = Store(open_db(db))
    try:
        running = [s for s in store.all_sessions() if s.status is SessionStatus.RUNNING]
        return running[0].elapsed_s if running else None
    finally:
        store.close()
