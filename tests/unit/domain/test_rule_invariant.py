"""The rest-day rule holds whatever the runner does (DESIGN §2, §11).

Any sequence of plan changes, on any weeks, under any ``week_start``, leaves every
planned week with one or two rest days; a refused change leaves the database
exactly as it was.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import memory_db
from tracker.data.store import Store
from tracker.domain.dates import WEEKDAYS, week_of
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, RuleViolation

# Anchors around New Year (ISO week 53 in 2026) and leap days.
ANCHORS = (
    date(2024, 2, 29),
    date(2024, 12, 30),
    date(2026, 11, 25),
    date(2026, 12, 31),
    date(2027, 1, 3),
    date(2028, 2, 29),
    date(2028, 12, 31),
)

days = st.one_of(
    st.builds(
        lambda anchor, offset: anchor + timedelta(days=offset),
        st.sampled_from(ANCHORS),
        st.integers(-8, 8),
    ),
    st.dates(date(2024, 1, 1), date(2029, 1, 1)),
)
kinds = st.sampled_from(list(DayKind))

set_kind_op = st.tuples(st.just("set_kind"), days, kinds)
set_day_op = st.tuples(
    st.just("set_day"),
    days,
    kinds,
    st.one_of(st.none(), st.integers(-1000, 50_000)),
    st.one_of(st.none(), st.text(max_size=8)),
)
move_rest_op = st.tuples(st.just("move_rest"), days, st.integers(-7, 7))
operations = st.lists(st.one_of(set_kind_op, set_day_op, move_rest_op), max_size=25)

templates = st.one_of(
    st.just(list(DEFAULT_TEMPLATE)),
    st.lists(kinds, min_size=7, max_size=7).filter(
        lambda t: 1 <= sum(k is DayKind.REST for k in t) <= 2
    ),
)


def dump(store: Store) -> list[tuple[Any, ...]]:
    return list(store.db.execute("SELECT * FROM plan_days ORDER BY date").fetchall())


def apply(store: Store, op: tuple[Any, ...]) -> None:
    name, day = op[0], op[1]
    if name == "set_kind":
        store.set_kind(day, op[2])
    elif name == "set_day":
        store.set_day(day, op[2], op[3], op[4])
    else:
        store.move_rest(day, day + timedelta(days=op[2]))


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(week_start=st.sampled_from(WEEKDAYS), template=templates, ops=operations)
def test_every_planned_week_keeps_the_rule_and_refusals_change_nothing(
    week_start: str, template: list[DayKind], ops: list[tuple[Any, ...]]
) -> None:
    store = Store(memory_db())
    store.set_setting("week_start", week_start)
    store.set_setting("template", [k.value for k in template])
    refused = 0
    for op in ops:
        before = dump(store)
        try:
            apply(store, op)
        except (RuleViolation, ValueError):
            refused += 1
            assert dump(store) == before, f"{op} was refused but changed the plan"
        else:
            changed = week_of(op[1], week_start)
            rows = {row[0]: row for row in dump(store)}
            assert all(d.isoformat() in rows for d in changed.days)

    weeks: dict[date, list[str]] = defaultdict(list)
    for row in dump(store):
        weeks[week_of(date.fromisoformat(row[0]), week_start).start].append(row[1])
    for start, week_kinds in weeks.items():
        assert len(week_kinds) == 7, f"week of {start} is partly planned"
        assert 1 <= week_kinds.count("rest") <= 2, f"week of {start}: {week_kinds}"
        assert store.week_plan(start).rule_problem is None


def test_refused_change_on_a_week_never_shown_writes_nothing() -> None:
    """A fresh week's only rest day made a run: refused, and the week stays unplanned."""
    store = Store(memory_db())
    monday = date(2026, 11, 23)
    try:
        store.set_kind(monday, DayKind.EASY)
    except RuleViolation:
        pass
    else:
        raise AssertionError("making the only rest day a run was allowed")
    assert dump(store) == []


def test_move_to_another_week_is_refused_and_writes_nothing() -> None:
    store = Store(memory_db())
    sunday = date(2026, 11, 29)
    try:
        store.move_rest(sunday, sunday + timedelta(days=1))
    except ValueError:
        pass
    else:
        raise AssertionError("a move across weeks was allowed")
    assert dump(store) == []
