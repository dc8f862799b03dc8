"""Test doubles shared by the tests, the screenshots and the benchmarks."""

from __future__ import annotations

import pendulum


class FakeClock:
    """A clock tests move by hand: wall time and the monotonic clock advance together."""

    def __init__(self, start: pendulum.DateTime) -> None:
        self._now = start
        self._mono = 1000.0

    def now(self) -> pendulum.DateTime:
        return self._now

    def today(self) -> pendulum.Date:
        return self._now.date()

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._now = self._now.add(microseconds=round(seconds * 1_000_000))
        self._mono += seconds

    def set(self, moment: pendulum.DateTime) -> None:
        self._now = moment
