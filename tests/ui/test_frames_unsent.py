"""The Pilot tests compose no frames (tests/conftest.py, ``_frames_unsent``): what
recovtui draws must still fail a test when it cannot be drawn."""

from __future__ import annotations

import pytest
from rich.text import Text

from tests.conftest import make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.widgets.day_cell import DayCell


class Undrawable(Exception):
    def __rich__(self) -> str:  # Textual shows it so, not as a traceback (seconds of work)
        return "undrawable"


async def test_a_widget_that_cannot_render_after_a_key_fails_the_test(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = DayCell.render

    def failing(self: DayCell) -> Text:
        if self.selected and self.view is not None and self.view.date.weekday() == 3:
            raise Undrawable(self.view.date)
        return render(self)

    monkeypatch.setattr(DayCell, "render", failing)
    app = make_app(store, clock, start_mode="week")
    with pytest.raises(Undrawable):
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()  # Wednesday is selected: drawn
            await pilot.press("right")  # Thursday cannot be
            await pilot.pause()
