"""A timed recovery session, from the first second to the log — and never lost.

:class:`TimedSession` owns one session on the clock: the countdown and its row.
The row is written the moment the timer starts (status ``running``), its
elapsed time saved at least every :data:`SAVE_EVERY_S` seconds and on every
pause, so a crash loses at most that much; the session is claimed with an OS
lock so a second window never offers it back while it runs here. A row that
goes away underneath (unticked on Today, discarded in another window) raises
:class:`SessionLost` at the next write, in one place.

:class:`TimerService` starts and resumes sessions, finds the ones a crash left
running, and settles them (log as it stood, discard, or leave for later).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import NoReturn

from tracker.data.failures import StoreUnavailable
from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.domain.countdown import Countdown, Finished, Snapshot, State, TimerEvent
from tracker.domain.presets import Preset, find_preset
from tracker.domain.recovery import (
    RecoverySession,
    SessionStatus,
    checklist_key,
    session_status,
)
from tracker.domain.units import format_clock

SAVE_EVERY_S = 2.0
BACKGROUND_WAIT_S = 0.05
"""How long a save made on a tick waits for another recovtui writing (the screen must not
freeze: the next save comes soon)."""


class SessionLost(Exception):
    """The session's row is gone (removed elsewhere): the timer stops here."""


@dataclass(frozen=True, slots=True)
class Tick:
    """One tick: the countdown at one instant and what it crossed since the last."""

    snapshot: Snapshot
    events: tuple[TimerEvent, ...]


class TimedSession:
    """One session on the clock: its countdown and its row in the store."""

    def __init__(
        self, store: Store, clock: Clock, countdown: Countdown, session: RecoverySession
    ) -> None:
        if session.id is None:
            raise ValueError("a timed session needs a stored row")
        self.store = store
        self.clock = clock
        self.countdown = countdown
        self.session = session
        self._last_save = clock.monotonic()
        self._finish_due = False

    @property
    def id(self) -> int:
        assert self.session.id is not None
        return self.session.id

    @property
    def name(self) -> str:
        return self.countdown.preset.name

    @property
    def preset(self) -> Preset:
        return self.countdown.preset

    @property
    def temperature_c(self) -> float | None:
        return self.session.temperature_c

    def snapshot(self) -> Snapshot:
        return self.countdown.snapshot()

    def tick(self) -> Tick:
        """Read the clock once: the events crossed, the finish written, a save when due.

        These writes never wait long for another recovtui writing (an import): one
        that cannot be made now is made at the next save, :data:`SAVE_EVERY_S` later.
        """
        snapshot = self.countdown.snapshot()
        events = tuple(self.countdown.poll(snapshot))
        finished = any(isinstance(event, Finished) for event in events)
        due = self.clock.monotonic() - self._last_save >= SAVE_EVERY_S
        self._finish_due = self._finish_due or finished
        if self._finish_due and (finished or due):
            elapsed = snapshot.elapsed_s
            if self._in_background(lambda: self._write(elapsed, SessionStatus.COMPLETED)):
                self._finish_due = False
        elif snapshot.state is State.RUNNING and due:
            self._in_background(self.save)
        return Tick(snapshot, events)

    def _in_background(self, write: Callable[[], None]) -> bool:
        """Make a write the next save can make good; False when it cannot be made now."""
        try:
            with self.store.patience(BACKGROUND_WAIT_S):
                write()
        except StoreUnavailable:
            self._last_save = self.clock.monotonic()
            return False
        return True

    def save(self) -> None:
        """Save elapsed (and planned) time; raises :class:`SessionLost`."""
        self._last_save = self.clock.monotonic()
        countdown = self.countdown
        if not self.store.save_elapsed(self.id, int(countdown.elapsed_s), countdown.planned_s):
            self._lost()

    # The controls (each saves, so a crash right after loses nothing)

    def toggle(self) -> None:
        """Pause a running timer (saving it), resume a paused one."""
        self.countdown.toggle()
        if self.countdown.state is State.PAUSED:
            self.save()

    def add_minute(self) -> None:
        self.countdown.add_minute()
        self.save()

    def remove_minute(self) -> None:
        self.countdown.remove_minute()
        self.save()

    def next_segment(self) -> None:
        self.countdown.next_segment()
        self.save()

    def set_temperature(self, celsius: float | None) -> None:
        if not self.store.set_session_temperature(self.id, celsius):
            self._lost()
        self.session = replace(self.session, temperature_c=celsius)

    # The end

    def finish(self, status: SessionStatus | None = None, elapsed_s: float | None = None) -> str:
        """Stop and log the session with the time it really ran; returns what to tell
        the runner.

        It is logged completed once the plan is reached (by time or by skipping
        to its end), else partial, unless ``status`` says; ``elapsed_s`` logs the
        time as it stood when the runner was asked (the clock has moved on while
        the question was open). A write that cannot be made now (another recovtui
        writing, a full disk) leaves the timer running.
        """
        countdown = self.countdown
        snapshot = countdown.snapshot()
        elapsed = snapshot.elapsed_s if elapsed_s is None else elapsed_s
        status = status or session_status(snapshot.position_s, countdown.planned_s)
        self._write(elapsed, status)
        countdown.stop()
        self.release()
        word = "partial"
        if status is SessionStatus.COMPLETED:
            word = "completed ✓"
            if checklist_key(self.session) is not None:
                word += " (ticked on the day's checklist)"
        return (
            f"Logged {self.name}: {format_clock(elapsed)} of "
            f"{format_clock(countdown.planned_s)}, {word}"
        )

    def discard(self) -> str:
        self.store.discard_session(self.id)
        self.countdown.stop()
        self.release()
        return f"Discarded {self.name}"

    def release(self) -> None:
        """Let go of the claim (the row stays as it is)."""
        self.store.release_session(self.id)

    def _write(self, elapsed_s: float, status: SessionStatus) -> None:
        logged = self.store.finish_session(
            self.id,
            int(elapsed_s),
            status,
            temperature_c=self.session.temperature_c,
            planned_s=self.countdown.planned_s,
        )
        if not logged:
            self._lost()
        self.session = replace(self.session, status=status, elapsed_s=int(elapsed_s))

    @property
    def on_the_clock(self) -> bool:
        """Still being timed here: not yet logged, discarded or lost."""
        return self.countdown.state is not State.STOPPED

    def _lost(self) -> NoReturn:
        self.countdown.stop()
        self.release()
        raise SessionLost(f"{self.name} was removed from the log elsewhere; the timer stops here")


