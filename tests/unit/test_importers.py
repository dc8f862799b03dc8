"""Parsing exported files into runs: Strava/Garmin CSV, GPX, FIT (no database)."""

from __future__ import annotations

import gzip
import struct
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fitdecode.utils import compute_crc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.data.importers import (
    LONG_RUN_M,
    ImportProblem,
    ImportResult,
    detect_kind,
    fit_session_to_activity,
    guess_kind,
    is_run_type,
    parse_duration,
    parse_file,
    parse_number,
    parse_timestamp,
)
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
MALFORMED = FIXTURES / "malformed"
REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real"


def parse(name: str, tz: str = "UTC") -> ImportResult:
    return parse_file(FIXTURES / name, tz)


def by_id(result: ImportResult) -> dict[str, Activity]:
    return {str(a.source_id): a for a in result.activities}


# ------------------------------------------------------------------ Strava


def test_strava_modern_layout_reads_repeated_columns_by_position() -> None:
    result = parse("strava_modern.csv")
    runs = by_id(result)
    assert result.kind == "strava-csv"
    first = runs["strava:1001"]
    assert first.date == date(2019, 1, 5)
    assert first.distance_m == 5012  # the later Distance column, in metres
    assert first.duration_s == 1850  # Moving Time, not either Elapsed Time
    assert first.note == "Morning Run"
    assert first.source == "import:strava-csv"
    assert first.kind is ActivityKind.EASY


def test_strava_modern_layout_skips_non_runs_by_reason() -> None:
    result = parse("strava_modern.csv")
    assert result.skipped == {
        "not a run: Ride": 1,
        "not a run: Swim": 1,
        "not a run: Walk": 1,
        "not a run: Weight Training": 1,
    }
    assert len(result.activities) == 8


def test_strava_trail_and_virtual_runs_are_runs() -> None:
    runs = by_id(parse("strava_modern.csv"))
    assert "strava:1005" in runs
    assert "strava:1006" in runs


def test_strava_comma_decimal_km_column_is_the_fallback_for_missing_metres() -> None:
    manual = by_id(parse("strava_modern.csv"))["strava:1010"]
    assert manual.distance_m == 7500  # "7,5" km
    assert manual.duration_s == 2700  # second Elapsed Time when the first is empty


def test_strava_kinds_from_names_flags_and_distance() -> None:
    runs = by_id(parse("strava_modern.csv"))
    assert runs["strava:1005"].kind is ActivityKind.LONG  # 21.1 km
    assert runs["strava:1006"].kind is ActivityKind.WORKOUT  # "6x800m"
    assert runs["strava:1007"].kind is ActivityKind.RACE  # "parkrun"
    assert runs["strava:1008"].kind is ActivityKind.RACE  # Competition column
    assert runs["strava:1011"].kind is ActivityKind.LONG  # Long Run column, 14 km


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("UTC", date(2019, 1, 5)),
        ("Europe/Berlin", date(2019, 1, 6)),  # 23:30 UTC is 00:30 the next day
        ("America/New_York", date(2019, 1, 5)),
    ],
)
def test_strava_dates_are_utc_converted_to_the_runners_zone(tz: str, expected: date) -> None:
    assert by_id(parse("strava_modern.csv", tz))["strava:1002"].date == expected


def test_strava_short_2018_layout_has_distance_in_km() -> None:
    result = parse("strava_short_2018.csv")
    runs = by_id(result)
    assert runs["strava:2001"].distance_m == 5020
    assert runs["strava:2001"].date == date(2019, 1, 5)  # "5 Jan 2019, 07:12:03"
    assert runs["strava:2002"].distance_m == 10500  # "10,5"
    assert runs["strava:2002"].kind is ActivityKind.WORKOUT  # "Tempo"
    assert result.skipped == {"not a run: Hike": 1}


def test_strava_2014_legacy_layout_has_distance_in_metres() -> None:
    result = parse("strava_legacy_2014.csv")
    runs = by_id(result)
    assert runs["strava:3003"].distance_m == 6013
    assert runs["strava:3003"].duration_s == 2400
    # "Marathon training" is not a race; 32 km is long
    assert runs["strava:3002"].kind is ActivityKind.LONG
    assert result.skipped == {"not a run: Ride": 1}


def test_strava_german_export() -> None:
    result = parse("strava_de.csv", "Europe/Berlin")
    (run,) = result.activities
    assert run.date == date(2023, 7, 21)
    assert run.distance_m == 4810
    assert run.duration_s == 1350
    assert result.skipped == {"not a run: Radfahrt": 1}


