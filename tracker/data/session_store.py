"""Recovery sessions, timed or logged by hand, and the timer presets."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pendulum

from tracker.data.rows import (
    iso,
    now_stamp,
    session_from_row,
    session_to_row,
)
from tracker.data.store_base import StoreBase
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus

if TYPE_CHECKING:  # the presets' module is imported by the timer's paths only
    from tracker.domain.presets import Preset


class SessionStore(StoreBase):
    # Recovery sessions

    def start_session(self, session: RecoverySession) -> RecoverySession:
        """Write the session row at once, so a crash can never lose it."""
        table = self._table("recovery_sessions").insert(session_to_row(session, now_stamp()))
        self._changed()
        return replace(session, id=table.last_pk)

    def add_sessions(self, sessions: Sequence[RecoverySession]) -> None:
        """Store many sessions at once, in order (the importer's bulk path)."""
        now = now_stamp()
        self._insert_many("recovery_sessions", (session_to_row(s, now) for s in sessions))

    def save_elapsed(self, session_id: int, elapsed_s: int, planned_s: int | None = None) -> bool:
        """Save a running session's time; False (nothing written) when its row is gone."""
        values: dict[str, Any] = {
            "elapsed_s": elapsed_s,
            "updated_at": now_stamp(),
        }
        if planned_s is not None:
            values["planned_s"] = planned_s
        return self._update_session(session_id, values)

    def finish_session(
        self,
        session_id: int,
        elapsed_s: int,
        status: SessionStatus,
        temperature_c: float | None = None,
        planned_s: int | None = None,
    ) -> bool:
        """Log a session as it ends; False (nothing written) when its row is gone."""
        values: dict[str, Any] = {
            "elapsed_s": elapsed_s,
            "status": status.value,
            "updated_at": now_stamp(),
        }
        if temperature_c is not None:
            values["temperature_c"] = temperature_c
        if planned_s is not None:
            values["planned_s"] = planned_s
        if not self._update_session(session_id, values):
            return False
        self._changed()
        return True

    def discard_session(self, session_id: int) -> None:
        self._table("recovery_sessions").delete_where("id = ?", [session_id])
        self._changed()

    def set_session_temperature(self, session_id: int, temperature_c: float | None) -> bool:
        """Record the water temperature of a session (entered while it runs); False when
        its row is gone."""
        values = {"temperature_c": temperature_c, "updated_at": now_stamp()}
        if not self._update_session(session_id, values):
            return False
        self._changed()
        return True

    def _update_session(self, session_id: int, values: dict[str, Any]) -> bool:
        """Update a session's row if it is still there, in one write transaction (the
        row may be removed by another window at any moment)."""
        with self.transaction():
            if self.session(session_id) is None:
                return False
            self._table("recovery_sessions").update(session_id, values)
        return True

    def session(self, session_id: int) -> RecoverySession | None:
        row = self._first("recovery_sessions", "id = ?", [session_id])
        return session_from_row(row) if row else None

    def running_sessions(self) -> list[RecoverySession]:
        rows = self._rows(
            "recovery_sessions", "status = ?", [SessionStatus.RUNNING.value], order_by="id"
        )
        return [session_from_row(row) for row in rows]

    def sessions_between(self, start: date, end: date) -> list[RecoverySession]:
        rows = self._rows(
            "recovery_sessions",
            "date >= ? AND date <= ?",
            [iso(start), iso(end)],
            order_by="date, id",
        )
        return [session_from_row(row) for row in rows]

    def all_sessions(self) -> list[RecoverySession]:
        rows = self._rows("recovery_sessions", order_by="date, id")
        return [session_from_row(row) for row in rows]

    def log_recovery(
        self,
        day: date,
        kind: RecoveryKind | str,
        duration_s: int | None = None,
        note: str | None = None,
        started_at: pendulum.DateTime | None = None,
    ) -> RecoverySession:
        """Tick a recovery item by hand (massage, acupuncture, or a session not timed here)."""
        session = RecoverySession(
            date=day,
            kind=str(kind),
            started_at=started_at or pendulum.now("UTC"),
            status=SessionStatus.COMPLETED,
            elapsed_s=duration_s,
            note=note or None,
        )
        return self.start_session(session)

    def delete_sessions(self, session_ids: Sequence[int]) -> None:
        """Remove sessions (unticking an item removes the sessions that tick it)."""
        if not session_ids:
            return
        with self.transaction():
            table = self._table("recovery_sessions")
            for session_id in session_ids:
                table.delete_where("id = ?", [session_id])
        self._changed()

    def presets(self) -> list[Preset]:
        from tracker.domain.presets import preset_from_dict

        rows = self._rows("timer_presets", order_by="position, name")
        return [preset_from_dict(json.loads(row["data"])) for row in rows]

    def save_preset(self, preset: Preset, replacing: str | None = None) -> None:
        from tracker.domain.presets import preset_to_dict

        table = self._table("timer_presets")
        with self.transaction():
            position = None
            if replacing is not None:
                for row in self._rows("timer_presets", "name = ?", [replacing]):
                    position = row["position"]
                table.delete_where("name = ?", [replacing])
            if position is None:
                for row in self._rows("timer_presets", "name = ?", [preset.name]):
                    position = row["position"]
            if position is None:
                position = 1 + max(
                    (row["position"] for row in self._rows("timer_presets")), default=0
                )
            table.upsert(
                {
                    "name": preset.name,
                    "position": position,
                    "data": json.dumps(preset_to_dict(preset)),
                },
                pk="name",
            )
        self._changed()

    def delete_preset(self, name: str) -> None:
        self._table("timer_presets").delete_where("name = ?", [name])
        self._changed()
