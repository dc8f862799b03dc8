"""The CSV export: every activity, one row each, with a header (empty cells for missing values)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

from tracker.domain.activity import Activity

CSV_COLUMNS: Final = (
    "date",
    "kind",
    "distance_m",
    "duration_s",
    "rpe",
    "note",
    "source",
    "source_id",
)


def write_activities_csv(activities: Iterable[Activity]) -> str:
    """The activities as CSV text, in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in activities:
        writer.writerow(
            [
                a.date.isoformat(),
                a.kind.value,
                a.distance_m,
                "" if a.duration_s is None else a.duration_s,
                "" if a.rpe is None else a.rpe,
                a.note,
                a.source,
                a.source_id or "",
            ]
        )
    return out.getvalue()
