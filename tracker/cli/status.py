"""``recovtui status [--json]``: one line for a shell prompt, fast enough for every prompt.

The fast path reads the status summary kept beside the database
(:mod:`tracker.data.status_cache`) and imports nothing beyond the standard
library. When the summary is missing or stale, or ``--today`` is not a plain
``YYYY-MM-DD``, the status is computed from the database like every other
command, and the summary is written again for the next prompt.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from tracker.cli.output import say, say_json
from tracker.data import status_cache
from tracker.data.status_cache import StatusEntry

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace


def run_status(args: Namespace | SimpleNamespace) -> int:
    db_arg = getattr(args, "db", None)
    today_arg = getattr(args, "today", None)
    db_path = os.path.expanduser(db_arg) if db_arg else status_cache.default_db_path()
    entry = None
    today = status_cache.parse_day(today_arg) if today_arg else None
    if today_arg is None or today is not None:
        entry = status_cache.read_status(db_path, today)
    if entry is None:
        entry = _computed(args)
    if args.json:
        say_json(json.dumps(entry.document, ensure_ascii=False))
    else:
        say(entry.line)
    return 0


def _computed(args: Namespace | SimpleNamespace) -> StatusEntry:
    """The status from the database; leaves a fresh summary behind as the store closes.

    A database that does not exist yet is not created for a prompt: its status
    is that of an empty history.
    """
    from tracker.cli.context import Context
    from tracker.domain.clock import SystemClock
    from tracker.services.reports import build_status, status_report
    from tracker.services.status_summary import refresher_for

    ctx = Context.from_args(args)
    if not ctx.db_path.exists():
        today = SystemClock(None, ctx.pretend_today).today()
        status = build_status((), (), "monday", today, False, start=None)
        return StatusEntry(status.to_json(), status.line())
    store = ctx.open_store(read_only=True)
    try:
        status = status_report(store, ctx.clock(store).today())
        refresher = refresher_for(store)
        if refresher is not None:
            refresher.changed()
    finally:
        store.close()
    return StatusEntry(status.to_json(), status.line())
