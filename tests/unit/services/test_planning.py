"""Planning and the evening's writes: reading never writes; a change, a tick or a
check-in stores the week; the rule fits real life (docs/counting.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pendulum
import pytest

from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import RuleViolation
from tracker.domain.recovery import RecoveryKind
from tracker.services.checkin import CheckinService
from tracker.services.exporting import export_text
from tracker.services.insights import StatsService
from tracker.services.planning import PlanningService
from tracker.services.reports import stats_report, status_reports

WED = pendulum.date(2026, 11, 25)
MON = WED.subtract(days=2)
CLOCK = FakeClock(pendulum.datetime(2026, 11, 25, 20, tz="UTC"))


def plan_rows(store: Store) -> list[tuple[Any, ...]]:
    return list(store.db.execute("SELECT * FROM plan_days ORDER BY date"))


@pytest.fixture
def planning(store: Store) -> PlanningService:
    return PlanningService(store, CLOCK)


@pytest.fixture
def checkin(store: Store) -> CheckinService:
    return CheckinService(store, CLOCK)


def test_reading_every_report_writes_no_plan(
    store: Store, planning: PlanningService, checkin: CheckinService
) -> None:
    store.record_created_on(MON)
    for weeks in range(-3, 4):
        planning.week(WED + timedelta(weeks=weeks), WED)
    checkin.today(WED)
    stats_report(store, WED)
    status_reports(store, WED)
    StatsService(store).page(WED)
    export_text(store, "ics", CLOCK.now(), WED)
    assert plan_rows(store) == []


def test_a_current_week_shows_the_template_as_its_proposal(planning: PlanningService) -> None:
    report = planning.week(WED, WED)
    assert report.plan.proposed == frozenset(report.week.days)
    assert report.planned and report.not_planned == frozenset()
    assert all(day.proposed and day.planned for day in report.days)
    future = planning.week(WED + timedelta(weeks=2), WED)
    assert not future.started and future.plan.kinds[0] is DayKind.REST


def test_a_past_week_never_planned_is_not_planned(planning: PlanningService) -> None:
    report = planning.week(WED - timedelta(weeks=1), WED)
    assert not report.planned
    assert not any(day.planned for day in report.days)
    assert report.warnings == ()
    with pytest.raises(RuleViolation, match="never planned"):
        planning.set_kind(MON - timedelta(days=5), DayKind.REST)


def test_a_past_week_that_was_planned_shows_its_plan(
    store: Store, planning: PlanningService
) -> None:
    store.set_kind(MON - timedelta(days=6), DayKind.CROSS)  # stored while it was current
    report = planning.week(MON - timedelta(days=6), WED)
    assert report.planned and all(day.planned for day in report.days)


@pytest.mark.parametrize(
    "write",
    [
        lambda c: c.check_in(WED),
        lambda c: c.set_nutrition(WED, c.store.nutrition_items()[0].id, True),
        lambda c: c.tick_recovery(WED, RecoveryKind.MASSAGE, 3600),
        lambda c: c.save_run(Activity(WED, ActivityKind.EASY, 8000)),
    ],
    ids=["check in", "nutrition tick", "recovery tick", "run"],
)
def test_a_tick_a_run_or_a_check_in_stores_the_current_week(
    store: Store, checkin: CheckinService, write: Any
) -> None:
    write(checkin)
    assert [row[0] for row in plan_rows(store)] == [
        (MON + timedelta(days=i)).isoformat() for i in range(7)
    ]
    assert store.week_plan(WED).proposed == frozenset()


def test_a_backfilled_evening_of_a_past_week_does_not_plan_it(
    store: Store, checkin: CheckinService
) -> None:
    last_week = MON - timedelta(days=3)
    checkin.check_in(last_week)
    checkin.save_run(Activity(last_week, ActivityKind.EASY, 5000))
    assert plan_rows(store) == []
    assert checkin.missed_day(last_week).plan is None


def test_log_a_run_starts_from_the_plan_only_on_a_day_without_one(
    store: Store, checkin: CheckinService
) -> None:
    planned = checkin.run_prefill(WED)
    assert planned is not None and planned.kind is DayKind.WORKOUT
    checkin.save_run(Activity(WED, ActivityKind.WORKOUT, 9000))
    assert checkin.run_prefill(WED) is None  # one enter must not log it twice
    assert checkin.run_prefill(MON - timedelta(days=2)) is None  # not planned


def test_a_run_on_a_planned_rest_day_says_so(store: Store, checkin: CheckinService) -> None:
    store.set_kind(WED, DayKind.REST)
    run = checkin.save_run(Activity(WED, ActivityKind.EASY, 5000))
    notice = checkin.rest_day_notice(run)
    assert notice == "Today was planned as a rest day: with this run it no longer counts as one"
    assert checkin.rest_day_notice(Activity(WED + timedelta(days=1), ActivityKind.EASY, 1)) is None


def test_an_excused_week_may_plan_all_rest_and_counts_again_only_within_the_rule(
    store: Store, planning: PlanningService
) -> None:
    week = planning.week_of(WED)
    planning.excuse(week, "calf strain")
    for day in week.days:
        planning.set_kind(day, DayKind.REST)
    assert planning.week(WED, WED).plan.rule_problem is None
    with pytest.raises(RuleViolation, match="plans 7 rest days: make 5 of them runs"):
        planning.unexcuse(week)
    assert planning.excused_reason(week) == "calf strain"
    for day in week.days[2:]:
        planning.set_kind(day, DayKind.EASY)
    planning.unexcuse(week)
    assert planning.excused_reason(week) is None


def test_a_past_excused_week_can_count_again_whatever_it_planned(
    store: Store, planning: PlanningService
) -> None:
    week = planning.week_of(WED - timedelta(weeks=1))
    store.excuse_week(week.start, "flu")
    for day in week.days:
        store.set_kind(day, DayKind.REST)
    planning.unexcuse(week)
    assert store.excused_weeks() == {}


def test_the_current_week_shows_tomorrows_cap(store: Store, planning: PlanningService) -> None:
    store.add_activity(Activity(WED.subtract(days=29), ActivityKind.LONG, 30000))  # the edge
    store.add_activity(Activity(WED.subtract(days=30), ActivityKind.LONG, 40000))  # too old
    store.add_activity(Activity(MON, ActivityKind.CROSS, 60000))  # no run
    assert planning.week(WED, WED).tomorrow_cap_m == 33000
    assert planning.week(WED + timedelta(weeks=1), WED).tomorrow_cap_m is None
    assert planning.week(WED - timedelta(weeks=1), WED).tomorrow_cap_m is None
