"""The Timer screen: crashed and unfinished sessions, presets, quitting while one runs."""

from __future__ import annotations

from textual.widgets import Button, Input, OptionList, Static, TextArea

from tests.fakes import FakeClock
from tests.ui.test_timer_screen import (
    SIZE,
    advance,
    crashed,
    digits,
    make,
    only_session,
    text,
    timer,
)
from tracker.data.store import Store
from tracker.domain.countdown import State
from tracker.domain.presets import Preset, Segment
from tracker.domain.recovery import SessionStatus
from tracker.screens.modals.confirm import ChoiceDialog
from tracker.screens.modals.timer import PresetEditorDialog


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


async def test_crashed_sessions_are_offered_one_by_one_then_the_requested_timer_starts(
    store: Store, clock: FakeClock
) -> None:
    first, second, third = (crashed(store, 90 + n, 300 + n) for n in range(3))
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("l", "d", "escape"):
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            assert timer(app).timed is None, "crashed sessions come first"
            assert dialog.query_one("#choice-resume", Button).disabled, "started over an hour ago"
            await pilot.press("r")
            await pilot.pause()
            assert app.screen is dialog
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not dialog
        assert not isinstance(app.screen, ChoiceDialog)
        started = timer(app).timed
        assert started is not None and started.name == "Feet up"
    logged, left = store.session(first), store.session(third)
    assert logged is not None and (logged.status, logged.elapsed_s) == (SessionStatus.PARTIAL, 300)
    assert store.session(second) is None
    assert left is not None and (left.status, left.elapsed_s) == (SessionStatus.RUNNING, 302)
    assert (
        "Kept Foam roller for later: it is on the Timer (3) to log, resume or discard, "
        "and offered again on the next start"
    ) in app.toasts


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
        editor = app.screen
        assert isinstance(editor, PresetEditorDialog)
        # Refused values: what ctrl+s does (its key saves the two presets here) is called,
        # once each field's change has cleared its error.
        editor.query_one("#name", Input).value = "ice bath"  # the rule is case-blind
        await pilot.pause()
        editor.action_submit()
        error = str(editor.query_one("#name-error", Static).content)
        assert error == "there is already a preset called 'Ice bath'"
        editor.query_one("#name", Input).value = "Calf stretch"
        editor.query_one("#segments", TextArea).text = "1:00 Left\nsoon Right"
        await pilot.pause()
        editor.action_submit()
        assert str(editor.query_one("#name-error", Static).content) == ""
        error = str(editor.query_one("#segments-error", Static).content)
        assert error.startswith("line 2: not a duration")
        assert app.screen is editor and len(store.presets()) == 3, "nothing saved yet"
        app.screen.query_one("#segments", TextArea).text = "1:00 Left\n1:00 Right"
        await pilot.press("ctrl+s")
        await pilot.pause()
        custom = Preset("Calf stretch", "custom", (Segment("Left", 60), Segment("Right", 60)))
        assert store.presets()[-1] == custom
        options = timer(app).query_one("#preset-list", OptionList)
        assert options.highlighted == 3

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in store.presets()] == ["Ice bath", "Foam roller", "Feet up"]


async def test_start_timer_from_another_screen_then_the_session_removed_elsewhere(
    store: Store, clock: FakeClock
) -> None:
    """One session at a time; a row removed elsewhere stops the timer quietly."""
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
        assert app.current_mode == "today", "settled: still on the screen asked for"
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
    """Before, starting Feet up again made a second session beside the unfinished one.

    What each answer does (resume: no second row): tests/unit/screens/test_timer_flows.py;
    the screen's resume is the one ``u`` then ``r`` reaches (the test above).
    """
    crashed(store, 5, 95)
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
        await pilot.press("l")  # log the old one as it stood, start anew
        await pilot.pause()
        old, new = store.all_sessions()
        assert (old.status, old.elapsed_s) == (SessionStatus.PARTIAL, 95)
        assert new.status is SessionStatus.RUNNING and timer(app).timed is not None


# Leaving while a timer runs


async def test_q_while_a_timer_runs_asks_first_on_every_screen(
    store: Store, clock: FakeClock
) -> None:
    """Before, ``q`` quit without asking (on the Timer, and on Settings, a screen with
    fields of its own)."""
    app = make(store, clock, "feet-up")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = timer(app)
        for mode in ("timer", "settings"):
            app.switch_mode(mode)
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceDialog), f"asked before quitting ({mode})"
            assert "Quit while Feet up runs?" in str(
                app.screen.query_one(".dialog-title", Static).content
            )
            await pilot.press("escape")  # stay
            await pilot.pause()
            assert app.is_running and screen.timed is not None
        clock.advance(42)
        screen.tick()
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
