"""Dispatch of the parsed command line to the command that runs it."""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from pathlib import Path

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError


def dispatch(args: argparse.Namespace) -> int:
    ctx = Context.from_args(args)
    command = args.command
    if command is None:
        return run_tui(ctx, demo=args.demo)
    if command == "plan":
        from tracker.cli.plan import run_plan

        return run_plan(ctx, args)
    if command == "log":
        from tracker.cli.log import run_log

        return run_log(ctx, args)
    if command == "timer":
        from tracker.cli.timer import run_timer

        return run_timer(ctx, args)
    if command == "stats":
        from tracker.cli.stats import run_stats

        return run_stats(ctx, args)
    if command == "export":
        from tracker.cli.export import run_export

        return run_export(ctx, args)
    if command == "import":
        from tracker.cli.importing import run_import

        return run_import(ctx, args)
    if command == "backup":
        from tracker.cli.backup import run_backup

        return run_backup(ctx, args)
    raise UsageError(f"unknown command {command!r}")


def run_tui(
    ctx: Context,
    demo: bool = False,
    start_mode: str = "today",
    timer_preset: str | None = None,
    timer_duration_s: int | None = None,
) -> int:
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

        RecovApp(store, clock, start_mode, timer_preset, timer_duration_s).run()
    return EXIT_OK


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
