"""What a command prints: text from the database or a file with its control characters
escaped (:func:`tracker.domain.text.terminal_text`), and a reader that left
(``recovtui plan | head -1``) ending the command quietly."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

from tracker.domain.text import terminal_json, terminal_text


def say(text: str, file: TextIO | None = None) -> None:
    """Print one line (or lines) of text that may hold user text."""
    print(terminal_text(text), file=file or sys.stdout)


def say_json(document: str) -> None:
    """Print a JSON document that may hold user text."""
    print(terminal_json(document))


def reader_left() -> None:
    """stdout's reader closed the pipe: send what is still buffered nowhere, so that
    Python's own flush at exit does not complain about it."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
