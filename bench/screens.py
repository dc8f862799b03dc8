"""The first open of every screen but Today, and one week step (DESIGN §11).

Both run headless through Textual's pilot on the 10-year database. A screen's
first open is from ``switch_mode`` to the first frame sent to the terminal that
shows the screen as it stays (the screen is left to settle: no frame for
``SETTLED_S``; a frame held back is not sent, and the frames after it that repaint
the same picture, as Textual sends one or two, change nothing the runner sees).
Each frame sent is drawn afresh to compare it, after its time is taken: that delays
the frames after it, never the one it times. A minimal Textual app switching to a
second screen the same way is the baseline. The pilot's idle wait
is not the end: Textual holds a mode's first frames back for 50 ms
(``delay_update``), and a screen that is idle before then is painted after it. It is
measured twice, on recovtui started as the command starts it: once the other
screens are built, while Today is read (each read, laid out and drawn while hidden:
an open then re-reads its report and redraws what changed), and at once, as Today
is painted (then it also imports, composes and mounts the screen). A week step is the handler of
``[``/``]`` (reading the week and updating its cells), with the pilot's round
trip given against the minimal app's.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bench.apps import MinimalApp, MinimalModesApp, recovtui_on

OTHER_SCREENS = ("week", "timer", "stats", "settings", "history")


BUILD_TIMEOUT_S = 30.0
SETTLED_S = 0.15
"""No frame for this long after the last: the screen is drawn."""
SETTLE_TIMEOUT_S = 2.0


def _picture(app: Any, screen: Any) -> int:
    """What the terminal shows of ``screen`` now (its whole frame, drawn afresh)."""
    return hash(screen._compositor.render_full_update().render_segments(app.console))


async def _opened(app: Any, pilot: Pilot[Any], mode: str) -> float:
    """Seconds from switching to ``mode`` to the first frame its first open sends that
    shows the screen as it then stays (frames after it repaint the same picture)."""
    frames: list[tuple[float, int]] = []
    display = app._display

    def counted(screen: Any, update: Any) -> None:
        at = time.perf_counter()
        display(screen, update)
        if update is not None and not app._batch_count:  # sent, not held back
            frames.append((at, _picture(app, screen)))

    app._display = counted
    try:
        started = time.perf_counter()
        app.switch_mode(mode)
        await pilot.pause()
        waited = 0.0
        while waited < SETTLE_TIMEOUT_S and (
            not frames or time.perf_counter() - frames[-1][0] < SETTLED_S
        ):
            await asyncio.sleep(0.02)
            waited += 0.02
        assert frames, f"{mode} was never drawn"
        final = frames[-1][1]
        first = len(frames) - 1
        while first and frames[first - 1][1] == final:
            first -= 1
        return frames[first][0] - started
    finally:
        app._display = display


async def _first_opens(db: Path, built: bool) -> dict[str, float]:
    store, app = recovtui_on(db, build_screens=built)
    opens: dict[str, float] = {}
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if built:
            waited = 0.0
            while not app.screens_built and waited < BUILD_TIMEOUT_S:
                await asyncio.sleep(0.05)
                waited += 0.05
            assert app.screens_built, "the screens were not built in time"
            await pilot.pause()
        for mode in OTHER_SCREENS:
            opens[mode] = await _opened(app, pilot, mode)
    store.close()
    return opens


async def _minimal_open() -> float:
    app = MinimalModesApp()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        return await _opened(app, pilot, "other")


def screen_opens(db: Path, runs: int = 3) -> dict[str, float]:
    """Milliseconds to each other screen's first open, built (``open_week_ms``) and at
    once (``open_week_cold_ms``), and the minimal app's: the median of ``runs`` rounds,
    each of a fresh app of each kind one after the other (a busy moment slows all three)."""
    rounds: list[dict[str, float]] = []
    for _ in range(runs):
        built = asyncio.run(_first_opens(db, built=True))
        cold = asyncio.run(_first_opens(db, built=False))
        one = {f"open_{m}_ms": t * 1000 for m, t in built.items()}
        one |= {f"open_{m}_cold_ms": t * 1000 for m, t in cold.items()}
        one["open_minimal_ms"] = asyncio.run(_minimal_open()) * 1000
        rounds.append(one)
    return {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}


async def _week_steps(db: Path, steps: int) -> tuple[list[float], list[float]]:
    """Per step: the handler (store reads and widget updates), and key press to repaint."""
    from tracker.screens.week import WeekScreen

    store, app = recovtui_on(db, "week")
    handler: list[float] = []
    round_trip: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        for index in range(steps):
            offset = -1 if index < steps // 2 else 1
            started = time.perf_counter()
            screen.action_move_week(offset)
            handler.append(time.perf_counter() - started)
            await pilot.pause()
        for index in range(steps):
            key = "left_square_bracket" if index < steps // 2 else "right_square_bracket"
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            round_trip.append(time.perf_counter() - started)
    store.close()
    return handler, round_trip


async def minimal_steps(steps: int) -> list[float]:
    timings: list[float] = []
    async with MinimalApp().run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for _ in range(steps):
            started = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            timings.append(time.perf_counter() - started)
    return timings


def week_navigation(db: Path, steps: int = 40) -> dict[str, float]:
    """One ``[``/``]`` step on the Week screen over a 10-year history.

    ``week_step_ms`` is the work a step costs (reading the week from the store and
    updating the cells; weeks never shown are planned from the template on the
    way, as for a runner). The round trip through the test pilot (key press to
    idle) is dominated by the pilot's own waiting, so it is given as a ratio to
    the same round trip in the minimal app.
    """
    handler, round_trip = asyncio.run(_week_steps(db, steps))
    baseline = asyncio.run(minimal_steps(steps))
    return {
        "week_step_ms": statistics.median(handler) * 1000,
        "week_step_max_ms": max(handler) * 1000,
        "week_round_trip_ratio": statistics.median(round_trip) / statistics.median(baseline),
    }
