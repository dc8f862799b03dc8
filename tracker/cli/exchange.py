"""``recovtui export``, ``import`` and ``backup`` (DESIGN §8, §10).

``import`` reads and checks every file before it writes anything, then writes
them all in one transaction: a malformed file is named with its first problem
and nothing at all is imported (exit 2).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pendulum

from tracker.cli.context import Context
from tracker.cli.errors import EXIT_OK, Failure, UsageError
from tracker.data.backup import BackupError, backup_to, manual_backup_path
from tracker.data.exchange import (
    RestoreSummary,
    apply_restore,
    check_document,
    export_csv,
    export_ics,
    export_json,
)
from tracker.data.paths import ensure_private_dir
from tracker.data.store import Store
from tracker.formats.detect import detect_kind, parse_file
from tracker.formats.limits import HEAD_BYTES
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.recovtui_json import Restore, dumps_document, load_document

KIND_LABELS = {
    "recovtui-json": "recovtui export",
    "strava-csv": "Strava CSV",
    "garmin-csv": "Garmin CSV",
    "gpx": "GPX",
    "fit": "FIT",
}
PROGRESS_MIN_BYTES = 1 << 20
PROGRESS_MIN_FILES = 20


# ------------------------------------------------------------------ export


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    target = _output_path(ctx, args.output, force=args.force)
    store = ctx.open_store()
    try:
        now = pendulum.now("UTC")
        if args.format == "csv":
            text = export_csv(store)
        elif args.format == "ics":
            today = ctx.clock(store).today()
            store.week_plan(today)  # this week and the next, as the Week screen would plan them
            store.week_plan(today.add(weeks=1))
            text = export_ics(store, now).decode("utf-8")
        else:
            text = dumps_document(export_json(store, now))
    finally:
        store.close()
    if target is None:
        _to_stdout(text)
    else:
        _write_file(target, text.encode("utf-8"))
        print(f"Exported {args.format.upper()} to {target}", file=sys.stderr)
    return EXIT_OK


def _output_path(ctx: Context, output: str | None, *, force: bool) -> Path | None:
    """The file to write (None for stdout), refused before anything is done."""
    if output is None or output == "-":
        return None
    path = Path(output).expanduser()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name a file")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} does not exist")
    if path.exists() and path.resolve() == ctx.db_path.resolve():
        raise UsageError(f"{path} is the database itself; choose another file")
    if path.exists() and not force:
        raise UsageError(f"{path} already exists (add --force to overwrite it)")
    return path


def _write_file(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it into place (0600: it is personal data)."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise Failure(f"cannot write {path} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        raise Failure(f"cannot write {path} ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)


def _to_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `recovtui export | head`: the reader left, that is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# ------------------------------------------------------------------ import


@dataclass
class Loaded:
    """One file, read and checked, not yet written."""

    path: Path
    kind: str
    runs: ImportResult | None = None
    restore: Restore | None = None


def runner_zone(store: Store) -> str:
    """The IANA zone runs are dated in: the setting, else this machine's (UTC if unnamed)."""
    configured = store.settings().timezone
    if configured:
        return configured
    local = pendulum.now().timezone
    try:
        return pendulum.timezone(local.name).name if local is not None else "UTC"
    except Exception:  # an offset-only zone has no IANA name
        return "UTC"


def load_file(store: Store, path: Path, tz: str) -> Loaded:
    """Detect, read and check one file; ``ImportProblem`` names what is wrong with it."""
    name = path.name
    if path.is_dir():
        raise ImportProblem(name, "is a folder; name the files in it")
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    kind = detect_kind(path, head)
    if kind == "recovtui-json":
        return Loaded(path, kind, restore=check_document(store, load_document(path), name))
    result = parse_file(path, tz)
    return Loaded(path, result.kind, runs=result)


class _Progress:
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


