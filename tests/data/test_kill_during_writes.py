"""kill -9 in the middle of writing loses no committed data and corrupts nothing (DESIGN §11)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tracker.data.db import open_db
from tracker.data.store import Store

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from pathlib import Path

    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.domain.activity import Activity
    from tracker.domain.kinds import ActivityKind

    store = Store(open_db(Path(sys.argv[1])))
    i = 0
    while True:
        day = date(2020, 1, 1) + timedelta(days=i)
        store.add_activity(Activity(day, ActivityKind.EASY, 5000 + i, note=str(i)))
        with store.transaction():
            store.week_plan(day)
            store.check_in(day)
        print(i, flush=True)
        i += 1
    """
)


def test_kill_9_while_writing_keeps_every_committed_row(db_path: Path) -> None:
    Store(open_db(db_path)).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    committed = -1
    deadline = time.monotonic() + 30
    while committed < 40 and time.monotonic() < deadline:
        committed = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    for line in writer.stdout:
        committed = int(line)
    assert committed >= 40, committed

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        conn.close()
    store = Store(open_db(db_path))
    try:
        notes = {int(activity.note) for activity in store.all_activities()}
        assert set(range(committed + 1)) <= notes
        assert len(store.checkins()) >= committed + 1
    finally:
        store.close()
