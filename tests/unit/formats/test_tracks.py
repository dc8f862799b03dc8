"""A run read from GPX, TCX or FIT: one rule for its day, its UTC start and its id."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.activity import Activity
from tracker.formats.fit import fit_session_to_activity
from tracker.formats.gpx import parse_gpx
from tracker.formats.tcx import parse_tcx
from tracker.formats.tracks import track_id, track_run

GPX = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Easy</name><trkseg>
<trkpt lat="51.5" lon="0.0"><time>2026-11-24T19:00:00+01:00</time></trkpt>
<trkpt lat="51.51" lon="0.0"><time>2026-11-24T19:06:00+01:00</time></trkpt>
</trkseg></trk></gpx>"""

TCX = b"""<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>2026-11-24T18:00:00Z</Id>
<Lap StartTime="2026-11-24T18:00:00Z"><TotalTimeSeconds>360</TotalTimeSeconds>
<DistanceMeters>1112</DistanceMeters></Lap></Activity></Activities>
</TrainingCenterDatabase>"""


def _fit_run() -> Activity:
    session = {
        "sport": "running",
        "start_time": datetime(2026, 11, 24, 18, 0),  # FIT times come without a zone: UTC
        "total_distance": 1112.0,
        "total_timer_time": 360.0,
    }
    run = fit_session_to_activity(session, "Europe/Paris")
    assert isinstance(run, Activity)
    return run


def test_the_same_run_from_gpx_tcx_and_fit_is_one_run() -> None:
    gpx = parse_gpx(GPX, "run.gpx", "Europe/Paris").activities[0]
    tcx = parse_tcx(TCX, "run.tcx", "Europe/Paris").activities[0]
    fit = _fit_run()
    assert gpx.source_id == tcx.source_id == fit.source_id == "track:2026-11-24T18:00:00Z"
    assert gpx.started_at == tcx.started_at == fit.started_at
    assert {run.started_at.tzinfo for run in (gpx, tcx, fit) if run.started_at} == {UTC}
    assert [run.source for run in (gpx, tcx, fit)] == ["import:gpx", "import:tcx", "import:fit"]


@given(
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2199, 12, 30)),
    st.one_of(st.none(), st.integers(-14 * 60, 14 * 60)),
)
def test_a_track_start_is_kept_in_utc_and_names_the_run(
    moment: datetime, offset: int | None
) -> None:
    start = moment if offset is None else moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    run = track_run(
        "gpx",
        day=date(2026, 11, 24),
        start=start,
        distance_m=5000,
        duration_s=None,
        note="",
        avg_hr=None,
        max_hr=None,
    )
    assert run.started_at is not None and run.started_at.tzinfo is UTC
    expected = moment if offset is None else start.astimezone(UTC).replace(tzinfo=None)
    assert run.started_at.replace(tzinfo=None) == expected
    assert run.source_id == track_id(start) == f"track:{run.started_at:%Y-%m-%dT%H:%M:%SZ}"
