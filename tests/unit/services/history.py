"""What the service tests share: a small history to export, and how to compare databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum

from tests.conftest import EVENING, TODAY
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus

LATER = EVENING.add(hours=1)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exchange"


def dump(store: Store) -> list[str]:
    """Every row of every table: what "the database is unchanged" compares."""
    return list(store.db.conn.iterdump())


def without_stamp(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key != "exported_at"}


def small_history(store: Store) -> None:
    store.week_plan(TODAY)
    store.set_day(TODAY, DayKind.WORKOUT, 12000, "6 × 800 m")
    store.add_activity(
        Activity(TODAY.subtract(days=1), ActivityKind.EASY, 10000, 3000, 5, "", "manual")
    )
    store.start_session(
        RecoverySession(
            TODAY.subtract(days=1),
            RecoveryKind.ICE_BATH.value,
            pendulum.datetime(2026, 11, 24, 19, 0, 0, tz="UTC"),
            SessionStatus.COMPLETED,
            planned_s=600,
            elapsed_s=604,
            temperature_c=12.0,
        )
    )
    protein = next(i for i in store.nutrition_items() if i.name == "Protein")
    store.set_nutrition_check(TODAY.subtract(days=1), protein.id, True)
    store.excuse_week(pendulum.date(2026, 8, 3), "flu")
    store.check_in(TODAY.subtract(days=1))
