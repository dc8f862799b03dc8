"""The Stats screen as a runner sees it: demo history, the fixed evening, 100×32."""

from __future__ import annotations

from typing import Any

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store


def test_stats_screen(demo_store: Store, clock: FakeClock, snap_compare: Any) -> None:
    app = make_app(demo_store, clock, start_mode="stats")
    assert snap_compare(app, terminal_size=(100, 32))
