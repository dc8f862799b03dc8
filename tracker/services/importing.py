"""Importing files: every file is read and checked before anything is written.

Each file is detected from its content, parsed by its format and checked
against the store; then all of them are written in one transaction. A file
that cannot be imported is named with its first problem (file, record, field)
and nothing at all is imported. Runs are dated in the runner's time zone and
recognised by source id, so importing a file again adds nothing twice.
recovtui's own export is restored whole (see :mod:`tracker.services.restoring`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pendulum

from tracker.data.store import Store
from tracker.formats.archive import parse_archive
from tracker.formats.archive_members import folder_members, zip_members
from tracker.formats.detect import detect_kind, parse_file
from tracker.formats.limits import read_head
from tracker.formats.numbers import resolve_zone
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.recovtui_json import Restore, load_document
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
    """Told as each file is read and when the writing starts; a progress bar overrides it."""

    def reading(self, path: Path) -> None:
        pass

    def read(self, path: Path) -> None:
        pass

    def saving(self) -> None:
        pass


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
    """Detect, read and check one file (or archive, or folder); ``ImportProblem`` names
    what is wrong with it."""
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
    result = parse_file(path, tz)
    return Loaded(path, result.kind, runs=result)


def import_files(
    store: Store, paths: Sequence[Path], tz: str, progress: ImportProgress | None = None
) -> list[str]:
    """Import every file or none; returns the summary lines, one a file and a total.

    Raises :class:`ImportRefused` when any file cannot be imported; nothing is
    written then.
    """
    shown = progress or ImportProgress()
    loaded: list[Loaded] = []
    problems: list[ImportProblem] = []
    for path in paths:
        shown.reading(path)
        try:
            loaded.append(load_file(store, path, tz))
        except ImportProblem as exc:
            problems.append(exc)
        shown.read(path)
    if problems:
        raise ImportRefused(problems)
    shown.saving()
    try:
        with store.transaction():
            outcomes = [_apply(store, item) for item in loaded]
    except ImportProblem as exc:
        raise ImportRefused([exc]) from None
    lines = [line for line, _ in outcomes]
    counted = [counts for _, counts in outcomes if counts is not None]
    if len(counted) > 1:
        lines.append(
            f"Total: {describe_counts(*(sum(c[i] for c in counted) for i in range(4)))} "
            f"from {len(counted)} files"
        )
    return lines


def describe_counts(added: int, present: int, skipped: int, recognised: int = 0) -> str:
    """``3 added, 1 already imported, 2 skipped`` (and how many were the same run)."""
    same = f", {recognised} the same run from another source" if recognised else ""
    return f"{added} added, {present} already imported{same}, {skipped} skipped"


def _apply(store: Store, item: Loaded) -> tuple[str, tuple[int, int, int, int] | None]:
    label = f"{item.path.name} ({KIND_LABELS.get(item.kind, item.kind)})"
    if item.restore is not None:
        summary = apply_restore(store, item.restore, item.path.name)
        return f"{label}: {describe_restore(summary, item.restore)}", None
    assert item.runs is not None
    added, present, recognised = store.import_runs(item.runs.activities)
    skipped = sum(item.runs.skipped.values())
    line = f"{label}: {describe_counts(added, present, skipped, recognised)}"
    if skipped:
        line += f" ({describe_skipped(item.runs.skipped)})"
    line += "".join(f"\n  note: {note}" for note in item.runs.notes)
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
    item = load_file(store, path, tz)
    if item.runs is None:
        raise ImportProblem(path.name, "a recovtui export: import it by hand")
    with store.transaction():
        _, counts = _apply(store, item)
    return counts[0] if counts else 0
