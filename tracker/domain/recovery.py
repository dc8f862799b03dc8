"""Recovery work: sessions that were timed or logged (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pendulum


class RecoveryKind(StrEnum):
    ICE_BATH = "ice_bath"
    FOAM_ROLLER = "foam_roller"
    FEET_UP = "feet_up"
    MASSAGE = "massage"
    ACUPUNCTURE = "acupuncture"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def timed(self) -> bool:
        return self in (RecoveryKind.ICE_BATH, RecoveryKind.FOAM_ROLLER, RecoveryKind.FEET_UP)


class SessionStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    PARTIAL = "partial"


RESUME_WITHIN_S = 3600


@dataclass(frozen=True, slots=True)
class RecoverySession:
    date: date
    kind: str
    started_at: pendulum.DateTime
    status: SessionStatus
    planned_s: int | None = None
    elapsed_s: int | None = None
    temperature_c: float | None = None
    note: str | None = None
    preset: str | None = None
    id: int | None = None

    def can_resume(self, now: pendulum.DateTime) -> bool:
        """A crashed session can be resumed when it started under an hour ago."""
        return (
            self.status is SessionStatus.RUNNING
            and (now - self.started_at).total_seconds() < RESUME_WITHIN_S
        )


def celsius_to_fahrenheit(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9
