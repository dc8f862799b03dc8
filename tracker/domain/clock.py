"""Where "now" comes from. Injected everywhere so tests can drive time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Protocol

import pendulum

from tracker.domain.zones import machine_offset_s, machine_zone


class Clock(Protocol):
    def now(self) -> pendulum.DateTime:
        """The current moment, in the runner's time zone."""
        ...

    def today(self) -> pendulum.Date:
        """The runner's local calendar date, re-evaluated on every call."""
        ...

    def monotonic(self) -> float:
        """Seconds from a clock that never goes backwards (for timers)."""
        ...


class SystemClock:
    """The real clock, in ``timezone`` (the machine's zone when None: by its name,
    else its offset as the C library reads ``TZ``, so an offset-only ``TZ`` such as
    ``<+10>-10`` gives the same day as ``recovtui status``; pendulum alone would
    read it as UTC. See :mod:`tracker.domain.zones`).

    ``timezone`` may be a function, asked at every reading, so a clock made on
    the runner's settings follows a change of time zone at once.
    ``pretend_today`` pins the calendar date (the ``--today`` option) while the
    time of day and the monotonic clock stay real.
    """

    def __init__(
        self,
        timezone: str | Callable[[], str | None] | None = None,
        pretend_today: date | None = None,
    ) -> None:
        self._zone: Callable[[], str | None] = (
            timezone if callable(timezone) else (lambda: timezone)
        )
        self.pretend_today = pretend_today

    @property
    def timezone(self) -> str | None:
        return self._zone()

    def now(self) -> pendulum.DateTime:
        zone = self.timezone
        if zone is None:
            named = machine_zone()
            real = (
                pendulum.now(named)
                if named
                else pendulum.now("UTC").in_timezone(pendulum.FixedTimezone(machine_offset_s()))
            )
        else:
            real = pendulum.now(zone)
        if self.pretend_today is None:
            return real
        day = self.pretend_today
        return real.set(year=day.year, month=day.month, day=day.day)

    def today(self) -> pendulum.Date:
        return self.now().date()

    def monotonic(self) -> float:
        return time.monotonic()
