"""What every command needs: the database path, the store, the clock."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.cli.errors import Failure, UsageError
from tracker.data.db import DatabaseProblem, open_db
from tracker.data.paths import default_db_path
from tracker.data.store import Store
from tracker.domain.clock import SystemClock
from tracker.domain.dates import ParseError, parse_iso_date
from tracker.services.status_summary import attach_summary


@dataclass
class Context:
    db_path: Path
    pretend_today: date | None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        today = None
        if getattr(args, "today", None):
            try:
                today = parse_iso_date(args.today)
            except ParseError as exc:
                raise UsageError(f"--today: {exc}") from None
        db = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
        return cls(db, today)

    def open_store(self) -> Store:
        existed = self.db_path.exists()
        try:
            store = Store(open_db(self.db_path))
        except DatabaseProblem as exc:
            raise Failure(str(exc)) from None
        if existed:  # a database made just now holds nothing to back up
            self._daily_backup(store)
        store.record_created_on(self.clock(store).today())  # where an empty history starts
        attach_summary(store, self.db_path, lambda: self.clock(store).today())
        return store

    def _daily_backup(self, store: Store) -> None:
        """Back up on the first start of each real day (not --today); later starts cost a stat."""
        from tracker.data.backup import BackupError, daily_backup

        try:
            daily_backup(self.db_path, store.db, SystemClock(store.settings().timezone).today())
        except BackupError as exc:
            print(f"recovtui: warning: no daily backup: {exc}", file=sys.stderr)

    def clock(self, store: Store) -> SystemClock:
        return SystemClock(lambda: store.settings().timezone, self.pretend_today)
