"""Opening an up-to-date database and reading it imports no sqlite-utils (nor its
click, pluggy and dateutil): only applying a migration does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tracker.data.db import open_db
from tracker.data.store import Store

READ = """
import sys
from tracker.data.db import open_db
from tracker.data.store import Store
store = Store(open_db(sys.argv[1]))
store.settings(), store.all_activities(), store.nutrition_items()
store.close()
heavy = {"sqlite_utils", "click", "pluggy"}
print(sorted(name for name in sys.modules if name.split(".")[0] in heavy))
"""


def test_opening_and_reading_loads_no_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "recovtui.db"
    Store(open_db(path)).close()  # made (and migrated) here
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
