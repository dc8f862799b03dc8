"""Which schema a database has, read with sqlite3 alone: opening a database that is
up to date needs nothing more (the migrations themselves are in :mod:`.migrations`,
imported only when one is due)."""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "recovtui"
MIGRATIONS_TABLE = "_sqlite_migrations"
KNOWN = (
    "0001_initial",
    "0002_defaults",
    "0003_heart_rate",
    "0004_history_start",
    "0005_watched_folders",
    "0006_wellness",
)
"""Every migration this recovtui has, in order (:mod:`.migrations` registers these)."""


def applied(conn: sqlite3.Connection) -> set[str]:
    """The names of recovtui's migrations applied to the database on ``conn``."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if found is None:
        return set()
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
    )
    return {row[0] for row in rows}


def pending(conn: sqlite3.Connection) -> bool:
    """Whether a migration this recovtui knows is still to be applied."""
    return not set(KNOWN) <= applied(conn)
