"""A second, empty database to import into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.data.db import open_db
from tracker.data.store import Store


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    store = Store(open_db(tmp_path / "fresh" / "recovtui.db"))
    yield store
    store.close()
