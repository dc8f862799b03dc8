"""Whole archives, TCX, a crashed FIT and one run across sources, on the real exports.

The real files stay in ``../shared/data/real`` (never copied into the project): each test
builds its archive in a temporary folder and skips, saying why, when they are missing.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.unit.formats.files import REAL, RUN, RUN_START, fit_file
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.services.exporting import export_json
from tracker.services.importing import import_files

AHMED_CSV = REAL / "strava" / "AhmedAldahshoury_StravaData__activities_legacy.csv"
AHMED_GPX = sorted((REAL / "gpx").glob("AhmedAldahshoury_StravaData__*.gpx"))
TCX = REAL / "tcx"
CRASHED = REAL / "fit" / "python-fitparse__strava-android-app-201.10-b1218918.fit"
needs_real = pytest.mark.skipif(
    not AHMED_CSV.exists(), reason="the real exports are not in ../shared/data/real"
)


def strava_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "export_123"
    (folder / "activities").mkdir(parents=True)
    shutil.copy(AHMED_CSV, folder / "activities.csv")
    for gpx in AHMED_GPX:
        shutil.copy(gpx, folder / "activities" / gpx.name.split("__")[1])
    return folder


def zipped(folder: Path) -> Path:
    target = folder.with_suffix(".zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


@needs_real
def test_a_strava_archive_as_a_folder_and_as_a_zip_is_45_runs_once(
    fresh: Store, tmp_path: Path
) -> None:
    folder = strava_folder(tmp_path)
    (line,) = import_files(fresh, [folder], "UTC")
    assert line.startswith(
        "export_123 (Strava archive): 45 added, 0 already imported, 83 skipped "
        "(not runs: 83 Ride)\n  note: 6 files joined to their CSV rows"
    )
    (line,) = import_files(fresh, [zipped(folder)], "UTC")
    assert "0 added, 45 already imported" in line
    runs = fresh.all_activities()
    assert len(runs) == 45
    joined = [a for a in runs if a.started_at is not None and a.source == "import:strava-csv"]
    assert len(joined) == 45  # the CSV gives every start; its six files agree with it


@needs_real
def test_the_files_alone_then_the_csv_is_still_45(fresh: Store, tmp_path: Path) -> None:
    folder = strava_folder(tmp_path)
    import_files(fresh, sorted((folder / "activities").iterdir()), "UTC")
    (line,) = import_files(fresh, [folder / "activities.csv"], "UTC")
    assert "39 added, 0 already imported, 6 the same run from another source" in line
    assert len(fresh.all_activities()) == 45


@needs_real
def test_the_real_tcx_run_and_the_paddle_skipped(fresh: Store) -> None:
    lines = import_files(
        fresh,
        [TCX / "python-tcxparser__test.tcx", TCX / "python-tcxparser__sup_activity_1.tcx"],
        "UTC",
    )
    assert lines[1].endswith("0 added, 0 already imported, 1 skipped (not runs: 1 Other)")
    (run,) = fresh.all_activities()
    assert (run.date, run.distance_m, run.duration_s) == (date(2012, 12, 26), 4689, 1993)
    assert (run.avg_hr, run.max_hr) == (160, 189)


@needs_real
def test_the_crashed_strava_recording_and_its_csv_row_are_one_run(
    fresh: Store, tmp_path: Path
) -> None:
    (line,) = import_files(fresh, [CRASHED], "UTC")
    assert "1 added" in line and "note: truncated: imported what it holds" in line
    (run,) = fresh.all_activities()
    assert (run.date, run.distance_m, run.duration_s, run.note) == (
        date(2021, 9, 27), 11274, 3558, "truncated"
    )  # fmt: skip
    csv = tmp_path / "activities.csv"
    csv.write_text(
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
        '6024590345,"Sep 27, 2021, 2:13:47 PM",Afternoon Run,Run,3560,"11,20"\n'
    )
    (line,) = import_files(fresh, [csv], "UTC")
    assert "0 added, 0 already imported, 1 the same run from another source" in line
    assert len(fresh.all_activities()) == 1


def test_a_garmin_export_zip_of_a_csv_and_fit_files(fresh: Store, tmp_path: Path) -> None:
    target = tmp_path / "garmin.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(
            "Activities.csv",
            "Activity Type,Date,Title,Distance,Time,Avg HR,Max HR\n"
            "Running,2021-07-09 00:42:45,Night 5k,5.54,00:32:21,151,172\n",
        )
        archive.writestr("DI_CONNECT/Uploaded/run.fit", fit_file(RUN))
    (line,) = import_files(fresh, [target], "Europe/Berlin")
    assert line.startswith(
        "garmin.zip (Garmin archive): 1 added, 0 already imported, 1 the same run"
    )
    (run,) = fresh.all_activities()
    assert (run.source, run.avg_hr, run.max_hr) == ("import:garmin-csv", 151, 172)


def test_heart_rate_and_start_travel_in_the_export_and_back(fresh: Store, tmp_path: Path) -> None:
    start = RUN_START
    run = Activity(
        date(2021, 7, 8), ActivityKind.EASY, 5544, 1942, source="import:fit",
        source_id="track:2021-07-08T22:42:45Z", started_at=start, avg_hr=150, max_hr=170,
    )  # fmt: skip
    fresh.import_runs([run])
    doc = export_json(fresh, start)
    (record,) = doc["activities"]
    assert (record["started_at"], record["avg_hr"], record["max_hr"]) == (
        "2021-07-08T22:42:45Z", 150, 170
    )  # fmt: skip
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc))
    other = Store(open_db(tmp_path / "other.db"))
    try:
        import_files(other, [path], "UTC")
        assert export_json(other, start)["activities"] == doc["activities"]
    finally:
        other.close()


def test_an_export_sorted_by_jq_is_recognised(fresh: Store, tmp_path: Path) -> None:
    activities = [
        {"date": "2026-01-01", "distance_m": i, "kind": "easy", "note": "x" * 40, "source": "m",
         "source_id": f"id{i:05d}"}
        for i in range(1500)
    ]  # fmt: skip
    doc = {"activities": activities, "format": "recovtui-export", "version": 1}
    path = tmp_path / "sorted.json"
    path.write_text(json.dumps(doc, sort_keys=True, indent=2))
    assert path.read_text().index('"format"') > 64 * 1024
    (line,) = import_files(fresh, [path], "UTC")
    assert line.startswith("sorted.json (recovtui export): 1500 activities added")
