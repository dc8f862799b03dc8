"""The status summary beside the database: where it lives, when it is trusted, how
it is kept fresh, and that reading it imports only the standard library."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tracker import __version__
from tracker.data import paths, status_cache
from tracker.data.db import open_db
from tracker.data.status_cache import (
    StatusEntry,
    local_today,
    parse_day,
    read_status,
    summary_path,
    write_summary,
)
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.services.reports import status_reports
from tracker.services.status_summary import attach_summary, refresher_for

DAY = date(2026, 11, 25)


def entry(day: date, since: int = 2) -> StatusEntry:
    document = {
        "today": day.isoformat(),
        "rest_streak": {"current_weeks": 1, "best_weeks": 2},
        "rest_days_this_week": 1,
        "days_since_rest": since,
        "checked_in": False,
    }
    return StatusEntry(document, f"line {day}")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "recovtui.db"
    Store(open_db(path)).close()
    return path


class TestWhere:
    def test_summary_beside_the_database(self) -> None:
        assert summary_path("/x/recovtui.db") == "/x/recovtui.status.json"
        assert summary_path(Path("/x/demo.db")) == "/x/demo.status.json"
        assert summary_path("/x/runs.sqlite") == "/x/runs.sqlite.status.json"
        assert summary_path("/x/runs") == "/x/runs.status.json"

    def test_names_match_paths(self) -> None:
        assert status_cache.APP_NAME == paths.APP_NAME
        assert status_cache.DB_FILENAME == paths.DB_FILENAME

    @pytest.mark.parametrize(
        "env",
        [
            {"RECOVTUI_DB": "~/runs/my.db"},
            {"XDG_DATA_HOME": "/srv/data"},
            {"XDG_DATA_HOME": ""},
            {"XDG_DATA_HOME": "relative/data"},
            {"XDG_DATA_HOME": " /padded"},
            {},
            {"HOME": "/home/runner/"},
        ],
    )
    def test_default_db_path_is_platformdirs_path(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str]
    ) -> None:
        monkeypatch.delenv("RECOVTUI_DB", raising=False)
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        assert status_cache.default_db_path() == str(paths.default_db_path())

    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast rule is Linux's")
    def test_default_db_path_without_platformdirs(self, tmp_path: Path) -> None:
        env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
        env.pop("RECOVTUI_DB", None)
        code = (
            "import sys; from tracker.data.status_cache import default_db_path; "
            "print(default_db_path()); print('platformdirs' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        assert out == [str(tmp_path / "xdg" / "recovtui" / "recovtui.db"), "False"]


class TestParseDay:
    def test_the_shape_of_an_iso_date_only(self) -> None:
        assert parse_day("2026-11-25") == "2026-11-25"
        assert parse_day("2028-02-29") == "2028-02-29"
        for text in ("20261125", "2026-W48-3", "2026-11-5", " 2026-11-25", "today", "2026/11/25"):
            assert parse_day(text) is None

    def test_an_impossible_date_is_never_in_a_summary(self, db: Path) -> None:
        write_summary(db, "UTC", [entry(DAY)])
        assert parse_day("2026-02-30") == "2026-02-30"
        assert read_status(db, "2026-02-30") is None
        assert read_status(db, "2026-11-25") == read_status(db, DAY) == entry(DAY)


class TestLocalToday:
    def test_machine_zone_and_utc_without_zoneinfo(self) -> None:
        assert local_today(None) == date.today().isoformat()
        assert local_today("UTC") == datetime.now(ZoneInfo("UTC")).date().isoformat()

    def test_named_zone(self) -> None:
        zone = "Pacific/Kiritimati"
        assert local_today(zone) == datetime.now(ZoneInfo(zone)).date().isoformat()
        assert local_today("Mars/Olympus_Mons") is None


class TestReadWrite:
    def test_round_trip(self, db: Path) -> None:
        assert write_summary(db, "UTC", [entry(DAY), entry(DAY + timedelta(days=1), 3)])
        found = read_status(db, DAY + timedelta(days=1))
        assert found == entry(DAY + timedelta(days=1), 3)
        assert read_status(db, DAY + timedelta(days=2)) is None
        data = json.loads(Path(summary_path(db)).read_text())
        assert data["format"] == 1 and data["version"] == __version__
        assert data["timezone"] == "UTC"

    def test_no_database_no_summary(self, tmp_path: Path) -> None:
        missing = tmp_path / "missing.db"
        assert not write_summary(missing, None, [entry(DAY)])
        assert not Path(summary_path(missing)).exists()
        assert read_status(missing, DAY) is None

    def test_a_write_by_anyone_makes_it_stale(self, db: Path) -> None:
        write_summary(db, "UTC", [entry(DAY)])
        assert read_status(db, DAY) is not None
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO checkins (date, at) VALUES ('2026-11-25', 'x')")
        conn.commit()
        assert Path(f"{db}-wal").stat().st_size > 0  # the write sits in the WAL
        assert read_status(db, DAY) is None
        conn.close()  # the checkpoint moves it into the database file
        assert not Path(f"{db}-wal").exists()
        assert read_status(db, DAY) is None

    def test_reading_does_not_make_it_stale(self, db: Path) -> None:
        write_summary(db, "UTC", [entry(DAY)])
        store = Store(open_db(db))
        store.settings()
        store.activity_dates()
        store.close()
        assert read_status(db, DAY) == entry(DAY)

    def test_a_replaced_database_makes_it_stale(self, db: Path, tmp_path: Path) -> None:
        write_summary(db, "UTC", [entry(DAY)])
        other = tmp_path / "other.db"
        Store(open_db(other)).close()
        stamp = os.stat(db)
        os.replace(other, db)
        os.utime(db, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        assert read_status(db, DAY) is None

    @pytest.mark.parametrize(
        "spoil",
        [
            lambda data: "not json {",
            lambda data: json.dumps([data]),
            lambda data: json.dumps(data | {"format": 2}),
            lambda data: json.dumps(data | {"version": "0.0.0"}),
            lambda data: json.dumps(data | {"stamp": [1, 2, 3, 4]}),
            lambda data: json.dumps(data | {"days": []}),
            lambda data: json.dumps(data | {"days": {DAY.isoformat(): {"json": {}}}}),
            lambda data: json.dumps(data | {"days": {DAY.isoformat(): {"line": "x"}}}),
        ],
    )
    def test_anything_odd_is_not_trusted(self, db: Path, spoil: Any) -> None:
        write_summary(db, "UTC", [entry(DAY)])
        path = Path(summary_path(db))
        path.write_text(spoil(json.loads(path.read_text())))
        assert read_status(db, DAY) is None

    def test_today_in_the_runners_time_zone(self, db: Path) -> None:
        zone = "Pacific/Kiritimati"  # UTC+14: often a day ahead of UTC
        local = datetime.now(ZoneInfo(zone)).date()
        days = [local + timedelta(days=offset) for offset in (-1, 0, 1)]
        write_summary(db, zone, [entry(day, since) for since, day in enumerate(days)])
        found = read_status(db)
        after = datetime.now(ZoneInfo(zone)).date()  # the same day but at its very end
        assert found is not None
        assert found.document["today"] in {local.isoformat(), after.isoformat()}
        assert found.document["today"] != (local - timedelta(days=1)).isoformat()

    def test_unknown_time_zone_is_not_trusted(self, db: Path) -> None:
        write_summary(db, "Mars/Olympus_Mons", [entry(date.today())])
        assert read_status(db) is None
        assert read_status(db, date.today()) is not None

    def test_unwritable_folder(self, db: Path) -> None:
        folder = db.parent
        folder.chmod(0o500)
        try:
            if os.access(folder, os.W_OK):
                pytest.skip("running as a user who can write anywhere")
            assert not write_summary(db, None, [entry(DAY)])
        finally:
            folder.chmod(0o700)


def add_run(store: Store, day: date) -> None:
    store.add_activity(Activity(day, ActivityKind.EASY, 8000))


class TestRefresher:
    def test_written_as_the_store_closes(self, db: Path) -> None:
        store = Store(open_db(db))
        attach_summary(store, db, lambda: DAY)
        add_run(store, DAY - timedelta(days=1))
        assert not Path(summary_path(db)).exists()  # a write only marks it stale
        store.close()
        fresh = Store(open_db(db))
        expected = status_reports(fresh, DAY)
        fresh.close()
        assert len(expected) == 7
        for status in expected:
            found = read_status(db, status.today)
            assert found is not None and found.document == status.to_json()
            assert found.line == status.line()

    def test_flush_writes_now_and_close_stamps_again(self, db: Path) -> None:
        store = Store(open_db(db))
        store.record_created_on(DAY - timedelta(days=3))  # the database's first day
        refresher = attach_summary(store, db, lambda: DAY)
        add_run(store, DAY)
        refresher.flush()
        found = read_status(db, DAY)
        assert found is not None and found.document["days_since_rest"] == 1
        store.close()  # the checkpoint changes the files; the summary follows
        assert read_status(db, DAY) == found

    def test_flush_without_writes_does_nothing(self, db: Path) -> None:
        store = Store(open_db(db))
        refresher = attach_summary(store, db, lambda: DAY)
        refresher.flush()
        store.close()
        assert not Path(summary_path(db)).exists()

    def test_one_refresher_per_store(self, db: Path) -> None:
        store = Store(open_db(db))
        assert refresher_for(store) is None
        refresher = attach_summary(store, db, lambda: DAY)
        assert attach_summary(store, db, lambda: DAY) is refresher
        assert refresher_for(store) is refresher
        store.close()


LIGHT_PATH_CODE = """
import sys
from tracker.__main__ import main
code = main(sys.argv[1:])
heavy = {"sqlite3", "sqlite_utils", "pendulum", "platformdirs", "textual", "rich", "zoneinfo"}
# tracker.domain.zones is the one definition of "today", standard library only; so is
# tracker.domain.text, which escapes what a command prints (argparse loads its re).
light = {"tracker.domain", "tracker.domain.zones", "tracker.domain.text"}
loaded = [
    name
    for name in sys.modules
    if name in heavy or (name.startswith("tracker.domain") and name not in light)
]
print(code, sorted(loaded))
"""


def test_status_from_a_fresh_summary_imports_nothing_heavy(db: Path) -> None:
    """The prompt's path: no sqlite, pendulum, platformdirs, Textual or domain code
    (but the standard-library definition of the runner's day)."""
    argv = ["--db", str(db), "--today", "2026-11-25", "status"]
    env = dict(os.environ)
    first = subprocess.run(
        [sys.executable, "-c", LIGHT_PATH_CODE, *argv], env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    assert "pendulum" in first.stdout  # no summary yet: the full path
    second = subprocess.run(
        [sys.executable, "-c", LIGHT_PATH_CODE, *argv], env=env, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == "0 []"
    assert second.stdout.splitlines()[0] == first.stdout.splitlines()[0]
