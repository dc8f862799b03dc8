"""The hostile command lines (``tests/fixtures/hostile/commands.py``): each refused with
one line and its exit code, no traceback, no control character on the terminal, and
the database and every file beside it unchanged. In-process: ``main([...])``."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.cli.run import FIXTURES, contents
from tests.fixtures.hostile.commands import CASES, PRINTED, CommandCase
from tracker.__main__ import main
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.services.importing import import_files

RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
DB_NAME = "recovtui.db"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "recovtui.db"
    store = Store(open_db(path))
    import_files(store, [FIXTURES / "small_export.json"], "UTC")
    store.record_created_on(date(2026, 11, 25))  # as every command's first open does
    store.close()
    return path


def snapshot(folder: Path) -> dict[str, object]:
    """What the database holds, and every other file in ``folder``: its kind, and a
    regular file's bytes (the database's own sidecars, summary and daily backup aside)."""
    seen: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        if path.name == DB_NAME:
            seen[path.name] = contents(path)
        elif path.name.startswith(("recovtui.db-", "recovtui.status", "recovtui.checked")) or (
            path.name == "backups"
        ):
            continue
        elif path.is_symlink():
            seen[path.name] = ("link", str(path.readlink()))
        elif path.is_fifo():
            seen[path.name] = "fifo"
        elif path.is_char_device():
            seen[path.name] = "device"
        elif path.is_file():
            seen[path.name] = path.read_bytes()
        else:
            seen[path.name] = "other"
    return seen


def run_case(
    case: CommandCase, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str, dict[str, object]]:
    db = tmp_path / DB_NAME
    shutil.copy(template, db)
    case.prepare(db)
    before = snapshot(tmp_path)
    capsys.readouterr()
    argv = case.argv(db)
    code = main([*argv, *([] if "--db" in argv else ["--db", str(db)]), "--today", case.today])
    out, err = capsys.readouterr()
    return code, out, err, before


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_command_is_refused_cleanly(
    case: CommandCase, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, before = run_case(case, template, tmp_path, capsys)
    assert "Traceback" not in err
    assert code == case.code, err
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("recovtui: ")
    assert case.message in err
    assert not RAW_CONTROL.search(err), repr(err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", PRINTED, ids=lambda case: case.name)
def test_text_that_would_drive_the_terminal_is_printed_escaped(
    case: CommandCase, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, _ = run_case(case, template, tmp_path, capsys)
    assert code == 0, err
    assert not RAW_CONTROL.search(out.replace("\r\n", "\n")), repr(out)
    assert "TITLE" in out  # shown, escaped or without its control characters
