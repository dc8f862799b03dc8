"""Watched folders and the files seen in them (see docs/importing.md, "Watched folders")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.data.rows import now_stamp
from tracker.data.store_base import StoreBase


@dataclass(frozen=True)
class SeenFile:
    """A file of a watched folder as it was when last read: not read again unless it changed."""

    path: Path
    size: int
    mtime_ns: int
    sha256: str
    outcome: str
    """``imported`` or ``refused``."""
    message: str = ""


class WatchStore(StoreBase):
    def database_path(self) -> Path | None:
        """The database's file (None in memory): a thread opens its own connection to it."""
        row = self.db.execute("PRAGMA database_list").fetchone()
        return Path(row[2]) if row and row[2] else None

    def watched_folders(self) -> list[Path]:
        return [Path(row["path"]) for row in self._rows("watched_folders", order_by="path")]

    def watch_folder(self, folder: Path) -> bool:
        """Watch ``folder`` (an absolute path); False when it was already watched."""
        if self._count("watched_folders", "path = ?", [str(folder)]):
            return False
        self._table("watched_folders").insert({"path": str(folder), "added_at": now_stamp()})
        self._changed()
        return True

    def unwatch_folder(self, folder: Path) -> bool:
        """Stop watching ``folder``; False when it was not watched. Its files are forgotten."""
        if not self._count("watched_folders", "path = ?", [str(folder)]):
            return False
        with self.transaction():
            self._table("watched_folders").delete_where("path = ?", [str(folder)])
            prefix = str(folder).rstrip("/") + "/"
            self._table("watched_files").delete_where(
                "substr(path, 1, ?) = ?", [len(prefix), prefix]
            )
        self._changed()
        return True

    def seen_files(self) -> dict[Path, SeenFile]:
        return {
            Path(row["path"]): SeenFile(
                Path(row["path"]),
                row["size"],
                row["mtime_ns"],
                row["sha256"],
                row["outcome"],
                row["message"] or "",
            )
            for row in self._rows("watched_files")
        }

    def remember_file(self, seen: SeenFile) -> None:
        self._table("watched_files").upsert(
            {
                "path": str(seen.path),
                "size": seen.size,
                "mtime_ns": seen.mtime_ns,
                "sha256": seen.sha256,
                "outcome": seen.outcome,
                "message": seen.message,
                "seen_at": now_stamp(),
            },
            pk="path",
        )
