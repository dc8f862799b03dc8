"""The Timer screen on a fake clock: what it shows and what it stores."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Digits, Input, OptionList, Static, TextArea

import tracker.app
from tests.conftest import EVENING, TODAY
from tests.fakes import FakeClock
from tests.helpers import ticked
from tracker.app import RecovApp
from tracker.data.store import Store
from tracker.domain.countdown import State
from tracker.domain.presets import Preset, Segment
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog
from tracker.screens.modals.timer import PresetEditorDialog, TemperatureDialog
from tracker.screens.timer import TimerScreen

SIZE = (100, 32)


class TimerApp(RecovApp):
    """The real app, counting bells and keeping every toast it shows."""

    CSS_PATH = str(Path(tracker.app.__file__).with_name("app.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bells = 0
        self.toasts: list[str] = []

    def bell(self) -> None:
        self.bells += 1

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.toasts.append(message)
        super().notify(message, **kwargs)


def make(
    store: Store,
    clock: FakeClock,
    preset: str | None = None,
    duration_s: int | None = None,
    mode: str = "timer",
) -> TimerApp:
    return TimerApp(store, clock, mode, timer_preset=preset, timer_duration_s=duration_s)


def timer(app: RecovApp) -> TimerScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, TimerScreen)
    return screen


def digits(app: RecovApp) -> str:
    return timer(app).query_one("#countdown-digits", Digits).value


def text(app: RecovApp, selector: str) -> str:
    return str(timer(app).query_one(selector, Static).content)


async def advance(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """Move the fake clock, then let the display catch up (as its 8 Hz tick would)."""
    clock.advance(seconds)
    timer(pilot.app).tick()
    await pilot.pause()


def only_session(store: Store) -> RecoverySession:
    (session,) = store.all_sessions()
    return session


async def test_a_short_ice_bath_from_the_command_line_counts_down_and_logs(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "ice-bath", 3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = only_session(store)
        assert (session.status, session.planned_s, session.kind) == (
            SessionStatus.RUNNING,
            3,
            "ice_bath",
        )
        assert digits(app) == "00:03"
        await advance(pilot, clock, 1.2)
        assert digits(app) == "00:02"
        await advance(pilot, clock, 2.0)
        assert digits(app) == "+00:00"
        assert app.bells == 1
        assert "Ice bath done. Overtime counts up until you stop (s)." in app.toasts
        assert only_session(store).status is SessionStatus.COMPLETED
        assert ticked(store, TODAY) == {"ice_bath"}
        await advance(pilot, clock, 4.0)
        assert digits(app) == "+00:04"
        assert "overtime counts up" in text(app, "#countdown-next")
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog), "a finished session is logged unasked"
        session = only_session(store)
        assert (session.status, session.elapsed_s) == (SessionStatus.COMPLETED, 7)
        assert timer(app).timed is None
        assert "Logged Ice bath: 00:07 of 00:03, completed" in text(app, "#timer-log")
        assert app.bells == 1


async def test_foam_roller_from_the_picker_segment_by_segment(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = timer(app).query_one("#preset-list", OptionList)
        assert [o.id for o in options.options] == ["Ice bath", "Foam roller", "Feet up"]
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = timer(app)
        assert screen.timed is not None
        assert digits(app) == "15:00"
        assert text(app, "#countdown-segment") == "Segment 1 of 10: Calves L · 01:30 left"
        assert text(app, "#countdown-next") == "Next: Calves R"

        await advance(pilot, clock, 30)
        assert text(app, "#countdown-segment") == "Segment 1 of 10: Calves L · 01:00 left"
        await pilot.press("space")
        assert screen.timed.countdown.state is State.PAUSED
        assert only_session(store).elapsed_s == 30, "a pause saves at once"
        await advance(pilot, clock, 300)
        assert digits(app) == "14:30", "paused time does not count"
        await pilot.press("space")
        await advance(pilot, clock, 59.5)
        assert app.bells == 0
        await advance(pilot, clock, 0.5)
        assert app.bells == 1
        assert text(app, "#countdown-segment").startswith("Segment 2 of 10: Calves R")
        assert "Now: Calves R (01:30)" in app.toasts

        await pilot.press("n")
        await pilot.pause()
        assert app.bells == 2
        assert text(app, "#countdown-segment") == "Segment 3 of 10: Hamstrings L · 01:30 left"
        assert text(app, "#countdown-next") == "Next: Hamstrings R"
        assert digits(app) == "12:00", "the plan moved on"
        assert only_session(store).elapsed_s == 90, "the time skipped is not time spent"
        assert text(app, "#countdown-elapsed") == "Elapsed 01:30 of 15:00 · 01:30 skipped"
        segments = text(app, "#timer-segments")
        assert "✓ Calves L" in segments and "▶ Hamstrings L" in segments

        await pilot.press("plus")
        await pilot.pause()
        assert text(app, "#countdown-segment") == "Segment 3 of 10: Hamstrings L · 02:30 left"
        assert only_session(store).planned_s == 960
        await pilot.press("minus")
        await pilot.pause()
        assert only_session(store).planned_s == 900
        await pilot.press("minus")
        await pilot.pause()
        assert text(app, "#countdown-segment") == "Segment 3 of 10: Hamstrings L · 00:30 left"
        assert only_session(store).planned_s == 840


async def test_skipping_an_ice_bath_to_its_end_logs_the_time_it_ran(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "ice-bath")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 2)
        await pilot.press("n")
        await pilot.pause()
        assert digits(app) == "00:00"
        assert "Ice bath done. Overtime counts up until you stop (s)." in app.toasts
        await advance(pilot, clock, 1)
        assert digits(app) == "+00:01"
        assert text(app, "#countdown-elapsed") == "Elapsed 00:03 of 10:00 · 09:58 skipped"
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        session = only_session(store)
        assert (session.status, session.elapsed_s) == (SessionStatus.COMPLETED, 3)
        assert "Logged Ice bath: 00:03 of 10:00, completed" in text(app, "#timer-log")


async def test_stopping_early_asks_to_keep_going_discard_or_log_it_partial(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 10)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await advance(pilot, clock, 10)
        assert digits(app) == "14:40", "keep going: the timer never stopped"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert store.all_sessions() == []
        assert timer(app).timed is None

        assert app.start_timer("foam-roller")
        await pilot.pause()
        await advance(pilot, clock, 200)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await advance(pilot, clock, 5)
        await pilot.press("l")
        await pilot.pause()
        session = only_session(store)
        assert (session.status, session.elapsed_s) == (SessionStatus.PARTIAL, 200)
        assert ticked(store, TODAY) == set()
        assert timer(app).timed is None
        assert store.running_sessions() == []
        assert "partial" in text(app, "#timer-log")


async def test_escape_while_running_keeps_the_timer_going(store: Store, clock: FakeClock) -> None:
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = timer(app)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen is screen, "feet up has no water to enter"
        assert not screen.query_one("#timer-hints", Static).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "today"
        assert any("keeps running" in toast for toast in app.toasts)
        clock.advance(901)
        screen.tick()
        assert only_session(store).status is SessionStatus.COMPLETED
        assert app.bells == 1
        await pilot.press("3")
        await pilot.pause()
        assert app.screen is screen
        assert digits(app) == "+00:01"


async def test_an_ice_bath_picked_asks_the_water_in_the_runners_unit(
    store: Store, clock: FakeClock
) -> None:
    store.set_setting("temperature", "F")
    app = make(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "50–59 °F for 10–15 min" in text(app, "#preset-detail")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TemperatureDialog)
        await pilot.press(*"hot", "enter")
        await pilot.pause()
        error = app.screen.query_one("#temperature-error", Static)
        assert "not a temperature" in str(error.content)
        assert store.all_sessions() == []
        await pilot.press("backspace", "backspace", "backspace", *"48", "enter")
        await pilot.pause()
        session = only_session(store)
        assert session.temperature_c == pytest.approx(8.89)
        assert text(app, "#timer-temperature") == "Water 48 °F (t to change)"
        assert "Below 50 °F" in text(app, "#timer-warnings")
        assert "cold-shock" in text(app, "#timer-hints")


async def test_water_temperature_entered_while_running_is_saved(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "ice-bath")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text(app, "#timer-temperature") == "Water temperature not entered: press w"
        assert text(app, "#timer-warnings") == ""
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"12.5", "enter")
        await pilot.pause()
        assert only_session(store).temperature_c == 12.5
        assert text(app, "#timer-temperature") == "Water 12.5 °C (t to change)"
        for _ in range(6):
            await pilot.press("plus")
        await pilot.pause()
        assert "Over 15 minutes" in text(app, "#timer-warnings")


async def test_the_finish_command_runs_without_a_shell_and_a_failing_one_is_harmless(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """``;`` stays part of the file name: no shell ever sees the command."""
    script = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text('ok')"
    target = shlex.quote(f"{tmp_path}/done {{preset}};rm x.txt")
    store.set_setting("on_finish_command", f"{sys.executable} -c {shlex.quote(script)} {target}")
    app = make(store, clock, "ice-bath", 2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 1)
        await app.workers.wait_for_complete()
        assert list(tmp_path.glob("done*")) == []
        await advance(pilot, clock, 1)
        await app.workers.wait_for_complete()
        assert (tmp_path / "done Ice bath;rm x.txt").read_text() == "ok"
        assert not any(t.startswith("on_finish_command") for t in app.toasts)
        await pilot.press("s")

        # A command that cannot run, or fails, is reported; the session is logged all the same.
        store.set_setting("on_finish_command", "recovtui-no-such-program --now")
        app.start_timer("ice-bath", 2, ask_temperature=False)
        await pilot.pause()
        await advance(pilot, clock, 2)
        await app.workers.wait_for_complete()
        assert any(t.startswith("on_finish_command failed") for t in app.toasts)
        assert store.all_sessions()[-1].status is SessionStatus.COMPLETED
        await advance(pilot, clock, 1)
        assert digits(app) == "+00:01"
        await pilot.press("s")
        store.set_setting("on_finish_command", f"{sys.executable} -c 'raise SystemExit(3)'")
        app.start_timer("ice-bath", 1, ask_temperature=False)
        await pilot.pause()
        await advance(pilot, clock, 1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("exited with 3" in t for t in app.toasts)


# Crashed sessions are offered back on the next start


def crashed(store: Store, minutes_ago: float, elapsed_s: int, preset: str = "Foam roller") -> int:
    session = store.start_session(
        RecoverySession(
            date=TODAY,
            kind="foam_roller" if preset == "Foam roller" else "ice_bath",
            started_at=EVENING.subtract(seconds=round(minutes_ago * 60)),
            status=SessionStatus.RUNNING,
            planned_s=900 if preset == "Foam roller" else 600,
            elapsed_s=elapsed_s,
            preset=preset,
        )
    )
    assert session.id is not None
    return session.id


async def test_a_crashed_session_can_be_resumed_where_it_stood(
    store: Store, clock: FakeClock
) -> None:
    session_id = crashed(store, 5, 95)
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one(".dialog-question", Static).content)
        assert "Foam roller started Wed 25 Nov at 19:55" in body
        assert "Saved: 01:35 of 15:00" in body
        await pilot.press("r")
        await pilot.pause()
        assert app.current_mode == "timer"
        screen = timer(app)
        assert screen.timed is not None and screen.timed.countdown.state is State.READY
        assert digits(app) == "13:25"
        assert text(app, "#countdown-segment") == "Segment 2 of 10: Calves R · 01:25 left"
        await advance(pilot, clock, 30)
        assert digits(app) == "13:25", "it waits for space"
        await pilot.press("space")
        await advance(pilot, clock, 10)
        await pilot.press("space")
        await pilot.pause()
        saved = store.session(session_id)
        assert saved is not None
        assert (saved.status, saved.elapsed_s) == (SessionStatus.RUNNING, 105)
        assert len(store.all_sessions()) == 1, "resumed in the same row"


async def test_crashed_sessions_are_offered_one_by_one_to_log_discard_or_leave(
    store: Store, clock: FakeClock
) -> None:
    first, second, third = (crashed(store, 90 + n, 300 + n) for n in range(3))
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("l", "d", "escape"):
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            assert dialog.query_one("#choice-resume", Button).disabled, "started over an hour ago"
            await pilot.press("r")
            await pilot.pause()
            assert app.screen is dialog
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not dialog
        assert app.current_mode == "today"
        assert not isinstance(app.screen, ChoiceDialog)
    logged, left = store.session(first), store.session(third)
    assert logged is not None and (logged.status, logged.elapsed_s) == (SessionStatus.PARTIAL, 300)
    assert store.session(second) is None
    assert left is not None and (left.status, left.elapsed_s) == (SessionStatus.RUNNING, 302)
    assert (
        "Kept Foam roller for later: it is on the Timer (3) to log, resume or discard, "
        "and offered again on the next start"
    ) in app.toasts


async def test_crashed_sessions_come_first_then_the_requested_timer(
    store: Store, clock: FakeClock
) -> None:
    crashed(store, 5, 95)
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert timer(app).timed is None
        await pilot.press("d")
        await pilot.pause()
        assert timer(app).timed is not None
        assert only_session(store).preset == "Feet up"


# The picker: presets can be created, edited and deleted


async def test_built_in_presets_are_edited_not_deleted_and_custom_ones_both(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert any("cannot be deleted" in t for t in app.toasts)
        assert len(store.presets()) == 3
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#segments", TextArea).text = "12:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.presets()[0].total_s == 720
        assert "12:00" in str(timer(app).query_one("#preset-list", OptionList).options[0].prompt)

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PresetEditorDialog)
        await pilot.press(*"ice bath", "ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#name-error", Static).content)
        assert error == "there is already a preset called 'Ice bath'"
        app.screen.query_one("#name", Input).value = "Calf stretch"
        app.screen.query_one("#segments", TextArea).text = "1:00 Left\nsoon Right"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one("#segments-error", Static).content)
        assert error.startswith("line 2: not a duration")
        app.screen.query_one("#segments", TextArea).text = "1:00 Left\n1:00 Right"
        await pilot.press("ctrl+s")
        await pilot.pause()
        custom = Preset("Calf stretch", "custom", (Segment("Left", 60), Segment("Right", 60)))
        assert store.presets()[-1] == custom
        options = timer(app).query_one("#preset-list", OptionList)
        assert options.highlighted == 3

        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#segments", TextArea).text = "45s Left\n45s Right"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.presets()[-1].total_s == 90

        await pilot.press("enter")
        await pilot.pause()
        assert only_session(store).kind == "custom"
        assert text(app, "#countdown-segment") == "Segment 1 of 2: Left · 00:45 left"
        await pilot.press("s", "d")
        await pilot.pause()

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in store.presets()] == ["Ice bath", "Foam roller", "Feet up"]


async def test_start_timer_opens_the_timer_from_another_screen(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.start_timer("sauna")
        assert any("unknown preset 'sauna'" in t for t in app.toasts)
        assert app.start_timer("foam-roller")
        await pilot.pause()
        assert app.current_mode == "timer"
        assert only_session(store).preset == "Foam roller"
        app.start_timer("feet-up")
        await pilot.pause()
        assert any("still on the clock" in t for t in app.toasts)
        assert len(store.all_sessions()) == 1


async def test_a_session_removed_elsewhere_stops_the_timer_quietly(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "ice-bath", 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 6)
        store.delete_sessions([s.id for s in store.all_sessions() if s.id is not None])
        await advance(pilot, clock, 3)
        assert timer(app).timed is None
        assert any("removed from the log elsewhere" in t for t in app.toasts)
        assert store.all_sessions() == []


async def test_quitting_mid_session_saves_it_for_the_next_start(
    store: Store, clock: FakeClock
) -> None:
    app = make(store, clock, "foam-roller")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(1.5)
        await pilot.press("q")
    session = only_session(store)
    assert (session.status, session.elapsed_s) == (SessionStatus.RUNNING, 1)


# No ghost sessions: a session left for later is unfinished, never "(running)"


async def test_a_session_left_for_later_shows_as_unfinished_with_its_actions(
    store: Store, clock: FakeClock
) -> None:
    """Before, "Later" left "Feet up 00:03 (running)" on the Timer while nothing ran."""
    session_id = crashed(store, 5, 3, preset="Ice bath")
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # Later
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        log = text(app, "#timer-log")
        assert "(running)" not in log
        assert "Ice bath 00:03 (unfinished)" in log
        assert "Unfinished: Ice bath 00:03 of 10:00 (Wed 25 Nov)  u: log, resume or discard" in log
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        screen = timer(app)
        assert screen.timed is not None and screen.timed.id == session_id
        assert digits(app) == "09:57"
        assert len(store.all_sessions()) == 1


async def test_starting_a_preset_again_offers_its_unfinished_session(
    store: Store, clock: FakeClock
) -> None:
    """Before, starting Feet up again made a second session beside the unfinished one."""
    session_id = crashed(store, 5, 95)
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # Later
        await pilot.pause()
        app.start_timer("foam-roller")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "Foam roller is unfinished" in str(dialog.query_one(".dialog-title", Static).content)
        await pilot.press("r")
        await pilot.pause()
        screen = timer(app)
        assert screen.timed is not None and screen.timed.id == session_id
        assert len(store.all_sessions()) == 1, "resumed, no second row"
        await pilot.press("s", "d")
        await pilot.pause()
        assert store.all_sessions() == []

        crashed(store, 5, 95)
        app.start_timer("foam-roller")
        await pilot.pause()
        await pilot.press("l")  # log the old one as it stood, start anew
        await pilot.pause()
        old, new = store.all_sessions()
        assert (old.status, old.elapsed_s) == (SessionStatus.PARTIAL, 95)
        assert new.status is SessionStatus.RUNNING and timer(app).timed is not None


# Leaving while a timer runs


@pytest.mark.parametrize("mode", ["timer", "settings"])
async def test_q_while_a_timer_runs_asks_first_on_every_screen(
    store: Store, clock: FakeClock, mode: str
) -> None:
    """Before, ``q`` quit without asking."""
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = timer(app)
        app.switch_mode(mode)
        await pilot.pause()
        clock.advance(42)
        screen.tick()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog), "asked before quitting"
        assert "Quit while Feet up runs?" in str(
            app.screen.query_one(".dialog-title", Static).content
        )
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.is_running and screen.timed is not None
        await app.action_quit()  # the palette's Quit is the same action
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("l")
        await pilot.pause()
    session = only_session(store)
    assert (session.status, session.elapsed_s) == (SessionStatus.PARTIAL, 42)


async def test_q_with_no_timer_running_quits_at_once(store: Store, clock: FakeClock) -> None:
    app = make(store, clock, mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_closed_terminal_saves_the_timer_then_ends(store: Store, clock: FakeClock) -> None:
    """What SIGHUP, or end of file on the terminal, does, from a screen other than the
    Timer (tests/cli/test_closed_terminal.py sends them to real processes on each)."""
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.switch_mode("week")
        await pilot.pause()
        clock.advance(1.5)  # less than a save's interval: only the hang-up saves it
        app.terminal_closed()
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 129
    session = only_session(store)
    assert (session.status, session.elapsed_s) == (SessionStatus.RUNNING, 1)
