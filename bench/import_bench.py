"""How fast a large Strava ``activities.csv`` imports, and how much memory it takes (DESIGN §11).

A generated file in Strava's modern layout (the 94 columns of a 2022 export,
about 700 bytes a row, as real exports with weather and gear columns are) is
imported by ``recovtui import`` in a child process into a fresh database; the
figures are its wall time (rows a second) and its peak resident memory. The
files are made in a temporary folder and removed afterwards, never kept. Python
caches bytecode as for an installed app (as ``bench/stats_bench.py`` does), filled
by a warm-up import of a small file: compiling the app's modules on every run
was half a second of each import here.

Bars: a 200,000-row file at ≥ 20,000 rows/s and ≤ 300 MB, and the peak for
200,000 rows within 20 % of the peak for 20,000 (memory does not grow with the
file). ``bench/run.py`` calls :func:`measure_imports`; on its own:
``python -m bench.import_bench [--rows 20000 200000] [--runs N]``.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from bench.child import bytecode_env, run_measured

ROWS = (20_000, 200_000)
ROWS_PER_S_BAR = 20_000.0
PEAK_MIB_BAR = 300.0
GROWTH_BAR = 1.2

HEADER = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Relative Effort",
    "Commute",
    "Activity Private Note",
    "Activity Gear",
    "Filename",
    "Athlete Weight",
    "Bike Weight",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Speed",
    "Average Speed",
    "Elevation Gain",
    "Elevation Loss",
    "Elevation Low",
    "Elevation High",
    "Max Grade",
    "Average Grade",
    "Average Positive Grade",
    "Average Negative Grade",
    "Max Cadence",
    "Average Cadence",
    "Max Heart Rate",
    "Average Heart Rate",
    "Max Watts",
    "Average Watts",
    "Calories",
    "Max Temperature",
    "Average Temperature",
    "Relative Effort",
    "Total Work",
    "Number of Runs",
    "Uphill Time",
    "Downhill Time",
    "Other Time",
    "Perceived Exertion",
    "Type",
    "Start Time",
    "Weighted Average Power",
    "Power Count",
    "Prefer Perceived Exertion",
    "Perceived Relative Effort",
    "Commute",
    "Total Weight Lifted",
    "From Upload",
    "Grade Adjusted Distance",
    "Weather Observation Time",
    "Weather Condition",
    "Weather Temperature",
    "Apparent Temperature",
    "Dewpoint",
    "Humidity",
    "Weather Pressure",
    "Wind Speed",
    "Wind Gust",
    "Wind Bearing",
    "Precipitation Intensity",
    "Sunrise Time",
    "Sunset Time",
    "Moon Phase",
    "Bike",
    "Gear",
    "Precipitation Probability",
    "Precipitation Type",
    "Cloud Cover",
    "Weather Visibility",
    "UV Index",
    "Weather Ozone",
    "Jump Count",
    "Total Grit",
    "Average Flow",
    "Flagged",
    "Average Elapsed Speed",
    "Dirt Distance",
    "Newly Explored Distance",
    "Newly Explored Dirt Distance",
    "Activity Count",
    "Total Steps",
    "Carbon Saved",
    "Pool Length",
    "Training Load",
    "Intensity",
    "Average Grade Adjusted Pace",
    "Timer Time",
    "Total Cycles",
    "Media",
]
TYPES = (("Run", 70), ("Ride", 12), ("Walk", 8), ("Weight Training", 5), ("Trail Run", 5))
NAMES = ("Morning Run", "Lunch Run", "Evening Run", "Long run", "Intervals 6x800", "Recovery")


def _row(rng: random.Random, index: int, start: datetime) -> list[str]:
    kind = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
    km = round(rng.uniform(3, 25), 2) if kind != "Weight Training" else 0.0
    seconds = int(km * rng.uniform(270, 400)) or 1800
    when = start.strftime("%b %-d, %Y, %-I:%M:%S %p")
    cells = [""] * len(HEADER)
    cells[0] = str(1_000_000_000 + index)
    cells[1] = when
    cells[2] = rng.choice(NAMES) if "Run" in kind else f"Afternoon {kind}"
    cells[3] = kind
    cells[4] = "Felt good, legs a bit heavy after yesterday" if index % 5 == 0 else ""
    cells[5] = str(seconds)
    cells[6] = f"{km:.2f}"
    cells[7] = f"{rng.uniform(150, 195):.1f}"
    cells[8] = str(rng.randint(5, 200))
    cells[9] = "false"
    cells[12] = f"activities/{2_000_000_000 + index}.fit.gz"
    cells[15] = f"{seconds:.1f}"
    cells[16] = f"{seconds * 0.97:.1f}"
    cells[17] = repr(km * 1000 + rng.random())
    for column in range(18, 40):
        cells[column] = f"{rng.uniform(0, 500):.6f}"
    cells[31] = f"{rng.uniform(120, 170):.13f}"
    cells[44] = ""
    cells[48] = "0.0"
    cells[50] = "0.0"
    cells[52] = "1.0"
    cells[53] = repr(km * 1010 + rng.random())
    for column in range(54, 76):
        cells[column] = f"{rng.uniform(0, 100):.4f}"
    cells[79] = "0.0"
    cells[80] = repr(rng.uniform(2, 4))
    cells[81] = "0.0"
    return cells


def generate(rows: int, path: Path, seed: int = 15) -> Path:
    """A Strava ``activities.csv`` of ``rows`` activities, one every 2 hours from 1980."""
    rng = random.Random(seed)
    start = datetime(1980, 1, 1, 6, 0, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            writer.writerow(_row(rng, index, start + timedelta(hours=2 * index)))
    return path


def import_once(csv_path: Path, folder: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one ``recovtui import`` into a
    fresh database (on a shared machine the CPU time says what the wall time lost)."""
    db = folder / "import.db"
    for leftover in folder.glob("import.db*"):
        leftover.unlink()
    command = [sys.executable, "-m", "tracker", "--db", str(db), "--today", "2026-11-25"]
    return run_measured([*command, "import", str(csv_path)], env=bytecode_env())


def measure_imports(rows: Sequence[int] = ROWS, runs: int = 3) -> dict[str, float]:
    """Rows a second and peak MiB for each size (medians of ``runs``), and the growth."""
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="recovtui-bench-") as name:
        folder = Path(name)
        warm_up = generate(100, folder / "warm-up.csv")
        import_once(warm_up, folder)  # fills the bytecode cache, as an installed app has it
        for count in rows:
            path = generate(count, folder / f"activities-{count}.csv")
            timings = [import_once(path, folder) for _ in range(runs)]
            path.unlink()
            seconds = statistics.median(t for t, _, _ in timings)
            results[f"import_{count}_rows_per_s"] = count / seconds
            results[f"import_{count}_rows_per_cpu_s"] = count / statistics.median(
                c for _, _, c in timings
            )
            results[f"import_{count}_peak_mib"] = statistics.median(m for _, m, _ in timings)
    if len(rows) >= 2:
        small, large = min(rows), max(rows)
        results["import_memory_growth"] = (
            results[f"import_{large}_peak_mib"] / results[f"import_{small}_peak_mib"]
        )
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=list(ROWS))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for key, value in measure_imports(args.rows, args.runs).items():
        print(f"{key:>30}: {value:12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
