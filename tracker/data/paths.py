"""Where recovtui keeps its files. Nothing is created until it is needed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "recovtui"
DB_FILENAME = "recovtui.db"
BACKUP_DIRNAME = "backups"


def default_db_path() -> Path:
    """``RECOVTUI_DB`` if set, else ``recovtui.db`` in the user data directory."""
    env = os.environ.get("RECOVTUI_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # looked up only when no path is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only."""
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)


def not_a_file(path: Path, *, follow: bool = True) -> str | None:
    """What is at ``path`` when it is there and not a regular file ("a FIFO (named
    pipe)", "a device"…), else None. Asked before opening: reading a FIFO waits for a
    writer forever. ``follow=False`` names a symbolic link itself.

    An ``OSError`` (a name over 255 bytes, a folder that cannot be searched) is raised
    as it comes: the command line tells it in one line.
    """
    try:
        mode = os.stat(path).st_mode if follow else os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in kinds if test(mode)), "not a regular file")
