"""``recovtui import``: a summary line a file, every file or none, what is printed when refused."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from tests.cli.run import FIXTURES, recovtui
from tests.unit.services.test_import_malformed import CORPUS, MALFORMED
from tracker.cli import importing as cli
from tracker.data.db import open_db
from tracker.data.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    return recovtui(db, *argv)


def seeded(db: Path) -> None:
    assert run(db, "import", str(FIXTURES / "small_export.json"))[0] == 0


def count_activities(db: Path) -> int:
    store = Store(open_db(db))
    try:
        return len(store.all_activities())
    finally:
        store.close()


def test_import_prints_a_summary_per_file(db: Path) -> None:
    files = ["strava_activities.csv", "garmin_activities.csv", "morning_run.gpx", "watch_run.fit"]
    code, out, err = run(db, "import", *(str(FIXTURES / f) for f in files))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "strava_activities.csv (Strava CSV): 4 added, 0 already imported, 1 skipped "
        "(not runs: 1 Ride)",
        "garmin_activities.csv (Garmin CSV): 2 added, 0 already imported, 1 skipped "
        "(not runs: 1 Cycling)",
        "morning_run.gpx (GPX): 1 added, 0 already imported, 0 skipped",
        "watch_run.fit (FIT): 1 added, 0 already imported, 0 skipped",
        "Total: 8 added, 0 already imported, 2 skipped from 4 files",
    ]

    code, out, _ = run(db, "import", str(FIXTURES / "strava_activities.csv"))
    assert code == 0
    assert "0 added, 4 already imported, 1 skipped" in out
    assert count_activities(db) == 8


def test_imported_runs_show_in_the_week_plan(db: Path) -> None:
    run(db, "import", str(FIXTURES / "strava_activities.csv"))
    code, out, _ = run(db, "plan", "--week", "2026-11-18")
    assert code == 0
    # A past week never planned: its runs show, and no plan is made up for it.
    assert out.startswith("Week Mon 2026-11-16 – Sun 2026-11-22 · not planned\n")
    assert "Mon 2026-11-16  not planned            done 6.4 km" in out
    assert "Sun 2026-11-22  not planned            done 10.0 km" in out


def test_runs_are_dated_in_the_runners_time_zone(db: Path) -> None:
    store = Store(open_db(db))
    store.set_setting("timezone", "Europe/Berlin")
    store.close()
    run(db, "import", str(FIXTURES / "strava_activities.csv"))
    store = Store(open_db(db))
    late = next(a for a in store.all_activities() if a.note == "Late Run")
    store.close()
    assert late.date.isoformat() == "2026-11-21"  # 23:30 UTC is past midnight in Berlin


def test_a_malformed_file_rejects_the_whole_import(db: Path) -> None:
    files = [FIXTURES / "strava_activities.csv", FIXTURES / "malformed" / "negative_distance.json"]
    code, out, err = run(db, "import", *map(str, files))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "recovtui: negative_distance.json, activities record 2, field 'distance_m': "
        "negative distance: -500 m; nothing was imported",
    ]
    assert count_activities(db) == 0


def test_import_of_a_missing_file_or_folder(db: Path, tmp_path: Path) -> None:
    code, _, err = run(db, "import", str(tmp_path / "gone.csv"))
    assert code == 2 and "gone.csv: cannot read: No such file or directory" in err
    (tmp_path / "empty").mkdir()
    code, _, err = run(db, "import", str(tmp_path / "empty"))
    assert code == 2 and "empty: no activity list (activities.csv) and no activity files" in err
    assert "Traceback" not in err


def test_an_import_never_sets_a_command_and_says_how_to(db: Path, tmp_path: Path) -> None:
    doc = {
        "format": "recovtui-export",
        "version": 1,
        "settings": {"on_finish_command": "sh -c 'id > ~/owned'", "units": "mi"},
    }
    path = tmp_path / "cmd.json"
    path.write_text(json.dumps(doc))
    code, out, _ = run(db, "import", str(path))
    assert code == 0
    assert "on_finish_command (\"sh -c 'id > ~/owned'\") was ignored" in out
    assert "type it in Settings (5) yourself" in out
    store = Store(open_db(db))
    try:
        assert store.settings().on_finish_command is None
        assert store.settings().units == "mi"
    finally:
        store.close()


def test_every_bad_file_is_named_not_only_the_first(db: Path) -> None:
    names = ["wrong_type.json", "binary.csv", "plan_no_rest.json"]
    code, out, err = run(db, "import", *(str(MALFORMED / n) for n in names))
    assert (code, out) == (2, "")
    assert all(CORPUS[n] in err for n in names)
    assert err.splitlines()[-1] == (
        "recovtui: nothing was imported: fix or leave out the 3 files above"
    )


def test_the_database_file_is_byte_for_byte_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    assert run(db, "import", str(FIXTURES / "small_export.json"))[0] == 0
    digest = hashlib.sha256(db.read_bytes()).hexdigest()

    for name in ("truncated.json", "plan_no_rest.json", "binary.csv", "negative_distance.csv"):
        code, _, err = run(db, "import", str(MALFORMED / name))
        assert code == 2
        assert "Traceback" not in err

    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert not Path(f"{db}-wal").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_for_large_imports(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "PROGRESS_MIN_FILES", 2)
    files = [FIXTURES / "strava_activities.csv", FIXTURES / "garmin_activities.csv"]

    store = Store(open_db(db))
    piped = io.StringIO()
    cli.import_with_progress(store, files, "UTC", piped)
    assert piped.getvalue() == ""

    terminal = _Terminal()
    cli.import_with_progress(store, files, "UTC", terminal)
    assert "Saving" in terminal.getvalue()

    small = _Terminal()
    cli.import_with_progress(store, files[:1], "UTC", small)
    assert small.getvalue() == ""
    store.close()


def test_watch_add_then_import_watched(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Activity"
    folder.mkdir()
    (folder / "watch_run.fit").write_bytes((FIXTURES / "watch_run.fit").read_bytes())
    assert run(db, "watch", "add", str(folder)) == (
        0,
        f"Watching {folder}: its new activity files are imported at every start\n",
        "",
    )
    code, out, err = run(db, "import", "--watched")
    assert (code, out, err) == (0, "Watched folders: 1 new file, 1 run added\n", "")
    code, _, err = run(db, "watch", "remove", str(tmp_path / "other"))
    assert code == 2 and "is not watched" in err
    assert count_activities(db) == 1
