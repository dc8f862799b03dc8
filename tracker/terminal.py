"""Is the terminal still there? SIGHUP, or end of file on it, is the app's end.

Textual's Linux driver reads a terminal at end of file forever at full CPU
(Textualize/textual#6690), so end of file is looked for as well as SIGHUP.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import struct
import sys
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, TextIO

from textual.app import App

CHECK_EVERY_S = 0.25
GONE_AFTER_CHECKS = 3
EXIT_GRACE_S = 1.5


class Terminal(Enum):
    LIVE = "live"
    HUNG_UP = "hung up"
    """Certainly gone: the terminal says so."""
    AT_END = "at end"
    """Readable with nothing to read: the end of file, unless a reader took the bytes just
    now (callers ask a few times in a row)."""


def terminal_state(stream: TextIO) -> Terminal:
    """What the terminal ``stream`` reads from looks like now.

    A live terminal in raw mode is readable only with bytes to read; readable
    with none is the end of file (a closed pseudo-terminal reads 0 bytes).
    """
    try:
        import fcntl
        import termios

        fd = stream.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        events = poller.poll(0)
    except (OSError, ValueError, ImportError, AttributeError):  # no terminal to ask
        return Terminal.LIVE
    mask = events[0][1] if events else 0
    if mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
        return Terminal.HUNG_UP
    if not mask & select.POLLIN:
        return Terminal.LIVE
    try:
        pending = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
    except OSError:  # readable, and cannot say how much: it is gone
        return Terminal.HUNG_UP
    return Terminal.AT_END if pending == 0 else Terminal.LIVE


def watch_terminal(app: App[Any], closed: Callable[[], None]) -> None:
    """Call ``closed`` when the app's terminal goes: on SIGHUP, or when it reads at
    end of file a few times in a row (a headless app has no terminal to watch)."""
    if app.is_headless or not hasattr(signal, "SIGHUP"):
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, closed)
    stdin = sys.__stdin__
    if stdin is None or not stdin.isatty():
        return
    strikes = 0

    def check() -> None:
        nonlocal strikes
        state = terminal_state(stdin)
        strikes = strikes + 1 if state is Terminal.AT_END else 0
        if state is Terminal.HUNG_UP or strikes >= GONE_AFTER_CHECKS:
            closed()

    app.set_interval(CHECK_EVERY_S, check)


def end_process_soon(code: int, seconds: float = EXIT_GRACE_S) -> None:
    """End the process ``seconds`` from now whatever else happens: nothing is left to
    show once the terminal is gone, and a hung loop must not linger."""
    ender = threading.Timer(seconds, os._exit, args=(code,))
    ender.daemon = True
    ender.start()
