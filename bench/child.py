"""One child process, timed, with its own peak memory.

A child's ``ru_maxrss`` on Linux starts from its parent's at the fork, so a
bench process that has imported the app would lend a child its own size. The
child is therefore started through ``/usr/bin/time``, a small process of its
own, which reports the peak of the command alone.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TIME = "/usr/bin/time"


def run_measured(
    argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of ``argv``; SystemExit if it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        command = [TIME, "-f", "%M %U %S", "-o", report.name, *argv]
        started = time.perf_counter()
        done = subprocess.run(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr.decode()}")
        peak_kib, user, system = report.read().split()[-3:]
    return elapsed, int(peak_kib) / 1024, float(user) + float(system)


if not os.path.exists(TIME):  # pragma: no cover - the bench needs it
    raise SystemExit(f"{TIME} is needed to measure peak memory (apt-get install time)")
