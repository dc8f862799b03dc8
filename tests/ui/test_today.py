"""The Today screen, key by key, asserting on the store and on what is shown (DESIGN §7)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Select, Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, shown, ticked, toasts
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.plan import TOO_FEW_REST, TOO_MANY_REST
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.domain.wellness import Wellness
from tracker.screens.modals.backfill import BackfillDialog
from tracker.screens.modals.checkin_form import BriefCheckinForm, CheckinForm
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.run_form import LogRecoveryForm, LogRunForm
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


def history(store: Store, first: date, last: date) -> None:
    """Checked-in days from ``first`` to ``last``, an easy run on each but Mondays."""
    day = first
    while day <= last:
        if day.weekday() != 0:
            store.add_activity(Activity(day, ActivityKind.EASY, 8000))
        store.check_in(day)
        day += timedelta(days=1)


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


async def test_the_demo_lists_the_missed_evenings(demo_store: Store, clock: FakeClock) -> None:
    async with make_app(demo_store, clock).run_test(size=SIZE) as pilot:
        # Its two latest rest days were never checked in: the only missed evenings.
        missed = shown(pilot, "#today-missed")
        assert "2 evenings missed: Mon 16 Nov, Mon 23 Nov — b backfills" in missed
        assert "b" in {b.binding.key for b in current(pilot, TodayScreen).active_bindings.values()}


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
        assert shown(pilot, "#today-status") == "✓ Checked in — Hooper 14"
        assert shown(pilot, "#today-hint") == ""
        assert checklist(pilot, "recovery").border_title == "Recovery 2/5"
        assert checklist(pilot, "nutrition").border_title == "Nutrition 4/4"
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
            await pilot.press(*keys)
        await pilot.pause()
    counted = sum(len(keys) for keys in TYPICAL_EVENING if keys not in typed)
    assert counted == 17 <= 18
    (run,) = store.activities_on(TODAY)
    assert (run.distance_m, run.duration_s) == (9000, 44 * 60 + 10)
    assert ticked(store, TODAY) == {"foam_roller", "feet_up"}
    assert len(nutrition_names(store)) == 4
    assert store.is_checked_in(TODAY)
    assert store.wellness_on(TODAY) == Wellness(TODAY, 7.5, 3, 4, 2, 5)


async def test_an_evening_with_the_distance_typed(store: Store, clock: FakeClock) -> None:
    keys = ["l", "9", ".", "4", "tab", "4", "4", ":", "1", "0", "enter", "c", "ctrl+s"]
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        (run,) = store.activities_on(TODAY)
        assert (run.kind, run.distance_m, run.duration_s) == (ActivityKind.WORKOUT, 9400, 2650)
        assert store.is_checked_in(TODAY)
        runs = current(pilot, TodayScreen).query_one("#runs", RunList)
        assert runs.display
        assert str(runs.get_option_at_index(0).prompt).startswith(
            "Workout 9.4 km · 44:10 · 4:42/km"
        )


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
        await pilot.press("1", "2", "enter")
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


async def test_tomorrow_can_become_a_rest_day(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("t", "r", "enter")
        await pilot.pause()
        assert store.week_plan(THU).day(THU).kind is DayKind.REST
        assert ("Tomorrow is now rest", "information") in toasts(pilot)
        assert "planned Mon, Thu" in shown(pilot, "#today-rest")


async def test_a_third_rest_day_tomorrow_is_refused(store: Store, clock: FakeClock) -> None:
    store.set_kind(FRI, DayKind.REST)
    before = store.week_plan(MON)
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("t", "r", "enter")
        await pilot.pause()
        assert store.week_plan(MON) == before
        assert (TOO_MANY_REST, "error") in toasts(pilot)
        assert current(pilot, TodayScreen).query_one("#tomorrow", Select).value is DayKind.EASY


async def test_the_only_rest_day_tomorrow_cannot_go(store: Store, clock: FakeClock) -> None:
    store.move_rest(MON, THU)
    before = store.week_plan(MON)
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert current(pilot, TodayScreen).query_one("#tomorrow", Select).value is DayKind.REST
        await pilot.press("t", "e", "enter")
        await pilot.pause()
        assert store.week_plan(MON) == before
        assert (TOO_FEW_REST, "error") in toasts(pilot)
        assert current(pilot, TodayScreen).query_one("#tomorrow", Select).value is DayKind.REST


async def test_tomorrow_in_next_week_follows_that_weeks_rule(
    store: Store, clock: FakeClock
) -> None:
    clock.set(pendulum.datetime(2026, 11, 29, 20, tz="UTC"))  # Sunday
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert current(pilot, TodayScreen).query_one("#tomorrow", Select).value is DayKind.REST
        await pilot.press("t", "e", "enter")
        await pilot.pause()
        assert store.week_plan(date(2026, 11, 30)).day(date(2026, 11, 30)).kind is DayKind.REST
        assert (TOO_FEW_REST, "error") in toasts(pilot)


# Recovery


async def test_space_ticks_and_unticks_both_lists_and_only_ticking_moves_on(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert ticked(store, TODAY) == {"ice_bath"}
        (session,) = store.sessions_between(TODAY, TODAY)
        assert session.started_at == clock.now()
        assert checklist(pilot, "recovery").highlighted == 1  # moved on to the next item
        await pilot.press("up", "space")
        assert ticked(store, TODAY) == set()
        assert checklist(pilot, "recovery").highlighted == 0  # an untick stays put

        await pilot.press("tab")
        nutrition = checklist(pilot, "nutrition")
        assert nutrition.has_focus
        await pilot.press("space")  # ticks Antioxidants, moves on to Protein
        assert nutrition.highlighted == 1
        await pilot.press("up", "space")  # unticks it: still on Antioxidants
        assert nutrition.highlighted == 0
        assert nutrition_names(store) == set()
        await pilot.press("space", "down", "space")
        assert nutrition_names(store) == {"Antioxidants", "Complex carbohydrates"}
        assert shown(pilot, "#today-about") == ""  # Hydration needs no note
        await pilot.press("up")
        assert shown(pilot, "#today-about") == (
            "Complex carbohydrates: most when you train again within ~8 h"
        )
        await pilot.press("up", "up", "space")
        assert nutrition_names(store) == {"Complex carbohydrates"}
        assert checklist(pilot, "nutrition").border_title == "Nutrition 1/4"

        await pilot.press("f")  # a timer key opens the timer
        await pilot.pause()
        assert pilot.app.current_mode == "timer"


async def test_massage_asks_for_an_optional_duration_and_note(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down", "space")
        form = pilot.app.screen
        assert isinstance(form, LogRecoveryForm)
        await pilot.press(*"soon", "enter")
        assert "not a duration: 'soon'" in str(form.query_one("#duration-error", Static).render())
        assert ticked(store, TODAY) == set()
        await pilot.press(*"60m", "tab", *"calves", "enter")  # the wrong value was selected
        await pilot.pause()
        (session,) = store.sessions_between(TODAY, TODAY)
        assert (session.kind, session.elapsed_s, session.note) == ("massage", 3600, "calves")
        assert "1:00:00 · calves" in str(checklist(pilot, "recovery").items[3].detail)


async def test_acupuncture_with_nothing_filled_in_is_ticked(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("end", "space", "escape")  # cancel ticks nothing
        assert ticked(store, TODAY) == set()
        await pilot.press("space", "enter")
        await pilot.pause()
        assert ticked(store, TODAY) == {"acupuncture"}
        (session,) = store.sessions_between(TODAY, TODAY)
        assert not session.elapsed_s and session.note is None


async def test_unticking_a_timed_session_asks_first(store: Store, clock: FakeClock) -> None:
    store.start_session(
        RecoverySession(
            date=TODAY,
            kind="ice_bath",
            started_at=clock.now(),
            status=SessionStatus.COMPLETED,
            planned_s=600,
            elapsed_s=604,
            temperature_c=12.0,
            preset="Ice bath",
        )
    )
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert checklist(pilot, "recovery").items[0].detail == "10:04 · 12 °C"
        await pilot.press("space")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "10:04 · 12 °C" in dialog.question
        await pilot.press("n")
        assert ticked(store, TODAY) == {"ice_bath"}
        await pilot.press("space", "y")  # an untick stays on the item
        assert ticked(store, TODAY) == set()


# Nutrition


async def test_archived_items_are_not_on_the_checklist(store: Store, clock: FakeClock) -> None:
    protein = next(i for i in store.nutrition_items() if i.name == "Protein")
    store.set_nutrition_check(TODAY, protein.id, True)
    store.archive_nutrition_item(protein.id)
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        labels = [item.label for item in checklist(pilot, "nutrition").items]
        assert "Protein" not in labels
        assert checklist(pilot, "nutrition").border_title == "Nutrition 0/3"


# Backfill


async def test_backfill_across_a_week_boundary_and_a_dst_change(
    store: Store, clock: FakeClock
) -> None:
    """Summer time ends in Berlin on Sun 25 Oct 2026; the evenings Fri 23 to Mon 26 were missed."""
    store.set_setting("timezone", "Europe/Berlin")
    clock.set(pendulum.datetime(2026, 10, 27, 21, 30, tz="Europe/Berlin"))
    history(store, date(2026, 10, 12), date(2026, 10, 22))
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert "4 evenings missed: Fri, Sat, Sun, Mon — b backfills" in shown(
            pilot, "#today-missed"
        )
        await pilot.press("b")
        dialog = pilot.app.screen
        assert isinstance(dialog, BackfillDialog)
        assert dialog.day == date(2026, 10, 23)
        await pilot.press("l")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm)
        assert form.day == date(2026, 10, 23)
        await pilot.press("1", "0", "enter")
        brief = pilot.app.screen
        assert isinstance(brief, BriefCheckinForm)  # how Friday felt, briefly
        assert [w.id for w in brief.query("Input")] == [
            "sleep_quality",
            "fatigue",
            "stress",
            "soreness",
            "sleep_h",
        ]
        await pilot.press("escape")  # skipped: Friday is checked in all the same
        dialog = pilot.app.screen
        assert isinstance(dialog, BackfillDialog)
        assert dialog.day == date(2026, 10, 24)
        await pilot.press("r")  # Saturday: rest, and how it felt
        await pilot.press("2", "3", "2", "4", *"8", "enter")
        assert isinstance(pilot.app.screen, BackfillDialog)
        assert pilot.app.screen.day == date(2026, 10, 25)
        await pilot.press("s")  # Sunday (25 hours long): skipped for now
        assert pilot.app.screen.day == date(2026, 10, 26)
        await pilot.press("r", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        checked = store.checkins(date(2026, 10, 23), date(2026, 10, 27))
        assert checked == {date(2026, 10, 23), date(2026, 10, 24), date(2026, 10, 26)}
        saturday = date(2026, 10, 24)
        assert store.wellness_between(date(2026, 10, 23), date(2026, 10, 27)) == {
            saturday: Wellness(saturday, 8.0, 2, 3, 2, 4)
        }
        (run,) = store.activities_on(date(2026, 10, 23))
        assert run.distance_m == 10000
        assert store.activities_between(date(2026, 10, 24), date(2026, 10, 27)) == []
        assert "1 evening missed: Sun — b backfills" in shown(pilot, "#today-missed")
        assert ("All caught up: 3 of 4 evenings checked in", "information") in toasts(pilot)


async def test_a_day_with_a_run_is_never_a_missed_evening_and_escape_changes_nothing(
    store: Store, clock: FakeClock
) -> None:
    history(store, MON - timedelta(weeks=1), SUN - timedelta(weeks=1))
    store.add_activity(Activity(TUE, ActivityKind.EASY, 7000))  # logged, never checked in
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert "1 evening missed: Mon — b backfills" in shown(pilot, "#today-missed")
        await pilot.press("b", "l", "escape", "escape")
        assert isinstance(pilot.app.screen, BackfillDialog)  # the same day again
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert store.checkins(MON, TUE) == set()
        assert store.activities_on(MON) == []
        await pilot.press("b")
        dialog = pilot.app.screen
        assert isinstance(dialog, BackfillDialog) and dialog.day == MON
        await pilot.press("c")  # no run on Monday: "looks right" is not offered
        assert pilot.app.screen is dialog
        await pilot.press("r", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert store.checkins(MON, TUE) == {MON}
        assert not current(pilot, TodayScreen).query_one("#today-missed").display


# Midnight


async def test_the_screen_moves_on_at_midnight(store: Store, clock: FakeClock) -> None:
    clock.set(pendulum.datetime(2026, 11, 25, 23, 59, 59, tz="UTC"))
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        screen = current(pilot, TodayScreen)
        await pilot.press("space")  # tick the ice bath on Wednesday
        assert "Today · Wed 25 Nov" in str(screen.query_one("#today-day").border_title)
        clock.advance(2)
        pilot.app.check_day()  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen.today == THU
        assert screen.sub_title == "Thursday 26 November 2026"
        assert "Today · Thu 26 Nov" in str(screen.query_one("#today-day").border_title)
        assert shown(pilot, "#today-plan") == "Planned  Easy"
        assert str(screen.query_one("#tomorrow-label").render()) == "Tomorrow Fri 27 "
        assert checklist(pilot, "recovery").checked_keys == frozenset()
        await pilot.press("space")
        assert ticked(store, THU) == {"foam_roller"}
        assert ticked(store, WED) == {"ice_bath"}


# Small terminals


async def test_usable_at_80_by_24(store: Store, clock: FakeClock) -> None:
    store.add_activity(Activity(TODAY, ActivityKind.EASY, 8000, 2700, 4, "legs"))
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        screen = current(pilot, TodayScreen)
        for name in ("#today-day", "#today-week", "#recovery", "#nutrition"):
            region = screen.query_one(name).region
            assert region.bottom <= 23 and region.right <= 80, (name, region)
        await pilot.press("l")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm)
        await pilot.press("x", "enter")  # every error shown at once still fits
        assert form.query_one("#run-form").region.bottom <= 24
        assert form.query_one("#save").region.bottom <= 24


async def test_four_runs_fit_without_a_scrollbar_and_the_strip_shows_the_week_at_80(
    store: Store, clock: FakeClock
) -> None:
    history(store, MON - timedelta(weeks=1), TUE)
    for distance in (5000, 6000, 7000, 8000):
        store.add_activity(
            Activity(WED, ActivityKind.WORKOUT, distance, 1800, 7, "long note " * 4, avg_hr=150)
        )
    async with make_app(store, clock).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        runs = current(pilot, TodayScreen).query_one("#runs", RunList)
        assert runs.option_count == 4
        assert runs.size.height == 4 and runs.max_scroll_y == 0  # one line each, no scrollbar
        assert not runs.show_vertical_scrollbar
        strip = pilot.app.screen.query_one("#today-strip")
        lines = [line.text for line in strip.render_lines(Region(0, 0, *strip.size))]
        days = "Thu 19 Fri 20 Sat 21 Sun 22 Mon 23 Tue 24 Wed 25 •"
        assert " ".join(lines[0].split()) == days
        # the four workouts' 26 km on Wednesday: "Workout" does not fit at 80 columns
        assert (
            " ".join(lines[1].split()) == "8.0 Easy 8.0 Easy 8.0 Easy 8.0 Easy rest 8.0 Easy 26.0"
        )
