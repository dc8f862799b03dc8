"""Dispatch of the parsed command line to the command that runs it."""

from __future__ import annotations

import argparse
from importlib import import_module

from tracker.cli.context import Context
from tracker.cli.errors import UsageError
from tracker.cli.startup import resume

# command → the module that runs it (imported only when its command runs)
COMMANDS = {
    "plan": "tracker.cli.plan",
    "log": "tracker.cli.log",
    "timer": "tracker.cli.timer",
    "stats": "tracker.cli.stats",
    "export": "tracker.cli.export",
    "import": "tracker.cli.importing",
    "backup": "tracker.cli.backup",
    "watch": "tracker.cli.watch",
    "serve": "tracker.cli.serve",
    "checkin": "tracker.cli.checkin",
}

OPEN_THE_TUI = frozenset({"timer"})


def dispatch(args: argparse.Namespace) -> int:
    ctx = Context.from_args(args)
    command = args.command
    if command is None:
        from tracker.cli.tui import run_tui

        return run_tui(ctx, demo=args.demo)
    if command not in COMMANDS:
        raise UsageError(f"unknown command {command!r}")
    run = getattr(import_module(COMMANDS[command]), f"run_{command}")
    if command not in OPEN_THE_TUI:  # (the TUI resumes it once its first screen is painted)
        resume()  # the command's own modules are loaded: collect cycles again as it works
    code: int = run(ctx, args)
    return code
