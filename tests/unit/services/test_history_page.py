"""The History screen's pages: filtered, newest first, with week totals; Today's strip."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.forms import FormErrors
from tracker.domain.kinds import ActivityKind
from tracker.domain.listing import ActivityFilter, read_filter, week_totals
from tracker.services.bundle import Services
from tracker.services.history import HistoryService
from tracker.services.reports import stats_report


@pytest.fixture
def history(store: Store, clock: FakeClock) -> HistoryService:
    return Services.of(store, clock).history


def log(
    store: Store, days_ago: int, kind: ActivityKind = ActivityKind.EASY, **more: object
) -> None:
    store.add_activity(Activity(TODAY.subtract(days=days_ago), kind, 10000, 3000, **more))  # type: ignore[arg-type]


def test_pages_are_newest_first_and_cover_everything_once(
    store: Store, history: HistoryService
) -> None:
    for days_ago in range(30):
        log(store, days_ago)
    seen: list[Activity] = []
    offset = 0
    while True:
        page = history.page(ActivityFilter(), offset, limit=7)
        seen += page.activities
        offset += len(page.activities)
        if not page.more:
            break
    assert [a.date for a in seen] == sorted((a.date for a in seen), reverse=True)
    assert len({a.id for a in seen}) == 30 == page.matching


def test_a_week_total_counts_the_whole_week_even_across_pages(
    store: Store, history: HistoryService
) -> None:
    for days_ago in (0, 1, 2):  # Wed, Tue, Mon of one week
        log(store, days_ago)
    page = history.page(ActivityFilter(), 0, limit=1)
    total = page.week_of(page.activities[0])
    assert (total.count, total.distance_m, total.duration_s) == (3, 30000, 9000)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    runs=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(["hill", "easy", "hills club"])),
        max_size=25,
    ),
    text=st.sampled_from(["", "hill", "club"]),
    offset=st.integers(0, 12),
    limit=st.integers(1, 9),
    week_start=st.sampled_from(["monday", "sunday", "saturday"]),
)
def test_each_week_total_is_every_matching_run_of_its_week(
    store: Store,
    history: HistoryService,
    runs: list[tuple[int, str]],
    text: str,
    offset: int,
    limit: int,
    week_start: str,
) -> None:
    """Whatever page is read, a week's total is over all the runs of that week the
    filter names, those on other pages too, and only those."""
    for old in store.all_activities():
        store.delete_activity(old.id or 0)
    store.set_setting("week_start", week_start)
    for days_ago, note in runs:
        log(store, days_ago, note=note)
    chosen = ActivityFilter(text=text)
    page = history.page(chosen, offset, limit)
    expected = week_totals(store.find_activities(chosen), week_start)
    weeks = {week_of(a.date, week_start).start for a in page.activities}
    assert page.totals == {week: expected[week] for week in weeks}


def test_filters_by_kind_dates_and_text(store: Store, history: HistoryService) -> None:
    log(store, 0, ActivityKind.WORKOUT, note="Tempo with Anna")
    log(store, 3, ActivityKind.LONG, note="hills")
    log(store, 40, ActivityKind.EASY, note="100% easy")
    assert len(history.page(ActivityFilter(kind=ActivityKind.LONG)).activities) == 1
    assert len(history.page(history.read_filter("", "2026-11-01", "today", "")).activities) == 2
    assert [a.note for a in history.page(ActivityFilter(text="anna")).activities] == [
        "Tempo with Anna"
    ]
    assert [a.note for a in history.page(ActivityFilter(text="%")).activities] == ["100% easy"]
    assert history.page(ActivityFilter(text="_")).activities == ()


def test_a_run_moved_to_another_date_moves_the_stats(
    store: Store, history: HistoryService, clock: FakeClock
) -> None:
    log(store, 0)
    run = history.page(ActivityFilter()).activities[0]
    history.save_run(replace(run, date=TODAY.subtract(weeks=1)))
    assert stats_report(store, TODAY).this_week.distance_m == 0
    assert store.activities_on(TODAY.subtract(weeks=1))[0].id == run.id


def test_a_filter_typed_backwards_or_wrong_names_each_field() -> None:
    with pytest.raises(FormErrors) as caught:
        read_filter("swim", "2026-12-01", "2026-11-01", "", TODAY)
    assert set(caught.value.errors) == {"kind", "end"}
    with pytest.raises(FormErrors) as caught:
        read_filter("", "2026-13-01", "", "x" * 101, TODAY)
    assert set(caught.value.errors) == {"start", "text"}


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), st.text(max_size=120))
def test_any_typed_filter_is_a_filter_or_named_errors(
    kind: str, start: str, end: str, text: str
) -> None:
    try:
        chosen = read_filter(kind, start, end, text, TODAY)
    except FormErrors as exc:
        assert exc.errors and set(exc.errors) <= {"kind", "start", "end", "text"}
    else:
        assert chosen.start is None or chosen.end is None or chosen.start <= chosen.end


def test_any_text_searched_is_matched_literally(store: Store, history: HistoryService) -> None:
    log(store, 0, note="a [b] % _ \\ 'c'")
    for needle in ("[b]", "%", "_", "\\", "'c'", "a [b] % _ \\ 'c'"):
        assert len(history.page(ActivityFilter(text=needle)).activities) == 1, needle


def test_the_strip_shows_seven_days_with_rest_and_unknown(
    store: Store, history: HistoryService
) -> None:
    store.record_created_on(TODAY.subtract(days=4))
    log(store, 1)
    strip = history.last_days(TODAY)
    assert [d.day for d in strip][-1] == TODAY and len(strip) == 7
    assert [d.known for d in strip] == [False, False, True, True, True, True, True]
    assert [d.rested for d in strip] == [False, False, True, True, True, False, False]
    assert strip[5].distance_m == 10000
