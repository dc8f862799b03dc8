"""The countdown of a timed session, driven by an injected monotonic clock.

The countdown never counts ticks. Every query reads the clock, so a display
that ticks late, irregularly or not at all still shows the true time, and
tests drive time by advancing a fake clock. :meth:`Countdown.snapshot` reads
the clock once and freezes everything a tick shows, so the segment shown and
the time left always come from the same instant.

Two times are kept apart. **Elapsed** is the time the timer really ran (what
is logged); the **position** is where the session stands in its plan. They
move together while the timer runs; skipping to the next segment (``n``)
moves the position only, so skipped time is never counted as spent. The
segments, the time left and the end of the plan follow the position.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from tracker.domain.presets import MINUTE_S, Preset, Segment


class MonotonicClock(Protocol):
    """Seconds from an arbitrary origin that never go backwards (``time.monotonic``)."""

    def __call__(self) -> float: ...


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SegmentChanged:
    """The countdown crossed into segment ``index``."""

    index: int
    name: str


@dataclass(frozen=True, slots=True)
class Finished:
    """The position reached the end of the plan (by time or by skipping); overtime starts."""


TimerEvent = SegmentChanged | Finished


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a countdown shows at one instant (one clock read)."""

    name: str
    state: State
    elapsed_s: float
    """The time the timer really ran: what is logged."""
    position_s: float
    """Where the session stands in its plan: elapsed plus any time skipped."""
    planned_s: int
    segments: tuple[Segment, ...]
    segment_index: int
    segment_remaining_s: float

    @property
    def skipped_s(self) -> float:
        """The time of the plan skipped with ``n`` (never spent, never logged)."""
        return max(0.0, self.position_s - self.elapsed_s)

    @property
    def remaining_s(self) -> float:
        """The time left in the plan."""
        return max(0.0, self.planned_s - self.position_s)

    @property
    def overtime_s(self) -> float:
        return max(0.0, self.position_s - self.planned_s)

    @property
    def is_overtime(self) -> bool:
        return self.position_s > self.planned_s

    @property
    def is_done(self) -> bool:
        """The plan is reached (every segment is behind, by time or skipped)."""
        return self.position_s >= self.planned_s

    @property
    def progress(self) -> float:
        if self.planned_s <= 0:
            return 1.0
        return min(1.0, self.position_s / self.planned_s)

    @property
    def current_segment(self) -> Segment:
        return self.segments[self.segment_index]

    @property
    def next_segment_name(self) -> str | None:
        """The name of the segment after this one; ``None`` on the last."""
        index = self.segment_index + 1
        return self.segments[index].name if index < len(self.segments) else None


