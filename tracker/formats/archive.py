"""A whole export archive: Strava's bulk export or Garmin Connect's, as a zip or a folder.

Each run counts once: a row of the archive's activity list (Strava's
``activities.csv``, Garmin's ``Activities.csv``) and its own file (the CSV's
``Filename`` column) are one activity, the file adding what the row lacks
(heart rate, the exact start). The files of rows that are not runs are not
read. Activity files no row names (a Garmin export's FIT files, a watch's
folder) are runs of their own. A member that cannot be read is skipped and
counted; one past the limits refuses the whole archive (see
:mod:`tracker.formats.archive_members`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Final

from tracker.domain.activity import Activity, completed
from tracker.domain.text import plural
from tracker.formats.archive_members import Member, member_key
from tracker.formats.detect import decode_text, detect_kind, parse_data
from tracker.formats.limits import HEAD_BYTES
from tracker.formats.problems import ImportProblem, ImportResult, LimitExceeded
from tracker.formats.strava import strava_filenames

ACTIVITY_LISTS: Final = ("strava-csv", "garmin-csv")
UNREADABLE: Final = "unreadable file"
_SHOWN_PROBLEMS: Final = 3


class _Reading:
    def __init__(self, name: str, tz: str) -> None:
        self.name = name
        self.tz = tz
        self.skipped: Counter[str] = Counter()
        self.problems: list[str] = []

    def runs(self, member: Member) -> list[Activity] | None:
        """The runs of one activity file, or None (counted) when it cannot be read."""
        label = f"{self.name}: {member.name}"
        try:
            data = member.read()
            kind = detect_kind(PurePosixPath(member.name), data[:HEAD_BYTES])
            if kind not in ("gpx", "tcx", "fit"):
                raise ImportProblem(label, f"not an activity file ({kind})")
            result = parse_data(data, kind, label, self.tz)
        except LimitExceeded:
            raise
        except ImportProblem as problem:
            self.skipped[UNREADABLE] += 1
            if len(self.problems) < _SHOWN_PROBLEMS:
                self.problems.append(str(problem).removeprefix(f"{self.name}: "))
            return None
        self.skipped.update(result.skipped)
        return result.activities


def parse_archive(members: Sequence[Member], name: str, tz: str) -> ImportResult:
    """Every run in an archive's members, each once (see the module docstring)."""
    files = {member_key(m.name): m for m in members if m.is_activity_file}
    reading = _Reading(name, tz)
    activities: list[Activity] = []
    taken: set[str] = set()
    lists: list[str] = []
    joined = 0
    for member in (m for m in members if m.is_csv):
        data = member.read()
        try:
            kind = detect_kind(PurePosixPath(member.name), data[:HEAD_BYTES])
        except ImportProblem:
            continue  # Strava's archive holds other CSVs (comments, media, …)
        if kind not in ACTIVITY_LISTS:
            continue
        label = f"{name}: {member.name}"
        result = parse_data(data, kind, label, tz)
        lists.append(kind)
        own_files: dict[str, str] = {}
        if kind == "strava-csv":
            text = decode_text(data, final=True) or ""
            own_files = {sid: member_key(f) for sid, f in strava_filenames(text, label).items()}
        taken.update(own_files.values())
        reading.skipped.update(result.skipped)
        for row in result.activities:
            own = files.get(own_files.get(str(row.source_id), ""))
            if own is not None and (runs := reading.runs(own)):
                found = runs[0]
                row = completed(replace(row, started_at=found.started_at or row.started_at), found)
                joined += 1
            activities.append(row)
    for key, member in files.items():
        if key not in taken and (runs := reading.runs(member)):
            activities.extend(runs)
    if not lists and not files:
        raise ImportProblem(name, "no activity list (activities.csv) and no activity files in it")
    notes = []
    if joined:
        notes.append(
            f"{plural(joined, 'file')} joined to {'its' if joined == 1 else 'their'} CSV rows"
        )
    notes += reading.problems
    archive_kind = f"{lists[0].removesuffix('-csv')}-archive" if lists else "archive"
    return ImportResult(archive_kind, activities, dict(reading.skipped), notes)
