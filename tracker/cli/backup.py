"""``recovtui backup [--output FILE]``: a copy of the database, made safely while it is in use.

Without ``--output`` the copy goes beside the daily backups, named by the time.
"""

from __future__ import annotations

import argparse

import pendulum

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, Failure, UsageError
from tracker.cli.export import output_path
from tracker.cli.output import say
from tracker.data.backup import BackupError
from tracker.services.exporting import back_up


def run_backup(ctx: Context, args: argparse.Namespace) -> int:
    target = output_path(ctx, args.output, force=False) if args.output else None
    if args.output == "-":
        raise UsageError("a backup is a database file; name it with --output FILE")
    store = ctx.open_store()
    try:
        target = back_up(store, ctx.db_path, target, pendulum.now("UTC"))
    except BackupError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(f"cannot write a backup ({exc.strerror or exc})") from None
    finally:
        store.close()
    say(f"Backed up {ctx.db_path} to {target}")
    return EXIT_OK
