"""The CSV export of activities: one row each, a header, empty cells for missing values."""

from __future__ import annotations

import csv
import io

from tests.conftest import TODAY
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.formats.activities_csv import CSV_COLUMNS, write_activities_csv


def test_csv_export_has_one_row_per_activity() -> None:
    text = write_activities_csv(
        [
            Activity(TODAY.subtract(days=1), ActivityKind.EASY, 10000, 3000, 5, "", "manual"),
            Activity(
                TODAY, ActivityKind.RACE, 21100, None, None, 'Half, "fast"', "import:fit", "f:1"
            ),
        ]
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["kind"] for r in rows] == ["easy", "race"]
    assert rows[1] == {
        "date": "2026-11-25",
        "kind": "race",
        "distance_m": "21100",
        "duration_s": "",
        "rpe": "",
        "note": 'Half, "fast"',
        "source": "import:fit",
        "source_id": "f:1",
    }


def test_no_activities_is_a_header_alone() -> None:
    assert write_activities_csv([]) == ",".join(CSV_COLUMNS) + "\n"
