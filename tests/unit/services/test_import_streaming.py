"""A large Strava or Garmin CSV is written in batches as it is read, and still all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tracker.data import run_batches
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.services.importing import ImportRefused, import_files, load_file

HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
START = datetime(2019, 1, 5, 7, 0, 0, tzinfo=UTC)


def strava_csv(path: Path, ids: list[int], bad: int | None = None) -> Path:
    lines = [HEADER]
    for index, number in enumerate(ids):
        moment = START + timedelta(days=index)
        when = moment.strftime("%b %-d, %Y, %-I:%M:%S %p")
        distance = "-1" if number == bad else "10.00"
        lines.append(f'{number},"{when}",Morning Run,Run,3000,{distance}\n')
    path.write_text("".join(lines))
    return path


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_batches, "IMPORT_BATCH", 7)


def test_a_bad_row_late_in_the_file_leaves_the_database_unchanged(
    store: Store, tmp_path: Path
) -> None:
    store.add_activity(Activity(date(2018, 1, 1), ActivityKind.EASY, 5000))
    before = list(store.db.conn.iterdump())
    path = strava_csv(tmp_path / "activities.csv", list(range(1, 101)), bad=99)
    with pytest.raises(ImportRefused, match="row 99, field 'Distance': negative distance"):
        import_files(store, [path], "UTC")
    assert list(store.db.conn.iterdump()) == before  # 14 batches were written, then undone


def test_every_refused_file_is_named_and_none_is_imported(store: Store, tmp_path: Path) -> None:
    good = strava_csv(tmp_path / "good.csv", [1, 2, 3])
    bad = strava_csv(tmp_path / "bad.csv", list(range(10, 40)), bad=30)
    worse = strava_csv(tmp_path / "worse.csv", [50, 51], bad=51)
    with pytest.raises(ImportRefused) as refused:
        import_files(store, [good, bad, worse, good], "UTC")
    assert [str(p) for p in refused.value.problems] == [
        "bad.csv, row 21, field 'Distance': negative distance: -1000 m",
        "worse.csv, row 2, field 'Distance': negative distance: -1000 m",
    ]
    assert store.all_activities() == []


def test_repeated_rows_and_runs_already_stored_are_counted_across_batches(
    store: Store, tmp_path: Path
) -> None:
    ids = [*range(1, 21), 3, 15, 20]
    first = import_files(store, [strava_csv(tmp_path / "a.csv", ids)], "UTC")
    assert first == [
        "a.csv (Strava CSV): 20 added, 0 already imported, 3 skipped (3 duplicate row)"
    ]
    again = import_files(store, [strava_csv(tmp_path / "b.csv", [*range(15, 31), 16])], "UTC")
    assert again == [
        "b.csv (Strava CSV): 10 added, 6 already imported, 1 skipped (1 duplicate row)"
    ]
    assert len(store.all_activities()) == 30


def test_the_same_run_from_another_source_is_recognised_in_any_batch(
    store: Store, tmp_path: Path
) -> None:
    watch = [
        Activity(
            START.date() + timedelta(days=day),
            ActivityKind.EASY,
            10_100,
            source="import:fit",
            source_id=f"fit:{day}",
            started_at=START + timedelta(days=day, seconds=90),
            avg_hr=140,
        )
        for day in (0, 8, 19)
    ]
    store.import_runs(watch)
    (line,) = import_files(store, [strava_csv(tmp_path / "a.csv", list(range(1, 21)))], "UTC")
    assert line == (
        "a.csv (Strava CSV): 17 added, 0 already imported, "
        "3 the same run from another source, 0 skipped"
    )
    assert len(store.all_activities()) == 20


def test_a_garmin_csv_is_streamed_and_a_bad_row_late_in_it_leaves_nothing(
    store: Store, tmp_path: Path
) -> None:
    lines = ["Activity Type,Date,Title,Distance,Time\n"]
    lines += [f"Running,2021-01-{day:02d} 07:00,Easy,10.00,00:50:00\n" for day in range(1, 29)]
    good = tmp_path / "Activities.csv"
    good.write_text("".join(lines))
    assert load_file(store, good, "UTC", stream=True).stream is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("".join([*lines[:-1], "Running,2021-01-28 07:00,Easy,-3,00:50:00\n"]))
    with pytest.raises(ImportRefused, match="row 28, field 'Distance': negative distance"):
        import_files(store, [bad], "UTC")
    assert store.all_activities() == []  # four batches were written, then undone
    (line,) = import_files(store, [good], "UTC")
    assert line == "Activities.csv (Garmin CSV): 28 added, 0 already imported, 0 skipped"
