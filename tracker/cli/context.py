"""What every command needs: the database path, the store, the clock."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from tracker.cli.errors import Failure, UsageError
from tracker.cli.output import say
from tracker.data.db import LOCK_WAIT_S, DatabaseProblem, open_db, open_memory_db
from tracker.data.paths import default_db_path
from tracker.data.store import ReadOnlyStore, Store
from tracker.domain.clock import SystemClock
from tracker.domain.dates import ParseError, parse_iso_date
from tracker.services.status_summary import attach_summary


@dataclass
class Context:
    db_path: Path
    pretend_today: date | None

    @classmethod
    def from_args(cls, args: argparse.Namespace | SimpleNamespace) -> Context:
        today = None
        if getattr(args, "today", None):
            try:
                today = parse_iso_date(args.today)
            except ParseError as exc:
                raise UsageError(f"--today: {exc}") from None
        db = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
        return cls(db, today)

    def open_store(self, read_only: bool = False) -> Store:
        """The store of the database, waiting for another recovtui writing to it (and
        saying so on stderr, once).

        ``read_only`` is for commands that only look: the file is opened read-only
        and nothing in or beside it changes (no backup, no migration written); a
        database that does not exist yet is an empty history, not a new file.
        """
        if read_only:
            return self._open_read_only()
        existed = self.db_path.exists()
        try:
            store = Store(open_db(self.db_path))
        except DatabaseProblem as exc:
            raise Failure(str(exc)) from None
        store.wait_for_writers(LOCK_WAIT_S, self._waiting)
        if existed:  # a database made just now holds nothing to back up
            self._daily_backup(store)
        store.record_created_on(self.clock(store).today())  # where an empty history starts
        attach_summary(store, self.db_path, lambda: self.clock(store).today())
        return store

    def _open_read_only(self) -> Store:
        if not self.db_path.exists():
            return ReadOnlyStore(open_memory_db())
        try:
            store = ReadOnlyStore(open_db(self.db_path, read_only=True))
        except DatabaseProblem as exc:
            raise Failure(str(exc)) from None
        attach_summary(store, self.db_path, lambda: self.clock(store).today())
        return store

    def _waiting(self) -> None:
        print(
            f"recovtui: waiting for another recovtui to finish writing {self.db_path}…",
            file=sys.stderr,
            flush=True,
        )

    def _daily_backup(self, store: Store) -> None:
        """Back up on the first start of each real day (not --today); later starts cost a stat.

        On a full disk it says nothing: the command's own write says "disk full" if
        it fails, and the next start takes the day's backup.
        """
        from tracker.data.backup import BackupError, daily_backup
        from tracker.data.failures import low_space

        try:
            daily_backup(self.db_path, store.db, SystemClock(store.settings().timezone).today())
        except BackupError as exc:
            if not low_space(self.db_path):
                say(f"recovtui: warning: no daily backup: {exc}", file=sys.stderr)

    def clock(self, store: Store) -> SystemClock:
        return SystemClock(lambda: store.settings().timezone, self.pretend_today)
