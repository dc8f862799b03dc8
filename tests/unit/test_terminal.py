"""Telling a live terminal from one that closed without a SIGHUP."""

from __future__ import annotations

import os
import pty
import sys

import pytest

from tracker.terminal import Terminal, terminal_state

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def test_a_live_terminal_with_or_without_input_is_live_and_a_closed_one_is_gone() -> None:
    master, slave = pty.openpty()
    with os.fdopen(slave, "r") as stream:
        assert terminal_state(stream) is Terminal.LIVE
        os.write(master, b"x")
        assert terminal_state(stream) is Terminal.LIVE, "a key waiting to be read"
        os.close(master)
        assert terminal_state(stream) is Terminal.HUNG_UP


def test_a_pipe_reads_live_until_its_writer_leaves() -> None:
    read, write = os.pipe()
    with os.fdopen(read, "r") as stream:
        assert terminal_state(stream) is Terminal.LIVE
        os.close(write)
        assert terminal_state(stream) is Terminal.HUNG_UP
