"""How a command fails: one line on stderr and an exit code."""

from __future__ import annotations

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or refused input: exit 2."""


class Failure(Exception):
    """A runtime failure (an unreadable database…): exit 1."""
