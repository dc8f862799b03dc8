"""The check-in form: a digit moves on, enter skips a field left as it was, a bad value
is named under its field and nothing is saved (DESIGN §12)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.helpers import current
from tracker.data.store import Store
from tracker.domain.wellness import Wellness
from tracker.screens.modals.checkin_form import CheckinForm
from tracker.screens.today import TodayScreen

SIZE = (100, 32)


def focused(pilot: Pilot[Any]) -> str:
    widget = pilot.app.focused
    assert isinstance(widget, Input), widget
    return widget.id or ""


def error(pilot: Pilot[Any], name: str) -> str:
    return str(pilot.app.screen.query_one(f"#{name}-error", Static).render())


async def test_a_bad_value_is_named_then_a_digit_moves_on_and_enter_skips_a_field(
    store: Store, clock: FakeClock
) -> None:
    """The whole form key by key, in one app start; the prefilled texts of a checked-in
    day read back as they were: tests/unit/screens/test_checkin_form_texts.py."""
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        # A bad value: named under its field, nothing saved.
        await pilot.press("c", "8")
        assert focused(pilot) == "sleep_quality"  # a bad digit does not move on
        assert error(pilot, "sleep_quality") == "'8' is not 1–7 (1 best, 7 worst)"
        await pilot.press("ctrl+s")
        assert store.wellness_on(TODAY) is None and not store.is_checked_in(TODAY)
        await pilot.press("backspace", "3", "4", "2", "5", *"25", "enter")
        assert isinstance(pilot.app.screen, CheckinForm)
        assert focused(pilot) == "sleep_h"
        assert "sleep is hours from 0 to 16" in error(pilot, "sleep_h")
        assert error(pilot, "sleep_quality") == ""
        assert store.wellness_on(TODAY) is None and not store.is_checked_in(TODAY)
        await pilot.press("escape", "escape")  # out of the field, then the form closed
        current(pilot, TodayScreen)
        assert store.wellness_on(TODAY) is None and not store.is_checked_in(TODAY)

        # A digit moves on; enter skips a field left as it was.
        await pilot.press("c")
        assert isinstance(pilot.app.screen, CheckinForm)
        assert focused(pilot) == "sleep_quality"
        await pilot.press("3")
        assert focused(pilot) == "fatigue"
        await pilot.press("enter")  # untouched: skipped
        assert focused(pilot) == "stress"
        await pilot.press("2", "enter")  # soreness skipped too
        assert focused(pilot) == "sleep_h"
        await pilot.press("7", "enter")  # typed in: enter checks the day in
        await pilot.pause()
        current(pilot, TodayScreen)
        assert store.wellness_on(TODAY) == Wellness(TODAY, sleep_h=7.0, sleep_quality=3, stress=2)
        assert store.is_checked_in(TODAY)

        # Checked in: c shows how it felt, and what is skipped is kept.
        await pilot.press("c")
        form = pilot.app.screen
        assert isinstance(form, CheckinForm)
        assert [form.text(name) for name in ("sleep_quality", "sleep_h", "rhr")] == ["3", "7", ""]
        await pilot.press("enter", "2")  # sleep quality as it was; fatigue now 2
        assert focused(pilot) == "stress"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.wellness_on(TODAY) == Wellness(
            TODAY, sleep_h=7.0, sleep_quality=3, fatigue=2, stress=2
        )


async def burst(pilot: Pilot[Any], typed: str) -> None:
    """``typed`` arriving in one read, as typed ahead over a slow link or pasted: every key
    reaches the app before any field has handled the first."""
    from textual import events
    from textual.keys import _character_to_key

    for char in typed:
        pilot.app.post_message(events.Key(_character_to_key(char), char))
    await pilot.pause()
    await pilot.pause()


async def test_keys_typed_ahead_land_one_digit_a_field_as_typed_one_by_one(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await burst(pilot, "23427.5")
        form = pilot.app.screen
        assert isinstance(form, CheckinForm)
        typed = {name: form.text(name) for name in ("sleep_quality", "fatigue", "stress")}
        assert typed == {"sleep_quality": "2", "fatigue": "3", "stress": "4"}
        assert form.text("soreness") == "2" and form.text("sleep_h") == "7.5"
        assert focused(pilot) == "sleep_h"
        assert all(error(pilot, name) == "" for name in form.names)
        await burst(pilot, "3")  # on after what landed there, nothing of it replaced
        assert form.text("sleep_h") == "7.53"
        await pilot.press("backspace", "ctrl+s")
        await pilot.pause()
        current(pilot, TodayScreen)
        assert store.wellness_on(TODAY) == Wellness(
            TODAY, sleep_h=7.5, sleep_quality=2, fatigue=3, stress=4, soreness=2
        )

        # A key that is no digit stops at its field and is named there, as typed one by one.
        await pilot.press("c")
        await burst(pilot, "19")
        assert form is not pilot.app.screen
        form = pilot.app.screen
        assert isinstance(form, CheckinForm)
        assert (form.text("sleep_quality"), form.text("fatigue")) == ("1", "9")
        assert focused(pilot) == "fatigue"
        assert error(pilot, "fatigue") == "'9' is not 1–7 (1 best, 7 worst)"
