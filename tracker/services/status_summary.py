"""Keeping the status summary beside the database fresh as a store writes.

The summary itself (what ``recovtui status`` reads on its fast path) is
:mod:`tracker.data.status_cache`.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Callable
from datetime import date

from tracker.data.status_cache import StatusEntry, StrPath, write_summary
from tracker.data.store import Store
from tracker.services.reports import status_reports


class SummaryRefresher:
    """Keeps the summary of one store fresh.

    A write only marks it stale (cheap: the TUI writes on every tick of a
    checklist). The summary is computed and written by :meth:`flush` (the TUI
    calls it a moment after the last write) and once more as the store closes:
    computed while the store can still be read, written after the close has
    checkpointed the WAL, so the stamp matches the files that stay on disk.
    """

    def __init__(self, store: Store, db_path: StrPath, today: Callable[[], date]) -> None:
        self.store = store
        self.db_path = os.fspath(db_path)
        self.today = today
        self.stale = False
        self._written = False
        self._pending: tuple[str | None, list[StatusEntry]] | None = None
        store.on_change(self.changed)
        store.on_close(self._closing, self._closed)

    def changed(self) -> None:
        self.stale = True

    def _compute(self) -> tuple[str | None, list[StatusEntry]] | None:
        try:
            statuses = status_reports(self.store, self.today())
            timezone = self.store.settings().timezone
        except sqlite3.Error:
            return None
        return timezone, [StatusEntry(status.to_json(), status.line()) for status in statuses]

    def flush(self) -> None:
        """Compute and write the summary now, if anything changed since the last time."""
        if not self.stale:
            return
        self.stale = False
        computed = self._compute()
        if computed is not None:
            self._written = write_summary(self.db_path, *computed) or self._written

    def _closing(self) -> None:
        if self.stale or self._written:
            self.stale = False
            self._pending = self._compute()

    def _closed(self) -> None:
        if self._pending is not None:
            write_summary(self.db_path, *self._pending)
            self._pending = None


_refreshers: weakref.WeakKeyDictionary[Store, SummaryRefresher] = weakref.WeakKeyDictionary()


def _registry() -> weakref.WeakKeyDictionary[Store, SummaryRefresher]:
    """The refresher of each open store."""
    return _refreshers


def attach_summary(store: Store, db_path: StrPath, today: Callable[[], date]) -> SummaryRefresher:
    """Keep the status summary of ``db_path`` fresh as ``store`` writes (once per store)."""
    registry = _registry()
    refresher = registry.get(store)
    if refresher is None:
        refresher = registry[store] = SummaryRefresher(store, db_path, today)
    return refresher


def refresher_for(store: Store) -> SummaryRefresher | None:
    """The refresher attached to ``store`` (stores made by the CLI context have one)."""
    return _registry().get(store)
