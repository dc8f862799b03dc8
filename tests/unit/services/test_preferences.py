"""Settings that move the record: the week start under the rest-day rule, the time zone."""

from __future__ import annotations

import pendulum
import pytest

from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.services.preferences import SettingsService

WED = pendulum.date(2026, 11, 25)
CLOCK = FakeClock(pendulum.datetime(2026, 11, 25, 20, tz="UTC"))


@pytest.fixture
def preferences(store: Store) -> SettingsService:
    return SettingsService(store, CLOCK)


def test_a_week_start_that_would_break_a_planned_week_is_refused(
    store: Store, preferences: SettingsService
) -> None:
    """The example of docs/counting.md: Sun 29 Nov - Sat 5 Dec would rest three times."""
    store.set_kind(pendulum.date(2026, 11, 29), DayKind.REST)  # with Mon 23: two
    store.set_kind(pendulum.date(2026, 12, 5), DayKind.REST)  # with Mon 30: two
    with pytest.raises(ValueError) as refused:
        preferences.set("week_start", "sunday")
    assert str(refused.value) == (
        "The week of Sun 29 Nov 2026 would hold 3 rest days with the new week start "
        "(the rule allows 1–2): change its plan first"
    )
    assert store.settings().week_start == "monday"


def test_a_week_start_that_keeps_every_week_is_saved(
    store: Store, preferences: SettingsService
) -> None:
    store.set_kind(pendulum.date(2026, 11, 29), DayKind.REST)
    assert preferences.set("week_start", "Sun").week_start == "sunday"


def test_weeks_that_are_over_do_not_stop_a_new_week_start(
    store: Store, preferences: SettingsService
) -> None:
    # Mon 16 and Tue 17 rest, and Sat 14 (a week before): a Saturday week from
    # Sat 14 to Fri 20 would rest three times, but it is over.
    store.set_kind(pendulum.date(2026, 11, 14), DayKind.REST)
    store.set_kind(pendulum.date(2026, 11, 17), DayKind.REST)
    assert preferences.set("week_start", "saturday").week_start == "saturday"


def test_a_week_partly_planned_under_the_new_start_is_judged_on_its_planned_days(
    store: Store, preferences: SettingsService
) -> None:
    store.keep_week(WED)  # this week stored as the template: rest on Mon 23 only
    # A Sunday week from Sun 29 holds one planned day (an easy Sunday): not broken.
    assert preferences.set("week_start", "sunday").week_start == "sunday"


def test_an_excused_week_may_hold_more_under_new_boundaries(
    store: Store, preferences: SettingsService
) -> None:
    store.excuse_week(pendulum.date(2026, 11, 29), "calf strain")  # a Sunday-week start
    store.set_kind(pendulum.date(2026, 11, 29), DayKind.REST)
    store.set_kind(pendulum.date(2026, 12, 5), DayKind.REST)
    assert preferences.set("week_start", "sunday").week_start == "sunday"


def test_a_bad_week_start_says_so(preferences: SettingsService) -> None:
    with pytest.raises(ValueError, match="unknown weekday"):
        preferences.set("week_start", "someday")
