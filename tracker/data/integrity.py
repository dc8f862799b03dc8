"""What the open check looks for inside the tables: the schema the migrations make,
and values no recovtui writes (a row changed by hand or by a damaged copy).

A table or column missing (``DROP TABLE activities``) would otherwise be
recreated without its schema by the next write; a date out of range, a kind
that is not one, a negative distance or settings that are not JSON would crash
whatever reads them. Both are told in one line naming the table and the value,
and the file is left untouched. The scan costs a few milliseconds on ten years.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from tracker.domain.dates import FIRST_DAY, LAST_DAY
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.recovery import SessionStatus
from tracker.domain.units import MAX_DISTANCE_M

TABLES: Final[dict[str, tuple[str, ...]]] = {
    "settings": ("key", "value"),
    "plan_days": ("date", "kind", "target_m", "note"),
    "activities": (
        "id", "date", "kind", "distance_m", "duration_s", "rpe", "note", "source",
        "source_id", "created_at", "started_at", "avg_hr", "max_hr",
    ),
    "recovery_sessions": (
        "id", "date", "kind", "preset", "started_at", "updated_at", "planned_s",
        "elapsed_s", "status", "temperature_c", "note",
    ),
    "timer_presets": ("name", "position", "data"),
    "nutrition_items": ("id", "name", "position", "archived"),
    "nutrition_checks": ("date", "item_id"),
    "excused_weeks": ("week_start", "reason"),
    "checkins": ("date", "at"),
    "meta": ("key", "value"),
    "watched_folders": ("path", "added_at"),
    "watched_files": ("path", "size", "mtime_ns", "sha256", "outcome", "message", "seen_at"),
    "wellness": (
        "date", "sleep_h", "sleep_quality", "fatigue", "stress", "soreness", "mood", "rhr",
        "pain_site", "pain", "updated_at",
    ),
}  # fmt: skip
"""Every table and column the migrations make (a test keeps this equal to them)."""

DAYS = (FIRST_DAY.isoformat(), LAST_DAY.isoformat())


def _bad_day(column: str) -> str:
    """A ``YYYY-MM-DD`` that is no day (``2026-13-45``, ``2026-02-30``) or out of range."""
    return (
        f"NOT ({column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
        f"AND date({column}, '+0 days') IS {column} "
        f"AND {column} BETWEEN '{DAYS[0]}' AND '{DAYS[1]}')"
    )


def _bad_moment(column: str) -> str:
    """A stored UTC moment that does not read back, or whose day is out of range."""
    day = f"substr({column}, 1, 10)"
    return f"({column} IS NOT NULL AND (datetime({column}) IS NULL OR {_bad_day(day)}))"


def _not_in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} NOT IN ({', '.join(repr(v) for v in values)})"


def _negative(column: str) -> str:
    return f"({column} IS NOT NULL AND {column} < 0)"


ACTIVITY_KINDS = tuple(kind.value for kind in ActivityKind)
PLAN_KINDS = tuple(kind.value for kind in DayKind)
STATUSES = tuple(status.value for status in SessionStatus)

CHECKS: Final[tuple[tuple[str, str, str, str], ...]] = (
    # table, the column shown, what is wrong with it, the condition that finds it
    ("settings", "value", "not JSON", "json_valid(value) = 0"),
    ("timer_presets", "data", "not JSON", "json_valid(data) = 0"),
    ("meta", "value", "not a date", f"key = 'created_on' AND {_bad_day('value')}"),
    ("plan_days", "date", "not a date recovtui reads", _bad_day("date")),
    ("plan_days", "kind", "not a plan kind", _not_in("kind", PLAN_KINDS)),
    ("plan_days", "target_m", "a negative distance", _negative("target_m")),
    ("activities", "date", "not a date recovtui reads", _bad_day("date")),
    ("activities", "kind", "not an activity kind", _not_in("kind", ACTIVITY_KINDS)),
    (
        "activities",
        "distance_m",
        "not a distance recovtui reads",
        f"distance_m < 0 OR distance_m > {MAX_DISTANCE_M}",
    ),
    ("activities", "duration_s", "a negative duration", _negative("duration_s")),
    ("activities", "started_at", "not a time recovtui reads", _bad_moment("started_at")),
    ("recovery_sessions", "date", "not a date recovtui reads", _bad_day("date")),
    ("recovery_sessions", "started_at", "not a time recovtui reads", _bad_moment("started_at")),
    ("recovery_sessions", "status", "not a session status", _not_in("status", STATUSES)),
    ("recovery_sessions", "elapsed_s", "a negative duration", _negative("elapsed_s")),
    ("recovery_sessions", "planned_s", "a negative duration", _negative("planned_s")),
    ("nutrition_checks", "date", "not a date recovtui reads", _bad_day("date")),
    ("excused_weeks", "week_start", "not a date recovtui reads", _bad_day("week_start")),
    ("checkins", "date", "not a date recovtui reads", _bad_day("date")),
    ("wellness", "date", "not a date recovtui reads", _bad_day("date")),
)


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """The first table or column the migrations make that the database lacks."""
    have = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in TABLES.items():
        if table not in have:
            return f"table {table} is missing"
        present = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
        for column in columns:
            if column not in present:
                return f"column {table}.{column} is missing"
    return None


KEYS: Final = {"settings": "key", "meta": "key", "timer_presets": "name"}
"""How a row is named in the message: its key where it has one, else its row number."""


def value_problem(conn: sqlite3.Connection) -> str | None:
    """The first stored value no recovtui could have written, named by table and row."""
    for table, column, what, condition in CHECKS:
        key = KEYS.get(table, "rowid")
        row = conn.execute(
            f"SELECT [{key}], [{column}] FROM [{table}] WHERE {condition} LIMIT 1"
        ).fetchone()
        if row is not None:
            where = f"row {row[0]}" if key == "rowid" else f"{key} {_shown(row[0])}"
            return f"table {table}, {where}: {column} {_shown(row[1])} is {what}"
    return None


def _shown(value: object) -> str:
    """``value`` quoted, its control characters escaped, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
