"""The Week screen, key by key, asserting on the store and on what is shown (DESIGN §7).

What each plan change does to the store, the rule's refusals and the header's words are
unit tests of the planning service (tests/unit/services/test_planning_changes.py); here
each key is shown to reach it, and the screen to show what it did. Each test walks
through one part of the screen in one app start (a start costs far more than a key).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import A, C, E, L, R, W, current, shown, toasts
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, TOO_FEW_REST, TOO_MANY_REST, PlanDay
from tracker.screens.week import WeekScreen
from tracker.services.planning import WeekReport
from tracker.widgets.day_cell import DayCell

SIZE = (100, 32)
MON = date(2026, 11, 23)
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=i) for i in range(1, 7))
assert TODAY == WED


def cell(pilot: Pilot[Any], index: int) -> DayCell:
    return pilot.app.screen.query_one(f"#day-{index}", DayCell)


def cell_text(pilot: Pilot[Any], index: int) -> str:
    return str(cell(pilot, index).render())


def dump(store: Store) -> list[tuple[Any, ...]]:
    return list(store.db.execute("SELECT * FROM plan_days ORDER BY date").fetchall())


def kinds(store: Store) -> tuple[DayKind, ...]:
    return store.week_plan(MON).kinds


async def select_day(pilot: Pilot[Any], day: date) -> None:
    screen = current(pilot, WeekScreen)
    steps = (day - screen.selected).days
    await pilot.press(*(["right"] * steps if steps > 0 else ["left"] * -steps))
    assert screen.selected == day


# Opening and moving around


async def test_opens_on_today_moves_by_day_and_week_and_browsing_stores_nothing(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        screen = current(pilot, WeekScreen)
        assert screen.selected == TODAY
        assert cell(pilot, 2).has_class("-selected", "-today")
        assert not cell(pilot, 1).has_class("-selected")
        header = shown(pilot, "#week-header")
        assert "Mon 23 Nov – Sun 29 Nov 2026" in header and "this week" in header
        assert "Rest days planned 1 (Mon) rule 1–2 ✓" in header
        assert cell_text(pilot, 0).splitlines()[:2] == ["Mon 23", "REST"]
        assert cell_text(pilot, 2).splitlines()[:2] == ["Wed 25 •", "WORKOUT"]
        assert shown(pilot, "#day-detail").startswith("Wednesday 25 November: Workout")

        # left and right move the selection, across the week's start too
        await pilot.press("right")
        assert screen.selected == THU
        assert cell(pilot, 3).has_class("-selected")
        assert not cell(pilot, 2).has_class("-selected")
        assert shown(pilot, "#day-detail").startswith("Thursday 26 November: Easy")
        await pilot.press("left", "left", "left")
        assert screen.selected == MON
        await pilot.press("left")
        assert screen.selected == date(2026, 11, 22)
        assert "Mon 16 Nov – Sun 22 Nov 2026" in shown(pilot, "#week-header")
        assert cell(pilot, 6).has_class("-selected")
        await pilot.press("right")
        assert "Mon 23 Nov – Sun 29 Nov 2026" in shown(pilot, "#week-header")

        # the brackets change week; home comes back
        await pilot.press("left", "home")
        assert screen.selected == TODAY
        await pilot.press("right_square_bracket")
        assert screen.selected == WED + timedelta(weeks=1)
        header = shown(pilot, "#week-header")
        assert "Mon 30 Nov – Sun 6 Dec 2026" in header and "this week" not in header
        assert "From your week template (italic), kept once changed or ticked" in header
        assert not any(cell(pilot, i).has_class("-today") for i in range(7))
        assert cell_text(pilot, 0).splitlines()[1] == "REST"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert screen.selected == WED - timedelta(weeks=2)
        # a past week never planned: "not planned", never filled in
        header = shown(pilot, "#week-header")
        assert "Mon 9 Nov – Sun 15 Nov 2026" in header and "Not planned" in header
        assert cell_text(pilot, 0).splitlines()[1:3] == ["not", "planned"]
        assert "unknown" in cell_text(pilot, 0)  # before the history: not "done –"
        assert not any(cell(pilot, 0).has_class(f"-kind-{k.value}") for k in DayKind)
        await pilot.press("R")
        await pilot.pause()
        assert any("never planned" in message for message, _ in toasts(pilot))
        await pilot.press("home")
        assert screen.selected == TODAY
        assert "this week" in shown(pilot, "#week-header")
        assert dump(store) == []  # reading never writes
        assert kinds(store) == DEFAULT_TEMPLATE


async def test_a_step_reads_one_week_and_shows_each_change(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``[``/``]`` read only the week coming in (the other was just read as the next or
    the shown one); a change is seen on every week shown after it."""
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        screen = current(pilot, WeekScreen)
        read: list[date] = []
        week = screen.planning.week

        def counted(day: date, today: date) -> WeekReport:
            read.append(day)
            return week(day, today)

        monkeypatch.setattr(screen.planning, "week", counted)
        await pilot.press("right_square_bracket", "left_square_bracket", "left_square_bracket")
        assert len(read) == 2  # the week after next, then the week before this one
        await pilot.press("right_square_bracket", "right_square_bracket", "C")
        assert cell_text(pilot, 2).splitlines()[1] == "CROSS"
        await pilot.press("left_square_bracket", "right_square_bracket")
        assert cell_text(pilot, 2).splitlines()[1] == "CROSS"
        assert store.planned_day(WED + timedelta(weeks=1)).kind is C