def test_reimport_gives_the_same_source_ids() -> None:
    first = [a.source_id for a in parse("strava_modern.csv").activities]
    again = [a.source_id for a in parse("strava_modern.csv", "Asia/Tokyo").activities]
    assert first == again
    assert len(set(first)) == len(first)


def test_duplicate_rows_in_one_file_are_counted_once(tmp_path: Path) -> None:
    text = (FIXTURES / "strava_short_2018.csv").read_text()
    last_row = text.strip().splitlines()[1]
    path = tmp_path / "activities.csv"
    path.write_text(text + last_row + "\n")
    result = parse_file(path, "UTC")
    assert result.skipped["duplicate row"] == 1
    assert len(result.activities) == 2


# ------------------------------------------------------------------ Garmin


def test_garmin_english_km_with_dashes_and_thousands() -> None:
    result = parse("garmin_en_km.csv")
    runs = {a.date: a for a in result.activities}
    assert result.kind == "garmin-csv"
    first = runs[date(2021, 3, 4)]
    assert first.distance_m == 10020
    assert first.duration_s == 3131  # "52:10.5"
    assert first.note == "Riverside Running"
    assert first.source == "import:garmin-csv"
    assert first.source_id == "garmin:2021-03-04T07:15:00:10020"
    assert runs[date(2021, 3, 5)].kind is ActivityKind.WORKOUT  # treadmill intervals
    assert runs[date(2021, 3, 7)].kind is ActivityKind.LONG  # 24.3 km trail run
    assert runs[date(2021, 3, 7)].duration_s == 3 * 3600 + 62
    assert runs[date(2021, 3, 8)].distance_m == 0  # "--": a run without a distance
    assert result.skipped == {"not a run: Strength Training": 1, "not a run: Cycling": 1}


def test_garmin_dates_are_local_and_not_shifted_by_tz() -> None:
    utc = parse("garmin_en_km.csv", "UTC").activities
    tokyo = parse("garmin_en_km.csv", "Asia/Tokyo").activities
    assert [a.date for a in utc] == [a.date for a in tokyo]


def test_garmin_miles_from_a_header_hint() -> None:
    runs = parse("garmin_en_miles_header.csv").activities
    assert [a.distance_m for a in runs] == [9994, 21098]
    assert runs[1].kind is ActivityKind.LONG


def test_garmin_miles_inferred_from_cadence_and_stride() -> None:
    result = parse("garmin_en_miles_inferred.csv")
    assert [a.distance_m for a in result.activities] == [8047, 16093, 4989]
    assert result.skipped == {"not a run: Walking": 1}


def test_garmin_without_evidence_assumes_km() -> None:
    assert parse("garmin_en_km.csv").activities[0].distance_m == 10020


@pytest.mark.parametrize(
    ("lang", "other"),
    [
        ("de", "Radfahren"),
        ("fr", "Cyclisme"),
        ("es", "Ciclismo"),
        ("nl", "Fietsen"),
        ("it", "Ciclismo"),
        ("da", "Cykling"),
    ],
)
def test_garmin_header_languages(lang: str, other: str) -> None:
    result = parse(f"garmin_{lang}.csv")
    (run,) = result.activities
    assert run.date == date(2022, 5, 1)
    assert run.distance_m == 12340
    assert run.duration_s == 3900
    assert run.note == f"{lang} morning"
    assert result.skipped == {f"not a run: {other}": 1}


def test_garmin_resaved_by_a_spreadsheet_with_day_first_dates() -> None:
    runs = parse("garmin_dayfirst_resaved.csv").activities
    assert [a.date for a in runs] == [date(2020, 5, 13), date(2020, 5, 7), date(2020, 4, 6)]
    assert runs[2].duration_s == 636  # "10:36.4"


# --------------------------------------------------------------------- GPX


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


# --------------------------------------------------------------------- FIT

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
SPORTS = {"running": 1, "cycling": 2, "walking": 11}


def fit_file(*sessions: dict[str, object], crc_ok: bool = True) -> bytes:
    """A minimal FIT activity: a file_id message and one session message per dict.

    Written by hand from the FIT protocol (fitdecode only reads), so the real
    decoder runs on synthetic data.
    """

    def definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
        head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
        return head + b"".join(struct.pack("<BBB", *f) for f in fields)

    records = definition(0, 0, [(0, 1, 0x00)]) + struct.pack("<BB", 0, 4)
    session_fields = [(2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86)]
    records += definition(1, 18, session_fields)
    for s in sessions:
        start = s["start"]
        assert isinstance(start, datetime)
        records += struct.pack(
            "<BIBIII",
            1,
            int((start - FIT_EPOCH).total_seconds()),
            SPORTS[str(s["sport"])],
            int(float(str(s["elapsed"])) * 1000),
            int(float(str(s["timer"])) * 1000),
            int(float(str(s["distance"])) * 100),
        )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    body = header + records
    crc = compute_crc(body) ^ (0 if crc_ok else 0xFFFF)
    return body + struct.pack("<H", crc)


