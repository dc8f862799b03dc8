"""Today: the checklists, the backfill keys, midnight and small terminals."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
from textual.geometry import Region
from textual.widgets import Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, history, shown, ticked, toasts, type_in
from tests.ui.test_today import MON, SIZE, THU, TUE, WED, checklist, nutrition_names
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.domain.wellness import Wellness
from tracker.screens.modals.backfill import BackfillDialog
from tracker.screens.modals.checkin_form import BriefCheckinForm
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.run_form import LogRecoveryForm, LogRunForm
from tracker.screens.today import TodayScreen
from tracker.widgets.run_list import RunList

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


async def test_a_timed_untick_asks_first_and_massage_and_acupuncture_ask_how_long(
    store: Store, clock: FakeClock
) -> None:
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

        # Massage: an optional duration and note.
        await pilot.press("down", "down", "down", "space")
        form = pilot.app.screen
        assert isinstance(form, LogRecoveryForm)
        await type_in(pilot, "soon")
        await pilot.press("enter")
        assert "not a duration: 'soon'" in str(form.query_one("#duration-error", Static).render())
        assert ticked(store, TODAY) == set()
        await type_in(pilot, "60m")  # over the wrong value, which was selected
        await pilot.press("tab")
        await type_in(pilot, "calves")
        await pilot.press("enter")
        await pilot.pause()
        (session,) = store.sessions_between(TODAY, TODAY)
        assert (session.kind, session.elapsed_s, session.note) == ("massage", 3600, "calves")
        assert "1:00:00 · calves" in str(checklist(pilot, "recovery").items[3].detail)

        # Acupuncture: cancel ticks nothing; nothing filled in ticks it.
        await pilot.press("end", "space", "escape")
        assert ticked(store, TODAY) == {"massage"}
        await pilot.press("space", "enter")
        await pilot.pause()
        assert ticked(store, TODAY) == {"massage", "acupuncture"}
        acupuncture = next(s for s in store.sessions_between(TODAY, TODAY) if s.kind != "massage")
        assert not acupuncture.elapsed_s and acupuncture.note is None


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


async def test_the_backfill_keys_walk_the_missed_evenings(store: Store, clock: FakeClock) -> None:
    """Each key of the walk reaches it; which answer does what is proven with a stand-in
    app in tests/unit/screens/test_backfill_walk.py. Summer time ends in Berlin on Sun 25
    Oct 2026; the evenings Fri 23 to Mon 26 were missed, Thu 22 holds a run never
    checked in (not a missed evening)."""
    store.set_setting("timezone", "Europe/Berlin")
    clock.set(pendulum.datetime(2026, 10, 27, 21, 30, tz="Europe/Berlin"))
    history(store, date(2026, 10, 12), date(2026, 10, 21))
    store.add_activity(Activity(date(2026, 10, 22), ActivityKind.EASY, 7000))
    fri, sat, sun, mon = (date(2026, 10, 23 + n) for n in range(4))
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        assert "4 evenings missed: Fri, Sat, Sun, Mon — b backfills" in shown(
            pilot, "#today-missed"
        )
        await pilot.press("b")
        dialog = pilot.app.screen
        assert isinstance(dialog, BackfillDialog) and dialog.day == fri
        await pilot.press("c")  # no run on Friday: "looks right" is not offered
        assert pilot.app.screen is dialog
        await pilot.press("l")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm) and form.day == fri
        await type_in(pilot, "10")
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, BriefCheckinForm)  # how Friday felt, briefly
        await pilot.press("escape")  # skipped: Friday is checked in all the same
        assert isinstance(pilot.app.screen, BackfillDialog)
        assert pilot.app.screen.day == sat
        await pilot.press("r", "2", "ctrl+s")  # Saturday: rest, and how it felt
        assert isinstance(pilot.app.screen, BackfillDialog)
        assert pilot.app.screen.day == sun
        await pilot.press("s")  # Sunday (25 hours long): skipped for now
        assert pilot.app.screen.day == mon
        await pilot.press("escape")  # stop
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert store.checkins(fri, mon) == {fri, sat}
        assert store.wellness_between(fri, mon) == {sat: Wellness(sat, sleep_quality=2)}
        assert [a.distance_m for a in store.activities_between(fri, mon)] == [10000]
        assert "2 evenings missed: Sun, Mon — b backfills" in shown(pilot, "#today-missed")
        assert ("2 evenings checked in", "information") in toasts(pilot)


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


async def test_usable_at_80_by_24_four_runs_fit_and_the_strip_shows_the_week(
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
