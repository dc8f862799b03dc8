"""``make bench``: the figures of DESIGN §11, as ratios to a minimal Textual app.

Machines are shared and noisy, so every figure is a median over repeated runs,
and startup and memory are measured side by side with a minimal app in the same
run, alternating, and reported as ratios.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pendulum

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
TODAY = pendulum.date(2026, 11, 25)
YEARS = 10
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def ten_year_db() -> Path:
    """A generated 10-year database (made once, kept in bench/.data)."""
    path = DATA / f"history-{YEARS}y.db"
    if path.exists():
        return path
    from tracker.data.db import open_db
    from tracker.data.demo import fill_demo
    from tracker.data.store import Store

    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    store = Store(open_db(tmp))
    store.set_setting("timezone", "UTC")
    fill_demo(store, TODAY, weeks=52 * YEARS)
    activities = len(store.all_activities())
    store.close()
    tmp.rename(path)
    print(
        f"generated {path.name}: {activities} activities in {time.perf_counter() - started:.1f} s"
    )
    return path


def run_child(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(args)} failed:\n{error}")
    return elapsed, usage.ru_maxrss


def startup(db: Path) -> dict[str, float]:
    ours: list[tuple[float, int]] = []
    minimal: list[tuple[float, int]] = []
    run_child(["-m", "bench.apps", "minimal"])  # warm the file cache
    run_child(["-m", "bench.apps", "recovtui", str(db)])
    for _ in range(RUNS):
        minimal.append(run_child(["-m", "bench.apps", "minimal"]))
        ours.append(run_child(["-m", "bench.apps", "recovtui", str(db)]))
    t_ours = statistics.median(t for t, _ in ours)
    t_min = statistics.median(t for t, _ in minimal)
    m_ours = statistics.median(m for _, m in ours)
    m_min = statistics.median(m for _, m in minimal)
    return {
        "startup_s": t_ours,
        "startup_minimal_s": t_min,
        "startup_ratio": t_ours / t_min,
        "peak_rss_mib": m_ours / 1024,
        "peak_rss_minimal_mib": m_min / 1024,
        "memory_ratio": m_ours / m_min,
    }


async def _week_steps(db: Path, steps: int) -> tuple[list[float], list[float]]:
    """Per step: the handler (store reads and widget updates), and key press to repaint."""
    from bench.apps import recovtui_on
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
    from bench.apps import MinimalApp

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


def main() -> None:
    db = ten_year_db()
    print(f"database: {db.relative_to(ROOT)} ({db.stat().st_size / 1e6:.1f} MB), {RUNS} runs each")
    results: dict[str, float] = {}
    results.update(startup(db))
    results.update(week_navigation(db))
    from bench.history_bench import history

    results.update(history(db))
    try:
        from bench.stats_bench import measure_stats, measure_status

        results.update(measure_stats(db))
        results.update(measure_status(db))
    except ImportError:
        pass
    bars = {
        "startup_ratio": ("≤", 1.25),
        "memory_ratio": ("≤", 1.5),
        "week_step_ms": ("≤", 16.0),
        "stats_ratio": ("≤", 1.5),
        "status_ms": ("≤", 60.0),
    }
    for key, value in results.items():
        bar = bars.get(key)
        verdict = ""
        if bar:
            verdict = f"   (bar {bar[0]} {bar[1]}: {'ok' if value <= bar[1] else 'OVER'})"
        print(f"{key:>24}: {value:10.3f}{verdict}")


if __name__ == "__main__":
    main()
