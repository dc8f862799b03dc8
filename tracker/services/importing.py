"""Importing files: all of them or none, in one transaction.

Each file is detected from its content, parsed by its format, checked against
the store and written, all inside one transaction: a file that cannot be
imported is named with its first problem (file, record, field), the files after
it are still read for their own problems, and the transaction is rolled back,
so nothing at all is imported. A Strava ``activities.csv`` or a Garmin
``Activities.csv`` is streamed: its rows are read, checked and written in
batches (memory stays the same whatever its size, see
``ActivityStore.import_file_runs``); the other formats are read whole first.
Runs are dated in the runner's time zone and recognised by source id, so
importing a file again adds nothing twice. recovtui's own export is restored
whole (see :mod:`tracker.services.restoring`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import pendulum

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.formats.archive import parse_archive
from tracker.formats.archive_members import folder_members, zip_members
from tracker.formats.csv_table import DUPLICATE_ROW, runs_only
from tracker.formats.detect import detect_kind, parse_file
from tracker.formats.garmin import garmin_rows
from tracker.formats.limits import read_head
from tracker.formats.numbers import resolve_zone
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.recovtui_json import Restore, load_document
from tracker.formats.strava import strava_rows
from tracker.formats.text_stream import text_chunks
from tracker.services.restoring import apply_restore, check_document, describe_restore

KIND_LABELS: Final = {
    "recovtui-json": "recovtui export",
    "strava-csv": "Strava CSV",
    "garmin-csv": "Garmin CSV",
    "gpx": "GPX",
    "tcx": "TCX",
    "fit": "FIT",
    "strava-archive": "Strava archive",
    "garmin-archive": "Garmin archive",
    "archive": "archive",
}


class ImportRefused(Exception):
    """Nothing was imported: ``problems`` holds each refused file's first problem."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = f"{self.problems[0]}; nothing was imported"
        else:
            message = f"nothing was imported: fix or leave out the {len(self.problems)} files above"
        super().__init__(message)


class ImportProgress:
    """Told as each file is read (and written), and when all of it is saved; a progress
    bar overrides it."""

    def reading(self, path: Path) -> None:
        pass

    def read(self, path: Path) -> None:
        pass

    def saving(self) -> None:
        pass


@dataclass
class Loaded:
    """One file, read and checked, not yet written; or, streamed, its header checked and
    its rows still to be read as they are written."""

    path: Path
    kind: str
    runs: ImportResult | None = None
    restore: Restore | None = None
    stream: Iterator[Activity | str] | None = None
    skipped: Counter[str] = field(default_factory=Counter)
    """What a stream skipped, counted as it is read."""

    def streamed_runs(self) -> Iterator[Activity]:
        assert self.stream is not None
        return _guarded(self.path.name, self.kind, runs_only(self.stream, self.skipped))


STREAMED: Final = frozenset({"strava-csv", "garmin-csv"})
"""The formats whose rows are written as they are read (the others are read whole first)."""


def _guarded(name: str, kind: str, runs: Iterator[Activity]) -> Iterator[Activity]:
    """A last guard, as ``parse_data`` has: the CLI must never show a traceback."""
    try:
        yield from runs
    except ImportProblem:
        raise
    except Exception as exc:
        raise ImportProblem(
            name, f"unexpected error reading {kind}: {type(exc).__name__}: {exc}"
        ) from exc


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