def import_files(store: Store, paths: Sequence[Path], tz: str, out: TextIO) -> list[str]:
    """Import every file or none; returns the summary lines.

    Raises ``UsageError`` after printing each malformed file's first problem to
    stderr; nothing is written then.
    """
    progress = _Progress(paths, out)
    loaded: list[Loaded] = []
    problems: list[ImportProblem] = []
    with progress.running():
        for path in paths:
            progress.reading(path)
            try:
                loaded.append(load_file(store, path, tz))
            except ImportProblem as exc:
                problems.append(exc)
            progress.read(path)
        if len(problems) == 1:
            raise UsageError(f"{problems[0]}; nothing was imported")
        if problems:
            for problem in problems:
                print(f"recovtui: {problem}", file=sys.stderr)
            raise UsageError(
                f"nothing was imported: fix or leave out the {len(problems)} files above"
            )
        progress.saving()
        try:
            with store.transaction():
                outcomes = [_apply(store, item) for item in loaded]
        except ImportProblem as exc:
            raise UsageError(f"{exc}; nothing was imported") from None
    lines = [line for line, _ in outcomes]
    counted = [counts for _, counts in outcomes if counts is not None]
    if len(counted) > 1:
        added, present, skipped = (sum(c[i] for c in counted) for i in range(3))
        lines.append(
            f"Total: {added} added, {present} already imported, {skipped} skipped "
            f"from {len(counted)} files"
        )
    return lines


def _apply(store: Store, item: Loaded) -> tuple[str, tuple[int, int, int] | None]:
    label = f"{item.path.name} ({KIND_LABELS.get(item.kind, item.kind)})"
    if item.restore is not None:
        summary = apply_restore(store, item.restore, item.path.name)
        return f"{label}: {describe_restore(summary, item.restore)}", None
    assert item.runs is not None
    added, present = store.import_activities(item.runs.activities)
    skipped = sum(item.runs.skipped.values())
    line = f"{label}: {added} added, {present} already imported, {skipped} skipped"
    if skipped:
        line += f" ({describe_skipped(item.runs.skipped)})"
    return line, (added, present, skipped)


def describe_skipped(skipped: dict[str, int], shown: int = 5) -> str:
    """``not runs: 587 Walking, 339 Strength Training and 3 more; 1 duplicate row``."""
    prefix = "not a run: "
    not_runs = sorted(
        (
            (reason.removeprefix(prefix), count)
            for reason, count in skipped.items()
            if reason.startswith(prefix)
        ),
        key=lambda r: (-r[1], r[0]),
    )
    others = sorted(
        ((reason, count) for reason, count in skipped.items() if not reason.startswith(prefix)),
        key=lambda r: (-r[1], r[0]),
    )
    parts = []
    if not_runs:
        text = ", ".join(f"{count} {kind}" for kind, count in not_runs[:shown])
        if len(not_runs) > shown:
            text += f" and {len(not_runs) - shown} more"
        parts.append(f"not runs: {text}")
    parts += [f"{count} {reason}" for reason, count in others]
    return "; ".join(parts)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def describe_restore(summary: RestoreSummary, restore: Restore) -> str:
    """One line saying what importing a recovtui export changed."""
    parts = [
        f"{_plural(summary.activities_added, 'activity').replace('activitys', 'activities')} "
        f"added, {summary.activities_present} already there"
    ]
    counts = [
        (summary.plan_days, "planned day"),
        (summary.sessions_added, "recovery session"),
        (summary.checks_added, "nutrition check"),
        (summary.excused_added, "excused week"),
        (summary.checkins_added, "check-in"),
    ]
    parts += [_plural(count, word) for count, word in counts if count]
    if summary.items_changed:
        parts.append("nutrition checklist restored")
    if summary.presets:
        parts.append("timer presets restored")
    if summary.settings:
        parts.append("settings: " + ", ".join(summary.settings))
    line = "; ".join(parts)
    command = restore.settings.get("on_finish_command")
    if "on_finish_command" in summary.settings and command:
        line += (
            f"\n  note: on_finish_command is now {command!r}; it runs whenever a timer "
            "finishes — change it in Settings if this file is not your own"
        )
    return line


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    paths = [Path(name).expanduser() for name in args.files]
    store = ctx.open_store()
    try:
        lines = import_files(store, paths, runner_zone(store), sys.stdout)
    finally:
        store.close()
    for line in lines:
        print(line)
    return EXIT_OK


# ------------------------------------------------------------------ backup


def run_backup(ctx: Context, args: argparse.Namespace) -> int:
    target = _output_path(ctx, args.output, force=False) if args.output else None
    if args.output == "-":
        raise UsageError("a backup is a database file; name it with --output FILE")
    store = ctx.open_store()
    try:
        if target is None:
            target = manual_backup_path(ctx.db_path, pendulum.now("UTC"))
            ensure_private_dir(target.parent)
        backup_to(store.db, target)
    except BackupError as exc:
        raise Failure(str(exc)) from None
    except OSError as exc:
        raise Failure(f"cannot write a backup ({exc.strerror or exc})") from None
    finally:
        store.close()
    print(f"Backed up {ctx.db_path} to {target}")
    return EXIT_OK
