"""Is the terminal still there? (for a process whose terminal closed without a SIGHUP)"""

from __future__ import annotations

import select
import struct
from typing import TextIO


def terminal_at_end(stream: TextIO) -> bool:
    """The terminal ``stream`` reads from is hung up, or at end of file.

    A live terminal in raw mode is readable only with bytes to read; readable
    with none is the end of file (a closed pseudo-terminal reads 0 bytes). One
    answer can be a race with a reader taking the bytes just now: callers ask
    a few times in a row.
    """
    try:
        import fcntl
        import termios

        fd = stream.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        events = poller.poll(0)
        if not events:
            return False
        mask = events[0][1]
        if mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
            return True
        if not mask & select.POLLIN:
            return False
    except (OSError, ValueError, ImportError, AttributeError):  # no terminal to ask
        return False
    try:
        pending = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
    except OSError:  # readable, and cannot say how much: it is gone
        return True
    return bool(pending == 0)
