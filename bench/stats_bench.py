"""Timing of ``recovtui stats --json`` and ``recovtui status`` (DESIGN §11).

- ``stats --json`` on the 10-year database, as a ratio to a bare
  ``python -c "import sqlite_utils"`` measured in the same run (bar: ≤ 1.5×).
- ``status`` in absolute milliseconds with a warm summary (bar: ≤ 60 ms), next
  to a bare ``python -c pass`` for what the interpreter alone costs here.

Each figure is the median of ``runs`` subprocess runs, the commands taking
turns so that a busy machine slows them alike. Python caches bytecode as an
installed package does (``PYTHONDONTWRITEBYTECODE`` is dropped, and the cache
goes to ``bench/.data/pycache`` so the source tree stays clean); one warm-up
run of each command fills it, together with the OS file cache and the status
summary.

``bench/run.py`` calls :func:`measure_stats` and :func:`measure_status`. On its
own: ``python -m bench.stats_bench [--db PATH] [--today DATE] [--runs N]``
(without ``--db`` a 10-year database is made in ``bench/.data``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.child import bytecode_env

STATS_RATIO_BAR = 1.5
STATUS_MS_BAR = 60.0
DATA_DIR = Path(__file__).resolve().parent / ".data"


def _recovtui() -> list[str]:
    """The ``recovtui`` script beside this Python (what a prompt runs), else ``-m tracker``."""
    script = Path(sys.executable).with_name("recovtui")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "tracker"]


def _run_ms(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode().strip()}"
        )
    return elapsed


def _medians(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    env = bytecode_env()
    for command in commands.values():
        _run_ms(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_run_ms(command, env))
    return times


def _today_args(today: str | None) -> list[str]:
    return ["--today", today] if today else []


def measure_stats(
    db_path: Path | str, runs: int = 11, today: str | None = None
) -> dict[str, float]:
    """``stats --json`` on ``db_path`` against a bare ``import sqlite_utils`` (bar: ratio ≤ 1.5)."""
    commands = {
        "stats": [
            *(sys.executable, "-m", "tracker", "--db", str(db_path)),
            *_today_args(today),
            *("stats", "--json"),
        ],
        "sqlite_utils": [sys.executable, "-c", "import sqlite_utils"],
    }
    times = _medians(commands, runs)
    stats_ms = statistics.median(times["stats"])
    baseline_ms = statistics.median(times["sqlite_utils"])
    return {
        "stats_ms": stats_ms,
        "import_sqlite_utils_ms": baseline_ms,
        "stats_ratio": stats_ms / baseline_ms,
    }


def regular_install(folder: Path) -> Path:
    """The ``recovtui`` script of a regular (non-editable) install, made in ``folder``.

    A new virtual environment there gets a copy of ``tracker``
    with its bytecode compiled, as pip installs it, and reaches the dependencies
    through a ``.pth`` line to this environment's site-packages (whose own ``.pth``
    files, the editable install's finder among them, are not run).
    """
    import compileall
    import sysconfig

    venv = folder / "regular"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = venv / "lib" / version / "site-packages"
    (site / "recovtui-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    source = Path(__file__).resolve().parent.parent / "tracker"
    shutil.copytree(source, site / "tracker", ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(site / "tracker", quiet=1)
    script = venv / "bin" / "recovtui"
    script.write_text(
        f"#!{venv / 'bin' / 'python'}\nimport sys\nfrom tracker.__main__ import main\n"
        "sys.exit(main())\n"
    )
    script.chmod(0o755)
    return script


def measure_status(
    db_path: Path | str, runs: int = 21, today: str | None = None, regular: bool = False
) -> dict[str, float]:
    """``recovtui status`` with a warm summary, in milliseconds (bar: ≤ 60 ms), next
    to a bare ``python -c pass`` (what the interpreter costs on this machine); with
    ``regular``, also from a regular install (:func:`regular_install`)."""
    commands = {
        "status": [*_recovtui(), "--db", str(db_path), *_today_args(today), "status"],
        "python": [sys.executable, "-c", "pass"],
    }
    folder = tempfile.TemporaryDirectory(prefix="recovtui-regular-")
    if regular:
        commands["status_regular"] = [
            str(regular_install(Path(folder.name))),
            *("--db", str(db_path)),
            *_today_args(today),
            "status",
        ]
    with folder:
        times = _medians(commands, runs)
    status_ms = statistics.median(times["status"])
    python_ms = statistics.median(times["python"])
    results = {
        "status_ms": status_ms,
        "status_min_ms": min(times["status"]),
        "python_startup_ms": python_ms,
        "status_over_python_ms": status_ms - python_ms,
    }
    if regular:
        results["status_regular_ms"] = statistics.median(times["status_regular"])
    return results


def ten_year_db(today: str) -> Path:
    """A 10-year demo database in ``bench/.data`` (made once per ``today``)."""
    path = DATA_DIR / f"ten-years-{today}.db"
    if path.exists():
        return path
    import pendulum

    from tracker.data.db import open_db
    from tracker.data.demo import fill_demo
    from tracker.data.store import Store
    from tracker.domain.dates import parse_iso_date

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in DATA_DIR.glob(partial.name + "*"):
        leftover.unlink()
    store = Store(open_db(partial))
    store.set_setting("timezone", str(pendulum.local_timezone().name))
    fill_demo(store, parse_iso_date(today), weeks=520)
    store.close()
    shutil.move(partial, path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the database (default: a 10-year demo in bench/.data)")
    parser.add_argument("--today", help="pretend today is this date (YYYY-MM-DD)")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    today = args.today
    if args.db:
        db = Path(args.db)
    else:
        if today is None:
            import pendulum

            today = pendulum.today().to_date_string()
        db = ten_year_db(today)
    results = measure_stats(db, args.runs, today) | measure_status(db, max(args.runs, 21), today)
    bars = {"stats_ratio": STATS_RATIO_BAR, "status_ms": STATUS_MS_BAR}
    for key, value in results.items():
        bar = bars.get(key)
        verdict = f"   (bar ≤ {bar}: {'ok' if value <= bar else 'OVER'})" if bar else ""
        print(f"{key:>24}: {value:10.3f}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
