"""The History screen from the demo data at 100×32: newest first, each week's total above it."""

from __future__ import annotations

from typing import Any

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store


def test_history_screen(demo_store: Store, clock: FakeClock, snap_compare: Any) -> None:
    app = make_app(demo_store, clock, start_mode="history")
    assert snap_compare(app, terminal_size=(100, 32))