class TimerService:
    """Starting, resuming and settling timed sessions on one store and clock."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._timed: TimedSession | None = None

    @property
    def timed(self) -> TimedSession | None:
        """The session on the clock in this process, if any (one at a time)."""
        timed = self._timed
        return timed if timed is not None and timed.on_the_clock else None

    def presets(self) -> list[Preset]:
        return self.store.presets()

    def find(self, name: str) -> Preset:
        """The preset named as on the command line (``ice-bath``); ValueError names the choices."""
        return find_preset(self.store.presets(), name)

    def save_preset(self, preset: Preset, replacing: str | None = None) -> None:
        self.store.save_preset(preset, replacing=replacing)

    def delete_preset(self, name: str) -> None:
        self.store.delete_preset(name)

    def temperature_unit(self) -> str:
        return self.store.settings().temperature

    def finish_command(self) -> str | None:
        """The runner's command to run when a timer ends (Settings), if any."""
        return self.store.settings().on_finish_command

    def sessions_on(self, day: date) -> list[RecoverySession]:
        """The timed sessions of ``day`` (and any still running)."""
        return [
            s
            for s in self.store.sessions_between(day, day)
            if s.planned_s is not None or s.status is SessionStatus.RUNNING
        ]

    def start(self, preset: Preset, temperature_c: float | None = None) -> TimedSession:
        """Write the session's row at once (``running``), claim it, start the clock."""
        countdown = Countdown(preset, self.clock.monotonic)
        session = self.store.start_session(
            RecoverySession(
                date=self.clock.today(),
                kind=preset.kind,
                started_at=self.clock.now(),
                status=SessionStatus.RUNNING,
                planned_s=preset.total_s,
                elapsed_s=0,
                temperature_c=temperature_c,
                preset=preset.name,
            )
        )
        assert session.id is not None
        self.store.claim_session(session.id)
        countdown.start()
        self._timed = TimedSession(self.store, self.clock, countdown, session)
        return self._timed

    def resume(self, session: RecoverySession) -> TimedSession:
        """Put an unfinished session back on the clock, paused where it stood."""
        preset = preset_for(session, self.store.presets())
        countdown = Countdown(preset, self.clock.monotonic, float(session.elapsed_s or 0))
        self._timed = TimedSession(self.store, self.clock, countdown, session)
        return self._timed

    def left_unfinished(self) -> list[RecoverySession]:
        """Sessions still marked running that nothing times: a crash or "Later" left them.

        They are unfinished, not running: no process (this one or another) claims them.
        """
        return [
            s
            for s in self.store.running_sessions()
            if s.id is not None and not self.store.claimed(s.id)
        ]

    def unfinished(self) -> list[RecoverySession]:
        """The sessions left unfinished, claimed now so that no other window offers them too."""
        return [
            s for s in self.left_unfinished() if s.id is not None and self.store.claim_session(s.id)
        ]

    def unfinished_of(self, preset: Preset) -> RecoverySession | None:
        """A session of ``preset`` left unfinished (claimed now), to resume instead of a new one."""
        for session in self.left_unfinished():
            same = session.name == preset.name and session.id is not None
            if same and self.store.claim_session(session.id or 0):
                return session
        return None

    def log_as_it_stood(self, session: RecoverySession) -> str:
        assert session.id is not None
        elapsed = session.elapsed_s or 0
        status = session_status(elapsed, session.planned_s)
        self.store.finish_session(session.id, elapsed, status)
        self.store.release_session(session.id)
        return f"Logged {session.name}: {format_clock(elapsed)} ({status})"

    def discard(self, session: RecoverySession) -> str:
        assert session.id is not None
        self.store.discard_session(session.id)
        self.store.release_session(session.id)
        return f"Discarded {session.name}"

    def later(self, session: RecoverySession) -> str:
        assert session.id is not None
        self.store.release_session(session.id)
        return (
            f"Kept {session.name} for later: it is on the Timer (3) to log, resume or "
            "discard, and offered again on the next start"
        )


def preset_for(session: RecoverySession, presets: list[Preset]) -> Preset:
    """The preset a stored session ran, at the length it was planned."""
    preset: Preset | None = next((p for p in presets if p.name == session.preset), None)
    if preset is None:
        try:
            preset = find_preset(presets, session.kind)
        except ValueError:
            preset = Preset.single(session.name, session.kind, session.planned_s or 60)
    planned = session.planned_s
    if planned and planned != preset.total_s and planned >= len(preset.segments):
        preset = preset.with_duration(planned)
    return preset
