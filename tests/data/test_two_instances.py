"""Two recovtui processes writing to one database at once lose nothing (DESIGN §11)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from tracker.data.db import open_db
from tracker.data.store import Store

DAYS = 150

WRITER = textwrap.dedent(
    f"""
    import sys
    from datetime import date, timedelta
    from pathlib import Path

    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.domain.activity import Activity
    from tracker.domain.kinds import ActivityKind

    store = Store(open_db(Path(sys.argv[1])))
    name = sys.argv[2]
    item = store.nutrition_items()[0 if name == "a" else 1].id
    for i in range({DAYS}):
        day = date(2026, 1, 1) + timedelta(days=i)
        store.add_activity(Activity(day, ActivityKind.EASY, 5000 + i, note=f"{{name}} {{i}}"))
        store.set_nutrition_check(day, item, True)
        store.week_plan(day)
    store.close()
    """
)


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    Store(open_db(db_path)).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), name]) for name in ("a", "b")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]

    store = Store(open_db(db_path))
    try:
        notes = sorted(activity.note for activity in store.all_activities())
        assert notes == sorted(f"{name} {i}" for name in ("a", "b") for i in range(DAYS))
        plan_days = store.plan_days(
            store.week(store.all_activities()[0].date).start, store.all_activities()[-1].date
        )
        assert all(plan.rest_days in (1, 2) for plan in (store.week_plan(day) for day in plan_days))
    finally:
        store.close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM nutrition_checks").fetchone() == (2 * DAYS,)
    finally:
        conn.close()
