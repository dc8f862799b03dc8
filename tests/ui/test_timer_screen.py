"""The Timer screen on a fake clock: what it shows and what it stores."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Input, OptionList, Static

import tracker.app
from tests.conftest import EVENING, TODAY
from tests.fakes import FakeClock
from tests.helpers import ticked, until
from tracker.app import RecovApp
from tracker.data.store import Store
from tracker.domain.countdown import State
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog
from tracker.screens.modals.timer import TemperatureDialog
from tracker.screens.timer import TimerScreen

SIZE = (100, 32)


class TimerApp(RecovApp):
    """The real app, counting bells and keeping every toast it shows."""

    CSS_PATH = str(Path(tracker.app.__file__).parent / "styles" / "base.tcss")

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
    """Move the fake clock, then run the tick its 8 Hz timer would.

    The tick redraws, rings, toasts and saves before it returns, so no pause follows
    (each is one idle wait, ~25 ms); a key pressed next waits for the app as ever.
    That the real timer ticks by itself: test_escape_while_running_keeps_the_timer_going.
    """
    clock.advance(seconds)
    timer(pilot.app).tick()


def only_session(store: Store) -> RecoverySession:
    (session,) = store.all_sessions()
    return session


async def test_an_ice_bath_from_the_command_line_counts_down_or_is_skipped_and_logs(
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

        # Skipped to its end (n), an ice bath logs the time it ran (the seconds counted:
        # tests/unit/services/test_timer_session.py)
        assert app.start_timer("ice-bath", ask_temperature=False)
        await pilot.pause()
        await advance(pilot, clock, 2)
        await pilot.press("n")
        await pilot.pause()
        assert digits(app) == "00:00"
        assert app.toasts.count("Ice bath done. Overtime counts up until you stop (s).") == 2
        await advance(pilot, clock, 1)
        assert digits(app) == "+00:01"
        assert text(app, "#countdown-elapsed") == "Elapsed 00:03 of 10:00 · 09:58 skipped"
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        skipped = store.all_sessions()[-1]
        assert (skipped.status, skipped.elapsed_s) == (SessionStatus.COMPLETED, 3)
        assert "Logged Ice bath: 00:03 of 10:00, completed" in text(app, "#timer-log")


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
        clock.advance(901)  # no tick called: the screen's own 8 Hz timer, on Today
        await until(pilot, lambda: only_session(store).status is SessionStatus.COMPLETED)
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
        # Typed key by key: the temperature asked while running (the next test).
        app.screen.query_one("#temperature", Input).value = "hot"
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#temperature-error", Static)
        assert "not a temperature" in str(error.content)
        assert store.all_sessions() == []
        app.screen.query_one("#temperature", Input).value = "48"
        await pilot.press("enter")
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
        for _ in range(6):  # what "+" does (its key: the foam roller test)
            timer(app).action_control("add_minute")
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
        await pilot.pause()
        assert list(tmp_path.glob("done*")) == []
        await advance(pilot, clock, 1)
        # The command runs on its own (a process, watched from a thread): wait for it.
        done = tmp_path / "done Ice bath;rm x.txt"
        await until(pilot, lambda: done.exists() and done.read_text() == "ok")
        assert list(tmp_path.glob("done*")) == [done]
        assert not any(t.startswith("on_finish_command") for t in app.toasts)
        await pilot.press("s")

        # A failing command is reported (from its watching thread) as a toast; the
        # session is logged all the same. Each way a command fails, and its message:
        # tests/unit/services/test_finish_command.py.
        store.set_setting("on_finish_command", f"{sys.executable} -c 'raise SystemExit(3)'")
        app.start_timer("ice-bath", 1, ask_temperature=False)
        await pilot.pause()
        await advance(pilot, clock, 1)
        await until(pilot, lambda: any("exited with 3" in t for t in app.toasts))
        assert store.all_sessions()[-1].status is SessionStatus.COMPLETED


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
