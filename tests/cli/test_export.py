"""``recovtui export``: to stdout or a file, refused targets, a restore on a new machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.run import FIXTURES, recovtui, recovtui_process


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    return recovtui(db, *argv)


def seeded(db: Path) -> None:
    assert run(db, "import", str(FIXTURES / "small_export.json"))[0] == 0


@pytest.mark.slow
def test_export_json_goes_to_stdout(db: Path) -> None:
    """A real ``python -m tracker`` process, its stdout a pipe: the entry point itself."""
    seeded(db)
    code, out, err = recovtui_process(db, "export")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["format"] == "recovtui-export"
    assert doc["exported_at"].endswith("Z")
    assert len(doc["activities"]) == 2


def test_export_csv_and_ics_to_stdout(db: Path) -> None:
    seeded(db)
    code, out, _ = run(db, "export", "--format", "csv")
    assert code == 0
    assert (
        out.splitlines()[0]
        == "date,kind,distance_m,duration_s,rpe,note,source,source_id,avg_hr,max_hr"
    )
    assert len(out.splitlines()) == 3

    code, out, _ = run(db, "export", "--format", "ics")
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Long 24 km" in out
    # this week and the next are planned first, as the Week screen would show them
    assert "UID:plan-2026-12-06@recovtui" in out


def test_export_to_a_file_refuses_to_overwrite_without_force(db: Path, tmp_path: Path) -> None:
    seeded(db)
    target = tmp_path / "export.json"
    target.write_text("keep me")

    code, out, err = run(db, "export", "--output", str(target))
    assert code == 2
    assert err == f"recovtui: {target} already exists (add --force to overwrite it)\n"
    assert target.read_text() == "keep me"

    code, out, err = run(db, "export", "--output", str(target), "--force")
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["format"] == "recovtui-export"
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_refuses_bad_targets(db: Path, tmp_path: Path) -> None:
    seeded(db)
    code, _, err = run(db, "export", "--output", str(tmp_path / "nope" / "x.json"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(db, "export", "--output", str(db), "--force")
    assert code == 2 and "is the database itself" in err
    code, _, err = run(db, "export", "--format", "xml")
    assert code == 2 and "invalid choice" in err


def test_exported_file_restores_on_a_new_machine(db: Path, tmp_path: Path) -> None:
    seeded(db)
    assert run(db, "import", str(FIXTURES / "watch_run.fit"))[0] == 0
    backup = tmp_path / "move.json"
    assert run(db, "export", "--output", str(backup))[0] == 0

    other = tmp_path / "other" / "recovtui.db"
    code, out, _ = run(other, "import", str(backup))
    assert code == 0
    assert "3 activities added, 0 already there" in out
    first = json.loads(backup.read_text())
    code, out, _ = run(other, "export")
    again = json.loads(out)
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in first.items() if k != "exported_at"
    }
