"""Strava's activities.csv, every layout: columns, dates, kinds (no database)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.unit.formats.files import FIXTURES, by_id, parse
from tracker.domain.kinds import ActivityKind
from tracker.formats.detect import parse_file


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
