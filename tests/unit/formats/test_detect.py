"""Telling a file's format from its content, and refusing a file whole with its reason."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.formats.files import FIXTURES, MALFORMED, REAL, RUN, fit_file
from tracker.formats.detect import detect_kind, parse_file
from tracker.formats.problems import ImportProblem, ImportResult


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.csv", "empty.csv: empty file"),
        ("binary.csv", "binary.csv: binary data, not a text export (named .csv)"),
        ("truncated_row.csv", "truncated_row.csv, row 2: truncated row: 4 of 6 fields"),
        ("truncated_quote.csv", "truncated_quote.csv, row 2: malformed CSV"),
        (
            "negative_distance.csv",
            "negative_distance.csv, row 2, field 'Distance': negative distance: -3200 m",
        ),
        ("absurd_distance.csv", "absurd_distance.csv, row 1, field 'Distance': absurd distance"),
        (
            "impossible_date.csv",
            "impossible_date.csv, row 1, field 'Activity Date': impossible date: "
            "'Feb 30, 2019, 7:12:03 AM'",
        ),
        ("bad_number.csv", "bad_number.csv, row 2, field 'Distance': not a number: 'abc'"),
        ("bad_time.csv", "bad_time.csv, row 1, field 'Time': not a duration: '1:75:00'"),
        ("missing_column.csv", "missing_column.csv, field 'Activity Type': missing column"),
        ("ambiguous_dates.csv", "ambiguous_dates.csv, row 1, field 'Date': ambiguous date"),
        ("unknown_columns.csv", "unknown_columns.csv: not a Strava activities.csv or Garmin"),
        ("truncated.gpx", "truncated.gpx, line 12: not valid GPX"),
        ("no_points.gpx", "no_points.gpx: no track points"),
        ("no_times.gpx", "no_times.gpx: no timestamps"),
        ("course.tcx", "course.tcx: no activity in this TCX file"),
        ("other.json", "other.json: JSON but not a recovtui export"),
        ("junk.fit", "junk.fit: not a valid FIT file"),
    ],
)
def test_malformed_files_are_rejected_with_the_reason(name: str, expected: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        parse_file(MALFORMED / name, "UTC")
    assert str(caught.value).startswith(expected)
    assert caught.value.file == name


def test_problem_carries_row_and_field() -> None:
    with pytest.raises(ImportProblem) as caught:
        parse_file(MALFORMED / "bad_number.csv", "UTC")
    assert (caught.value.row, caught.value.field) == (2, "Distance")
    assert caught.value.message == "not a number: 'abc'"
    assert isinstance(caught.value, ValueError)


def test_the_first_problem_is_named(tmp_path: Path) -> None:
    path = tmp_path / "two_bad.csv"
    path.write_text(
        "Activity Type,Date,Title,Distance,Time\n"
        "Running,2021-03-04 07:15:00,A,5.00,00:25:00\n"
        "Running,2021-03-05 07:15:00,B,x,00:25:00\n"
        "Running,2021-02-30 07:15:00,C,5.00,00:25:00\n"
    )
    with pytest.raises(ImportProblem, match="row 2, field 'Distance'"):
        parse_file(path, "UTC")


def test_a_bad_row_of_a_non_run_does_not_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "Activity Type,Date,Title,Distance,Time\n"
        "Cycling,not a date,A,lots,forever\n"
        "Running,2021-03-04 07:15:00,B,5.00,00:25:00\n"
    )
    result = parse_file(path, "UTC")
    assert len(result.activities) == 1


def test_unknown_time_zone_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="unknown time zone 'Mars/Olympus'"):
        parse_file(FIXTURES / "strava_modern.csv", "Mars/Olympus")


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="cannot read"):
        parse_file(tmp_path / "nope.csv", "UTC")


def test_recovtui_json_is_detected_but_not_read_as_runs(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"format": "recovtui-export", "version": 1, "activities": []}')
    assert detect_kind(path, path.read_bytes()) == "recovtui-json"
    with pytest.raises(ImportProblem, match="read whole, not as runs"):
        parse_file(path, "UTC")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("strava_modern.csv", "strava-csv"),
        ("strava_short_2018.csv", "strava-csv"),
        ("strava_legacy_2014.csv", "strava-csv"),
        ("strava_de.csv", "strava-csv"),
        ("garmin_en_km.csv", "garmin-csv"),
        ("garmin_fr.csv", "garmin-csv"),
        ("garmin_dayfirst_resaved.csv", "garmin-csv"),
        ("run_crossing_midnight.gpx", "gpx"),
    ],
)
def test_detect_kind(name: str, kind: str) -> None:
    path = FIXTURES / name
    assert detect_kind(path, path.read_bytes()[:4096]) == kind


def test_detect_kind_by_content_not_by_name() -> None:
    head = (FIXTURES / "garmin_en_km.csv").read_bytes()
    assert detect_kind(Path("export.gpx"), head) == "garmin-csv"
    assert detect_kind(Path("x.csv"), fit_file(RUN)) == "fit"


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"", "empty file"),
        (b"  \n\r\n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        (b"<html><body>hi</body></html>", "XML but neither GPX nor TCX"),
        (b"[1, 2, 3]", "JSON but not a recovtui export"),
        (b"a,b,c\n1,2,3\n", "unrecognised columns: a, b, c"),
    ],
)
def test_detect_kind_refuses(head: bytes, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        detect_kind(Path("file.csv"), head)


def _only_import_problem(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"activities{suffix}"
        path.write_bytes(data)
        try:
            result = parse_file(path, "Europe/Berlin")
        except ImportProblem as problem:
            assert "unexpected error" not in str(problem), problem
            return
        assert isinstance(result, ImportResult)


SUFFIXES = st.sampled_from([".csv", ".gpx", ".fit", ".json", ".gz", ""])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.binary(max_size=400), SUFFIXES)
def test_parse_file_on_random_bytes_raises_only_import_problem(data: bytes, suffix: str) -> None:
    _only_import_problem(data, suffix)


@FUZZ
@given(
    st.sampled_from(
        [
            FIXTURES / "strava_modern.csv",
            FIXTURES / "garmin_en_km.csv",
            FIXTURES / "run_crossing_midnight.gpx",
        ]
    ).map(Path.read_bytes)
    | st.just(fit_file(RUN)),
    st.data(),
)
def test_parse_file_on_damaged_exports_raises_only_import_problem(
    original: bytes, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(original)))
    cut = data.draw(st.integers(0, 40))
    junk = data.draw(st.binary(max_size=8))
    _only_import_problem(original[:position] + junk + original[position + cut :], "")


CELL = st.text(
    alphabet=st.sampled_from("0123456789,.:-/ APMJanFebRunRide\"'x"), max_size=14
) | st.sampled_from(["--", "", "Run", "Running", "Jan 5, 2019, 7:12:03 AM", "2021-03-04 07:15"])


@FUZZ
@given(st.lists(st.lists(CELL, min_size=6, max_size=6), min_size=1, max_size=4))
def test_parse_file_on_random_csv_cells_raises_only_import_problem(
    rows: list[list[str]],
) -> None:
    for header in (
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance",
        "Activity Type,Date,Title,Distance,Time,Avg Stride Length",
    ):
        lines = [header] + [",".join(f'"{c.replace(chr(34), "")}"' for c in r) for r in rows]
        _only_import_problem(("\n".join(lines) + "\n").encode(), ".csv")


REAL_FILES = sorted(p for p in REAL.rglob("*") if p.is_file()) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="no real exports in ../shared/data/real")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(REAL)))
def test_real_exports_parse_or_raise_import_problem(path: Path) -> None:
    try:
        result = parse_file(path, "Europe/London")
    except ImportProblem as problem:
        assert "unexpected error" not in str(problem)
        return
    for activity in result.activities:
        assert 0 <= activity.distance_m <= 1_000_000
        assert activity.source == f"import:{result.kind}"
    ids = [a.source_id for a in result.activities]
    assert len(ids) == len(set(ids))


REAL_FIT = REAL / "fit"


@pytest.mark.skipif(not REAL_FIT.is_dir(), reason="no real FIT files")
def test_real_fit_run_and_walk() -> None:
    (run,) = parse_file(
        REAL_FIT / "python-fitparse__activity-small-fenix2-run.fit", "UTC"
    ).activities
    assert (run.date, run.distance_m, run.duration_s) == (date(2015, 8, 15), 9008, 2832)
    walk = parse_file(REAL_FIT / "python-fitparse__garmin-fenix-5-walk.fit", "UTC")
    assert walk.skipped == {"not a run: walking": 1}


def test_a_run_recorded_as_gpx_and_fit_has_one_source_id() -> None:
    """The same recording exported as GPX and as FIT must not import twice."""
    gpx = REAL / "gpx" / "LinuzJ_fit_gpx_file-summary__Evening_Run.gpx"
    fit = REAL / "fit" / "LinuzJ_fit_gpx_file-summary__Evening_Run.fit"
    if not (gpx.exists() and fit.exists()):
        pytest.skip("the real exports are not beside the project")
    (from_gpx,) = parse_file(gpx, "UTC").activities
    (from_fit,) = parse_file(fit, "UTC").activities
    assert from_gpx.source_id == from_fit.source_id