def load_file(store: Store, path: Path, tz: str, *, stream: bool = False) -> Loaded:
    """Detect, read and check one file (or archive, or folder); ``ImportProblem`` names
    what is wrong with it. With ``stream``, a format in :data:`STREAMED` has only its
    header (Garmin's: a first pass over its rows) checked here: its rows are read as
    they are written."""
    if path.is_dir():
        result = parse_archive(folder_members(path), path.name, tz)
        return Loaded(path, result.kind, runs=result)
    kind = detect_kind(path, read_head(path))
    if kind == "zip":
        resolve_zone(path.name, tz)
        with zip_members(path) as members:
            result = parse_archive(members, path.name, tz)
        return Loaded(path, result.kind, runs=result)
    if kind == "recovtui-json":
        return Loaded(path, kind, restore=check_document(store, load_document(path), path.name))
    if stream and kind == "strava-csv":
        return Loaded(path, kind, stream=strava_rows(text_chunks(path), path.name, tz))
    if stream and kind == "garmin-csv":  # read twice: its guesses need every row
        rows = garmin_rows(lambda: text_chunks(path), path.name, tz)
        return Loaded(path, kind, stream=rows)
    result = parse_file(path, tz)
    return Loaded(path, result.kind, runs=result)


def import_files(
    store: Store, paths: Sequence[Path], tz: str, progress: ImportProgress | None = None
) -> list[str]:
    """Import every file or none; returns the summary lines, one a file and a total.

    Raises :class:`ImportRefused` when any file cannot be imported, naming each
    refused file's first problem; nothing is written then.
    """
    shown = progress or ImportProgress()
    outcomes: list[tuple[str, tuple[int, int, int, int] | None]] = []
    problems: list[ImportProblem] = []
    with store.transaction():
        for path in paths:
            shown.reading(path)
            try:
                item = load_file(store, path, tz, stream=True)
                if problems:  # refused already: this file is only read for its own problem
                    _read_through(item)
                else:
                    outcomes.append(_apply(store, item))
            except ImportProblem as exc:
                problems.append(exc)
            shown.read(path)
        if problems:
            raise ImportRefused(problems)  # rolls the transaction back
        shown.saving()
    lines = [line for line, _ in outcomes]
    counted = [counts for _, counts in outcomes if counts is not None]
    if len(counted) > 1:
        lines.append(
            f"Total: {describe_counts(*(sum(c[i] for c in counted) for i in range(4)))} "
            f"from {len(counted)} files"
        )
    return lines


def _read_through(item: Loaded) -> None:
    if item.stream is not None:
        for _ in item.streamed_runs():
            pass


def describe_counts(added: int, present: int, skipped: int, recognised: int = 0) -> str:
    """``3 added, 1 already imported, 2 skipped`` (and how many were the same run)."""
    same = f", {recognised} the same run from another source" if recognised else ""
    return f"{added} added, {present} already imported{same}, {skipped} skipped"


def _apply(store: Store, item: Loaded) -> tuple[str, tuple[int, int, int, int] | None]:
    label = f"{item.path.name} ({KIND_LABELS.get(item.kind, item.kind)})"
    if item.restore is not None:
        summary = apply_restore(store, item.restore, item.path.name)
        return f"{label}: {describe_restore(summary, item.restore)}", None
    notes: list[str] = []
    if item.stream is not None:
        counts = store.import_file_runs(item.streamed_runs())
        added, present, recognised = counts.added, counts.present, counts.recognised
        if counts.repeated:
            item.skipped[DUPLICATE_ROW] += counts.repeated
        reasons = dict(item.skipped)
    else:
        assert item.runs is not None
        added, present, recognised = store.import_runs(item.runs.activities)
        reasons, notes = item.runs.skipped, item.runs.notes
    skipped = sum(reasons.values())
    line = f"{label}: {describe_counts(added, present, skipped, recognised)}"
    if skipped:
        line += f" ({describe_skipped(reasons)})"
    line += "".join(f"\n  note: {note}" for note in notes)
    return line, (added, present, skipped, recognised)


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


def import_runs_file(store: Store, path: Path, tz: str) -> int:
    """Import the runs of one file, archive or folder on its own: how many were added.

    Raises ``ImportProblem`` (nothing written) when it cannot be imported; a
    recovtui export is refused here (it is restored by hand, never in passing).
    """
    item = load_file(store, path, tz, stream=True)
    if item.restore is not None:
        raise ImportProblem(path.name, "a recovtui export: import it by hand")
    with store.transaction():
        _, counts = _apply(store, item)
    return counts[0] if counts else 0
