"""History on screen: a run's date edited there moves it, and the stats follow."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current, toasts
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.screens.history import HistoryScreen
from tracker.screens.modals.confirm import ConfirmDialog
from tracker.screens.modals.run_form import LogRunForm
from tracker.services.reports import stats_report
from tracker.widgets.history_table import HistoryTable

LAST_WEEK = TODAY - timedelta(weeks=1)


async def test_a_run_moved_to_last_week_moves_the_stats_then_is_deleted(
    store: Store, clock: FakeClock
) -> None:
    store.add_activity(Activity(TODAY - timedelta(days=1), ActivityKind.EASY, 30000, 9000))
    before = stats_report(store, TODAY)
    async with make_app(store, clock, start_mode="history").run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        table = current(pilot, HistoryScreen).query_one(HistoryTable)
        table.move_cursor(row=1)  # row 0 is the week's total
        await pilot.press("enter")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm)
        form.query_one("#date").value = f"{LAST_WEEK:%Y-%m-%d}"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        (moved,) = store.all_activities()
        assert moved.date == LAST_WEEK
        assert store.activities_on(TODAY - timedelta(days=1)) == []
        after = stats_report(store, TODAY)
        assert after.this_week.distance_m == before.this_week.distance_m - 30000
        weekly = dict(after.weekly_distance)
        assert weekly[max(weekly)] == 0 and sum(weekly.values()) == 30000
        assert dict(before.weekly_distance)[max(weekly)] == 30000
        assert (f"Moved to {LAST_WEEK:%a %-d %b %Y}", "information") in toasts(pilot)

        table.move_cursor(row=1)
        await pilot.press("d")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert store.all_activities() == []


async def test_a_letter_that_names_the_same_runs_leaves_the_table_as_it_is(
    store: Store, clock: FakeClock
) -> None:
    for days_ago, note in ((1, "hill"), (2, "hills club"), (9, "easy")):
        store.add_activity(
            Activity(TODAY - timedelta(days=days_ago), ActivityKind.EASY, 8000, note=note)
        )
    async with make_app(store, clock, start_mode="history").run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        table = current(pilot, HistoryScreen).query_one(HistoryTable)
        drawn: list[int] = []
        show = table.show
        table.show = lambda *a, **k: (drawn.append(1), show(*a, **k))[1]  # type: ignore[method-assign]

        def notes() -> list[str]:
            return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]

        await pilot.press("slash", "h")
        assert len(drawn) == 1 and notes()[1:] == ["hill", "hills club"]  # after its total
        await pilot.press("i", "l")  # "hil": the same two runs
        assert len(drawn) == 1 and notes()[1:] == ["hill", "hills club"]
        await pilot.press("l")  # "hill": still both
        assert len(drawn) == 1
        await pilot.press("s")  # "hills": one run
        assert len(drawn) == 2 and notes()[1:] == ["hills club"]
        await pilot.press("backspace")  # "hill" again: both, drawn again
        assert len(drawn) == 3 and notes()[1:] == ["hill", "hills club"]
        await pilot.press("backspace", "backspace", "backspace")  # "h": the same two
        assert len(drawn) == 3
        await pilot.press("backspace")  # no filter: every run, under two weeks' totals
        assert len(drawn) == 4 and len(notes()) == 5
