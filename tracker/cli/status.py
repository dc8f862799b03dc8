"""``recovtui status``: one line for a shell prompt (not built yet)."""

from __future__ import annotations

import argparse

from tracker.cli.errors import Failure


def run_status(args: argparse.Namespace) -> int:
    raise Failure("'status' is not built yet in this version of recovtui")
