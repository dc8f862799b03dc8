"""The backfill walk (tracker/screens/today_dialogs.py) with its dialogs answered by a
stand-in app: which answer does what to the store, and what is said, without
starting the real app.

The Pilot test in tests/ui/test_today_lists_and_backfill.py proves that the keys
reach this walk; the dialogs' own keys are proven there and in the form tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any, cast

import pendulum
import pytest
from textual.app import App

from tests.fakes import FakeClock
from tests.helpers import history
from tests.unit.screens.test_timer_flows import Answering
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.wellness import Wellness
from tracker.screens.modals.backfill import CONFIRM, REST, RUN, SKIP, BackfillDialog
from tracker.screens.modals.checkin_form import BRIEF_FIELDS, SAVED, BriefCheckinForm
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.today_dialogs import EveningDialogs
from tracker.services.checkin import CheckinService, MissedDay

FRI, SAT, SUN, MON, TUE = (date(2026, 10, 23 + n) for n in range(5))
"""Summer time ends in Berlin on Sun 25 Oct 2026 (a day of 25 hours)."""


class Filling(Answering):
    """Answers each dialog in turn; an answer that is a function fills the form in
    (calls it with the dialog, as its submit would save) and gives what it dismisses with."""

    screen_stack = ()  # no screen shown: a screen made now is styled as it mounts
    _css_update_count = 0  # and the stylesheet never re-read (RecovScreen._styled_as_now)

    async def push_screen_wait(self, dialog: object) -> object:
        answer = await super().push_screen_wait(dialog)
        return answer(dialog) if callable(answer) else answer


def ran(distance_m: int) -> Callable[[LogRunForm], Activity]:
    def submit(form: LogRunForm) -> Activity:
        run = Activity(form.day, ActivityKind.EASY, distance_m)
        assert form.save_run(run) is None
        return run

    return submit


def felt(**values: Any) -> Callable[[BriefCheckinForm], str]:
    def submit(form: BriefCheckinForm) -> str:
        assert form.save_wellness(Wellness(form.day, **values)) is None
        return SAVED

    return submit


class Walk(EveningDialogs):
    """Today's dialogs on ``checkin``, pushed to ``stand_in`` instead of a running app."""

    def __init__(self, checkin: CheckinService, stand_in: Filling) -> None:
        self.stand_in = stand_in
        super().__init__(checkin.clock)
        self.checkin, self.report = checkin, None

    @property
    def app(self) -> App[Any]:  # type: ignore[override]
        return cast(App[Any], self.stand_in)


def walk(checkin: CheckinService, days: list[date], *answers: object) -> Filling:
    stand_in = Filling(*answers)
    asyncio.run(Walk(checkin, stand_in).walk_missed(days))
    assert stand_in.answers == [], "every answer was asked for"
    return stand_in


def asked(stand_in: Filling) -> list[tuple[str, date]]:
    """Each dialog pushed, by kind and the day it asked about."""
    return [(type(d).__name__, cast(LogRunForm, d).day) for d in stand_in.dialogs]


@pytest.fixture
def berlin(store: Store, clock: FakeClock) -> CheckinService:
    """Tue 27 Oct in Berlin, every evening checked in up to Thu 22 but the next four."""
    store.set_setting("timezone", "Europe/Berlin")
    clock.set(pendulum.datetime(2026, 10, 27, 21, 30, tz="Europe/Berlin"))
    history(store, date(2026, 10, 12), date(2026, 10, 22))
    return CheckinService(store, clock)


