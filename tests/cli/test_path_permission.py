"""A folder without search permission on the way to a path (DESIGN §8): the database,
``export --output``, an import file, a watched folder, a backup target. Each command
says so in one line and exits 1 (a runtime failure), writes nothing, shows no
traceback.

The tests run as root, whom ``chmod 000`` does not stop, so the folder is locked the
way the kernel would lock it for anyone else: every call the code makes on a path
inside it (``os.stat``, ``open``, ``mkdir``, ``listdir``, ``sqlite3.connect``…) fails
as it would, ``EACCES``.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.run import FIXTURES, contents, recovtui
from tests.conftest import EVENING

CSV = FIXTURES / "strava_activities.csv"


class Locked:
    """Folders that are there, and nothing under which can be reached (``lock``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.prefixes = [os.path.realpath(path) + os.sep]

    def lock(self, folder: Path) -> None:
        self.prefixes.append(os.path.realpath(folder) + os.sep)

    def holds(self, target: object, itself: bool = False) -> bool:
        """Whether ``target`` is in a locked folder (or, ``itself``, is one: its list
        cannot be read)."""
        if isinstance(target, int):
            return False  # an open descriptor
        name = os.fsdecode(target)  # type: ignore[arg-type]
        name = os.path.abspath(name.removeprefix("file:").split("?")[0])
        if itself:
            name += os.sep
        return any(name.startswith(prefix) for prefix in self.prefixes)


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Locked]:
    """``tmp_path/locked``, holding an activities.csv and a folder ``watched`` with one."""
    folder = tmp_path / "locked"
    (folder / "watched").mkdir(parents=True)
    shutil.copy(CSV, folder / "activities.csv")
    shutil.copy(CSV, folder / "watched" / "activities.csv")
    lock = Locked(folder)

    def denied(target: object) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(target))  # type: ignore[arg-type]

    def refuse(real: Callable[..., Any], itself: bool = False) -> Callable[..., Any]:
        def call(target: Any = ".", *args: Any, **kwargs: Any) -> Any:
            if lock.holds(target, itself):
                raise denied(target)
            return real(target, *args, **kwargs)

        return call

    for name in ("stat", "lstat", "open", "mkdir", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, refuse(getattr(os, name)))
    for name in ("listdir", "scandir"):
        monkeypatch.setattr(os, name, refuse(getattr(os, name), itself=True))
    monkeypatch.setattr(builtins, "open", refuse(builtins.open))
    monkeypatch.setattr(io, "open", refuse(io.open))
    real_access = os.access

    def access(target: Any, mode: int, **kwargs: Any) -> bool:
        return not lock.holds(target) and real_access(target, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    real_connect = sqlite3.connect

    def connect(target: Any, *args: Any, **kwargs: Any) -> Any:
        if lock.holds(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield lock


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "recovtui.db"
    path.parent.mkdir()
    code, _, err = recovtui(path, "log", "today", "--kind", "easy", "--distance", "5")
    assert code == 0, err
    return path


def others(db: Path) -> list[str]:
    """The files beside the database, but its own journal and the day's backup, which
    any command that writes takes as it opens the database."""
    own = (f"{db.name}-", "backups")
    return sorted(p.name for p in db.parent.iterdir() if not p.name.startswith(own))


def one_line(err: str, folder: Path) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(folder) in lines[0] and "ermission denied" in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ("status",),
        ("stats", "--json"),
        ("plan",),
        ("log", "today", "--kind", "easy", "--distance", "5"),
        ("plan", "set", "today", "rest"),
    ],
)
def test_a_database_in_a_locked_folder(locked: Locked, argv: tuple[str, ...]) -> None:
    code, out, err = recovtui(locked.path / "recovtui.db", *argv)
    assert code == 1 and not out
    one_line(err, locked.path)


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "--output", "out.json"),
        ("backup", "--output", "backup.db"),
        ("import", "activities.csv"),
        ("import", "watched"),
        ("watch", "add", "watched"),
    ],
)
def test_a_path_in_a_locked_folder(locked: Locked, db: Path, argv: tuple[str, ...]) -> None:
    """The path named last is in the locked folder: one line, exit 1, nothing written."""
    before, beside = contents(db), others(db)
    code, _, err = recovtui(db, *argv[:-1], str(locked.path / argv[-1]))
    assert code == 1
    one_line(err, locked.path)
    assert (contents(db), others(db)) == (before, beside)


def test_a_watched_folder_locked_since(locked: Locked, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    folder.mkdir()
    assert recovtui(db, "watch", "add", str(folder))[0] == 0
    locked.lock(folder)
    before = contents(db)
    code, out, err = recovtui(db, "import", "--watched")
    assert "Traceback" not in err
    assert str(folder) in out + err and "ermission denied" in out + err
    assert contents(db) == before
    assert code == 0  # the other folders' files are imported: one folder out of reach is said


def test_the_daily_backup_folder_locked(locked: Locked, db: Path) -> None:
    locked.lock(db.parent / "backups")
    code, out, err = recovtui(db, "log", "yesterday", "--kind", "easy", "--distance", "5")
    assert "Traceback" not in err
    assert code == 0 and "Logged" in out, err  # the run matters more than the backup


def test_the_tui_file_actions(locked: Locked, db: Path) -> None:
    """Export, import and backup as the TUI's dialogs call them: one line each to show."""
    from tests.fakes import FakeClock
    from tracker.data.db import open_db
    from tracker.data.store import Store
    from tracker.services.exporting import FileService
    from tracker.services.watching import import_watched
    from tracker.services.welcome import WelcomeService

    store = Store(open_db(db))
    try:
        before = contents(db)
        clock = FakeClock(EVENING)
        with pytest.raises(PermissionError):
            FileService(store, clock).export_to(locked.path / "out.json")
        imported, said = WelcomeService(store, clock).import_history(str(locked.path / "watched"))
        assert not imported
        one_line(said, locked.path)
        locked.lock(db.parent / "backups")
        with pytest.raises(ValueError, match=r"backups.*Permission denied"):
            FileService(store, clock).back_up()
        store.watch_folder(locked.path / "watched")
        before = contents(db)
        line = import_watched(store).line()
        assert "ermission denied" in line and "\n" not in line
        assert contents(db) == before
    finally:
        store.close()
