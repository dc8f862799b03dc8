"""Rows and domain objects: how each record is written to and read from its table.

Dates are ``YYYY-MM-DD`` text and moments UTC ISO-8601 text
(:func:`tracker.domain.dates.utc_stamp`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pendulum

from tracker.domain.activity import Activity
from tracker.domain.dates import utc_stamp
from tracker.domain.kinds import ActivityKind
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.domain.wellness import VALUES, Wellness


def iso(day: date) -> str:
    return day.isoformat()


def parse_day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def parse_moment(text: str) -> pendulum.DateTime:
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed


def activity_from_row(row: dict[str, Any]) -> Activity:
    return Activity(
        date=parse_day(row["date"]),
        kind=ActivityKind(row["kind"]),
        distance_m=row["distance_m"],
        duration_s=row["duration_s"],
        rpe=row["rpe"],
        note=row["note"] or "",
        source=row["source"],
        source_id=row["source_id"],
        id=row["id"],
        started_at=parse_moment(row["started_at"]) if row.get("started_at") else None,
        avg_hr=row.get("avg_hr"),
        max_hr=row.get("max_hr"),
    )


def activity_to_row(activity: Activity) -> dict[str, Any]:
    return {
        "date": iso(activity.date),
        "kind": activity.kind.value,
        "distance_m": activity.distance_m,
        "duration_s": activity.duration_s,
        "rpe": activity.rpe,
        "note": activity.note,
        "source": activity.source,
        "source_id": activity.source_id,
        "started_at": utc_stamp(activity.started_at) if activity.started_at else None,
        "avg_hr": activity.avg_hr,
        "max_hr": activity.max_hr,
    }


def session_from_row(row: dict[str, Any]) -> RecoverySession:
    return RecoverySession(
        date=parse_day(row["date"]),
        kind=row["kind"],
        started_at=parse_moment(row["started_at"]),
        status=SessionStatus(row["status"]),
        planned_s=row["planned_s"],
        elapsed_s=row["elapsed_s"],
        temperature_c=row["temperature_c"],
        note=row["note"],
        preset=row["preset"],
        id=row["id"],
    )


def session_to_row(session: RecoverySession, now: str) -> dict[str, Any]:
    return {
        "date": iso(session.date),
        "kind": session.kind,
        "preset": session.preset,
        "started_at": utc_stamp(session.started_at),
        "updated_at": now,
        "planned_s": session.planned_s,
        "elapsed_s": 0
        if session.elapsed_s is None and session.status is SessionStatus.RUNNING
        else session.elapsed_s,
        "status": session.status.value,
        "temperature_c": session.temperature_c,
        "note": session.note,
    }


def now_stamp() -> str:
    """This moment as stored: ``updated_at``, ``created_at`` and check-in times."""
    return utc_stamp(pendulum.now("UTC"))


def between(start: date | None, end: date | None) -> tuple[str | None, list[str]]:
    """The ``where`` clause and arguments of rows dated ``start`` to ``end`` (all when None)."""
    if start is None or end is None:
        return None, []
    return "date >= ? AND date <= ?", [iso(start), iso(end)]


def wellness_from_row(row: dict[str, Any]) -> Wellness:
    return Wellness(parse_day(row["date"]), **{name: row[name] for name in VALUES})


def wellness_to_row(entry: Wellness, now: str) -> dict[str, Any]:
    row: dict[str, Any] = {"date": iso(entry.date)}
    row.update({name: getattr(entry, name) for name in VALUES})
    row["updated_at"] = now
    return row
