"""``recovtui watch add DIR | list | remove DIR``: folders whose new activity files are imported.

They are imported at every start of the TUI (in the background) and by
``recovtui import --watched``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.cli.output import say
from tracker.services.watching import add_folder, remove_folder


def run_watch(ctx: Context, args: argparse.Namespace) -> int:
    action, folder = args.action, args.folder
    if action in ("add", "remove") and folder is None:
        raise UsageError(f"watch {action} needs a folder: recovtui watch {action} DIR")
    if action == "list" and folder is not None:
        raise UsageError("watch list takes no folder")
    store = ctx.open_store()
    try:
        if action == "list":
            folders = store.watched_folders()
            lines = [str(f) for f in folders] or ["No watched folders (recovtui watch add DIR)"]
        elif action == "add":
            lines = [add_folder(store, Path(folder))]
        else:
            lines = [remove_folder(store, Path(folder))]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        store.close()
    for line in lines:  # a folder's name is printed with its control characters escaped
        say(line)
    return EXIT_OK
