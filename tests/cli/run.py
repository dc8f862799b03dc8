"""Run recovtui as a runner does: a new process, its exit code, what it printed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

TODAY = "2026-11-25"  # a Wednesday
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


def recovtui(db: Path, *argv: str) -> tuple[int, str, str]:
    """``recovtui ARGV --db DB --today TODAY``: (exit code, stdout, stderr)."""
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
