"""Garmin Connect's Activities.csv: units, languages, local dates (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.formats.files import parse
from tracker.domain.kinds import ActivityKind


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
