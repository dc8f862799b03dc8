"""Where recovtui keeps its files. Nothing is created until it is needed."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "recovtui"
DB_FILENAME = "recovtui.db"
BACKUP_DIRNAME = "backups"


def default_db_path() -> Path:
    """``RECOVTUI_DB`` if set, else ``recovtui.db`` in the user data directory."""
    env = os.environ.get("RECOVTUI_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only."""
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
