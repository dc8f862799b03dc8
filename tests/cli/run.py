"""Run recovtui's command line: in-process through ``main`` (fast), or as a new process
for the few tests that need a real one (exit through ``python -m``, signals, locks)."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

from tracker.__main__ import main

TODAY = "2026-11-25"  # a Wednesday
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


def recovtui(db: Path, *argv: str) -> tuple[int, str, str]:
    """``recovtui ARGV --db DB --today TODAY`` in this process: (exit code, stdout, stderr).

    An exception ``main`` lets through is raised here (a process would print a traceback)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, "--db", str(db), "--today", TODAY])
    return code, out.getvalue(), err.getvalue()


def recovtui_process(db: Path, *argv: str) -> tuple[int, str, str]:
    """The same as a new ``python -m tracker`` process: (exit code, stdout, stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "tracker", *argv, "--db", str(db), "--today", TODAY],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


def contents(db: Path) -> list[str]:
    """Every row of every table, read without changing the file."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
