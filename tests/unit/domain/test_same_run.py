"""One run from two sources: start within 2 minutes and distance within 3 %."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.domain.activity import Activity, completed, is_same_run
from tracker.domain.kinds import ActivityKind

START = datetime(2021, 9, 27, 14, 13, 10, tzinfo=UTC)
ROW = Activity(
    date(2021, 9, 27), ActivityKind.EASY, 11_200, 3560, source="import:strava-csv",
    source_id="strava:1", started_at=START,
)  # fmt: skip
FILE = replace(ROW, distance_m=11_274, source="import:fit", source_id="track:x", avg_hr=150)


@pytest.mark.parametrize(
    ("seconds", "metres", "same"),
    [(0, 11_274, True), (120, 11_274, True), (121, 11_274, False), (-90, 11_536, True),
     (0, 11_547, False), (0, 10_865, True), (0, 10_863, False)],
)  # fmt: skip
def test_two_minutes_and_three_percent(seconds: int, metres: int, same: bool) -> None:
    other = replace(FILE, started_at=START + timedelta(seconds=seconds), distance_m=metres)
    assert is_same_run(ROW, other) is same


def test_only_across_sources_and_only_with_a_start() -> None:
    assert not is_same_run(ROW, replace(ROW, source_id="strava:2"))  # two rows of one export
    assert not is_same_run(ROW, replace(FILE, started_at=None))


def test_the_stored_run_keeps_its_fields_and_gains_heart_rate() -> None:
    merged = completed(ROW, FILE)
    assert (merged.distance_m, merged.source_id, merged.avg_hr) == (11_200, "strava:1", 150)
