"""Watched folders: the new activity files in them imported, each on its own.

A file already imported, or refused before, is not read again unless it
changed: same size and modification time means unchanged; otherwise its
SHA-256 is compared (a file touched but not changed is not re-imported). A
refused file does not stop the others. Runs already stored (by source id, or
the same run from another source) are recognised as in any import.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from tracker.data.db import DatabaseProblem, open_db
from tracker.data.store import Store
from tracker.data.watch_store import SeenFile
from tracker.domain.text import plural
from tracker.formats.problems import ImportProblem
from tracker.services.importing import import_runs_file, runner_zone

WATCHED_SUFFIXES: Final = (".gpx", ".tcx", ".fit", ".csv", ".zip")
"""What a watched folder's files may be (each also gzipped, but a zip)."""
_HASH_CHUNK: Final = 1 << 20


@dataclass
class WatchReport:
    """What one pass over the watched folders did."""

    new_files: int = 0
    added: int = 0
    refused: list[str] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """Folders and files that could not be read (``PATH: Permission denied``)."""

    def line(self) -> str:
        """One line of summary: ``Watched folders: 2 new files, 3 runs added, 1 refused``."""
        if not self.new_files and not self.missing and not self.unreadable:
            return "Watched folders: nothing new"
        parts = [plural(self.new_files, "new file"), f"{plural(self.added, 'run')} added"]
        if self.refused:
            parts.append(f"{len(self.refused)} refused ({self.refused[0]})")
        if self.missing:
            parts.append(f"{plural(len(self.missing), 'folder')} missing: {self.missing[0]}")
        if self.unreadable:
            parts.append(f"{len(self.unreadable)} out of reach ({self.unreadable[0]})")
        return "Watched folders: " + ", ".join(parts)


def add_folder(store: Store, folder: Path) -> str:
    """Watch ``folder`` (made absolute); ``ValueError`` when it is not a folder."""
    folder = folder.expanduser().resolve()
    if not folder.is_dir():
        raise ValueError(f"{folder} is not a folder")
    if store.watch_folder(folder):
        return f"Watching {folder}: its new activity files are imported at every start"
    return f"{folder} is already watched"


def remove_folder(store: Store, folder: Path) -> str:
    """Stop watching ``folder``; ``ValueError`` when it was not watched."""
    for candidate in (folder.expanduser().absolute(), folder.expanduser().resolve()):
        if store.unwatch_folder(candidate):
            return f"No longer watching {candidate}"
    raise ValueError(f"{folder} is not watched (see recovtui watch list)")


def _unreadable(exc: OSError) -> str:
    return f"{exc.filename}: {exc.strerror or exc}"


def _files(folder: Path, unreadable: list[str]) -> Iterator[Path]:
    """The activity files under ``folder``; a folder that cannot be listed goes into
    ``unreadable`` (a locked folder is not an empty one)."""

    def said(exc: OSError) -> None:
        unreadable.append(_unreadable(exc))

    for root, folders, files in os.walk(folder, onerror=said, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            lower = name.lower()
            if not name.startswith(".") and lower.removesuffix(".gz").endswith(WATCHED_SUFFIXES):
                yield Path(root) / name


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def import_watched(store: Store) -> WatchReport:
    """Import every new or changed file of the watched folders (see the module docstring)."""
    report = WatchReport()
    tz = runner_zone(store)
    seen = store.seen_files()
    for folder in store.watched_folders():
        try:
            present = folder.is_dir()
        except OSError as exc:  # a folder on the way cannot be searched
            report.unreadable.append(_unreadable(exc))
            continue
        if not present:
            report.missing.append(folder)
            continue
        for path in _files(folder, report.unreadable):
            try:
                info = path.stat()
            except OSError as exc:
                report.unreadable.append(_unreadable(exc))
                continue
            before = seen.get(path)
            if before and (before.size, before.mtime_ns) == (info.st_size, info.st_mtime_ns):
                continue
            try:
                digest = _sha256(path)
            except OSError as exc:
                report.unreadable.append(_unreadable(exc))
                continue
            if before and before.sha256 == digest:
                store.remember_file(
                    SeenFile(
                        path, info.st_size, info.st_mtime_ns, digest, before.outcome, before.message
                    )
                )
                continue
            report.new_files += 1
            try:
                report.added += import_runs_file(store, path, tz)
                outcome, message = "imported", ""
            except ImportProblem as problem:
                outcome, message = "refused", str(problem)
                report.refused.append(message)
            store.remember_file(
                SeenFile(path, info.st_size, info.st_mtime_ns, digest, outcome, message)
            )
    return report


def import_watched_in_own_connection(db_path: Path) -> str | None:
    """:func:`import_watched` on a connection of its own (for a thread): the summary line,
    or None when no folder is watched."""
    try:
        store = Store(open_db(db_path))
    except DatabaseProblem as exc:
        return f"Watched folders: {exc}"
    try:
        if not store.watched_folders():
            return None
        return import_watched(store).line()
    finally:
        store.close()
