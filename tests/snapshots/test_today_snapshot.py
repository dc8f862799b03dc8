"""The Today screen from the demo data at 100×32, on the fixed evening of the tests."""

from __future__ import annotations

from typing import Any

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store


def test_today_from_demo_data(snap_compare: Any, demo_store: Store, clock: FakeClock) -> None:
    assert snap_compare(make_app(demo_store, clock), terminal_size=(100, 32))


def test_today_at_80_by_24(snap_compare: Any, demo_store: Store, clock: FakeClock) -> None:
    assert snap_compare(make_app(demo_store, clock), terminal_size=(80, 24))
