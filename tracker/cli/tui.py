"""The TUI: ``recovtui`` (optionally ``--demo``) and ``recovtui timer``."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path
from types import FrameType

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError


def run_tui(
    ctx: Context,
    demo: bool = False,
    start_mode: str = "today",
    timer_preset: str | None = None,
    timer_duration_s: int | None = None,
) -> int:
    if hasattr(signal, "SIGHUP"):  # until the app listens for it itself
        signal.signal(signal.SIGHUP, _hung_up_while_starting)
    with contextlib.ExitStack() as stack:
        if demo:
            ctx = _demo_context(ctx, stack)
        store = ctx.open_store()
        stack.callback(store.close)
        clock = ctx.clock(store)
        if demo:
            from tracker.data.demo import fill_demo

            fill_demo(store, clock.today())
        from tracker.app import RecovApp
        from tracker.cli.startup import keep, resume
        from tracker.web import SERVED_ENV

        served = os.environ.get(SERVED_ENV) == "1"
        offer_welcome = not demo and not served and start_mode == "today"
        app = RecovApp(
            store,
            clock,
            start_mode,
            timer_preset,
            timer_duration_s,
            offer_welcome,
            served=served,
            prepare_screens=True,
            on_shown=resume,
            on_screen_made=keep,
        )
        app.run()
    return app.return_code or EXIT_OK


def _hung_up_while_starting(signum: int, frame: FrameType | None) -> None:
    """The terminal closed before the app was up: stop, closing the store on the way out."""
    raise SystemExit(128 + signum)


def _demo_context(ctx: Context, stack: contextlib.ExitStack) -> Context:
    """The demo lives in a new database: a temporary one unless --db names a new file."""
    if ctx.db_path.exists() and ctx.db_path != _default_path():
        raise UsageError(f"--demo needs a new database, and {ctx.db_path} already exists")
    if ctx.db_path == _default_path():
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="recovtui-demo-")))
        return Context(folder / "demo.db", ctx.pretend_today)
    return ctx


def _default_path() -> Path:
    from tracker.data.paths import default_db_path

    return default_db_path()
