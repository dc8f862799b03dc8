"""Where "now" comes from: the runner's zone, --today, midnight and DST (DESIGN §1, §11)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pendulum
import pytest

from tests.fakes import FakeClock
from tracker.domain.clock import SystemClock
from tracker.domain.dates import week_of


@pytest.fixture
def frozen() -> Iterator[None]:
    """Freeze pendulum's clock at 2026-11-25 23:30 UTC (Thursday already in Berlin)."""
    with pendulum.travel_to(pendulum.datetime(2026, 11, 25, 23, 30, tz="UTC"), freeze=True):
        yield


@pytest.mark.usefixtures("frozen")
@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("UTC", date(2026, 11, 25)),
        ("Europe/Berlin", date(2026, 11, 26)),
        ("America/Los_Angeles", date(2026, 11, 25)),
        ("Pacific/Kiritimati", date(2026, 11, 26)),
        ("Pacific/Pago_Pago", date(2026, 11, 25)),
    ],
)
def test_today_is_the_local_date_in_the_runners_zone(zone: str, day: date) -> None:
    clock = SystemClock(zone)
    assert clock.today() == day
    assert clock.now().timezone_name == zone
    assert clock.now().in_timezone("UTC") == pendulum.datetime(2026, 11, 25, 23, 30, tz="UTC")


@pytest.mark.usefixtures("frozen")
def test_pretend_today_pins_the_date_not_the_time() -> None:
    clock = SystemClock("Europe/Berlin", pretend_today=date(2028, 2, 29))
    assert clock.today() == date(2028, 2, 29)
    assert isinstance(clock.today(), pendulum.Date)
    now = clock.now()
    assert (now.hour, now.minute) == (0, 30)
    assert now.timezone_name == "Europe/Berlin"


def test_pretend_today_from_the_last_day_of_a_long_month() -> None:
    with pendulum.travel_to(pendulum.datetime(2026, 1, 31, 12, tz="UTC"), freeze=True):
        clock = SystemClock("UTC", pretend_today=date(2026, 2, 28))
        assert clock.today() == date(2026, 2, 28)


def test_pretend_today_on_a_dst_change_day() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29; the date stays the pretended one.
    with pendulum.travel_to(pendulum.datetime(2026, 6, 10, 0, 30, tz="UTC"), freeze=True):
        clock = SystemClock("Europe/Berlin", pretend_today=date(2026, 3, 29))
        assert clock.today() == date(2026, 3, 29)


def test_today_moves_on_at_local_midnight() -> None:
    clock = SystemClock("Europe/Berlin")
    with pendulum.travel_to(pendulum.datetime(2026, 11, 25, 22, 59, 59, tz="UTC"), freeze=True):
        assert clock.today() == date(2026, 11, 25)
    with pendulum.travel_to(pendulum.datetime(2026, 11, 25, 23, 0, 0, tz="UTC"), freeze=True):
        assert clock.today() == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("before_utc", "after_utc", "day"),
    [
        # Spring forward: Berlin midnight of the 30th is 22:00 UTC (UTC+2 by then).
        ((2026, 3, 29, 21, 59), (2026, 3, 29, 22, 0), date(2026, 3, 30)),
        # Fall back: the 25th has 25 hours; its midnight is 23:00 UTC of the 25th.
        ((2026, 10, 25, 22, 59), (2026, 10, 25, 23, 0), date(2026, 10, 26)),
        # The change itself happens inside the day, not at midnight.
        ((2026, 3, 29, 0, 59), (2026, 3, 29, 1, 0), None),
        ((2026, 10, 25, 0, 59), (2026, 10, 25, 1, 0), None),
    ],
)
def test_midnight_across_dst_changes_in_berlin(
    before_utc: tuple[int, ...], after_utc: tuple[int, ...], day: date | None
) -> None:
    clock = SystemClock("Europe/Berlin")
    with pendulum.travel_to(pendulum.datetime(*before_utc, tz="UTC"), freeze=True):
        before = clock.today()
    with pendulum.travel_to(pendulum.datetime(*after_utc, tz="UTC"), freeze=True):
        after = clock.today()
    if day is None:
        assert after == before
    else:
        assert after == day
        assert after.subtract(days=1) == before
    assert len(week_of(after).days) == 7


def test_the_system_monotonic_clock_never_goes_back() -> None:
    clock = SystemClock()
    readings = [clock.monotonic() for _ in range(100)]
    assert readings == sorted(readings)


def test_the_machines_zone_when_none() -> None:
    assert SystemClock().now().timezone is not None


def test_fake_clock() -> None:
    start = pendulum.datetime(2026, 11, 25, 23, 59, 30, tz="UTC")
    clock = FakeClock(start)
    assert clock.now() == start
    assert clock.today() == date(2026, 11, 25)
    mono = clock.monotonic()
    clock.advance(29.5)
    assert clock.today() == date(2026, 11, 25)
    assert clock.monotonic() == mono + 29.5
    clock.advance(0.5)
    assert clock.today() == date(2026, 11, 26)
    assert clock.now() == start.add(seconds=30)
    clock.set(pendulum.datetime(2026, 12, 31, 12, tz="UTC"))
    assert clock.today() == date(2026, 12, 31)
    assert clock.monotonic() == mono + 30, "setting the date does not move the monotonic clock"


def test_fake_clock_in_a_zone_follows_local_dates() -> None:
    clock = FakeClock(pendulum.datetime(2026, 3, 28, 23, 30, tz="Europe/Berlin"))
    clock.advance(3600)
    assert clock.today() == date(2026, 3, 29)
    clock.advance(3 * 3600)
    assert clock.now().hour == 4  # 02:00 became 03:00
    assert clock.today() == date(2026, 3, 29)
