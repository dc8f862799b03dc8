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
        "avg_hr": "",
        "max_hr": "",
    }


def test_no_activities_is_a_header_alone() -> None:
    assert write_activities_csv([]) == ",".join(CSV_COLUMNS) + "\n"


def test_a_cell_a_spreadsheet_would_run_is_text_and_control_characters_go() -> None:
    notes = ['=HYPERLINK("http://x","y")', "+1", "-2 km", "@SUM(A1)", "ok\x1b]0;TITLE\x07\x00"]
    text = write_activities_csv(
        [
            Activity(TODAY, ActivityKind.EASY, 1000, note=n, source_id=f"s{i}")
            for i, n in enumerate(notes)
        ]
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["note"] for r in rows] == [
        '\'=HYPERLINK("http://x","y")',
        "'+1",
        "'-2 km",
        "'@SUM(A1)",
        "ok]0;TITLE",
    ]
    assert not any(ch in text for ch in "\x1b\x07\x00")
