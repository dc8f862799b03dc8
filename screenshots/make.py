"""Regenerate screenshots/*.svg from the demo database at a fixed date and clock.

Run with ``make screenshots``. Every screen is shot at 100×32 on 2026-11-25 at
20:00 UTC, so the pictures only change when the app does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

import pendulum

from tracker.app import RecovApp
from tracker.data.db import open_db
from tracker.data.demo import fill_demo
from tracker.data.store import Store
from tracker.domain.clock import FakeClock

SIZE = (100, 32)

# (file name, mode, keys pressed after the screen opens)
SCENES: list[tuple[str, str, list[str]]] = [
    ("today", "today", []),
    ("week", "week", []),
    ("timer", "timer", []),
    ("stats", "stats", []),
    ("settings", "settings", []),
]


async def shoot(store: Store, clock: FakeClock, mode: str, keys: list[str], path: Path) -> None:
    app = RecovApp(store, clock, start_mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            if key.startswith("advance:"):
                clock.advance(float(key.split(":", 1)[1]))
                await pilot.pause(0.3)
            else:
                await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(filename=path.name, path=str(path.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--output", default="screenshots")
    parser.add_argument("only", nargs="*", help="scene names (default: all)")
    args = parser.parse_args()
    os.environ.pop("NO_COLOR", None)
    day = pendulum.Date.fromisoformat(args.today)
    output = Path(args.output)
    output.mkdir(exist_ok=True)
    for name, mode, keys in SCENES:
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            store = Store(open_db(Path(folder) / "demo.db"))
            store.set_setting("timezone", "UTC")
            fill_demo(store, day)
            clock = FakeClock(pendulum.datetime(day.year, day.month, day.day, 20, tz="UTC"))
            asyncio.run(shoot(store, clock, mode, keys, output / f"{name}.svg"))
            store.close()
        print(f"wrote {output / f'{name}.svg'}")


if __name__ == "__main__":
    main()
