"""The two apps a startup is measured on: recovtui and a minimal Textual app.

Run as ``python -m bench.apps recovtui DB`` or ``python -m bench.apps minimal``:
each starts headless, waits for its first screen to be populated and painted,
and exits. The parent times the whole process and reads its peak memory.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, ClassVar

if __name__ == "__main__" and sys.argv[1:2] == ["recovtui"]:
    from tracker.cli.startup import pause

    pause()  # as the `recovtui` process does on its first line (tracker/__main__.py)

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello, runner")
        yield Footer()


class _Other(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Another screen")
        yield Footer()


class MinimalModesApp(MinimalApp):
    """The minimal app with a second screen to switch to (a screen's first open)."""

    MODES: ClassVar = {"other": _Other}


async def _first_paint(pilot: Pilot[None]) -> None:
    await pilot.pause()
    pilot.app.exit()


def recovtui_on(db: Path, mode: str = "today", *, build_screens: bool = False) -> tuple[Any, Any]:
    """The store on ``db`` and recovtui opened on ``mode`` at the bench's fixed day, as the
    ``recovtui`` command starts it (the in-process figures: run it with ``run_test``, close
    the store after). The cycle collector is paused from here and resumed once the first
    screen is painted, with what exists kept out of its later passes (``cli/startup.py``).

    ``build_screens``: the other screens are built once it is painted, as the command
    does (left out where building them would run beside what is measured).
    """
    import pendulum

    from tracker.app import RecovApp
    from tracker.cli.startup import keep, pause, resume
    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.domain.clock import SystemClock

    store = Store(open_db(db))
    clock = SystemClock("UTC", pendulum.date(2026, 11, 25))
    pause()
    app = RecovApp(
        store, clock, mode, prepare_screens=build_screens, on_shown=resume, on_screen_made=keep
    )
    return store, app


def main() -> None:
    which = sys.argv[1]
    if which == "minimal":
        MinimalApp().run(headless=True, size=(100, 32), auto_pilot=_first_paint)
        return
    import pendulum

    from tracker.app import RecovApp
    from tracker.cli.startup import keep, resume
    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.domain.clock import SystemClock

    store = Store(open_db(Path(sys.argv[2])))
    clock = SystemClock("UTC", pendulum.date(2026, 11, 25))
    mode = sys.argv[3] if len(sys.argv) > 3 else "today"
    RecovApp(store, clock, mode, prepare_screens=True, on_shown=resume, on_screen_made=keep).run(
        headless=True, size=(100, 32), auto_pilot=_first_paint
    )


if __name__ == "__main__":
    main()
