"""The day's recovery detail, in the runner's temperature unit: no app needed."""

from __future__ import annotations

import pendulum

from tests.conftest import TODAY
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.widgets.day_text import recovery_detail


def test_recovery_detail_in_either_temperature_unit() -> None:
    sessions = [
        RecoverySession(
            date=TODAY,
            kind="ice_bath",
            started_at=pendulum.datetime(2026, 11, 25, 19, tz="UTC"),
            status=SessionStatus.COMPLETED,
            elapsed_s=elapsed,
            temperature_c=12.0,
        )
        for elapsed in (600, 300)
    ]
    assert recovery_detail(sessions[:1], "C") == "10:00 · 12 °C"
    assert recovery_detail(sessions, "F") == "2× · 15:00 · 53.6 °F · 53.6 °F"
