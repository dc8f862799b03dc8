"""Where "now" comes from: the runner's zone, --today, midnight and DST (DESIGN §1, §11)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.fixture
def posix_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine set to UTC+10 by an offset-only POSIX ``TZ`` (no zone name)."""
    import time

    monkeypatch.setenv("TZ", "<+10>-10")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_posix_tz_gives_the_app_and_status_one_today(posix_tz: None) -> None:
    from datetime import timedelta

    from tracker.data import status_cache
    from tracker.domain.zones import local_today

    clock = SystemClock(None)
    assert clock.now().utcoffset() == timedelta(hours=10)  # not pendulum's UTC fallback
    assert clock.today().isoformat() == local_today(None) == status_cache.local_today(None)


def test_a_named_zone_is_the_same_day_for_both(posix_tz: None) -> None:
    from tracker.data import status_cache

    for zone in ("Europe/Berlin", "Pacific/Kiritimati", "UTC"):
        assert SystemClock(zone).today().isoformat() == status_cache.local_today(zone)


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("europe/berlin", "Europe/Berlin"),
        ("EUROPE/BERLIN", "Europe/Berlin"),
        (" America/New_York ", "America/New_York"),
        ("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"),
        ("utc", "UTC"),
    ],
)
def test_a_time_zone_is_found_whatever_its_case(typed: str, canonical: str) -> None:
    from tracker.domain.settings import validate_setting
    from tracker.domain.zones import canonical_zone

    assert canonical_zone(typed) == canonical
    assert validate_setting("timezone", typed) == canonical


@pytest.mark.parametrize("typed", ["Mars/Olympus_Mons", "berlin", "<+10>-10", "../etc/passwd"])
def test_an_unknown_time_zone_is_refused(typed: str) -> None:
    from tracker.domain.settings import validate_setting

    with pytest.raises(ValueError, match="unknown time zone"):
        validate_setting("timezone", typed)


@given(st.text(max_size=40))
def test_any_typed_zone_is_a_known_name_or_refused(typed: str) -> None:
    from zoneinfo import available_timezones

    from tracker.domain.settings import validate_setting

    try:
        zone = validate_setting("timezone", typed)
    except ValueError:
        return
    assert zone is None or zone in available_timezones() | {"UTC"}
