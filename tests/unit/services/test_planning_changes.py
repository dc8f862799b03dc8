"""Every plan change the Week screen's keys make, on the planning service (the rule, its
refusals, what is stored), and the header and warnings its report gives (DESIGN §7).

The rule itself, on the store: tests/data/test_store_plan.py. The Pilot tests in
tests/ui/test_week.py and tests/ui/test_week_dialogs_and_warnings.py prove that the keys
and the dialog reach these calls and that the screen shows them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from tests.conftest import TODAY
from tests.data.test_store_plan import (
    FRI,
    MON,
    SAT,
    SUN,
    THU,
    TUE,
    WED,
    A,
    C,
    E,
    L,
    R,
    W,
    dump,
    kinds,
)
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import (
    DEFAULT_TEMPLATE,
    TOO_FEW_REST,
    TOO_MANY_REST,
    PlanDay,
    RuleViolation,
)
from tracker.screens.week import refusal
from tracker.screens.week_text import next_week_text, week_header
from tracker.services.planning import PlanningService

NEXT_MON = MON + timedelta(weeks=1)
assert TODAY == WED


def header(planning: PlanningService, day: date, today: date = TODAY) -> str:
    return week_header(planning.week(day, today)).plain


@pytest.fixture
def planning(store: Store, clock: FakeClock) -> PlanningService:
    return PlanningService(store, clock)


# The rule: one or two rest days a week


def test_a_third_rest_day_is_refused_and_nothing_changes(
    store: Store, planning: PlanningService
) -> None:
    planning.set_kind(THU, R)
    assert "Rest days planned 2 (Mon, Thu) rule 1–2 ✓" in header(planning, WED)
    before = dump(store)
    with pytest.raises(RuleViolation) as refused:
        planning.set_kind(FRI, R)
    assert str(refused.value) == TOO_MANY_REST
    assert refusal(refused.value) == TOO_MANY_REST, "no key to suggest"
    assert dump(store) == before
    assert store.week_plan(MON).day(FRI).kind is E


@pytest.mark.parametrize("kind", [E, W, L, A, C])
def test_the_last_rest_day_cannot_become_a_run(
    store: Store, planning: PlanningService, kind: DayKind
) -> None:
    before = dump(store)
    with pytest.raises(RuleViolation) as refused:
        planning.set_kind(MON, kind)
    assert refusal(refused.value) == TOO_FEW_REST + " (m moves it)"
    with pytest.raises(RuleViolation, match=TOO_FEW_REST):
        planning.set_day(MON, kind, 8000, None)  # the dialog's save: the same rule
    assert dump(store) == before
    assert kinds(store) == DEFAULT_TEMPLATE


def test_a_second_rest_day_then_the_first_can_go(store: Store, planning: PlanningService) -> None:
    planning.set_kind(FRI, R)
    planning.set_kind(MON, E)
    assert kinds(store) == (E, E, W, E, R, L, E)


def test_set_day_stores_kind_target_and_note_exactly(
    store: Store, planning: PlanningService
) -> None:
    planning.set_day(WED, L, 21_097, "race pace")
    assert store.week_plan(MON).day(WED) == PlanDay(WED, L, 21_097, "race pace")
    assert "Planned 21.1 km" in header(planning, WED)
    planning.set_day(WED, L, None, "race pace")
    assert store.week_plan(MON).day(WED) == PlanDay(WED, L, None, "race pace")


# Excusing a week


def test_excuse_a_week_then_make_it_count_again(store: Store, planning: PlanningService) -> None:
    week = planning.week_of(WED)
    planning.excuse(week, "flu")
    assert store.excused_weeks() == {MON: "flu"}
    assert planning.excused_reason(week) == "flu"
    assert "Excused: flu" in header(planning, WED)
    planning.unexcuse(week)
    assert store.excused_weeks() == {}
    assert "Excused" not in header(planning, WED)


# What the header says of a week


def test_a_week_never_planned_reads_as_such_and_reading_it_stores_nothing(
    store: Store, planning: PlanningService
) -> None:
    text = header(planning, WED)
    assert "Mon 23 Nov – Sun 29 Nov 2026" in text and "this week" in text
    assert "Rest days planned 1 (Mon) rule 1–2 ✓" in text
    future = header(planning, WED + timedelta(weeks=1))
    assert "Mon 30 Nov – Sun 6 Dec 2026" in future and "this week" not in future
    assert "Rest days planned 1 (Mon) rule 1–2 ✓" in future and "Done" not in future
    assert "From your week template (italic), kept once changed or ticked" in future
    past = planning.week(WED - timedelta(weeks=2), TODAY)
    assert "Mon 9 Nov – Sun 15 Nov 2026" in week_header(past).plain
    assert "Not planned" in week_header(past).plain
    assert not past.day(MON - timedelta(weeks=2)).known, "before the history: unknown"
    with pytest.raises(RuleViolation, match="never planned"):
        planning.set_kind(MON - timedelta(weeks=2), R)
    assert dump(store) == []
    planning.set_kind(WED, C)  # a change stores the whole week
    assert len(dump(store)) == 7


def test_a_rest_day_taken_reads_as_rested(store: Store, planning: PlanningService) -> None:
    """Tuesday (planned easy) passed with nothing logged; the header and its advice agree."""
    store.record_created_on(MON)
    store.add_activity(Activity(MON, ActivityKind.EASY, 8000))
    report = planning.week(WED, TODAY)
    assert report.day(TUE).rested and report.taken == (TUE,)
    text = week_header(report).plain
    assert "Rest days planned 1 (Mon) rule 1–2 ✓  ·  taken 1 (Tue)" in text
    assert "!" not in text


def test_the_ramp_is_shown_once_a_week_is_over(store: Store, planning: PlanningService) -> None:
    store.add_activity(Activity(date(2026, 11, 10), ActivityKind.EASY, 40000))
    store.add_activity(Activity(date(2026, 11, 17), ActivityKind.EASY, 44900))  # +12.25 %
    assert "Ramp" not in header(planning, WED)  # this week is not over
    last_week = planning.week(WED - timedelta(weeks=1), TODAY)
    assert last_week.ramp_pct == pytest.approx(12.25)
    assert "Ramp +12%" in week_header(last_week).plain
    assert "Ramp" not in header(planning, WED - timedelta(weeks=2))  # nothing the week before


def test_a_week_at_risk_says_what_keeps_the_rule(store: Store) -> None:
    """Friday evening, a run every day since Monday (the planned rest day included)."""
    friday = pendulum.datetime(2026, 11, 27, 20, tz="UTC")
    planning = PlanningService(store, FakeClock(friday))
    for offset in range(4):
        store.add_activity(Activity(MON + timedelta(days=offset), ActivityKind.EASY, 6000))
    assert (
        "! No rest day yet and none planned — rest today, tomorrow or Sunday to keep the rule"
        in header(planning, FRI, FRI)
    )
    planning.set_kind(SAT, R)
    assert "! No rest day yet — rest tomorrow to keep the rule" in header(planning, FRI, FRI)
    store.check_in(FRI)  # Friday becomes a rest day
    assert "!" not in header(planning, FRI, FRI)
    assert "!" not in header(planning, FRI - timedelta(weeks=1), FRI)  # over: no advice


# Warnings never block


def test_hard_days_back_to_back_and_no_easy_day_after_the_long_run_warn(
    store: Store, planning: PlanningService
) -> None:
    planning.set_kind(THU, A)
    assert store.week_plan(MON).day(THU).kind is A, "a warning never blocks"
    messages = [w.message for w in planning.week(WED, TODAY).warnings]
    assert "Two hard days back to back: Workout Wed then Race Thu" in messages
    planning.set_kind(SUN, W)
    messages = [w.message for w in planning.week(WED, TODAY).warnings]
    assert "No easy or rest day after the long run on Sat" in messages


def test_a_warning_across_the_weeks_end_and_next_weeks_own(
    store: Store, planning: PlanningService
) -> None:
    store.set_kind(NEXT_MON + timedelta(days=1), R)
    store.set_kind(NEXT_MON, W)
    planning.set_kind(SUN, L)
    messages = [w.message for w in planning.week(WED, TODAY).warnings]
    assert "Two hard days back to back: Long Sun then Workout Mon" in messages
    following = planning.week(NEXT_MON, TODAY)
    assert next_week_text(following).plain.startswith("Next week  Mon 30 – Sun 6 Dec")
    assert "rest days 1 (Tue) ✓" in next_week_text(following).plain
    assert following.warnings == ()
    store.set_kind(NEXT_MON + timedelta(days=2), W)
    store.set_kind(NEXT_MON + timedelta(days=3), L)
    messages = [w.message for w in planning.week(NEXT_MON, TODAY).warnings]
    assert messages == ["Two hard days back to back: Workout Wed then Long Thu"]


def test_the_warning_sees_a_next_week_never_planned_without_planning_it(
    store: Store, planning: PlanningService
) -> None:
    store.set_setting("template", ["workout", "rest", "easy", "easy", "easy", "long", "easy"])
    planning.set_kind(SUN, L)
    messages = [w.message for w in planning.week(WED, TODAY).warnings]
    assert "Two hard days back to back: Long Sun then Workout Mon" in messages
    assert store.plan_days(NEXT_MON, NEXT_MON + timedelta(days=6)) == {}
