"""Undo: each kind of change, undone, leaves the database as it was before it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pendulum
import pytest

from tests.conftest import TODAY
from tests.fakes import FakeClock
from tests.unit.services.history import dump
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import RuleViolation
from tracker.domain.recovery import RecoveryKind
from tracker.domain.wellness import Wellness
from tracker.services.bundle import Services

LAST_WEEK = TODAY.subtract(weeks=1)


@pytest.fixture
def services(store: Store, clock: FakeClock) -> Services:
    return Services.of(store, clock)


def lived_in(services: Services) -> None:
    """A week already partly stored, a run and a tick, so undo must keep what was there."""
    services.checkin.save_run(Activity(TODAY.subtract(days=1), ActivityKind.EASY, 8000))
    services.checkin.set_nutrition(TODAY, 1, True)
    services.checkin.tick_recovery(TODAY, RecoveryKind.MASSAGE, 3600, "calves")
    services.planning.excuse(services.planning.week_of(LAST_WEEK), "flu")
    yesterday = TODAY.subtract(days=1)
    services.checkin.check_in(yesterday, Wellness(yesterday, sleep_h=7.5, fatigue=3))


def run_today(services: Services) -> Activity:
    return services.checkin.save_run(
        Activity(TODAY, ActivityKind.WORKOUT, 9000, 2640, 7, "tempo [fast]")
    )


CHANGES: dict[str, Callable[[Services], object]] = {
    "a run logged": run_today,
    "a check-in": lambda s: s.checkin.check_in(TODAY),
    "a check-in with how it felt": lambda s: s.checkin.check_in(
        TODAY, Wellness(TODAY, sleep_quality=2, fatigue=4, stress=3, soreness=5)
    ),
    "how a checked-in day felt, changed": lambda s: s.checkin.check_in(
        TODAY.subtract(days=1), Wellness(TODAY.subtract(days=1), sleep_h=6.0)
    ),
    "a check-in removed": lambda s: s.checkin.undo_check_in(TODAY.subtract(days=1)),
    "a nutrition tick": lambda s: s.checkin.set_nutrition(TODAY, 2, True),
    "a nutrition untick": lambda s: s.checkin.set_nutrition(TODAY, 1, False),
    "a recovery tick": lambda s: s.checkin.tick_recovery(TODAY, RecoveryKind.FOAM_ROLLER),
    "a recovery untick": lambda s: s.checkin.untick_recovery(TODAY, RecoveryKind.MASSAGE.value),
    "a plan change": lambda s: s.planning.set_kind(TODAY.add(days=1), DayKind.LONG),
    "a day edited": lambda s: s.planning.set_day(TODAY.add(weeks=1), DayKind.EASY, 12000, "hills"),
    "a rest day moved": lambda s: s.planning.move_rest(TODAY.subtract(days=2), TODAY.add(days=2)),
    "an excuse": lambda s: s.planning.excuse(s.planning.week_of(TODAY), "travel"),
    "an excuse lifted": lambda s: s.planning.unexcuse(s.planning.week_of(LAST_WEEK)),
}


@pytest.mark.parametrize("name", CHANGES)
def test_undoing_a_change_leaves_the_database_as_before(services: Services, name: str) -> None:
    store = services.checkin.store
    lived_in(services)
    before = dump(store)
    CHANGES[name](services)
    assert dump(store) != before
    assert services.undo.undo() is not None
    assert dump(store) == before


def test_an_edited_run_moved_to_another_week_comes_back(services: Services) -> None:
    store = services.checkin.store
    logged = run_today(services)
    before = dump(store)
    services.checkin.save_run(replace(logged, date=TODAY.add(weeks=2), note="moved"))
    assert store.activities_on(TODAY) == []
    assert services.undo.undo() == "editing workout 9.0 km on Wed 9 Dec"
    assert dump(store) == before


def test_a_deleted_run_comes_back_with_its_id_and_stamps(services: Services) -> None:
    store = services.checkin.store
    logged = run_today(services)
    before = dump(store)
    assert logged.id is not None
    services.checkin.delete_run(logged.id)
    assert services.undo.undo() == "deleting workout 9.0 km on Wed 25 Nov"
    assert dump(store) == before
    assert store.activity(logged.id) == logged


def test_undo_goes_back_one_change_at_a_time_newest_first(services: Services) -> None:
    store = services.checkin.store
    empty = dump(store)
    run_today(services)
    after_run = dump(store)
    services.checkin.check_in(TODAY)
    assert services.undo.undo() == "checking in Wed 25 Nov"
    assert dump(store) == after_run
    assert services.undo.undo() == "logging workout 9.0 km on Wed 25 Nov"
    assert dump(store) == empty
    assert services.undo.undo() is None


def test_a_refused_change_records_nothing(services: Services) -> None:
    services.planning.set_kind(TODAY.add(days=1), DayKind.LONG)
    with pytest.raises(RuleViolation):
        services.planning.set_kind(TODAY.subtract(days=2), DayKind.EASY)  # the only rest day
    assert services.undo.last() == "planning Thu 26 Nov as long"


def test_the_command_line_services_keep_their_own_log(store: Store, clock: FakeClock) -> None:
    """Services made without a shared log (the commands) still work and undo nothing else."""
    from tracker.services.checkin import CheckinService

    CheckinService(store, clock).check_in(TODAY)
    assert Services.of(store, clock).undo.undo() is None
    assert store.is_checked_in(TODAY)


def test_an_undo_that_cannot_write_is_kept_for_later(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = services.checkin.store
    services.checkin.check_in(TODAY)

    def busy(*_: object) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(store, "restore", busy)
    with pytest.raises(OSError):
        services.undo.undo()
    monkeypatch.undo()
    assert services.undo.undo() == "checking in Wed 25 Nov"
    assert not store.is_checked_in(pendulum.date(2026, 11, 25))
