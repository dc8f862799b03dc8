"""Reading needs sqlite3 alone; sqlite-utils is loaded for the first write (data/tables.py).

A start that paints the first evening only reads, so it does not pay for importing
sqlite-utils (with click, pluggy and gettext); a write loads it and behaves as before.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tracker.data.db import open_db
from tracker.data.schema import KNOWN
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

from ..conftest import TODAY

FIRST_PAINT = """
import json, sys
from pathlib import Path
import pendulum
from tracker.app import RecovApp
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.clock import SystemClock

shown = []

async def painted(pilot):
    await pilot.pause()
    shown.append(type(pilot.app.screen).__name__)
    pilot.app.exit()

store = Store(open_db(Path(sys.argv[1])))
clock = SystemClock("UTC", pendulum.parse(sys.argv[2]).date())
app = RecovApp(store, clock)
app.run(headless=True, size=(100, 30), auto_pilot=painted)
painted_alone = "sqlite_utils" not in sys.modules
store.set_setting("units", "mi")
print(json.dumps({
    "painted_alone": painted_alone,
    "shown": shown,
    "written_with": "sqlite_utils" in sys.modules,
    "units": store.settings().units,
}))
store.close()
"""


@pytest.mark.slow
def test_the_first_evening_is_painted_without_sqlite_utils(
    demo_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "recovtui.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path), TODAY.isoformat()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {
        "painted_alone": True,
        "shown": ["TodayScreen"],
        "written_with": True,
        "units": "mi",
    }


def test_every_migration_is_known() -> None:
    """schema.KNOWN, which an open checks with sqlite3, names the migrations in order."""
    from tracker.data.migrations import migrations

    empty = Database(memory=True, execute_plugins=False)
    assert [migration.name for migration in migrations.pending(empty)] == list(KNOWN)


def test_a_failing_nested_block_is_undone_alone(store: Store) -> None:
    with store.transaction():
        store.set_setting("units", "mi")
        with pytest.raises(ValueError, match="undone"), store.transaction():
            store.set_setting("week_start", "sunday")
            raise ValueError("undone")
    assert store.settings().units == "mi"
    assert store.settings().week_start != "sunday"


def test_rows_read_with_sqlite3_are_what_sqlite_utils_reads(store: Store) -> None:
    for km in (5, 8, 13):
        store.add_activity(Activity(TODAY, ActivityKind.EASY, km * 1000))
    ours = list(store._rows("activities", "distance_m > ?", [6000], order_by="id DESC"))
    theirs = list(
        store.db.table("activities").rows_where("distance_m > ?", [6000], order_by="id DESC")
    )
    assert ours == theirs and [row["distance_m"] for row in ours] == [13000, 8000]
    assert list(store._rows("activities", order_by="id", limit=1, offset=1)) == [theirs[1]]
    assert store._count("activities", "distance_m > ?", [6000]) == 2


def test_query_is_for_rows(store: Store) -> None:
    with pytest.raises(ValueError, match="return rows"):
        store.db.query("UPDATE settings SET value = value")


def test_a_database_written_before_is_opened_by_its_reads(store: Store, db_path: Path) -> None:
    store.set_setting("units", "mi")
    store.close()
    again = Store(open_db(db_path))
    try:
        assert again.settings().units == "mi"
    finally:
        again.close()
