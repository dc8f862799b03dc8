"""The plan in the store: template, the rest-day rule, moves, excuses, warnings (DESIGN §2)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.helpers import A, C, E, L, R, W
from tracker.data.store import Store
from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.plan import (
    DEFAULT_TEMPLATE,
    TOO_FEW_REST,
    TOO_MANY_REST,
    PlanDay,
    RuleViolation,
    WeekPlan,
    check_template,
    days_since_rest_warning,
    plan_warnings,
)

MON = date(2026, 11, 23)
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=i) for i in range(1, 7))


def dump(store: Store) -> list[tuple[Any, ...]]:
    return list(store.db.execute("SELECT * FROM plan_days ORDER BY date").fetchall())


def kinds(store: Store, day: date = MON) -> tuple[DayKind, ...]:
    return store.week_plan(day).kinds


# The template


def test_the_rule_messages_are_the_designs_and_name_no_key() -> None:
    """The rule speaks to the TUI, the CLI and the importer alike: no TUI key in it."""
    assert TOO_FEW_REST == "A week needs at least one rest day — move it instead"
    assert TOO_MANY_REST == "At most two rest days a week — make another day a run first"
    for message in (TOO_FEW_REST, TOO_MANY_REST):
        assert "(" not in message


def test_a_week_never_planned_reads_as_the_templates_proposal_and_stores_nothing(
    store: Store,
) -> None:
    assert dump(store) == []
    plan = store.week_plan(WED)
    assert plan.week == Week(MON)
    assert plan.kinds == (R, E, W, E, E, L, E)
    assert [(d.target_m, d.note) for d in plan.days] == [(None, None)] * 7
    assert plan.proposed == frozenset(plan.week.days)
    assert store.planned_day(SAT).kind is L
    assert dump(store) == []  # reading never writes


def test_keeping_a_week_stores_its_proposal_once(store: Store) -> None:
    store.keep_week(WED)
    assert [row[:2] for row in dump(store)] == [
        (d.isoformat(), k.value) for d, k in zip(Week(MON).days, DEFAULT_TEMPLATE, strict=True)
    ]
    assert store.week_plan(MON).proposed == frozenset()
    store.set_setting("template", ["easy", "rest", "rest", "easy", "easy", "long", "easy"])
    store.keep_week(MON)
    assert kinds(store) == DEFAULT_TEMPLATE
    assert kinds(store, MON + timedelta(weeks=1)) == (E, R, R, E, E, L, E)


def test_a_proposal_carries_the_templates_targets(store: Store) -> None:
    store.set_setting("template_targets", [5000, 8000, 10000, 8000, 8000, 20000, 6000])
    plan = store.week_plan(MON)
    assert [d.target_m for d in plan.days] == [None, 8000, 10000, 8000, 8000, 20000, 6000]
    assert plan.planned_m == 60000


def test_a_change_stores_the_whole_week(store: Store) -> None:
    store.set_kind(THU, C)
    assert len(dump(store)) == 7
    assert store.week_plan(MON).proposed == frozenset()


@pytest.mark.parametrize(
    ("week_start", "first_day"),
    [
        ("monday", MON),
        ("sunday", date(2026, 11, 22)),
        ("saturday", date(2026, 11, 21)),
        ("wednesday", WED),
        ("thursday", date(2026, 11, 19)),
    ],
)
def test_the_template_starts_on_the_week_start(
    store: Store, week_start: str, first_day: date
) -> None:
    store.set_setting("week_start", week_start)
    plan = store.week_plan(WED)
    assert plan.week.start == first_day
    assert plan.day(first_day).kind is R
    assert plan.kinds == DEFAULT_TEMPLATE
    assert dump(store) == []


def test_a_template_must_keep_the_rule(store: Store) -> None:
    with pytest.raises(ValueError, match="at least one rest day"):
        store.set_setting("template", ["easy"] * 7)
    with pytest.raises(ValueError, match="At most two rest days"):
        store.set_setting("template", ["rest"] * 3 + ["easy"] * 4)
    with pytest.raises(ValueError, match="7 days"):
        store.set_setting("template", ["rest", "easy"])
    with pytest.raises(ValueError, match="seven day kinds"):
        store.set_setting("template", ["rest", "jog", "easy", "easy", "easy", "easy", "easy"])
    assert store.settings().template == DEFAULT_TEMPLATE
    with pytest.raises(RuleViolation):
        check_template([E] * 7)


# set_kind and the rule


def test_set_kind_changes_one_day(store: Store) -> None:
    plan = store.set_kind(THU, C)
    assert plan.kinds == (R, E, W, C, E, L, E)
    assert kinds(store) == (R, E, W, C, E, L, E)
    assert store.set_kind(TUE, R).rest_days == 2


def test_removing_the_last_rest_day_is_refused_with_the_rules_message(store: Store) -> None:
    store.keep_week(MON)
    before = dump(store)
    for kind in (E, W, L, A, C):
        with pytest.raises(RuleViolation) as caught:
            store.set_kind(MON, kind)
        assert str(caught.value) == TOO_FEW_REST
    assert dump(store) == before


def test_a_third_rest_day_is_refused_with_the_rules_message(store: Store) -> None:
    store.set_kind(SUN, R)
    before = dump(store)
    with pytest.raises(RuleViolation) as caught:
        store.set_kind(WED, R)
    assert str(caught.value) == TOO_MANY_REST
    assert dump(store) == before
    assert kinds(store) == (R, E, W, E, E, L, R)


def test_a_refusal_on_a_week_never_shown_leaves_it_unplanned(store: Store) -> None:
    with pytest.raises(RuleViolation, match="at least one rest day"):
        store.set_kind(MON, E)
    assert dump(store) == []


def test_resetting_a_day_to_its_own_kind_is_allowed(store: Store) -> None:
    assert store.set_kind(MON, R).kinds == DEFAULT_TEMPLATE


def test_set_day_stores_kind_target_and_note(store: Store) -> None:
    plan = store.set_day(WED, W, 12_000, "6 × 800 m")
    assert plan.day(WED) == PlanDay(WED, W, 12_000, "6 × 800 m")
    assert store.week_plan(MON).day(WED) == PlanDay(WED, W, 12_000, "6 × 800 m")
    assert store.week_plan(MON).planned_m == 12_000
    store.set_day(WED, E, None, "")
    assert store.week_plan(MON).day(WED) == PlanDay(WED, E, None, None)


def test_set_day_obeys_the_rule(store: Store) -> None:
    store.set_day(MON, R, None, "sleep in")
    before = dump(store)
    with pytest.raises(RuleViolation, match="at least one rest day"):
        store.set_day(MON, E, 8000, "changed")
    store.set_kind(TUE, R)
    before = dump(store)
    with pytest.raises(RuleViolation, match="At most two"):
        store.set_day(THU, R, None, None)
    with pytest.raises(ValueError, match="negative"):
        store.set_day(THU, E, -5, None)
    assert dump(store) == before


# move_rest


def test_move_rest_swaps_two_days(store: Store) -> None:
    store.set_day(MON, R, None, "sleep in")
    store.set_day(THU, E, 8000, "river")
    plan = store.move_rest(MON, THU)
    assert plan.kinds == (E, E, W, R, E, L, E)
    assert kinds(store) == (E, E, W, R, E, L, E)


def test_a_moved_day_takes_its_target_and_note_along(store: Store) -> None:
    """Moving the rest day onto a workout moves the workout, not just the word."""
    store.set_day(MON, R, None, "sleep in")
    store.set_day(WED, W, 10_000, "6 × 800 m")
    plan = store.move_rest(MON, WED)
    assert plan.day(MON) == PlanDay(MON, W, 10_000, "6 × 800 m")
    assert plan.day(WED) == PlanDay(WED, R, None, "sleep in")
    assert store.week_plan(MON) == plan
    assert plan.planned_m == 10_000


def test_move_rest_between_two_runs_and_back(store: Store) -> None:
    store.move_rest(WED, SAT)
    assert kinds(store) == (R, E, L, E, E, W, E)
    store.move_rest(SAT, WED)
    assert kinds(store) == DEFAULT_TEMPLATE


def test_move_rest_with_two_rest_days(store: Store) -> None:
    store.set_kind(FRI, R)
    store.move_rest(FRI, SUN)
    assert kinds(store) == (R, E, W, E, E, L, R)


def test_move_rest_outside_the_week_is_refused_and_writes_nothing(store: Store) -> None:
    store.keep_week(MON)
    before = dump(store)
    with pytest.raises(ValueError):
        store.move_rest(MON, MON - timedelta(days=1))
    assert dump(store) == before


# Excused weeks


def test_excuse_and_unexcuse_a_week(store: Store) -> None:
    assert store.excused_weeks() == {}
    store.excuse_week(MON, "  flu,   then   a cough ")
    assert store.excused_weeks() == {MON: "flu, then a cough"}
    store.excuse_week(MON, "injury")
    assert store.excused_weeks() == {MON: "injury"}
    store.unexcuse_week(MON)
    assert store.excused_weeks() == {}


def test_an_excuse_needs_a_reason(store: Store) -> None:
    with pytest.raises(ValueError, match="Say why"):
        store.excuse_week(MON, "   ")
    assert store.excused_weeks() == {}


def test_an_excused_week_still_needs_a_rest_day(store: Store) -> None:
    store.excuse_week(MON, "travel")
    with pytest.raises(RuleViolation):
        store.set_kind(MON, E)


def test_an_excused_week_may_plan_every_day_as_rest(store: Store) -> None:
    store.excuse_week(MON, "calf strain")
    for day in Week(MON).days:
        store.set_kind(day, R)
    plan = store.week_plan(MON)
    assert plan.rest_days == 7 and plan.rule_problem is None and plan.excused
    # The next week is not excused: the upper bound holds there.
    store.set_kind(MON + timedelta(weeks=1, days=1), R)
    with pytest.raises(RuleViolation, match="At most two"):
        store.set_kind(MON + timedelta(weeks=1, days=2), R)


# Warnings (soft, never blocking)


def week_of_kinds(*week_kinds: DayKind, start: date = MON) -> list[PlanDay]:
    return [PlanDay(start + timedelta(days=i), k) for i, k in enumerate(week_kinds)]


def codes(days: list[PlanDay]) -> list[tuple[str, date]]:
    return [(w.code, w.date) for w in plan_warnings(days)]


def test_the_default_template_has_no_warnings() -> None:
    assert codes(week_of_kinds(*DEFAULT_TEMPLATE)) == []


def test_two_hard_days_back_to_back() -> None:
    warnings = plan_warnings(week_of_kinds(R, W, A, E, E, L, E))
    assert [(w.code, w.date) for w in warnings] == [("hard_back_to_back", WED)]
    assert warnings[0].message == "Two hard days back to back: Workout Tue then Race Wed"


def test_no_easy_or_rest_day_after_a_long() -> None:
    assert codes(week_of_kinds(R, E, W, E, L, C, E)) == [("no_recovery_after_long", SAT)]
    assert codes(week_of_kinds(R, E, E, E, L, W, E)) == [
        ("hard_back_to_back", SAT),
        ("no_recovery_after_long", SAT),
    ]
    assert codes(week_of_kinds(R, E, E, E, L, R, E)) == []


def test_warnings_across_the_weeks_end() -> None:
    this_week = week_of_kinds(R, E, W, E, E, E, L)
    next_monday = PlanDay(SUN + timedelta(days=1), W)
    assert codes(this_week) == []
    assert codes([*this_week, next_monday]) == [
        ("hard_back_to_back", next_monday.date),
        ("no_recovery_after_long", next_monday.date),
    ]
    gap = PlanDay(SUN + timedelta(days=2), W)
    assert codes([*this_week, gap]) == []


def test_warnings_never_block(store: Store) -> None:
    store.set_kind(THU, W)
    store.set_kind(FRI, A)
    plan = store.week_plan(MON)
    assert plan.kinds == (R, E, W, W, A, L, E)
    assert len(plan_warnings(plan.days)) == 3


def test_days_since_rest_warning() -> None:
    assert days_since_rest_warning(6, WED) is None
    assert days_since_rest_warning(None, WED) is None
    warning = days_since_rest_warning(7, WED)
    assert warning is not None
    assert (warning.code, warning.date) == ("no_recent_rest", WED)
    assert "7 days" in warning.message


# WeekPlan directly


def test_a_broken_stored_week_may_only_move_toward_the_rule() -> None:
    broken = WeekPlan(Week(MON), tuple(week_of_kinds(R, R, R, E, E, L, E)))
    assert broken.rule_problem == TOO_MANY_REST
    with pytest.raises(RuleViolation):
        broken.with_kind(THU, R)
    fixed = broken.with_kind(TUE, E)
    assert fixed.rest_days == 2
    assert broken.with_kind(MON, R).rest_days == 3
    with pytest.raises(ValueError, match="not in the week"):
        broken.day(MON - timedelta(days=1))


def test_a_day_made_rest_loses_the_target_it_no_longer_has(store: Store) -> None:
    store.set_day(TUE, DayKind.EASY, 8_000, "river")
    store.set_kind(TUE, DayKind.REST)
    plan = store.week_plan(TUE)
    assert plan.day(TUE) == PlanDay(TUE, R, None, "river")
    assert plan.planned_m == 0
    store.set_day(TUE, R, 6_000, None)  # the edit dialog cannot give rest a target either
    assert store.week_plan(TUE).day(TUE).target_m is None
