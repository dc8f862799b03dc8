"""Recovery work: sessions that were timed or logged, and which checklist item each ticks.

The one rule of the checklist lives here: **a completed session ticks its item**
(:func:`checklist_key`). A session of a built-in kind ticks that kind's item; a
custom timer preset's session is an item of its own, under the preset's name.
A running or partial session ticks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pendulum

from tracker.domain.units import format_temperature, temperature_value


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


CUSTOM_KIND = "custom"
"""The kind of a session run from a custom timer preset."""
PRESET_KEY_PREFIX = "preset:"


class SessionStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    PARTIAL = "partial"


RESUME_WITHIN_S = 3600


def recovery_label(kind: str) -> str:
    """``ice_bath`` → ``Ice bath``; any other kind the same way."""
    try:
        return RecoveryKind(kind).label
    except ValueError:
        return kind.replace("_", " ").capitalize()


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

    @property
    def name(self) -> str:
        """What the runner calls it: the preset's name, else the kind's label."""
        return self.preset or recovery_label(self.kind)

    def can_resume(self, now: pendulum.DateTime) -> bool:
        """A crashed session can be resumed when it started under an hour ago."""
        return (
            self.status is SessionStatus.RUNNING
            and (now - self.started_at).total_seconds() < RESUME_WITHIN_S
        )


def checklist_key(session: RecoverySession) -> str | None:
    """The recovery checklist item ``session`` ticks, or None when it ticks none.

    Only a completed session ticks. A built-in kind ticks its own item (the
    kind's value); a custom preset's session ticks the item named after the
    preset (``preset:<name>``).
    """
    if session.status is not SessionStatus.COMPLETED:
        return None
    if session.kind in RecoveryKind.__members__.values():
        return session.kind
    return f"{PRESET_KEY_PREFIX}{session.name}"


def checklist_label(key: str) -> str:
    """The label of a checklist item key of :func:`checklist_key`."""
    if key.startswith(PRESET_KEY_PREFIX):
        return key.removeprefix(PRESET_KEY_PREFIX)
    return recovery_label(key)


def ticked_items(sessions: Iterable[RecoverySession]) -> dict[str, list[RecoverySession]]:
    """The checklist items the sessions tick, each with the sessions that tick it,
    in the order first ticked."""
    items: dict[str, list[RecoverySession]] = {}
    for session in sessions:
        key = checklist_key(session)
        if key is not None:
            items.setdefault(key, []).append(session)
    return items


def session_status(elapsed_s: float, planned_s: int | None) -> SessionStatus:
    """How a stopped session is logged: completed once its plan is reached, else partial."""
    if planned_s is None or elapsed_s >= planned_s:
        return SessionStatus.COMPLETED
    return SessionStatus.PARTIAL


ICE_BATH_LONG_S = 15 * 60
ICE_BATH_COLD_C = 10.0


def evidence(key: str, unit: str = "C") -> str:
    """What the research says about a recovery item (docs/recovery.md); none for a
    custom preset's item. Temperatures in the runner's unit."""
    if key == RecoveryKind.ICE_BATH:
        return (
            f"10–15 min at about {temperature_value(10, unit)}–{format_temperature(15, unit)}"
            " gives the most consistent small drop in soreness; part of the benefit is"
            " expectation. Skip it right after strength sessions if you want to build muscle"
            " (it can blunt gains); after runs there's no sign it harms endurance. Enter"
            " slowly, keep your face out, never alone."
        )
    return EVIDENCE.get(key, "")


EVIDENCE = {
    RecoveryKind.FOAM_ROLLER.value: "Eases soreness a little; 60–120 s per muscle is common"
    " practice, the best dose is unknown.",
    RecoveryKind.FEET_UP.value: "Comfort and relaxation; no recovery trials.",
    RecoveryKind.MASSAGE.value: "May ease soreness; doesn't speed performance recovery.",
    RecoveryKind.ACUPUNCTURE.value: "Evidence is weak and doesn't beat sham needling.",
}
"""The evidence of each item but the ice bath (whose line names temperatures)."""


def ice_bath_hints(unit: str) -> tuple[str, ...]:
    """The evidence hints shown with an ice bath, temperatures in the runner's unit."""
    low = temperature_value(10, unit)
    return (
        f"{low}–{format_temperature(15, unit)} for 10–15 min is the range with the best"
        " soreness results.",
        f"The first 2–3 minutes below {format_temperature(15, unit)} bring the cold-shock"
        " response: breathe slowly.",
        "Ice baths right after strength sessions can blunt strength gains.",
    )


def ice_bath_warnings(seconds: float, temperature_c: float | None, unit: str) -> list[str]:
    """Warnings for an ice bath lasting ``seconds`` in water at ``temperature_c``."""
    warnings = []
    if seconds > ICE_BATH_LONG_S:
        warnings.append(
            "Over 15 minutes: longer brings no more benefit and risks getting too cold."
        )
    if temperature_c is not None and temperature_c < ICE_BATH_COLD_C:
        warnings.append(
            f"Below {format_temperature(ICE_BATH_COLD_C, unit)}: colder than the studied"
            " range — keep it short and get out if you go numb."
        )
    return warnings
