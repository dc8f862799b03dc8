"""GPX tracks: the run's day in the runner's zone, distance, moving time (no database)."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from tests.unit.formats.files import FIXTURES, parse
from tracker.domain.kinds import ActivityKind
from tracker.formats.detect import parse_file


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("UTC", date(2021, 3, 6)),
        ("Europe/Berlin", date(2021, 3, 7)),
        ("America/Los_Angeles", date(2021, 3, 6)),
    ],
)
def test_gpx_local_date_differs_from_utc_date(tz: str, expected: date) -> None:
    (run,) = parse("run_crossing_midnight.gpx", tz).activities
    assert run.date == expected
    assert run.source_id == "track:2021-03-06T23:40:00Z"


def test_gpx_distance_duration_and_note() -> None:
    result = parse("run_crossing_midnight.gpx")
    (run,) = result.activities
    assert result.kind == "gpx"
    assert run.distance_m == pytest.approx(5004, abs=10)  # 150 legs of ~33.4 m
    assert run.duration_s == 1500
    assert run.note == "Late Night Run"
    assert run.source == "import:gpx"


def test_gpx_moving_time_leaves_out_a_stop() -> None:
    (run,) = parse("run_with_pause.gpx").activities
    assert run.duration_s == 600  # 20 minutes from first to last point, 10 of them standing


def test_gpx_sums_tracks_and_names_the_run_after_the_first() -> None:
    (run,) = parse("two_tracks_no_type.gpx").activities
    assert run.distance_m == pytest.approx(2004, abs=10)
    assert run.note == "Tempo Tuesday"
    assert run.kind is ActivityKind.WORKOUT


@pytest.mark.parametrize(
    ("name", "reason"),
    [("ride_garmin.gpx", "not a run: cycling"), ("ride_strava.gpx", "not a run: Strava type 1")],
)
def test_gpx_with_a_non_run_type_is_skipped(name: str, reason: str) -> None:
    result = parse(name)
    assert result.activities == []
    assert result.skipped == {reason: 1}


def test_gpx_with_stravas_numeric_run_type() -> None:
    (run,) = parse("run_strava_type9.gpx").activities
    assert run.note == "Lunch Run"


def test_gzipped_gpx_as_in_a_strava_bulk_export(tmp_path: Path) -> None:
    path = tmp_path / "123.gpx.gz"
    path.write_bytes(gzip.compress((FIXTURES / "run_strava_type9.gpx").read_bytes()))
    (run,) = parse_file(path, "UTC").activities
    assert run.note == "Lunch Run"
