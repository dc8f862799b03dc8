"""``recovtui stats``: streaks, load and warnings (not built yet)."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import Failure


def run_stats(ctx: Context, args: argparse.Namespace) -> int:
    raise Failure("'stats' is not built yet in this version of recovtui")
