"""How right to the second is the timer? Two measurements on the real clock.

1. **Countdown drift**: a :class:`Countdown` on ``time.monotonic`` is polled
   after irregular sleeps (0–400 ms) with random pauses; at each poll its
   elapsed time is compared with a reference kept by hand from
   ``time.perf_counter`` over the running stretches only. The largest gap is
   the drift (it cannot grow: elapsed time is read from the clock, never
   summed from ticks). A naive timer that adds its nominal 125 ms per tick is
   measured alongside, to show what counting ticks would cost.
2. **Display lag**: the real Timer screen runs headless on the system clock,
   and at every 8 Hz tick the shown digits are compared with the true
   remaining time: how late after a true second boundary the display changes,
   and how far the logged elapsed time is from the real one at the end.

Run: ``python -m bench.timer_accuracy [--seconds 10] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import statistics
import tempfile
import time
from pathlib import Path

from tracker.domain.countdown import Countdown, State
from tracker.domain.presets import DEFAULT_PRESETS
from tracker.domain.units import format_clock

NOMINAL_TICK_S = 0.125


def countdown_drift(seconds: float, rng: random.Random) -> dict[str, float]:
    preset = DEFAULT_PRESETS[1]
    countdown = Countdown(preset, time.monotonic)
    countdown.start()
    reference = 0.0
    last = time.perf_counter()
    naive = 0.0
    worst = 0.0
    end = last + seconds
    while (now := time.perf_counter()) < end:
        if countdown.state is State.RUNNING:
            reference += now - last
            naive += NOMINAL_TICK_S
        last = now
        worst = max(worst, abs(countdown.elapsed_s - reference))
        if rng.random() < 0.05:
            countdown.toggle()
        time.sleep(rng.uniform(0, 0.4))
    now = time.perf_counter()
    if countdown.state is State.RUNNING:
        reference += now - last
    final = abs(countdown.elapsed_s - reference)
    return {
        "ran_s": reference,
        "max_drift_ms": max(worst, final) * 1000,
        "final_drift_ms": final * 1000,
        "naive_tick_counting_error_ms": abs(naive - reference) * 1000,
    }


async def display_lag(seconds: float) -> dict[str, float]:
    from tracker.app import RecovApp
    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.domain.clock import SystemClock
    from tracker.screens.timer import TimerScreen

    folder = Path(tempfile.mkdtemp(prefix="recovtui-timer-bench-"))
    store = Store(open_db(folder / "bench.db"))
    duration = math.ceil(seconds)
    app = RecovApp(store, SystemClock(), "timer", "ice-bath", duration)
    lags: list[float] = []
    mismatches = 0
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen_stack[0]
        assert isinstance(screen, TimerScreen) and screen.countdown is not None
        countdown = screen.countdown
        started = time.monotonic() - countdown.elapsed_s
        shown = ""
        while (elapsed := time.monotonic() - started) < duration + 1.5:
            digits = str(screen.query_one("#countdown-digits").value)  # type: ignore[attr-defined]
            if digits != shown:
                if shown:
                    # the true text changes on each whole second of elapsed time
                    lags.append(elapsed - math.floor(elapsed))
                    mismatches += digits != _true_text(duration, elapsed)
                shown = digits
            await asyncio.sleep(0.005)
        real = time.monotonic() - started
        await pilot.press("s")
        await pilot.pause()
    (session,) = store.all_sessions()
    store.close()
    return {
        "display_changes": len(lags),
        "mean_display_lag_ms": statistics.mean(lags) * 1000 if lags else math.nan,
        "max_display_lag_ms": max(lags) * 1000 if lags else math.nan,
        "changes_showing_a_wrong_second": mismatches,
        "logged_minus_real_s": (session.elapsed_s or 0) - real,
    }


def _true_text(duration: int, elapsed: float) -> str:
    if elapsed > duration:
        return "+" + format_clock(elapsed - duration)
    return format_clock(duration - elapsed, round_up=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    drift = countdown_drift(args.seconds, random.Random(args.seed))
    print("Countdown on time.monotonic, irregular 0–400 ms polls, random pauses:")
    for key, value in drift.items():
        print(f"  {key:32} {value:10.3f}")
    lag = asyncio.run(display_lag(args.seconds))
    print("Timer screen, headless, system clock, 8 Hz display tick:")
    for key, value in lag.items():
        print(f"  {key:32} {value:10.3f}")


if __name__ == "__main__":
    main()
