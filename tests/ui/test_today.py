"""The Today screen, key by key, asserting on the store and on what is shown (DESIGN §7)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum
from textual.pilot import Pilot
from textual.widgets import Select

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, history, shown, ticked, toasts, type_in
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import TOO_MANY_REST
from tracker.domain.wellness import Wellness
from tracker.screens.modals.checkin_form import CheckinForm
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.today import TodayScreen
from tracker.widgets.checklist import Checklist
from tracker.widgets.load_summary import LoadSummary
from tracker.widgets.run_list import RunList

SIZE = (100, 32)
MON = date(2026, 11, 23)
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=i) for i in range(1, 7))
assert TODAY == WED


def checklist(pilot: Pilot[Any], name: str) -> Checklist:
    return current(pilot, TodayScreen).query_one(f"#{name}", Checklist)


def nutrition_names(store: Store, day: date = TODAY) -> set[str]:
    checks = store.nutrition_checks(day, day).get(day, set())
    return {item.name for item in store.nutrition_items() if item.id in checks}


# What is shown


async def test_shows_the_day_the_week_and_both_checklists(store: Store, clock: FakeClock) -> None:
    store.set_day(WED, DayKind.WORKOUT, 9000, "tempo 3 × 10 min")
    history(store, MON - timedelta(weeks=1), TUE)
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        screen = current(pilot, TodayScreen)
        assert screen.sub_title == "Wednesday 25 November 2026"
        assert shown(pilot, "#today-plan") == "Planned  Workout 9.0 km · tempo 3 × 10 min"
        assert "nothing yet — l logs a run" in shown(pilot, "#no-runs")
        assert not screen.query_one("#runs", RunList).display
        assert shown(pilot, "#today-status") == "Not checked in — c checks in today"
        assert not screen.query_one("#today-missed").display
        assert shown(pilot, "#today-hint") == (
            "This evening: l log the run · space tick · tab next list · c check in"
        )
        rest = shown(pilot, "#today-rest")
        assert "planned Mon · taken Mon" in rest
        assert "✓ Rule kept: 1 rest day taken" in rest
        assert str(screen.query_one("#tomorrow-label").render()) == "Tomorrow Thu 26 "
        assert screen.query_one("#tomorrow", Select).value is DayKind.EASY
        assert [i.label for i in checklist(pilot, "recovery").items] == [
            "Ice bath",
            "Foam roller",
            "Feet up",
            "Massage",
            "Acupuncture",
        ]
        assert [i.label for i in checklist(pilot, "nutrition").items] == [
            "Antioxidants",
            "Protein",
            "Complex carbohydrates",
            "Hydration",
        ]
        assert checklist(pilot, "nutrition").border_title == "Nutrition 0/4"
        # The highlighted item's evidence, in the words of docs/recovery.md.
        assert shown(pilot, "#today-about").startswith(
            "10–15 min at about 10–15 °C gives the most consistent small drop in soreness"
        )
        summary = str(screen.query_one(LoadSummary).render())
        assert "Streak  1 week keeping the rule (best 1)" in summary
        assert screen.focused is checklist(pilot, "recovery")
        # Every key is described, with a tooltip; backfill is hidden with nothing missed.
        for binding in (*TodayScreen.BINDINGS, *RunList.BINDINGS, *Checklist.BINDINGS):
            assert not isinstance(binding, tuple)
            assert binding.description and binding.tooltip, binding
        keys = {b.binding.key for b in screen.active_bindings.values()}
        assert {"l", "c", "t", "space", "i", "f", "e"} <= keys
        assert "b" not in keys


# The whole evening


EVENING_AS_PLANNED = [
    *("l", "enter"),  # log the planned run
    *("down", "space", "space"),  # foam roller, feet up
    *("tab", "space", "space", "space", "space"),  # four nutrition items
    "c",  # check in: how the day felt
    *("3", "4", "2", "5"),  # sleep quality, fatigue, stress, soreness: each moves on
    "ctrl+s",  # the rest left out: check in
]


async def test_a_whole_evening_as_planned_in_sixteen_keys(store: Store, clock: FakeClock) -> None:
    store.set_day(WED, DayKind.WORKOUT, 9000, None)
    history(store, MON - timedelta(weeks=1), TUE)
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        for key in EVENING_AS_PLANNED:
            await pilot.press(key)
        await pilot.pause()
        assert len(EVENING_AS_PLANNED) == 16
        (run,) = store.activities_on(TODAY)
        assert (run.kind, run.distance_m, run.source) == (ActivityKind.WORKOUT, 9000, "manual")
        assert ticked(store, TODAY) == {"foam_roller", "feet_up"}
        assert nutrition_names(store) == {
            "Antioxidants",
            "Protein",
            "Complex carbohydrates",
            "Hydration",
        }
        assert store.is_checked_in(TODAY)
        assert store.wellness_on(TODAY) == Wellness(
            TODAY, sleep_quality=3, fatigue=4, stress=2, soreness=5
        )
        # Checked in: the screen follows (its lines' text: tests/unit/widgets/test_today_text.py).
        assert shown(pilot, "#today-status") == "✓ Checked in — Hooper 14"
        assert checklist(pilot, "recovery").border_title == "Recovery 2/5"
        assert ("Checked in. Well done today.", "information") in toasts(pilot)


# The typical evening of the check-in: the run with distance and time, two recovery
# items, four nutrition items, the four Hooper items and sleep. The figures typed
# (the time, the hours slept) are not counted; every other key is.
TYPICAL_EVENING: list[tuple[str, ...]] = [
    ("l",),  # the run form, the planned 9 km filled in
    ("tab",),  # to the time
    tuple("44:10"),  # typed: not counted
    ("enter",),  # logged
    ("down", "space", "space"),  # foam roller, feet up
    ("tab", "space", "space", "space", "space"),  # four nutrition items
    ("c",),  # the check-in
    ("3", "4", "2", "5"),  # the four Hooper items, one digit each
    tuple("7.5"),  # hours slept: typed, not counted
    ("enter",),  # a field typed in: enter checks the day in
]


async def test_the_typical_evening_takes_at_most_eighteen_keys(
    store: Store, clock: FakeClock
) -> None:
    store.set_day(WED, DayKind.WORKOUT, 9000, None)
    history(store, MON - timedelta(weeks=1), TUE)
    typed = {tuple("44:10"), tuple("7.5")}
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        for keys in TYPICAL_EVENING:
            if keys in typed:  # the figures: into the field the keys before focused
                await type_in(pilot, "".join(keys))
            else:
                await pilot.press(*keys)
        await pilot.pause()
        runs = current(pilot, TodayScreen).query_one("#runs", RunList)
        assert str(runs.get_option_at_index(0).prompt).startswith(
            "Workout 9.0 km · 44:10 · 4:54/km"
        )
    counted = sum(len(keys) for keys in TYPICAL_EVENING if keys not in typed)
    assert counted == 17 <= 18
    (run,) = store.activities_on(TODAY)
    assert (run.distance_m, run.duration_s) == (9000, 44 * 60 + 10)
    # The same ticks as the evening above: only that they were made is checked again.
    assert len(ticked(store, TODAY)) == 2 and len(nutrition_names(store)) == 4
    assert store.wellness_on(TODAY) == Wellness(TODAY, 7.5, 3, 4, 2, 5)
    assert store.is_checked_in(TODAY)


async def test_checking_in_without_a_run_says_it_counts_as_rest(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("c", "ctrl+s")  # nothing filled in: checked in all the same
        assert store.is_checked_in(TODAY)
        assert store.wellness_on(TODAY) is None
        assert any("counts as a rest day" in message for message, _ in toasts(pilot))
        # A new database: Monday and Tuesday are before the history, not rest days.
        assert "taken Wed\n" in shown(pilot, "#today-rest")
        assert "Rule kept" not in shown(pilot, "#today-rest")
        # c again shows how it felt, and offers to undo; escape keeps it, ctrl+n undoes it.
        await pilot.press("c")
        assert isinstance(pilot.app.screen, CheckinForm)
        await pilot.press("escape")
        assert store.is_checked_in(TODAY)
        await pilot.press("c", "ctrl+n")
        assert not store.is_checked_in(TODAY)
        assert ("Check-in undone", "information") in toasts(pilot)


# Runs: edit and delete


async def test_edit_then_delete_a_run_from_the_list(store: Store, clock: FakeClock) -> None:
    store.add_activity(Activity(TODAY, ActivityKind.EASY, 8000, 2700, 4, "legs"))
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        current(pilot, TodayScreen).query_one("#runs", RunList).focus()
        await pilot.press("enter")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm)
        assert form.text("distance") == "8"
        assert form.text("duration") == "45:00"
        assert form.text("rpe") == "4"
        assert form.text("note") == "legs"
        await type_in(pilot, "12")  # over the distance, selected as the form opens
        await pilot.press("enter")
        (run,) = store.activities_on(TODAY)
        assert (run.distance_m, run.duration_s, run.rpe, run.note) == (12000, 2700, 4, "legs")

        current(pilot, TodayScreen).query_one("#runs", RunList).focus()
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(store.activities_on(TODAY)) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.activities_on(TODAY) == []
        assert not current(pilot, TodayScreen).query_one("#runs", RunList).display


# Tomorrow's plan


async def test_tomorrow_changes_under_the_rule_and_a_refusal_puts_it_back(
    store: Store, clock: FakeClock
) -> None:
    """The rule's refusals themselves: tests/data/test_store_plan.py and
    tests/unit/services/test_today_tomorrow.py."""
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("t", "r", "enter")
        await pilot.pause()
        assert store.week_plan(THU).day(THU).kind is DayKind.REST
        assert ("Tomorrow is now rest", "information") in toasts(pilot)
        assert "planned Mon, Thu" in shown(pilot, "#today-rest")
        clock.set(pendulum.datetime(2026, 11, 26, 20, tz="UTC"))  # the next evening
        pilot.app.check_day()  # type: ignore[attr-defined]
        await pilot.pause()
        before = store.week_plan(MON)
        # Friday as a third rest day: chosen without the overlay, driven by keys above.
        current(pilot, TodayScreen).query_one("#tomorrow", Select).value = DayKind.REST
        await pilot.pause()
        assert store.week_plan(MON) == before
        assert (TOO_MANY_REST, "error") in toasts(pilot)
        assert current(pilot, TodayScreen).query_one("#tomorrow", Select).value is DayKind.EASY
