"""Undo: the changes made in this session, each with the rows it changed as they were.

Every write a service makes for the runner (a tick, a plan change, a run logged,
edited or deleted, a check-in or its undoing, an excuse) is recorded here with
a snapshot, taken just before, of every row it can touch
(:class:`tracker.data.snapshots.Rows`); :meth:`UndoLog.undo` puts the newest
change's rows back, so the database is as it was before that change, ids and
stamps included. A refused change (the rule said no) records nothing.

The log lives in memory for one session: undo is for a slip made a moment ago,
and an undone change cannot be redone (``ctrl+z`` again undoes the one before).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tracker.data.snapshots import Rows
from tracker.data.store import Store

MAX_CHANGES = 100
"""The oldest changes are forgotten past this many."""


@dataclass(frozen=True, slots=True)
class Change:
    """What the runner did (``what``, said in the toast) and the rows it changed, as they were."""

    what: str
    before: tuple[Rows, ...]


class UndoLog:
    """The session's changes, newest last, on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._changes: list[Change] = []

    def __len__(self) -> int:
        return len(self._changes)

    @contextlib.contextmanager
    def change(self, what: str, before: Sequence[Rows]) -> Iterator[None]:
        """Record ``what`` with the rows ``before`` it, once the block inside succeeds
        (a change refused or failed inside records nothing)."""
        yield
        self.record(what, before)

    def record(self, what: str, before: Sequence[Rows]) -> None:
        self._changes.append(Change(what, tuple(before)))
        del self._changes[:-MAX_CHANGES]

    def last(self) -> str | None:
        """What :meth:`undo` would undo, or None when nothing is left."""
        return self._changes[-1].what if self._changes else None

    def undo(self) -> str | None:
        """Undo the newest change; what was undone, or None when there was nothing.

        The change is forgotten only once its rows are back: when the write fails
        (another recovtui is writing), it stays to be undone again.
        """
        if not self._changes:
            return None
        change = self._changes[-1]
        self.store.restore(change.before)
        self._changes.pop()
        return change.what
