"""At every start the TUI imports the watched folders' new files in a thread, with one toast."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_app
from tests.fakes import FakeClock
from tests.helpers import toasts
from tests.unit.formats.files import RUN, fit_file
from tracker.data.store import Store
from tracker.services.watching import add_folder


async def test_new_files_are_imported_at_start_with_one_toast(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "run.fit").write_bytes(fit_file(RUN))
    add_folder(store, folder)
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert ("Watched folders: 1 new file, 1 run added", "information") in toasts(pilot)
        assert app.revision >= 1
    assert [a.source for a in store.all_activities()] == ["import:fit"]