def test_backfill_across_a_week_boundary_and_a_dst_change(
    berlin: CheckinService, store: Store
) -> None:
    days = berlin.missed(TUE)
    assert days == [FRI, SAT, SUN, MON]
    done = walk(
        berlin,
        days,
        *(RUN, ran(10000), None),  # Friday: a run, then how it felt left out
        *(REST, felt(sleep_h=8.0, sleep_quality=2, fatigue=3, stress=2, soreness=4)),
        SKIP,  # Sunday (25 hours long): for later
        *(REST, None),  # Monday: rest, how it felt left out
    )
    assert asked(done) == [
        ("BackfillDialog", FRI),
        ("LogRunForm", FRI),
        ("BriefCheckinForm", FRI),
        ("BackfillDialog", SAT),
        ("BriefCheckinForm", SAT),
        ("BackfillDialog", SUN),
        ("BackfillDialog", MON),
        ("BriefCheckinForm", MON),
    ]
    first, run_form, brief = done.dialogs[:3]
    assert isinstance(first, BackfillDialog)
    assert first.title_text == "Missed evening 1 of 4: Friday 23 October"
    assert isinstance(run_form, LogRunForm)
    assert run_form.planned is None, "last week is over and was never planned: no prefill"
    assert isinstance(brief, BriefCheckinForm) and brief.names == BRIEF_FIELDS
    assert BRIEF_FIELDS == ("sleep_quality", "fatigue", "stress", "soreness", "sleep_h")
    assert store.checkins(FRI, TUE) == {FRI, SAT, MON}
    assert store.wellness_between(FRI, TUE) == {SAT: Wellness(SAT, 8.0, 2, 3, 2, 4)}
    (run,) = store.activities_on(FRI)
    assert run.distance_m == 10000
    assert store.activities_between(SAT, TUE) == []
    assert berlin.missed(TUE) == [SUN]
    assert done.toasts == ["Logged easy 10.0 km", "All caught up: 3 of 4 evenings checked in"]


def test_a_closed_run_form_asks_about_the_same_evening_again(
    berlin: CheckinService, store: Store
) -> None:
    done = walk(berlin, [FRI, SAT], RUN, None, RUN, None, None)  # closed, closed, stop
    assert asked(done) == [
        ("BackfillDialog", FRI),
        ("LogRunForm", FRI),
        ("BackfillDialog", FRI),
        ("LogRunForm", FRI),
        ("BackfillDialog", FRI),
    ]
    assert store.checkins(FRI, TUE) == set() and store.activities_between(FRI, TUE) == []
    assert done.toasts == [], "stopped before any evening: nothing to say"


def test_stopping_says_how_many_were_checked_in_and_leaves_the_rest(
    berlin: CheckinService, store: Store
) -> None:
    done = walk(berlin, [FRI, SAT, SUN], REST, None, None)
    assert store.checkins(FRI, TUE) == {FRI}
    assert done.toasts == ["1 evening checked in"]
    assert berlin.missed(TUE) == [SAT, SUN, MON]


def test_a_day_with_a_run_is_confirmed_as_logged(berlin: CheckinService, store: Store) -> None:
    store.add_activity(Activity(FRI, ActivityKind.EASY, 7000))  # logged, never checked in
    done = walk(berlin, [FRI], CONFIRM, None)
    assert store.checkins(FRI, TUE) == {FRI}
    assert store.activities_on(FRI)[0].distance_m == 7000
    assert done.toasts == ["All caught up: 1 of 1 evenings checked in"]


def test_nothing_missed_asks_nothing(berlin: CheckinService) -> None:
    assert walk(berlin, []).toasts == ["Every evening is checked in"]


def test_rest_is_offered_only_without_a_run_and_looks_right_only_with_one(
    berlin: CheckinService,
) -> None:
    """What ``r`` and ``c`` may answer (the Pilot test shows ``c`` refused on a rest day)."""
    plan = berlin.planned_day(FRI)
    run = Activity(FRI, ActivityKind.EASY, 7000)
    for activities, rest, confirm in (((), True, False), ((run,), False, True)):
        dialog = BackfillDialog(MissedDay(FRI, plan, activities), "km", (1, 1))
        assert dialog.check_action("answer", (REST,)) is rest
        assert dialog.check_action("answer", (CONFIRM,)) is confirm
        assert dialog.check_action("answer", (SKIP,)) is True
        assert dialog.check_action("answer", ()) is True  # escape: stop