RUN_START = datetime(2021, 7, 8, 22, 42, 45, tzinfo=UTC)
RUN: dict[str, object] = {
    "start": RUN_START,
    "sport": "running",
    "elapsed": 2044.5,
    "timer": 1941.7,
    "distance": 5543.72,
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fit_session_becomes_a_run(tmp_path: Path) -> None:
    result = parse_file(write(tmp_path, "run.fit", fit_file(RUN)), "Europe/Helsinki")
    (run,) = result.activities
    assert result.kind == "fit"
    assert run.date == date(2021, 7, 9)  # 22:42 UTC is 01:42 in Helsinki
    assert run.distance_m == 5544
    assert run.duration_s == 1942  # timer time, not elapsed
    assert run.source == "import:fit"
    assert run.source_id == "track:2021-07-08T22:42:45Z"


def test_fit_non_running_session_is_skipped(tmp_path: Path) -> None:
    walk = RUN | {"sport": "walking"}
    result = parse_file(write(tmp_path, "walk.fit", fit_file(walk)), "UTC")
    assert result.activities == []
    assert result.skipped == {"not a run: walking": 1}


def test_fit_multisport_keeps_the_running_sessions(tmp_path: Path) -> None:
    ride = RUN | {"sport": "cycling", "start": RUN_START - timedelta(hours=2)}
    result = parse_file(write(tmp_path, "brick.fit", fit_file(ride, RUN)), "UTC")
    assert [a.source_id for a in result.activities] == ["track:2021-07-08T22:42:45Z"]
    assert result.skipped == {"not a run: cycling": 1}


def test_fit_with_a_bad_crc_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.fit", fit_file(RUN, crc_ok=False))
    with pytest.raises(ImportProblem, match="not a valid FIT file"):
        parse_file(path, "UTC")


def test_fit_truncated_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.fit", fit_file(RUN)[:-9])
    with pytest.raises(ImportProblem, match="not a valid FIT file"):
        parse_file(path, "UTC")


def test_fit_without_a_session_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="no activity session"):
        parse_file(write(tmp_path, "settings.fit", fit_file()), "UTC")


def test_fit_mapping_of_a_plain_session_dict() -> None:
    session = {
        "sport": "running",
        "sub_sport": "treadmill",
        "start_time": datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC),
        "total_distance": 21500.4,
        "total_elapsed_time": 7000.0,
        "total_timer_time": 6900.4,
    }
    run = fit_session_to_activity(session, "UTC")
    assert isinstance(run, Activity)
    assert (run.distance_m, run.duration_s, run.kind) == (21500, 6900, ActivityKind.LONG)


def test_fit_mapping_prefers_moving_time_and_tolerates_missing_distance() -> None:
    session = {
        "sport": "running",
        "start_time": datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC),
        "total_distance": None,
        "total_moving_time": 1500.0,
        "total_timer_time": 1600.0,
    }
    run = fit_session_to_activity(session, "UTC")
    assert isinstance(run, Activity)
    assert (run.distance_m, run.duration_s) == (0, 1500)


def test_fit_mapping_uses_a_structured_workout_name() -> None:
    session = {"sport": "running", "start_time": datetime(2020, 1, 1, tzinfo=UTC)}
    run = fit_session_to_activity(session, "UTC", workout_name="Cruise miles")
    assert isinstance(run, Activity)
    assert run.kind is ActivityKind.WORKOUT
    assert run.note == "Cruise miles"


@pytest.mark.parametrize(
    ("session", "reason"),
    [
        ({"sport": "cycling"}, "not a run: cycling"),
        ({"sport": None}, "not a run: unknown sport"),
        ({"sport": 254}, "not a run: 254"),
    ],
)
def test_fit_mapping_skip_reasons(session: dict[str, object], reason: str) -> None:
    assert fit_session_to_activity(session, "UTC") == reason


