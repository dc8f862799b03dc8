"""User text is text (DESIGN §7): markup-like names, notes and reasons, on every screen,
are shown as typed and never crash the app. One Pilot run visits every screen; the
toasts are checked at the app (every toast is plain text)."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.presets import Preset, Segment
from tracker.domain.text import terminal_text
from tracker.screens.modals.run_form import LogRunForm

ITEM = "Protein [whey] shake"
PRESET = "Calves [/]"
NOTE = "[b]tempo[/b] [/] [link=x]"
REASON = "flu [red]bad[/]"
SIZE = (120, 40)


def screen_text(pilot: Pilot[Any]) -> str:
    """What the terminal shows now, as text (from the screenshot's SVG)."""
    svg = pilot.app.export_screenshot()
    runs = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    return html.unescape("".join(runs)).replace("\xa0", " ")


async def test_markup_like_user_text_is_shown_as_typed_on_every_screen(
    store: Store, clock: FakeClock
) -> None:
    store.add_nutrition_item(ITEM)
    store.save_preset(Preset(PRESET, "feet_up", (Segment("[/]up", 60),), hint="[/]"))
    store.set_day(TODAY, DayKind.EASY, 8000, NOTE)
    store.add_activity(Activity(TODAY, ActivityKind.EASY, 8000, note=NOTE))
    store.excuse_week(TODAY - timedelta(days=TODAY.weekday()), REASON)
    store.set_setting("on_finish_command", "notify-send '[/]' {preset}")
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        seen = {}
        for key in ("1", "2", "3", "4", "5"):
            await pilot.press(key)
            await pilot.pause()
            seen[key] = screen_text(pilot)
        assert ITEM in seen["1"] and NOTE in seen["1"]
        assert REASON in seen["2"]
        assert PRESET in seen["3"]
        assert ITEM in seen["5"] and PRESET in seen["5"]
        await pilot.press("1", "l")
        form = pilot.app.screen
        assert isinstance(form, LogRunForm)
        form.query_one("#distance", Input).value = "[/]"
        await pilot.press("enter")
        assert "'[/]'" in str(form.query_one("#distance-error", Static).render())
        await pilot.press("escape")
        assert pilot.app.start_timer(PRESET, 60, ask_temperature=False)
        await pilot.pause()
        assert f"{PRESET} 01:00" in screen_text(pilot)
        pilot.app.notify(f"{PRESET} done {NOTE}")
        await pilot.pause()
        assert pilot.app._notifications  # shown, not refused


@settings(max_examples=50)
@given(text=st.text(st.sampled_from("[]/=abc \\x1b\x07"), max_size=30))
def test_any_toast_text_is_shown_literally(text: str) -> None:
    from textual.notifications import Notification

    assert Notification(text, markup=False).message == text
    assert terminal_text(text).count("\n") == text.count("\n")
