"""Where the history starts, as Today, Week, Stats and the status see it (docs/counting.md)."""

from __future__ import annotations

from datetime import timedelta

import pendulum

from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.checkin import RestState
from tracker.domain.kinds import ActivityKind
from tracker.services.checkin import CheckinService
from tracker.services.insights import StatsService
from tracker.services.planning import PlanningService
from tracker.services.reports import stats_report, status_report

TUESDAY = pendulum.date(2026, 11, 24)
MONDAY = TUESDAY.subtract(days=1)
D = timedelta(days=1)


def new_database_on(store: Store, day: pendulum.Date) -> FakeClock:
    store.record_created_on(day)
    return FakeClock(pendulum.datetime(day.year, day.month, day.day, 20, tz="UTC"))


def test_a_new_database_on_a_tuesday_invents_no_monday(store: Store) -> None:
    clock = new_database_on(store, TUESDAY)
    checkin = CheckinService(store, clock)
    checkin.check_in(TUESDAY)  # no run: today is a rest day, the only one
    today = checkin.today(TUESDAY)
    assert today.outlook.taken == (TUESDAY,)
    assert today.outlook.state is RestState.BEFORE_HISTORY
    assert today.stats.this_week.rest_days_taken == 1
    assert today.stats.days_since_rest == 0
    assert today.stats.rest_streak.best_weeks == 0
    assert today.missed == ()
    week = PlanningService(store, clock).week(TUESDAY, TUESDAY)
    assert week.outlook is not None and week.outlook.taken == (TUESDAY,)
    status = status_report(store, TUESDAY)
    assert (status.rest_days_this_week, status.days_since_rest) == (1, 0)


def test_its_first_evening_with_a_run(store: Store) -> None:
    clock = new_database_on(store, TUESDAY)
    store.add_activity(Activity(TUESDAY, ActivityKind.EASY, 8000))
    report = stats_report(store, TUESDAY)
    assert report.this_week.rest_days_taken == 0
    assert report.days_since_rest is None
    assert report.to_json()["days_since_rest"] is None
    assert (
        status_report(store, TUESDAY)
        .line()
        .startswith("rest streak 0 wk · 0 rest days this week · no rest day yet")
    )
    page = StatsService(store).page(TUESDAY)
    assert MONDAY not in page.marks  # unknown on the heatmap too
    assert CheckinService(store, clock).today(TUESDAY).missed == ()


def test_the_streak_counts_from_the_first_whole_week(store: Store) -> None:
    new_database_on(store, TUESDAY)
    later = TUESDAY + 14 * D  # Tue 8 Dec: the week of Mon 30 Nov is done
    report = stats_report(store, later)
    assert report.rest_streak.best_weeks == 0  # the week of 30 Nov: 7 rest days, broken
    assert report.days_since_rest == 1


def test_evenings_logged_from_the_command_line_are_not_missed(store: Store) -> None:
    clock = new_database_on(store, TUESDAY.subtract(days=3))  # made on Saturday
    for day in (TUESDAY.subtract(days=2), MONDAY):  # Sun, Mon: `recovtui log`
        store.add_activity(Activity(day, ActivityKind.EASY, 8000))
    assert CheckinService(store, clock).missed(TUESDAY) == [TUESDAY.subtract(days=3)]


def test_an_imported_history_misses_only_days_without_a_run(store: Store) -> None:
    clock = new_database_on(store, TUESDAY)
    runs = [
        Activity(TUESDAY - i * D, ActivityKind.EASY, 8000, source="import:strava", source_id=str(i))
        for i in range(1, 200)
        if (TUESDAY - i * D).weekday() != 6
    ]
    store.import_activities(runs)
    missed = CheckinService(store, clock).missed(TUESDAY)
    assert len(missed) == 4 and all(day.weekday() == 6 for day in missed)
