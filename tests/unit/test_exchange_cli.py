"""``recovtui export``, ``import`` and ``backup`` on the command line: exit codes and messages."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from tracker.__main__ import main
from tracker.cli import exchange as cli
from tracker.data.db import open_db
from tracker.data.store import Store

Capsys = pytest.CaptureFixture[str]
FIXTURES = Path(__file__).parent.parent / "fixtures" / "exchange"
TODAY = "2026-11-25"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def run(capsys: Capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(db), "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def seeded(capsys: Capsys, db: Path) -> None:
    assert run(capsys, db, "import", str(FIXTURES / "small_export.json"))[0] == 0


def count_activities(db: Path) -> int:
    store = Store(open_db(db))
    try:
        return len(store.all_activities())
    finally:
        store.close()


# ------------------------------------------------------------------ export


def test_export_json_goes_to_stdout(capsys: Capsys, db: Path) -> None:
    seeded(capsys, db)
    code, out, err = run(capsys, db, "export")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["format"] == "recovtui-export"
    assert doc["exported_at"].endswith("Z")
    assert len(doc["activities"]) == 2


def test_export_csv_and_ics_to_stdout(capsys: Capsys, db: Path) -> None:
    seeded(capsys, db)
    code, out, _ = run(capsys, db, "export", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "date,kind,distance_m,duration_s,rpe,note,source,source_id"
    assert len(out.splitlines()) == 3

    code, out, _ = run(capsys, db, "export", "--format", "ics")
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Long 24 km" in out
    # this week and the next are planned first, as the Week screen would show them
    assert "UID:plan-2026-12-06@recovtui" in out


def test_export_to_a_file_refuses_to_overwrite_without_force(
    capsys: Capsys, db: Path, tmp_path: Path
) -> None:
    seeded(capsys, db)
    target = tmp_path / "export.json"
    target.write_text("keep me")

    code, out, err = run(capsys, db, "export", "--output", str(target))
    assert code == 2
    assert err == f"recovtui: {target} already exists (add --force to overwrite it)\n"
    assert target.read_text() == "keep me"

    code, out, err = run(capsys, db, "export", "--output", str(target), "--force")
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["format"] == "recovtui-export"
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_refuses_bad_targets(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    seeded(capsys, db)
    code, _, err = run(capsys, db, "export", "--output", str(tmp_path / "nope" / "x.json"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, db, "export", "--output", str(db), "--force")
    assert code == 2 and "is the database itself" in err
    code, _, err = run(capsys, db, "export", "--format", "xml")
    assert code == 2 and "invalid choice" in err


def test_exported_file_restores_on_a_new_machine(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    seeded(capsys, db)
    assert run(capsys, db, "import", str(FIXTURES / "watch_run.fit"))[0] == 0
    backup = tmp_path / "move.json"
    assert run(capsys, db, "export", "--output", str(backup))[0] == 0

    other = tmp_path / "other" / "recovtui.db"
    code, out, _ = run(capsys, other, "import", str(backup))
    assert code == 0
    assert "3 activities added, 0 already there" in out
    first = json.loads(backup.read_text())
    code, out, _ = run(capsys, other, "export")
    again = json.loads(out)
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in first.items() if k != "exported_at"
    }


# ------------------------------------------------------------------ import


def test_import_prints_a_summary_per_file(capsys: Capsys, db: Path) -> None:
    files = ["strava_activities.csv", "garmin_activities.csv", "morning_run.gpx", "watch_run.fit"]
    code, out, err = run(capsys, db, "import", *(str(FIXTURES / f) for f in files))
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

    code, out, _ = run(capsys, db, "import", str(FIXTURES / "strava_activities.csv"))
    assert code == 0
    assert "0 added, 4 already imported, 1 skipped" in out
    assert count_activities(db) == 8


def test_imported_runs_show_in_the_week_plan(capsys: Capsys, db: Path) -> None:
    run(capsys, db, "import", str(FIXTURES / "strava_activities.csv"))
    code, out, _ = run(capsys, db, "plan", "--week", "2026-11-18")
    assert code == 0
    assert "Mon 2026-11-16  rest                done 6.4 km" in out
    assert "Sun 2026-11-22  easy                done 10.0 km" in out


def test_runs_are_dated_in_the_runners_time_zone(capsys: Capsys, db: Path) -> None:
    store = Store(open_db(db))
    store.set_setting("timezone", "Europe/Berlin")
    store.close()
    run(capsys, db, "import", str(FIXTURES / "strava_activities.csv"))
    store = Store(open_db(db))
    late = next(a for a in store.all_activities() if a.note == "Late Run")
    store.close()
    assert late.date.isoformat() == "2026-11-21"  # 23:30 UTC is past midnight in Berlin


def test_a_malformed_file_rejects_the_whole_import(capsys: Capsys, db: Path) -> None:
    files = [FIXTURES / "strava_activities.csv", FIXTURES / "malformed" / "negative_distance.json"]
    code, out, err = run(capsys, db, "import", *map(str, files))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "recovtui: negative_distance.json, activities record 2, field 'distance_m': "
        "negative distance: -500 m; nothing was imported",
    ]
    assert count_activities(db) == 0


def test_import_of_a_missing_file_or_folder(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, db, "import", str(tmp_path / "gone.csv"))
    assert code == 2 and "gone.csv: cannot read: No such file or directory" in err
    code, _, err = run(capsys, db, "import", str(tmp_path))
    assert code == 2 and "is a folder" in err
    assert "Traceback" not in err


def test_the_import_notes_a_command_setting(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    doc = {
        "format": "recovtui-export",
        "version": 1,
        "settings": {"on_finish_command": "notify-send done"},
    }
    path = tmp_path / "cmd.json"
    path.write_text(json.dumps(doc))
    code, out, _ = run(capsys, db, "import", str(path))
    assert code == 0
    assert "on_finish_command is now 'notify-send done'" in out


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
    cli.import_files(store, files, "UTC", piped)
    assert piped.getvalue() == ""

    terminal = _Terminal()
    cli.import_files(store, files, "UTC", terminal)
    assert "Saving" in terminal.getvalue()

    small = _Terminal()
    cli.import_files(store, files[:1], "UTC", small)
    assert small.getvalue() == ""
    store.close()


def test_skipped_reasons_are_grouped() -> None:
    reasons = {f"not a run: {k}": n for n, k in enumerate("ABCDEFG", start=1)}
    reasons["duplicate row"] = 2
    assert cli.describe_skipped(reasons) == (
        "not runs: 7 G, 6 F, 5 E, 4 D, 3 C and 2 more; 2 duplicate row"
    )


# ------------------------------------------------------------------ backup


def test_backup_to_a_file(capsys: Capsys, db: Path, tmp_path: Path) -> None:
    seeded(capsys, db)
    target = tmp_path / "copy.db"
    code, out, err = run(capsys, db, "backup", "--output", str(target))
    assert (code, err) == (0, "")
    assert out == f"Backed up {db} to {target}\n"
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM activities").fetchone() == (2,)
    conn.close()

    code, _, err = run(capsys, db, "backup", "--output", str(target))
    assert code == 2 and "already exists" in err


def test_backup_without_output_goes_beside_the_database(capsys: Capsys, db: Path) -> None:
    seeded(capsys, db)
    code, out, _ = run(capsys, db, "backup")
    assert code == 0
    made = Path(out.strip().split(" to ")[1])
    assert made.parent == db.parent / "backups"
    assert made.name.startswith("recovtui-") and made.name.endswith("Z.db")
    assert made.exists()


def test_any_command_takes_the_daily_backup(capsys: Capsys, db: Path) -> None:
    run(capsys, db, "plan")  # creates the database: nothing to back up yet
    assert not (db.parent / "backups").exists()
    run(capsys, db, "plan")
    daily = [p.name for p in (db.parent / "backups").iterdir()]
    assert len(daily) == 1 and daily[0].startswith("recovtui-")


def test_backup_of_an_unreadable_database_fails_cleanly(
    capsys: Capsys, db: Path, tmp_path: Path
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all")
    code, _, err = run(capsys, db, "backup", "--output", str(tmp_path / "x.db"))
    assert code == 1
    assert "is not a SQLite database" in err
    assert db.read_bytes() == b"this is not a database at all"