@pytest.mark.parametrize(
    ("session", "message"),
    [
        ({"sport": "running", "start_time": 12345}, "start_time"),
        (
            {"sport": "running", "start_time": datetime(2020, 1, 1), "total_distance": -5.0},
            "negative distance",
        ),
        (
            {"sport": "running", "start_time": datetime(2020, 1, 1), "total_distance": 2e6},
            "absurd distance",
        ),
    ],
)
def test_fit_mapping_rejects_impossible_sessions(session: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_session_to_activity(session, "UTC")


# --------------------------------------------------------------- malformed


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
        ("course.tcx", "course.tcx: TCX files are not supported"),
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


def test_recovtui_json_is_left_to_the_exchange_module(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"format": "recovtui-export", "version": 1, "activities": []}')
    assert detect_kind(path, path.read_bytes()) == "recovtui-json"
    with pytest.raises(ImportProblem, match="handled by the exchange module"):
        parse_file(path, "UTC")


# --------------------------------------------------------------- detection


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
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary data"),
        (b"<html><body>hi</body></html>", "XML but not GPX"),
        (b"[1, 2, 3]", "JSON but not a recovtui export"),
        (b"a,b,c\n1,2,3\n", "unrecognised columns: a, b, c"),
    ],
)
def test_detect_kind_refuses(head: bytes, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        detect_kind(Path("file.csv"), head)


# ------------------------------------------------------------ the parsers


@pytest.mark.parametrize(
    ("text", "comma", "value"),
    [
        ("5.01", None, 5.01),
        ("5,01", True, 5.01),
        ("1,234", None, 1234.0),
        ("1,234", True, 1.234),
        ("1,234.5", None, 1234.5),
        ("1.234,5", None, 1234.5),
        ("1 234,5", None, 1234.5),
        ("12,345,678", None, 12345678.0),
        ("'-12", None, -12.0),
        ("2432.77001953125", None, 2432.77001953125),
        ("1e-05", None, 1e-05),
    ],
)
def test_parse_number(text: str, comma: bool | None, value: float) -> None:
    assert parse_number(text, decimal_comma=comma) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1,23,4", "1.2.3,4,5", "nan", "inf", "--", "1,2345"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text, decimal_comma=False)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("979", 979),
        ("979.0", 979),
        ("01:02:03", 3723),
        ("1:23:03", 4983),
        ("41:06", 2466),
        ("52:10.5", 3131),
        ("00:00:39.3", 39),
        ("75:30", 4530),
    ],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "1:75:00", "10:61", "-5", "a:b", "1::2"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 5, 2019, 7:12:03 AM", datetime(2019, 1, 5, 7, 12, 3)),
        ("Jan 5, 2019, 12:00:00 AM", datetime(2019, 1, 5, 0, 0, 0)),
        ("Oct 6, 2022, 11:19:20\u202fPM", datetime(2022, 10, 6, 23, 19, 20)),
        ("5 Jan 2019, 19:12:03", datetime(2019, 1, 5, 19, 12, 3)),
        ("1. Jan. 2026, 07:00:00", datetime(2026, 1, 1, 7, 0, 0)),
        ("3 févr. 2024, 07:00:00", datetime(2024, 2, 3, 7, 0, 0)),
        ("2021-03-04 07:15:00", datetime(2021, 3, 4, 7, 15, 0)),
        ("21.07.2023, 15:09:27", datetime(2023, 7, 21, 15, 9, 27)),
        ("2021-03-04T07:15:00Z", datetime(2021, 3, 4, 7, 15, 0, tzinfo=UTC)),
    ],
)
def test_parse_timestamp(text: str, expected: datetime) -> None:
    assert parse_timestamp(text) == expected


def test_parse_timestamp_with_an_offset() -> None:
    moment = parse_timestamp("2021-03-04T07:15:00+02:00")
    assert moment.astimezone(UTC) == datetime(2021, 3, 4, 5, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Feb 30, 2019, 7:12:03 AM", "impossible date"),
        ("2021-13-01 07:00:00", "impossible date"),
        ("Jan 5, 2019, 13:12:03 PM", "impossible date"),
        ("2021-03-04 25:00:00", "impossible date"),
        ("0001-01-01 00:00:00", "impossible date"),
        ("Foo 5, 2019, 7:12:03 AM", "unknown month"),
        ("05/06/2020 07:00", "ambiguous date"),
        ("yesterday", "not a date"),
    ],
)
def test_parse_timestamp_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_timestamp(text)


def test_parse_timestamp_day_first_setting() -> None:
    assert parse_timestamp("05/06/2020 07:00", day_first=True).month == 6
    assert parse_timestamp("05/06/2020 07:00", day_first=False).month == 5


