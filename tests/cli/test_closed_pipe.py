"""A reader that left (``recovtui stats | head -1``, DESIGN §8): every printing command
ends quietly, exit 0, nothing on stderr. In-process, stdout a pipe whose reader closed."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from tests.cli.run import TODAY, recovtui
from tracker.__main__ import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "recovtui.db"
    assert recovtui(path, "log", "today", "--kind", "easy", "--distance", "5")[0] == 0
    return path


@pytest.mark.parametrize(
    "argv", [("stats",), ("stats", "--json"), ("status",), ("plan",), ("export",)]
)
def test_a_closed_pipe_ends_the_command_quietly(db: Path, argv: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    err = io.StringIO()
    out = open(write_end, "w", encoding="utf-8")  # noqa: SIM115 (closed as Python's exit would)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, "--db", str(db), "--today", TODAY])
    with contextlib.suppress(BrokenPipeError):
        out.close()  # what is still buffered: Python's exit drops it the same way
    assert (code, err.getvalue()) == (0, "")
