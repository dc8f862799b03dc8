"""``recovtui import FILE... [--watched]``: every file or none, then one summary line a file.

``--watched`` also imports the new files of the watched folders, each on its
own (see :mod:`tracker.services.watching`).

A file that cannot be imported is named with its first problem on stderr and
nothing is imported (exit 2). A large import on a terminal shows a progress bar.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, UsageError
from tracker.cli.output import say
from tracker.data.store import Store
from tracker.services.importing import ImportProgress, ImportRefused, import_files, runner_zone
from tracker.services.watching import import_watched

PROGRESS_MIN_BYTES = 1 << 20
PROGRESS_MIN_FILES = 20


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    paths = [Path(name).expanduser() for name in args.files]
    if not paths and not args.watched:
        raise UsageError("name the files to import, or --watched (see recovtui import --help)")
    store = ctx.open_store()
    try:
        lines = import_with_progress(store, paths, runner_zone(store), sys.stdout) if paths else []
        if args.watched:
            lines.append(import_watched(store).line())
    finally:
        store.close()
    for line in lines:
        say(line)
    return EXIT_OK


def import_with_progress(store: Store, paths: Sequence[Path], tz: str, out: TextIO) -> list[str]:
    """Import ``paths``, with a progress bar on ``out`` when it is a terminal and the import large.

    Raises ``UsageError`` when nothing was imported, after naming each refused
    file on stderr when there are several.
    """
    progress = _Progress(paths, out)
    try:
        with progress.running():
            return import_files(store, paths, tz, progress)
    except ImportRefused as refused:
        if len(refused.problems) > 1:
            for problem in refused.problems:
                say(f"recovtui: {problem}", file=sys.stderr)
        raise UsageError(str(refused)) from None


class _Progress(ImportProgress):
    """A progress bar over the bytes read, shown only on a terminal for large imports."""

    def __init__(self, paths: Sequence[Path], out: TextIO) -> None:
        self.sizes: dict[Path, int] = {}
        for path in paths:
            try:
                self.sizes[path] = path.stat().st_size
            except OSError:
                self.sizes[path] = 0
        total = sum(self.sizes.values())
        self.shown = _is_terminal(out) and (
            total >= PROGRESS_MIN_BYTES or len(paths) >= PROGRESS_MIN_FILES
        )
        self.out = out
        self.total = total
        self.bar: Any = None
        self.task: Any = None

    @contextlib.contextmanager
    def running(self) -> Iterator[_Progress]:
        if not self.shown:
            yield self
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=Console(file=self.out),
            transient=True,
        ) as bar:
            self.bar = bar
            self.task = bar.add_task("Reading", total=max(self.total, 1))
            yield self

    def reading(self, path: Path) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"Reading {path.name}")

    def read(self, path: Path) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=self.sizes.get(path, 0))

    def saving(self) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description="Saving", completed=max(self.total, 1))


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
