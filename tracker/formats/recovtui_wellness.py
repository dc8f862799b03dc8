"""The ``wellness`` section of a recovtui export (version 2 on): one record a day.

Every value is written, null when not recorded, so a record reads the same
whatever the day holds. Values are checked by the same rule as the check-in
(:func:`tracker.domain.wellness.value_problems`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.domain.wellness import VALUES, Wellness, value_problems
from tracker.formats.recovtui_records import each_record


def wellness_record(entry: Wellness) -> dict[str, Any]:
    """A day's entry as the document writes it."""
    record: dict[str, Any] = {"date": entry.date.isoformat()}
    record.update({name: getattr(entry, name) for name in VALUES})
    return record


def check_wellness(records: list[Any], file: str) -> list[Wellness]:
    """Each day's entry; ``ImportProblem`` names the first bad record and field."""
    entries: list[Wellness] = []
    seen: dict[date, int] = {}
    for c, raw in each_record(records, file, "wellness"):
        rec = c.record(raw, ("date",), dict.fromkeys(VALUES))
        on = c.day(rec["date"], "date")
        c.unique(seen, on, "date", "date")
        sleep = rec["sleep_h"]
        if isinstance(sleep, int) and not isinstance(sleep, bool):
            rec["sleep_h"] = float(sleep)  # 7 and 7.0 are the same night
        entry = Wellness(on, **{name: rec[name] for name in VALUES})
        for name, problem in value_problems(entry).items():
            raise c.problem(problem, name)
        entries.append(entry)
    return entries
