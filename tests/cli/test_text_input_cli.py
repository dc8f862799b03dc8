"""Text from the command line (DESIGN §8): ``log --note`` with bytes that are not UTF-8
(``sys.argv`` holds them as lone surrogates) is refused in one line, exit 2, nothing
written; a markup-like note full of escape codes is stored as typed."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.run import contents, recovtui
from tracker.data.db import open_db
from tracker.data.store import Store


def test_a_note_that_is_not_text_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "recovtui.db"
    assert recovtui(db, "log", "yesterday", "--kind", "easy", "--distance", "5")[0] == 0
    before = contents(db)
    note = os.fsdecode(b"calves \xff sore")  # as Python hands argv bytes that are not UTF-8
    code, out, err = recovtui(
        db, "log", "today", "--kind", "easy", "--distance", "5", "--note", note
    )
    assert code == 2 and not out
    assert err.count("\n") == 1 and "not text" in err and "Traceback" not in err
    assert contents(db) == before


def test_a_hostile_note_is_stored_as_typed(tmp_path: Path) -> None:
    db = tmp_path / "recovtui.db"
    note = "[/] [b]x[/b] \x1b]0;OWNED\x07 \\[ 中文 😀"
    code, _, err = recovtui(db, "log", "today", "--kind", "easy", "--distance", "5", "--note", note)
    assert code == 0, err
    store = Store(open_db(db, read_only=True))
    try:
        assert [a.note for a in store.all_activities()] == [note]
    finally:
        store.close()
