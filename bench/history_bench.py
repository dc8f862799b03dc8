"""The History screen on the 10-year database (``bench/run.py`` calls :func:`history`).

- ``history_filter_ms``: one keystroke in the notes filter: the filter read, the
  matching page read again and the table refilled (the handler alone).
- ``history_filter_round_trip_ratio``: that keystroke from key press to idle, as a
  ratio to one key press in the minimal app (the test pilot's own waiting
  dominates a round trip, as for the Week figure).

Each is the median over ``steps`` tries. History's first open is a line of the
other screens' first opens (``bench/screens.py``).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from bench.apps import recovtui_on

WORDS = "club"


async def _filter_steps(db: Path, steps: int) -> tuple[list[float], list[float]]:
    from textual.widgets import Input

    from tracker.screens.history import HistoryScreen

    store, app = recovtui_on(db, "history")
    handler: list[float] = []
    round_trip: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        field = screen.query_one("#text", Input)
        for index in range(steps):
            typed = WORDS[: index % len(WORDS) + 1]
            with screen.prevent(Input.Changed):
                field.value = typed
            started = time.perf_counter()
            screen.filter_changed()
            handler.append(time.perf_counter() - started)
            await pilot.pause()
        field.value = ""
        screen.filter_changed()
        field.focus()
        await pilot.pause()
        for index in range(steps):
            key = WORDS[index % len(WORDS)] if index % 2 == 0 else "backspace"
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            round_trip.append(time.perf_counter() - started)
    store.close()
    return handler, round_trip


def history(db: Path, steps: int = 20) -> dict[str, float]:
    """One filter keystroke on History: the handler, and key press to idle against the
    minimal app (the first open is measured with the other screens, ``bench/screens.py``)."""
    from bench.screens import minimal_steps

    handler, round_trip = asyncio.run(_filter_steps(db, steps))
    baseline = asyncio.run(minimal_steps(steps))
    return {
        "history_filter_ms": statistics.median(handler) * 1000,
        "history_filter_max_ms": max(handler) * 1000,
        "history_filter_round_trip_ratio": statistics.median(round_trip)
        / statistics.median(baseline),
    }