class Countdown:
    """A countdown over a preset's segments, timed by ``clock``.

    ``elapsed_s`` resumes a session saved before a crash (its plan stands where
    its time does); boundaries already behind it are treated as reported and
    raise no events. Transitions that do
    not apply in the current state (pausing a paused timer, anything after
    ``stop()``) are ignored so a stray key press never fails.
    """

    def __init__(self, preset: Preset, clock: MonotonicClock, elapsed_s: float = 0.0) -> None:
        if not preset.segments:
            raise ValueError(f"preset {preset.name!r} has no segments")
        if elapsed_s < 0:
            raise ValueError(f"elapsed time cannot be negative, got {elapsed_s}")
        self.preset = preset
        self._clock = clock
        self._names = [segment.name for segment in preset.segments]
        self._durations = [segment.seconds for segment in preset.segments]
        self._state = State.READY
        self._banked_s = float(elapsed_s)
        self._skipped_s = 0.0
        self._running_since: float | None = None
        self._reported_index = self._index_at(self._banked_s)
        self._finished_reported = self._banked_s >= self.planned_s

    @property
    def state(self) -> State:
        return self._state

    @property
    def elapsed_s(self) -> float:
        if self._running_since is None:
            return self._banked_s
        return self._elapsed_at(self._clock())

    @property
    def position_s(self) -> float:
        """Where the session stands in its plan (see the module's docstring)."""
        return self.elapsed_s + self._skipped_s

    @property
    def planned_s(self) -> int:
        return sum(self._durations)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments as planned now, with every ± minute applied."""
        return tuple(Segment(n, s) for n, s in zip(self._names, self._durations, strict=True))

    def snapshot(self) -> Snapshot:
        """The countdown as it stands now, read from the clock once."""
        elapsed = self.elapsed_s
        position = elapsed + self._skipped_s
        index = self._index_at(position)
        return Snapshot(
            name=self.preset.name,
            state=self._state,
            elapsed_s=elapsed,
            position_s=position,
            planned_s=self.planned_s,
            segments=self.segments,
            segment_index=index,
            segment_remaining_s=max(0.0, self._segment_end(index) - position),
        )

    def start(self) -> None:
        if self._state is State.READY:
            self._run()

    def pause(self) -> None:
        if self._state is State.RUNNING:
            self._bank()
            self._state = State.PAUSED

    def resume(self) -> None:
        if self._state is State.PAUSED:
            self._run()

    def toggle(self) -> None:
        """Pause a running timer, resume a paused one, start a ready one."""
        if self._state is State.RUNNING:
            self.pause()
        elif self._state is State.PAUSED:
            self.resume()
        else:
            self.start()

    def stop(self) -> None:
        if self._state is not State.STOPPED:
            self._bank()
            self._state = State.STOPPED

    def add_minute(self) -> None:
        if self._state is not State.STOPPED:
            self._durations[self._index_at(self.position_s)] += MINUTE_S

    def remove_minute(self) -> None:
        """Take a minute off the current segment, but never cut it short of now.

        The segment keeps at least the whole seconds the plan is already into
        it, so its remaining time drops to zero at most, and the boundary is
        crossed.
        """
        if self._state is State.STOPPED:
            return
        position = self.position_s
        index = self._index_at(position)
        duration = self._durations[index]
        spent = math.ceil(position - self._segment_start(index))
        self._durations[index] = min(duration, max(duration - MINUTE_S, spent, 0))

    def next_segment(self) -> None:
        """Move the plan on to the start of the next segment (its end, on the last one).

        Only the position moves: the time skipped is not time spent, so elapsed
        stays what the clock says. The jump raises the same events as reaching
        the boundary would; on the last segment that is ``Finished``.
        """
        if self._state is State.STOPPED:
            return
        position = self.position_s
        boundary = float(self._segment_end(self._index_at(position)))
        if boundary > position:
            self._skipped_s += boundary - position

    def poll(self, at: Snapshot | None = None) -> list[TimerEvent]:
        """Events since the last poll: each boundary crossed, then ``Finished``.

        ``at`` is a :meth:`snapshot` just taken (the clock is read when it is
        not given). ``Finished`` comes once per countdown, when the position
        first reaches the end of the plan; a minute added in overtime does not
        ring it again.
        """
        position = self.position_s if at is None else at.position_s
        events: list[TimerEvent] = []
        index = self._index_at(position)
        for crossed in range(self._reported_index + 1, index + 1):
            events.append(SegmentChanged(crossed, self._names[crossed]))
        self._reported_index = max(self._reported_index, index)
        if not self._finished_reported and position >= self.planned_s:
            self._finished_reported = True
            events.append(Finished())
        return events

    def _run(self) -> None:
        self._running_since = self._clock()
        self._state = State.RUNNING

    def _bank(self) -> None:
        self._banked_s = self.elapsed_s
        self._running_since = None

    def _elapsed_at(self, now: float) -> float:
        if self._running_since is None:
            return self._banked_s
        return self._banked_s + (now - self._running_since)

    def _segment_start(self, index: int) -> int:
        return sum(self._durations[:index])

    def _segment_end(self, index: int) -> int:
        return sum(self._durations[: index + 1])

    def _index_at(self, position: float) -> int:
        end = 0
        for index, duration in enumerate(self._durations):
            end += duration
            if position < end:
                return index
        return len(self._durations) - 1
