"""Dispatch of the parsed command line to the command that runs it."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import UsageError


def dispatch(args: argparse.Namespace) -> int:
    ctx = Context.from_args(args)
    command = args.command
    if command is None:
        from tracker.cli.tui import run_tui

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
