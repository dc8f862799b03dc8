"""Seconds and peak memory per case of the hostile corpus, each in a fresh ``recovtui import``.

Run with ``python -m bench.hostile`` from the repository. The bound (DESIGN: a bomb is
refused in seconds) is read here, not asserted in the tests, so a slow machine cannot
make the suite flaky; ``tests/cli/test_hostile.py`` asserts the messages, the exit codes,
the database unchanged and a bound on memory.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from tests.fixtures.hostile.cases import build


def run_case(path: Path, db: Path) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, last line of stderr) of one import in a child process."""
    err = db.parent / "stderr"
    argv = [sys.executable, "-m", "tracker", "import", str(path), "--db", str(db)]
    argv += ["--today", "2026-11-25"]
    started = time.perf_counter()
    with err.open("wb") as handle:
        pid = os.fork()
        if pid == 0:  # the child: become recovtui
            os.dup2(handle.fileno(), 2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.execv(sys.executable, argv)
        _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    lines = err.read_text(errors="replace").strip().splitlines()
    return (
        os.waitstatus_to_exitcode(status),
        seconds,
        usage.ru_maxrss / 1024,
        lines[-1] if lines else "",
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cases = build(root / "cases")
        worst = 0.0
        print(f"{'case':<24} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
        for case, path in cases:
            db = root / case.name / "recovtui.db"
            db.parent.mkdir()
            code, seconds, peak, line = run_case(path, db)
            worst = max(worst, seconds)
            print(f"{case.name:<24} {code:>4} {seconds:>8.2f} {peak:>8.0f}  {line[:90]}")
        print(f"{len(cases)} cases, slowest {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
