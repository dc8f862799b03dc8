"""Week: moves left undone, editing a day, excused weeks, warnings and midnight.

The rule and the warnings themselves: tests/unit/services/test_planning_changes.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.conftest import make_app
from tests.fakes import FakeClock
from tests.helpers import current, shown, toasts
from tests.ui.test_week import (
    FRI,
    MON,
    SIZE,
    SUN,
    THU,
    WED,
    A,
    E,
    L,
    R,
    W,
    cell,
    cell_text,
    dump,
    kinds,
)
from tracker.data.store import Store
from tracker.domain.plan import DEFAULT_TEMPLATE, TOO_FEW_REST, PlanDay
from tracker.screens.modals.confirm import ConfirmDialog, TextPromptDialog
from tracker.screens.modals.plan_day import EditDayDialog
from tracker.screens.week import WeekScreen


def pick(pilot: Pilot[Any], day: date) -> None:
    """Select ``day`` as a click on its cell does: the arrow keys' walk is
    test_week.py's opening test, and each key costs a wait (about 85 ms)."""
    current(pilot, WeekScreen).selected = day


async def test_a_move_cancelled_onto_itself_or_into_another_week_changes_nothing(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        screen = current(pilot, WeekScreen)
        pick(pilot, MON)
        await pilot.press("m", "right", "right", "escape")  # escape cancels
        assert screen.move_source is None
        assert not any(cell(pilot, i).has_class("-moving") for i in range(7))
        assert "Moving" not in shown(pilot, "#day-detail")
        await pilot.press("m")
        assert screen.move_source == WED
        await pilot.press("escape")
        pick(pilot, MON)
        await pilot.press("m", "m")  # onto the same day
        await pilot.pause()
        assert screen.move_source is None
        await pilot.press("m", "right_square_bracket")  # changing week drops it
        assert screen.move_source is None
        await pilot.press("m", "home")
        assert screen.move_source is None
        assert dump(store) == []
        assert not any("Swapped" in message for message, _ in toasts(pilot))

        pick(pilot, SUN)
        await pilot.press("R")
        await pilot.press("m", "right")
        before = dump(store)
        await pilot.press("m")  # into the next week
        await pilot.pause()
        assert screen.move_source is None
        assert ("Pick a day in the same week to swap with", "error") in toasts(pilot)
        assert dump(store) == before
        assert kinds(store) == (R, E, W, E, E, L, R)
        assert store.week_plan(SUN + timedelta(days=1)).kinds == DEFAULT_TEMPLATE


# Editing a day


async def test_enter_edits_kind_target_and_note_from_the_day_as_planned(
    store: Store, clock: FakeClock
) -> None:
    store.set_day(THU, E, 8_000, "shakeout")
    store.set_day(FRI, L, 21_097, None)  # a half marathon: 21,097 m, kept exactly
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, EditDayDialog)
        assert dialog.query_one("#kind", Select).value is W
        # The kind has its own keys on the Week screen: the dialog starts at the distance.
        assert dialog.query_one("#target", Input).has_focus
        await pilot.press("shift+tab", "enter", "down", "enter")
        assert dialog.query_one("#kind", Select).value is L
        await pilot.press("tab")
        assert dialog.query_one("#target", Input).has_focus
        # Typed into: the next test ("far"), and test_text_input_forms.py for the note.
        dialog.query_one("#target", Input).value = "21.1"
        dialog.query_one("#note", Input).value = "hills"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WeekScreen)
        assert store.week_plan(MON).day(WED) == PlanDay(WED, L, 21_100, "hills")
        assert "Long, target 21.1 km — hills" in shown(pilot, "#day-detail")
        assert cell_text(pilot, 2).splitlines()[1:3] == ["LONG", "plan 21.1"]
        assert "Planned 50.2 km" in shown(pilot, "#week-header")

        pick(pilot, THU)
        await pilot.press("enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, EditDayDialog)
        assert dialog.query_one("#target", Input).value == "8"
        assert dialog.query_one("#note", Input).value == "shakeout"
        dialog.query_one("#target", Input).value = ""  # the target cleared
        await pilot.press("enter")
        await pilot.pause()
        assert store.week_plan(MON).day(THU) == PlanDay(THU, E, None, "shakeout")

        pick(pilot, FRI)
        await pilot.press("enter")  # only the note changes: the target stays
        dialog = pilot.app.screen
        assert isinstance(dialog, EditDayDialog)
        assert dialog.query_one("#target", Input).value == "21.097"
        dialog.query_one("#note", Input).value = "race pace"
        await pilot.press("enter")
        await pilot.pause()
        assert store.week_plan(MON).day(FRI) == PlanDay(FRI, L, 21_097, "race pace")


async def test_the_dialog_refuses_a_bad_distance_and_what_breaks_the_rule(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, EditDayDialog)
        await pilot.press(*"far", "enter")
        await pilot.pause()
        assert pilot.app.screen is dialog
        error = str(dialog.query_one("#target-error", Static).render())
        assert "not a distance: 'far'" in error
        assert dialog.query_one("#target", Input).has_focus
        assert dump(store) == []
        await pilot.press("escape", "escape")  # out of the field, then the dialog
        await pilot.pause()
        assert isinstance(pilot.app.screen, WeekScreen)
        assert dump(store) == []

        pick(pilot, MON)
        await pilot.press("enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, EditDayDialog)
        dialog.query_one("#kind", Select).value = E
        dialog.query_one("#note", Input).value = "8"
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert str(dialog.query_one("#save-error", Static).render()) == (
            TOO_FEW_REST + " (m moves it)"
        )
        assert dump(store) == []
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WeekScreen)
        assert dump(store) == []


# Excusing a week


async def test_excuse_a_week_then_make_it_count_again(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket", "x")
        assert isinstance(pilot.app.screen, TextPromptDialog)
        pilot.app.screen.query_one("#text", Input).value = "ill"  # "flu" below is typed
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WeekScreen), "escape leaves it unexcused"
        assert store.excused_weeks() == {}

        await pilot.press("right_square_bracket", "x")
        prompt = pilot.app.screen
        assert isinstance(prompt, TextPromptDialog)
        await pilot.press("enter")
        assert "Say why" in str(prompt.query_one("#text-error", Static).render())
        assert store.excused_weeks() == {}
        await pilot.press(*"flu", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WeekScreen)
        assert store.excused_weeks() == {MON: "flu"}
        assert "Excused: flu" in shown(pilot, "#week-header")

        await pilot.press("x")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert store.excused_weeks() == {MON: "flu"}

        await pilot.press("x")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert store.excused_weeks() == {}
        assert "Excused" not in shown(pilot, "#week-header")


# Warnings and the day moving on


async def test_warnings_are_shown_for_this_week_and_the_next_then_midnight_moves_on(
    store: Store, clock: FakeClock
) -> None:
    next_monday = MON + timedelta(weeks=1)
    store.set_kind(next_monday + timedelta(days=1), R)
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        screen = current(pilot, WeekScreen)
        pick(pilot, THU)
        await pilot.press("A")
        warnings = shown(pilot, "#week-warnings")
        assert "Two hard days back to back: Workout Wed then Race Thu" in warnings
        assert store.week_plan(MON).day(THU).kind is A, "a warning never blocks"
        pick(pilot, SUN)
        await pilot.press("W")
        assert "No easy or rest day after the long run on Sat" in shown(pilot, "#week-warnings")
        store.set_kind(next_monday, W)
        await pilot.press("L")
        warnings = shown(pilot, "#week-warnings")
        assert "Two hard days back to back: Long Sun then Workout Mon" in warnings
        # next week is shown below, with its own warnings
        assert shown(pilot, "#next-header").startswith("Next week  Mon 30 – Sun 6 Dec")
        assert "rest days 1 (Tue) ✓" in shown(pilot, "#next-header")
        assert not pilot.app.screen.query_one("#next-warnings").display
        store.set_kind(next_monday + timedelta(days=2), W)
        store.set_kind(next_monday + timedelta(days=3), L)
        await pilot.pause()
        next_warnings = shown(pilot, "#next-warnings")
        assert next_warnings == "⚠ Two hard days back to back: Workout Wed then Long Thu"
        assert pilot.app.screen.query_one("#next-warnings").display

        clock.set(pendulum.datetime(2026, 11, 30, 0, 0, 5, tz="UTC"))
        pilot.app.check_day()  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen.today == date(2026, 11, 30)
        assert screen.selected == date(2026, 11, 30)
        assert "Mon 30 Nov – Sun 6 Dec 2026" in shown(pilot, "#week-header")
        assert cell(pilot, 0).has_class("-today", "-selected")
