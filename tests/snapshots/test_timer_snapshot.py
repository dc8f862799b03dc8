"""A running foam-roller session as a runner sees it: demo history, the fixed evening, 100×32."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.conftest import make_app
from tests.fakes import FakeClock
from tests.scenes import foam_roller_under_way
from tracker.data.store import Store


def test_running_foam_roller(demo_store: Store, clock: FakeClock, snap_compare: Any) -> None:
    app = make_app(demo_store, clock, start_mode="timer")

    async def third_segment_under_way(pilot: Pilot[None]) -> None:
        await foam_roller_under_way(pilot, clock)

    assert snap_compare(app, terminal_size=(100, 32), run_before=third_segment_under_way)
