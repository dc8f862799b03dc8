"""A full disk is a full disk: never "damaged", never "restore the backup", nothing
lost, no traceback (DESIGN §9). On a small tmpfs filled for the test."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.run import FIXTURES
from tests.conftest import TODAY
from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.failures import DiskFull
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

IMPORT = FIXTURES / "strava_activities.csv"


class Disk:
    """The small filesystem, with a database on it and a file taking up the rest."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "recovtui.db"
        self.filler = folder / "filler"
        store = Store(open_db(self.db))
        store.add_activity(Activity(TODAY, ActivityKind.EASY, 10_000))
        store.close()
        (folder / "backups").mkdir()
        (folder / "backups" / "recovtui-2026-11-24.db").write_bytes(b"an old backup")

    def fill(self, leave: int = 0) -> None:
        """Fill the disk, leaving ``leave`` bytes free."""
        self.filler.unlink(missing_ok=True)
        stat = os.statvfs(self.folder)
        free = stat.f_bavail * stat.f_frsize
        with self.filler.open("wb") as handle:
            os.posix_fallocate(handle.fileno(), 0, max(1, free - leave))
        stat = os.statvfs(self.folder)
        assert stat.f_bavail * stat.f_frsize <= leave

    def empty(self) -> None:
        self.filler.unlink(missing_ok=True)

    def distances(self) -> list[int]:
        conn = sqlite3.connect(self.db)
        try:
            return [row[0] for row in conn.execute("SELECT distance_m FROM activities")]
        finally:
            conn.close()


@pytest.fixture
def disk(small_fs: Path) -> Iterator[Disk]:
    disk = Disk(small_fs)
    yield disk
    disk.empty()


def one_line_disk_full(err: str, disk: Disk) -> None:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith("recovtui: disk full: cannot ") and str(disk.db) in err
    assert "damaged" not in err and "restore" not in err and "backup" not in err


def test_a_healthy_database_on_a_full_disk_is_not_called_damaged(disk: Disk) -> None:
    """Before, every command said it "is damaged … restore the backup"."""
    disk.fill(0)
    with pytest.raises(DiskFull) as caught:
        open_db(disk.db)
    message = str(caught.value)
    assert message.startswith(f"disk full: cannot open {disk.db}")
    assert "damaged" not in message and "backup" not in message


def test_looking_works_on_a_full_disk(disk: Disk, capsys: pytest.CaptureFixture[str]) -> None:
    disk.fill(0)
    for argv in (("stats",), ("plan",), ("export", "--format", "csv")):
        assert main(["--db", str(disk.db), "--today", str(TODAY), *argv]) == 0
        out, err = capsys.readouterr()
        assert err == "" and out
    assert "10000" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("log", "--kind", "easy", "--distance", "7"),
        ("plan", "set", "2026-11-26", "cross"),
        ("import", str(IMPORT)),
    ],
    ids=["log", "plan-set", "import"],
)
def test_a_write_with_a_few_kb_left_says_disk_full_and_loses_nothing(
    disk: Disk, argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, ``log``, ``plan set`` and ``import`` printed tracebacks."""
    disk.fill(40 * 1024)
    assert main(["--db", str(disk.db), "--today", str(TODAY), *argv]) == 1
    _out, err = capsys.readouterr()
    one_line_disk_full(err, disk)
    disk.empty()
    assert disk.distances() == [10_000], "nothing written, nothing lost"
    assert main(["--db", str(disk.db), "--today", str(TODAY), *argv]) == 0, "free space: it works"
    assert len(disk.distances()) > 1 or argv[0] == "plan"
