"""Regenerate screenshots/*.svg from the demo database at a fixed date and clock.

Run with ``make screenshots``. Every screen is shot at 100×32 on 2026-11-25 at
20:00 UTC, so the pictures only change when the app does. ``browser.png`` is
``recovtui serve`` on a phone-sized page of headless Chromium, an ice bath just
started by taps (skipped, saying why, where Chromium is missing).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import pendulum
from textual.pilot import Pilot

from tests.fakes import FakeClock
from tests.scenes import checkin_under_way, foam_roller_under_way, settled, stats_further_down
from tracker.app import RecovApp
from tracker.data.db import open_db
from tracker.data.demo import fill_demo
from tracker.data.store import Store

SIZE = (100, 32)

Prepare = Callable[[Pilot[None], FakeClock], Awaitable[None]]


# (file name, mode the app opens on, what happens before the shot)
SCENES: list[tuple[str, str, Prepare]] = [
    ("today", "today", settled),
    ("checkin", "today", checkin_under_way),
    ("week", "week", settled),
    ("timer", "timer", foam_roller_under_way),
    ("stats", "stats", settled),
    ("stats-wellness", "stats", stats_further_down),
    ("settings", "settings", settled),
    ("history", "history", settled),
]


async def shoot(store: Store, clock: FakeClock, mode: str, prepare: Prepare, path: Path) -> None:
    app = RecovApp(store, clock, start_mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await prepare(pilot, clock)
        await pilot.pause()
        app.save_screenshot(filename=path.name, path=str(path.parent))


def shoot_browser(day: pendulum.Date, path: Path) -> None:
    """The served app on a phone: Timer opened and an ice bath started, by taps."""
    from tests.web import browser

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        store = Store(open_db(db))
        store.set_setting("timezone", "UTC")
        fill_demo(store, day)
        store.close()
        with browser.served(db, "--today", day.isoformat()) as server, browser.phone() as phone:
            screen = browser.Screen(phone.new_page())
            screen.open(server.url)
            screen.tap("3 Timer")
            screen.wait_for("Pick a session")
            screen.tap("Ice bath")
            screen.wait_for("Water temperature")
            screen.page.keyboard.type("12")
            screen.tap("Start (enter)")
            screen.wait_for("00:02")
            screen.page.screenshot(path=str(path))


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
    for name, mode, prepare in SCENES:
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            store = Store(open_db(Path(folder) / "demo.db"))
            store.set_setting("timezone", "UTC")
            fill_demo(store, day)
            clock = FakeClock(pendulum.datetime(day.year, day.month, day.day, 20, tz="UTC"))
            asyncio.run(shoot(store, clock, mode, prepare, output / f"{name}.svg"))
            store.close()
        print(f"wrote {output / f'{name}.svg'}")
    if not args.only or "browser" in args.only:
        from tests.web.browser import missing

        if (reason := missing()) is not None:
            print(f"skipped browser.png: {reason}")
        else:
            shoot_browser(day, output / "browser.png")
            print(f"wrote {output / 'browser.png'}")


if __name__ == "__main__":
    main()
