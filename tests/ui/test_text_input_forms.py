"""The wiring of every text input (DESIGN §7): hostile strings pasted into each form are
stored as typed (a one-line field tidied as its reader says), shown as typed, refused
with the reason at the field when they are no value; and no control character a field
holds reaches the terminal. The readers themselves are fuzzed in
tests/unit/domain/test_text_input_readers.py; these tests paste a fixed handful."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

from rich.console import Console
from textual import events
from textual._compositor import LayoutUpdate
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from tests.conftest import TODAY, make_app
from tests.fakes import FakeClock
from tests.text_inputs import SAMPLES
from tests.ui.test_user_text import screen_text
from tracker.data.store import Store
from tracker.screens.modals.base import Modal
from tracker.screens.modals.confirm import TextPromptDialog
from tracker.screens.modals.plan_day import EditDayDialog
from tracker.screens.modals.run_form import LogRunForm
from tracker.screens.modals.timer import PresetEditorDialog

SIZE = (160, 50)
ESCAPES = "clear \x1b[2J title \x1b]0;OWNED\x07 csi \x9b31m end"
"""A paste holding control sequences: kept in the store, never sent raw to the terminal."""
SGR = re.compile(r"\x1b\[[0-9;]*[mH]")  # what Textual itself writes: colours, cursor moves


def one_line(text: str) -> str:
    return " ".join(text.split())


async def paste(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Replace what the field at ``selector`` holds with ``text``, pasted into it."""
    field = pilot.app.screen.query_one(selector)
    field.focus()
    if isinstance(field, TextArea):
        field.text = text  # its own paste handling is Textual's; what it holds is ours
    else:
        assert isinstance(field, Input)
        field.value = ""
        field.post_message(events.Paste(text))
    await pilot.pause()


def form_field(pilot: Pilot[Any], selector: str) -> Input:
    return pilot.app.screen.query_one(selector, Input)


def terminal_output(pilot: Pilot[Any]) -> str:
    """What the app writes to the terminal for the whole screen, but its own sequences."""
    update = pilot.app.screen._compositor.render_update(full=True)
    assert isinstance(update, LayoutUpdate)
    raw = update.render_segments(Console(file=StringIO(), force_terminal=True, width=SIZE[0]))
    return SGR.sub("", raw)


def no_raw_control(pilot: Pilot[Any]) -> bool:
    return not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", terminal_output(pilot))


def error(pilot: Pilot[Any], name: str) -> str:
    return str(pilot.app.screen.query_one(f"#{name}-error", Static).render())


async def test_the_run_form_and_the_week_dialogs_take_hostile_notes(
    store: Store, clock: FakeClock
) -> None:
    async with make_app(store, clock).run_test(size=SIZE) as pilot:
        short = f"{SAMPLES[0]} {SAMPLES[1]}\t{SAMPLES[3]}"  # short enough for Today's run line
        for note in (short, ESCAPES):
            await pilot.press("l")
            assert isinstance(pilot.app.screen, LogRunForm)
            form_field(pilot, "#distance").value = "5"  # no hostile text: set, not pasted
            await paste(pilot, "#note", note)
            await pilot.press("enter")
            assert not isinstance(pilot.app.screen, Modal)
        notes = [a.note for a in store.activities_between(TODAY, TODAY)]
        assert sorted(notes) == sorted([one_line(short), ESCAPES])
        assert one_line(short) in screen_text(pilot)
        assert no_raw_control(pilot)
        await pilot.press("l")
        refused = (("distance", "[/]"), ("date", "[b]x[/b]"), ("rpe", "\\["))
        for field, typed in refused:
            await paste(pilot, f"#{field}", typed)
        await pilot.press("enter")  # the form shows every field's reason at once
        for field, typed in refused:
            assert repr(typed) in error(pilot, field) or typed in error(pilot, field), field
        await paste(pilot, "#note", ESCAPES)
        assert no_raw_control(pilot)  # the field holds it; the terminal never gets it
        assert len(store.activities_between(TODAY, TODAY)) == 2
        await pilot.press("escape", "escape")  # out of the field, then the form closed

        # The Week's dialogs, in the same app: its notes and reasons.
        await pilot.press("2", "enter")
        assert isinstance(pilot.app.screen, EditDayDialog)
        await paste(pilot, "#target", "[/]")
        await pilot.press("enter")
        assert "'[/]'" in error(pilot, "target")
        form_field(pilot, "#target").value = "8"
        await paste(pilot, "#note", SAMPLES[2])
        await pilot.press("enter")
        assert store.plan_days(TODAY, TODAY)[TODAY].note == SAMPLES[2]
        assert SAMPLES[2] in screen_text(pilot)
        await pilot.press("x")
        assert isinstance(pilot.app.screen, TextPromptDialog)
        await paste(pilot, "#text", SAMPLES[4])
        await pilot.press("enter")
        assert list(store.excused_weeks().values()) == [SAMPLES[4]]
        await pilot.press("right", "enter")
        await paste(pilot, "#note", ESCAPES)
        await pilot.press("enter")
        assert store.plan_days()[TODAY.add(days=1)].note == ESCAPES
        assert no_raw_control(pilot)
        await pilot.press("6")
        await paste(pilot, "#text", "[/]")
        await paste(pilot, "#start", "[b]")
        assert "'[b]'" in str(pilot.app.screen.query_one("#history-status", Static).render())


async def test_timer_and_settings_take_hostile_names(store: Store, clock: FakeClock) -> None:
    async with make_app(store, clock, start_mode="timer").run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(pilot.app.screen, PresetEditorDialog)
        await paste(pilot, "#name", "Calves [/] \x1b[2J")
        await paste(pilot, "#segments", "1:30 [b]left[/b]\n1:30 中文 😀 \\[")
        await paste(pilot, "#hint", SAMPLES[3])
        await pilot.press("ctrl+s")
        preset = next(p for p in store.presets() if p.name.startswith("Calves"))
        assert preset.name == "Calves [/] \x1b[2J"
        assert [s.name for s in preset.segments] == ["[b]left[/b]", "中文 😀 \\["]
        assert preset.hint == SAMPLES[3]
        assert "Calves [/]" in screen_text(pilot) and no_raw_control(pilot)
        await pilot.press("5")
        for value in ("é[/]" * 500, "[red]Berlin"):
            await paste(pilot, "#timezone", value)
            await pilot.press("enter")
            assert "unknown time zone" in error(pilot, "timezone")
        await paste(pilot, "#on_finish_command", "notify-send '[/]' {preset}")
        await pilot.press("enter")
        assert store.settings().on_finish_command == "notify-send '[/]' {preset}"
        for name in SAMPLES[:2]:
            pilot.app.screen.action_add_item()  # type: ignore[attr-defined]
            await pilot.pause()
            await paste(pilot, "#text", name)
            await pilot.press("enter")
        names = [item.name for item in store.nutrition_items()]
        assert names[-2:] == list(SAMPLES[:2])
        assert SAMPLES[0] in screen_text(pilot)
        await pilot.app.run_action("welcome")
        await pilot.pause()
        await paste(pilot, "#target-1", "[/]")
        await paste(pilot, "#timezone", "[link=x]")
        await pilot.press("ctrl+s")
        assert "'[/]'" in error(pilot, "target-1") and "[link=x]" in error(pilot, "timezone")
        assert store.settings().template_targets == (None,) * 7
