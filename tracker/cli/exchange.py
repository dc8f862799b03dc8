"""``recovtui export``, ``import`` and ``backup`` (not built yet)."""

from __future__ import annotations

import argparse

from tracker.cli.context import Context
from tracker.cli.errors import Failure


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    raise Failure("'export' is not built yet in this version of recovtui")


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    raise Failure("'import' is not built yet in this version of recovtui")


def run_backup(ctx: Context, args: argparse.Namespace) -> int:
    raise Failure("'backup' is not built yet in this version of recovtui")