@pytest.mark.parametrize(
    "text",
    [
        "Run",
        "Trail Run",
        "Virtual Run",
        "Running",
        "Treadmill Running",
        "street_running",
        "Løb",
        "Laufen",
        "Traillauf",
        "Course à pied",
        "Carrera",
        "Hardlopen",
        "Corsa",
        "running",
    ],
)
def test_run_types(text: str) -> None:
    assert is_run_type(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ride",
        "Walk",
        "Hike",
        "Swim",
        "Workout",
        "Weight Training",
        "Strength Training",
        "Cycling",
        "Skilanglauf",
        "bike_to_run_transition",
        "Wheelchair",
        "",
    ],
)
def test_non_run_types(text: str) -> None:
    assert not is_run_type(text)


@pytest.mark.parametrize(
    ("name", "distance", "flag", "kind"),
    [
        ("Morning Run", 8000, None, ActivityKind.EASY),
        ("Morning Run", LONG_RUN_M, None, ActivityKind.LONG),
        ("Morning Run", LONG_RUN_M - 1, None, ActivityKind.EASY),
        ("City Marathon", 42195, None, ActivityKind.RACE),
        ("Halbmarathon", 21097, None, ActivityKind.RACE),
        ("Marathonas Running", 8000, None, ActivityKind.EASY),  # a place, not a race
        ("Marathon pace workout", 16000, None, ActivityKind.WORKOUT),
        ("10k race", 10000, None, ActivityKind.RACE),
        ("Fartlek", 9000, None, ActivityKind.WORKOUT),
        ("Track repeats", 9000, None, ActivityKind.WORKOUT),
        ("10 x 400", 9000, None, ActivityKind.WORKOUT),
        ("Long run", 15000, None, ActivityKind.LONG),
        ("Morning Run", 5000, "1", ActivityKind.RACE),
        ("Morning Run", 5000, "2", ActivityKind.LONG),
        ("Morning Run", 5000, "3", ActivityKind.WORKOUT),
    ],
)
def test_guess_kind(name: str, distance: int, flag: str | None, kind: ActivityKind) -> None:
    assert guess_kind(name, distance, flag) is kind


# ---------------------------------------------------------------- fuzzing

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@given(st.text(max_size=30), st.sampled_from([None, True, False]))
def test_parse_number_only_returns_finite_or_raises_value_error(
    text: str, comma: bool | None
) -> None:
    try:
        value = parse_number(text, decimal_comma=comma)
    except ValueError:
        return
    assert value == value and abs(value) != float("inf")


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_parse_number_round_trips_formats(value: object) -> None:
    number = float(str(value))
    assert parse_number(f"{number:.2f}") == pytest.approx(number)
    assert parse_number(f"{number:,.2f}") == pytest.approx(number)
    assert parse_number(f"{number:.2f}".replace(".", ","), decimal_comma=True) == pytest.approx(
        number
    )


@given(st.text(max_size=20))
def test_parse_duration_only_returns_seconds_or_raises_value_error(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except ValueError:
        return
    assert isinstance(seconds, int) and seconds >= 0


@given(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59))
def test_parse_duration_round_trips_clock_times(h: int, m: int, s: int) -> None:
    total = h * 3600 + m * 60 + s
    assert parse_duration(f"{h:02d}:{m:02d}:{s:02d}") == total
    assert parse_duration(str(total)) == total
    if h == 0:
        assert parse_duration(f"{m}:{s:02d}") == m * 60 + s


@given(st.text(max_size=40), st.sampled_from([None, True, False]))
def test_parse_timestamp_only_returns_datetimes_or_raises_value_error(
    text: str, day_first: bool | None
) -> None:
    try:
        moment = parse_timestamp(text, day_first=day_first)
    except ValueError:
        return
    assert 1970 <= moment.year <= 2200


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2199, 12, 30)))
def test_parse_timestamp_round_trips_export_formats(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    hour12 = moment.hour % 12 or 12
    ampm = "AM" if moment.hour < 12 else "PM"
    month = MONTHS[moment.month - 1]
    strava = f"{month} {moment.day}, {moment.year}, {hour12}:{moment:%M:%S} {ampm}"
    assert parse_timestamp(strava) == moment
    assert parse_timestamp(f"{moment.day} {month} {moment.year}, {moment:%H:%M:%S}") == moment
    assert parse_timestamp(f"{moment:%Y-%m-%d %H:%M:%S}") == moment
    assert parse_timestamp(f"{moment:%d/%m/%Y %H:%M:%S}", day_first=True) == moment


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


# ----------------------------------------------------------- real exports

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
