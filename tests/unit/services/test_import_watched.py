"""Watched folders: new files imported, changed ones re-read, nothing imported twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.unit.formats.files import FIXTURES, RUN, RUN_START, fit_file
from tracker.data.store import Store
from tracker.services.watching import add_folder, import_watched, remove_folder

GPX = FIXTURES / "run_strava_type9.gpx"


@pytest.fixture
def folder(tmp_path: Path, fresh: Store) -> Path:
    watched = tmp_path / "GARMIN" / "Activity"
    watched.mkdir(parents=True)
    add_folder(fresh, watched)
    return watched


def test_a_file_dropped_in_after_the_first_pass_is_imported_at_the_next(
    fresh: Store, folder: Path
) -> None:
    (folder / "a.fit").write_bytes(fit_file(RUN))
    assert import_watched(fresh).line() == "Watched folders: 1 new file, 1 run added"
    assert import_watched(fresh).line() == "Watched folders: nothing new"
    (folder / "b.gpx").write_bytes(GPX.read_bytes())
    assert import_watched(fresh).line() == "Watched folders: 1 new file, 1 run added"
    assert len(fresh.all_activities()) == 2


def test_a_touched_file_is_hashed_not_reimported_and_a_changed_one_is_reread(
    fresh: Store, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "a.fit"
    path.write_bytes(fit_file(RUN))
    import_watched(fresh)
    os.utime(path, ns=(1, 1))
    read: list[Path] = []
    import tracker.services.watching as watching

    real = watching.import_runs_file
    monkeypatch.setattr(
        watching, "import_runs_file", lambda s, p, tz: read.append(p) or real(s, p, tz)
    )
    assert import_watched(fresh).line() == "Watched folders: nothing new"
    assert read == []
    later = RUN | {"start": RUN_START.replace(year=2022)}
    path.write_bytes(fit_file(RUN, later))
    assert import_watched(fresh).line() == "Watched folders: 1 new file, 1 run added"
    assert read == [path]
    assert len(fresh.all_activities()) == 2  # the first session is not imported twice


def test_a_refused_file_is_not_read_again_and_does_not_stop_the_others(
    fresh: Store, folder: Path
) -> None:
    (folder / "bad.gpx").write_text("<gpx><trk>")
    (folder / "good.fit").write_bytes(fit_file(RUN))
    line = import_watched(fresh).line()
    assert line.startswith("Watched folders: 2 new files, 1 run added, 1 refused (bad.gpx")
    assert import_watched(fresh).line() == "Watched folders: nothing new"


def test_folders_are_added_once_and_removed(fresh: Store, folder: Path, tmp_path: Path) -> None:
    assert add_folder(fresh, folder).endswith("is already watched")
    with pytest.raises(ValueError, match="is not a folder"):
        add_folder(fresh, tmp_path / "nowhere")
    assert remove_folder(fresh, folder) == f"No longer watching {folder}"
    assert fresh.watched_folders() == []
    with pytest.raises(ValueError, match="is not watched"):
        remove_folder(fresh, folder)


def test_a_missing_folder_is_said(fresh: Store, folder: Path) -> None:
    folder.rmdir()
    assert "1 folder missing" in import_watched(fresh).line()
