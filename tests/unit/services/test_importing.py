"""Importing files through the service: the summary lines, progress, the runner's zone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.services.history import FIXTURES
from tracker.data.store import Store
from tracker.services.importing import (
    ImportProgress,
    ImportRefused,
    describe_skipped,
    import_files,
    runner_zone,
)


def test_skipped_reasons_are_grouped() -> None:
    reasons = {f"not a run: {k}": n for n, k in enumerate("ABCDEFG", start=1)}
    reasons["duplicate row"] = 2
    assert describe_skipped(reasons) == (
        "not runs: 7 G, 6 F, 5 E, 4 D, 3 C and 2 more; 2 duplicate row"
    )


class Recorder(ImportProgress):
    def __init__(self) -> None:
        self.seen: list[str] = []

    def reading(self, path: Path) -> None:
        self.seen.append(f"reading {path.name}")

    def read(self, path: Path) -> None:
        self.seen.append(f"read {path.name}")

    def saving(self) -> None:
        self.seen.append("saving")


def test_progress_hears_of_each_file_then_of_the_saving(store: Store) -> None:
    recorder = Recorder()
    files = [FIXTURES / "strava_activities.csv", FIXTURES / "morning_run.gpx"]
    lines = import_files(store, files, "UTC", recorder)
    assert recorder.seen == [
        "reading strava_activities.csv",
        "read strava_activities.csv",
        "reading morning_run.gpx",
        "read morning_run.gpx",
        "saving",
    ]
    assert lines[-1] == "Total: 5 added, 0 already imported, 1 skipped from 2 files"


def test_a_refused_import_never_gets_to_saving(store: Store, tmp_path: Path) -> None:
    recorder = Recorder()
    with pytest.raises(ImportRefused) as refused:
        import_files(store, [tmp_path / "gone.csv"], "UTC", recorder)
    assert "saving" not in recorder.seen
    assert str(refused.value) == (
        "gone.csv: cannot read: No such file or directory; nothing was imported"
    )
    assert store.all_activities() == []


def test_runs_are_dated_in_the_zone_of_the_setting(store: Store) -> None:
    store.set_setting("timezone", "Europe/Berlin")
    assert runner_zone(store) == "Europe/Berlin"
