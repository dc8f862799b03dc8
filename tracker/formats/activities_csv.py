"""The CSV export: every activity, one row each, with a header (empty cells for missing values)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

from tracker.domain.activity import Activity
from tracker.domain.text import without_controls

CSV_COLUMNS: Final = (
    "date",
    "kind",
    "distance_m",
    "duration_s",
    "rpe",
    "note",
    "source",
    "source_id",
    "avg_hr",
    "max_hr",
)


_FORMULA_START: Final = ("=", "+", "-", "@")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: control characters dropped, and a leading
    ``=``, ``+``, ``-`` or ``@`` (a formula to Excel or LibreOffice) behind a ``'``."""
    text = without_controls(str(value), lines=False)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def write_activities_csv(activities: Iterable[Activity]) -> str:
    """The activities as CSV text, in the order given; text cells made safe (:func:`safe_cell`).

    Numbers are written as numbers: a negative one cannot occur.
    """
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
                safe_cell(a.note),
                safe_cell(a.source),
                safe_cell(a.source_id or ""),
                "" if a.avg_hr is None else a.avg_hr,
                "" if a.max_hr is None else a.max_hr,
            ]
        )
    return out.getvalue()
