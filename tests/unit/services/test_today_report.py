"""What Today's report says about tomorrow and the missed evenings, and tomorrow's
changes under the rule: the service side of tests/ui/test_today.py."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from tests.conftest import TODAY
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.kinds import DayKind
from tracker.domain.plan import TOO_FEW_REST, RuleViolation
from tracker.services.checkin import CheckinService
from tracker.services.planning import PlanningService
from tracker.widgets.day_text import missed_text

SUN, NEXT_MON = date(2026, 11, 29), date(2026, 11, 30)


def test_tomorrow_in_next_week_follows_that_weeks_rule(store: Store, clock: FakeClock) -> None:
    """On a Sunday, tomorrow is next week's Monday: its only rest day cannot go."""
    clock.set(pendulum.datetime(2026, 11, 29, 20, tz="UTC"))
    tomorrow = CheckinService(store, clock).today(SUN).tomorrow
    assert (tomorrow.date, tomorrow.kind) == (NEXT_MON, DayKind.REST)
    before = store.week_plan(NEXT_MON)
    with pytest.raises(RuleViolation) as refused:
        PlanningService(store, clock).set_kind(NEXT_MON, DayKind.EASY)
    assert str(refused.value) == TOO_FEW_REST
    assert store.week_plan(NEXT_MON) == before


def test_the_only_rest_day_tomorrow_cannot_go(store: Store, clock: FakeClock) -> None:
    thu = TODAY.add(days=1)
    store.move_rest(TODAY.subtract(days=2), thu)
    assert CheckinService(store, clock).today(TODAY).tomorrow.kind is DayKind.REST
    before = store.week_plan(thu)
    with pytest.raises(RuleViolation, match=TOO_FEW_REST):
        PlanningService(store, clock).set_kind(thu, DayKind.EASY)
    assert store.week_plan(thu) == before


def test_the_demo_lists_its_two_rest_days_never_checked_in(
    demo_store: Store, clock: FakeClock
) -> None:
    missed = CheckinService(demo_store, clock).today(TODAY).missed
    assert missed == (date(2026, 11, 16), date(2026, 11, 23))
    assert missed_text(missed, TODAY).plain == (
        "2 evenings missed: Mon 16 Nov, Mon 23 Nov — b backfills"
    )
