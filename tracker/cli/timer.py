"""``recovtui timer``: straight to a running timer (not built yet)."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import Failure


def run_timer(ctx: Context, args: argparse.Namespace) -> int:
    raise Failure("'timer' is not built yet in this version of recovtui")
