"""Is the terminal still there? (for a process whose terminal closed without a SIGHUP)"""

from __future__ import annotations

import select
import struct
from enum import Enum
from typing import TextIO


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