# Setting kinds


async def test_kind_keys_plan_the_selected_day_and_the_rule_refuses_with_a_toast(
    store: Store, clock: FakeClock
) -> None:
    store.record_created_on(MON)
    store.add_activity(Activity(MON, ActivityKind.EASY, 8000))
    store.set_day(THU, E, 6000, None)
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        # Tuesday (planned easy) passed with nothing logged: a rest day taken
        lines = cell_text(pilot, 1).splitlines()
        assert lines[1] == "EASY" and lines[3] == "rested"
        assert "done –" not in cell_text(pilot, 1)
        assert "taken 1 (Tue)" in shown(pilot, "#week-header")

        await select_day(pilot, THU)
        await pilot.press("R")  # on a planned run: its target goes
        assert store.week_plan(MON).day(THU) == PlanDay(THU, R)
        assert shown(pilot, "#day-detail").startswith("Thursday 26 November: Rest")
        assert "target" not in shown(pilot, "#day-detail")
        assert "plan" not in cell_text(pilot, 3)
        assert "Rest days planned 2 (Mon, Thu) rule 1–2 ✓" in shown(pilot, "#week-header")

        await pilot.press("right", "R")  # a third rest day
        await pilot.pause()
        assert (TOO_MANY_REST, "error") in toasts(pilot)
        assert cell_text(pilot, 4).splitlines()[1] == "EASY"
        assert kinds(store) == (R, E, W, R, E, L, E)

        await pilot.press("left")
        for key, kind in (("W", W), ("L", L), ("A", A), ("C", C), ("E", E)):
            await pilot.press(key)
            assert store.week_plan(MON).day(THU).kind is kind
            assert cell_text(pilot, 3).splitlines()[1] == kind.value.upper()
            assert all(
                cell(pilot, 3).has_class(f"-kind-{other.value}") == (other is kind)
                for other in DayKind
            )
        assert toasts(pilot) == [(TOO_MANY_REST, "error")]

        await select_day(pilot, MON)  # the last rest day
        await pilot.press("E")
        await pilot.pause()
        assert toasts(pilot)[-1] == (TOO_FEW_REST + " (m moves it)", "error")
        assert cell_text(pilot, 0).splitlines()[1] == "REST"
        assert kinds(store) == DEFAULT_TEMPLATE
        assert current(pilot, WeekScreen).selected == MON


# Moving the rest day


async def test_move_the_rest_day_with_m_or_enter(store: Store, clock: FakeClock) -> None:
    store.set_day(WED, W, 10_000, "6 × 800 m")
    async with make_app(store, clock, start_mode="week").run_test(size=SIZE) as pilot:
        screen = current(pilot, WeekScreen)
        await select_day(pilot, MON)
        await pilot.press("m")
        assert screen.move_source == MON
        assert cell(pilot, 0).has_class("-moving")
        assert "Moving Mon's rest" in shown(pilot, "#day-detail")
        assert kinds(store) == DEFAULT_TEMPLATE
        await pilot.press("right", "right")
        assert cell(pilot, 0).has_class("-moving")
        await pilot.press("m")
        await pilot.pause()
        assert screen.move_source is None
        assert not cell(pilot, 0).has_class("-moving")
        assert kinds(store) == (W, E, R, E, E, L, E)
        assert store.week_plan(MON).day(MON) == PlanDay(MON, W, 10_000, "6 × 800 m")
        assert ("Swapped Mon and Wed", "information") in toasts(pilot)
        assert cell_text(pilot, 2).splitlines()[1] == "REST"

        await pilot.press("m", "right", "enter")  # enter finishes a move too
        await pilot.pause()
        assert kinds(store) == (W, E, E, R, E, L, E)
        assert isinstance(pilot.app.screen, WeekScreen)
