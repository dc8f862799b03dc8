"""A screen's first open costs only its own widgets (DESIGN §11: every screen ≤ 100 ms).

Textual 8.2.8 re-parses the whole stylesheet twice and restyles every screen already
open each time a mode's screen is made; recovtui's screens are made on a stylesheet
that is current, so they skip that, and must still be drawn in the theme chosen.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets import Select, Static
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

from tests.conftest import EVENING, make_app
from tests.fakes import FakeClock
from tests.helpers import shown, until
from tracker.app import RecovApp
from tracker.data.db import open_db
from tracker.data.store import Store
from tracker.domain.kinds import ActivityKind
from tracker.screens.modals.run_form import LogRunForm
from tracker.widgets.footer import Footer


async def test_a_first_open_reads_no_stylesheet_again_and_keeps_the_theme(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    reparses: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(1)
        reparse(self)

    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "reparse", counted)
        for mode in ("week", "timer", "stats", "settings"):
            app.switch_mode(mode)
            await pilot.pause()
        assert reparses == []

        app.theme = "nord"
        await pilot.pause()
        for mode in ("history", "week"):  # one first made after the change, one before
            app.switch_mode(mode)
            await pilot.pause()
            nav = app.screen.query_one("#nav", Static)
            assert nav.styles.background == Color.parse(app.get_css_variables()["panel"])


async def test_a_first_open_styles_each_widget_once(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each widget is styled as it mounts, and not again before it is first drawn.

    Textual's footer keys start compact and are restyled one by one when the footer
    binds them to its (not compact) style; and a screen coming into view restyles
    all it holds, twice on a first open, when all of it has only just been styled.
    """
    app = make_app(store, clock, start_mode="week")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        restyled: list[object] = []
        update_styles = RecovApp.update_styles

        def counted(self: RecovApp, node: DOMNode, animate: bool = True) -> None:
            if isinstance(node, FooterKey | Screen):
                restyled.append(node)
            update_styles(self, node, animate)

        monkeypatch.setattr(RecovApp, "update_styles", counted)
        app.switch_mode("timer")
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert [k.key for k in keys if k.has_class("-compact")] == ["ctrl+p"]  # as Textual's
        assert restyled == []
        app.switch_mode("week")
        await pilot.pause()
        assert restyled == [app.screen]  # a screen coming back is restyled, as in Textual


async def test_a_dialog_comes_up_as_a_screen_does(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialog's footer is the app's: its keys come up in their final style, as a
    screen's do (Textual's footer restyled each of them twice as the dialog opened);
    and its choices build their list of options when first opened, as the screens' do."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        restyled: list[object] = []
        update_styles = RecovApp.update_styles

        def counted(self: RecovApp, node: DOMNode, animate: bool = True) -> None:
            if isinstance(node, FooterKey):
                restyled.append(node)
            update_styles(self, node, animate)

        monkeypatch.setattr(RecovApp, "update_styles", counted)
        await pilot.press("l")
        assert isinstance(app.screen, LogRunForm)
        assert {key.key for key in app.screen.query(FooterKey)} >= {"ctrl+s", "escape"}
        assert restyled == []
        assert isinstance(app.screen.query_one(TextualFooter), Footer)
        assert app.screen.query_one("#kind", Select).value == ActivityKind.WORKOUT  # planned
        assert not app.screen.query(SelectOverlay)


async def test_the_footer_makes_each_key_once_as_a_screen_comes_up(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bindings change dozens of times as a screen comes up (each focus move): the
    footer makes its keys once, as they are once the screen has focused a widget (the
    first screen too: Today's list adds its own), and again only when the keys it shows
    change (a focus move onto a widget with keys of its own)."""
    made: list[FooterKey] = []
    init = FooterKey.__init__

    def counted(self: FooterKey, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(FooterKey, "__init__", counted)

    def made_once() -> list[str]:
        keys = list(app.screen.query(FooterKey))
        assert sorted(map(id, made)) == sorted(map(id, keys))
        made.clear()
        return [key.description for key in keys]

    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert "Tick" in made_once()  # the focused checklist's key
        app.switch_mode("timer")
        await pilot.pause()
        shown_keys = made_once()
        assert "Add" in shown_keys and "Log run" in shown_keys
        app.switch_mode("week")
        await pilot.pause()
        assert "Prev wk" in made_once()
        app.switch_mode("settings")
        await pilot.pause()
        assert "Edit" not in made_once()
        app.screen.query_one("#items").focus()
        await pilot.pause()
        assert "Edit" in made_once()
        app.screen.query_one("#items").focus()
        await pilot.pause()
        assert made == []  # no change, nothing made


@pytest.mark.parametrize(("theme", "rereads"), [("textual-dark", 0), ("nord", 1)])
async def test_the_first_screen_is_styled_on_the_stylesheet_the_app_was_made_with(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, theme: str, rereads: int
) -> None:
    """The stylesheet Textual makes with the app already holds the default theme's
    colours: the first screen is styled on it as it is (the minimal app's path), not
    re-read (each re-read parses app.tcss again: two of a start's three parses). A theme
    stored by the runner is read in first, and shown."""
    reparses: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparses.append(1)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    store.set_setting("theme", theme)
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        nav = app.screen.query_one("#nav", Static)
        assert nav.styles.background == Color.parse(app.get_css_variables()["panel"])
        assert len(reparses) == rereads


async def test_a_first_open_reads_its_report_once_and_a_return_reads_it_again(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual resumes a screen twice as its mode first opens: it reads its report once;
    coming back into view (after a dialog or another screen) reads it again, since
    another recovtui may have written meanwhile."""
    from tracker.screens.stats import StatsScreen

    reads: list[str] = []
    refresh_data = StatsScreen.refresh_data

    def counted(self: StatsScreen) -> None:
        reads.append(self.app.current_mode)
        refresh_data(self)

    monkeypatch.setattr(StatsScreen, "refresh_data", counted)
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.switch_mode("stats")
        await pilot.pause()
        assert len(reads) == 1
        app.switch_mode("today")
        await pilot.pause()
        app.switch_mode("stats")
        await pilot.pause()
        assert len(reads) == 2
        await pilot.press("question_mark")  # the keys panel is not a screen: nothing read
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(reads) == 3  # back from the palette (a screen of its own)


@pytest.mark.parametrize("mode", ["today", "week", "timer", "stats", "settings", "history"])
async def test_each_screen_is_set_up_once_and_read_once_as_it_first_opens(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Textual calls the handler of each class a screen is made of, so one that also calls
    ``super()`` runs the base's twice; and a first open reads the report once."""
    from importlib import import_module

    from tracker.screens.base import RecovScreen
    from tracker.screens.modes import screen_class_path

    module, name = screen_class_path(mode)
    screen_class = getattr(import_module(module), name)
    calls: list[str] = []
    on_mount, refresh_data = RecovScreen.on_mount, screen_class.refresh_data

    def mount_counted(self: RecovScreen) -> None:
        calls.append("set up")
        on_mount(self)

    def read_counted(self: RecovScreen) -> None:
        calls.append("read")
        refresh_data(self)

    monkeypatch.setattr(RecovScreen, "on_mount", mount_counted)
    monkeypatch.setattr(screen_class, "refresh_data", read_counted)
    app = make_app(store, clock, mode)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert mode == app.screen.MODE
        assert calls == ["set up", "read"]


def _stored(store: Store) -> list[str]:
    return list(store.db.conn.iterdump())


OTHER_MODES = ("week", "timer", "stats", "settings", "history")
SMALLER = (84, 30)
"""A terminal the screens fit in unscrolled, smaller than the one they were built in."""


async def _shown_on_each(
    app: RecovApp, monkeypatch: pytest.MonkeyPatch, resized: tuple[int, int] | None = None
) -> dict[str, str]:
    """The screenshot of each screen as it first opens, the terminal ``resized`` first if
    given (once built, if the app builds them: checked to be every other screen, each made
    and mounted once as its mode's own, not shown, laid out at the terminal's size, with
    its footer's keys, and nothing written; none rebuilds its footer as it is shown)."""
    shown: dict[str, str] = {}
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        if app.prepare_screens:
            before = _stored(app.store)
            await until(pilot, lambda: app.screens_built)
            for mode in OTHER_MODES:
                (screen,) = app._screen_stacks[mode]
                assert screen.is_mounted and not screen.is_current
                assert mode == screen.MODE
                assert screen.size == app.size, mode
            assert app.screen.MODE == "today"
            assert _stored(app.store) == before
        if resized is not None:
            await pilot.resize_terminal(*resized)
            await pilot.pause()
        rebuilt: list[str] = []
        recompose = Footer.recompose

        async def counted(footer: Footer) -> None:
            rebuilt.append(footer.screen.MODE)
            await recompose(footer)

        with monkeypatch.context() as patched:
            patched.setattr(Footer, "recompose", counted)
            for mode in OTHER_MODES:
                app.switch_mode(mode)
                await pilot.pause()
                shown[mode] = app.export_screenshot()
        if app.prepare_screens:
            assert rebuilt == []  # a built screen's footer already shows its keys
    return shown


async def test_a_screen_built_while_today_is_read_opens_as_one_made_as_it_opens_does(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the screens writes nothing; a built screen shows, and leaves stored, what
    a cold open does."""
    stores = []
    for name in ("cold.db", "built.db"):
        shutil.copyfile(demo_template, tmp_path / name)
        stores.append(Store(open_db(tmp_path / name)))
    cold_store, built_store = stores
    try:
        cold = await _shown_on_each(RecovApp(cold_store, FakeClock(EVENING)), monkeypatch)
        built = await _shown_on_each(
            RecovApp(built_store, FakeClock(EVENING), prepare_screens=True), monkeypatch
        )
        for mode in OTHER_MODES:
            assert built[mode] == cold[mode], mode
        assert _stored(built_store) == _stored(cold_store)
    finally:
        for store in stores:
            store.close()


async def test_a_screen_built_before_the_terminal_is_resized_opens_at_the_new_size(
    demo_store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laid out as it was built, a screen shown after a resize is laid out again: it shows
    what one made as it opens at the new size shows."""
    cold = await _shown_on_each(RecovApp(demo_store, clock), monkeypatch, resized=SMALLER)
    built = await _shown_on_each(
        RecovApp(demo_store, clock, prepare_screens=True), monkeypatch, resized=SMALLER
    )
    for mode in OTHER_MODES:
        assert built[mode] == cold[mode], mode


async def test_a_key_pressed_while_a_screen_is_being_built_opens_it(
    demo_store: Store, clock: FakeClock
) -> None:
    app = RecovApp(demo_store, clock, prepare_screens=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: "week" in app._screen_stacks)
        await pilot.press("2")  # the week's screen may still be mounting
        await pilot.pause()
        assert app.screen.MODE == "week"
        assert "Mon 23 Nov – Sun 29 Nov 2026" in shown(pilot, "#week-header")
        await pilot.press("4")  # not built yet, or being built
        await pilot.pause()
        assert app.screen.MODE == "stats"
        assert "Rest streak" in shown(pilot, "#stats-streak")


@pytest.mark.frames
async def test_a_whole_screen_is_drawn_as_soon_as_it_has_resumed(
    demo_store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual holds a switch's frames for 50 ms to hide a screen being composed; a built
    screen, or one shown before, is held only until it has re-read its report. A mode
    opened for the first time, not built, is held until it is whole (mounted, read, its
    keys in the footer), not for a time: its first frame sent shows all of it."""
    holds: list[str] = []
    delay_update = App.delay_update

    def counted(self: App[None], delay: float = 0.05) -> None:
        holds.append(self.current_mode)
        delay_update(self, delay)

    monkeypatch.setattr(App, "delay_update", counted)
    app = RecovApp(demo_store, clock, prepare_screens=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await until(pilot, lambda: app.screens_built)
        for mode in (*OTHER_MODES, "today", "week"):
            app.switch_mode(mode)
            assert app._batch_count == 1  # nothing drawn before its resume is handled
            await pilot.pause()
            assert app._batch_count == 0
        assert holds == []
        assert "Mon 23 Nov – Sun 29 Nov 2026" in shown(pilot, "#week-header")

    cold = RecovApp(demo_store, clock)
    async with cold.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        whole: list[bool] = []
        display = cold._display

        def sent(screen: Screen[None], update: object) -> None:
            if update is not None and not cold._batch_count:
                keys = [key.description for key in screen.query(FooterKey)]
                whole.append(screen.is_mounted and "Prev wk" in keys)
            display(screen, update)  # type: ignore[arg-type]

        cold._display = sent  # type: ignore[method-assign]
        cold.switch_mode("week")
        assert cold._batch_count == 1
        await until(pilot, lambda: cold._batch_count == 0)
        await pilot.pause()
        assert whole and all(whole)
        assert "Mon 23 Nov – Sun 29 Nov 2026" in shown(pilot, "#week-header")
        cold._display = display  # type: ignore[method-assign]
        for mode in ("today", "week"):
            cold.switch_mode(mode)
            await pilot.pause()
        assert holds == []


async def test_modes_opened_for_the_first_time_in_one_burst_end_on_the_last_drawn(
    demo_store: Store, clock: FakeClock
) -> None:
    """Keys typed ahead open mode after mode while the first is still held back: each is
    released as it is whole, and the last one pressed is the one shown and drawn."""
    app = RecovApp(demo_store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for key in ("2", "3", "4", "2"):
            app.post_message(events.Key(key, key))
        await until(pilot, lambda: app.screen.MODE == "week" and app._batch_count == 0)
        await pilot.pause()
        assert app._drawn_modes >= {"today", "timer", "stats"}
        assert "Mon 23 Nov – Sun 29 Nov 2026" in shown(pilot, "#week-header")
        assert "Prev wk" in [key.description for key in app.screen.query(FooterKey)]


async def test_a_screen_coming_back_with_nothing_new_lays_nothing_out_again(
    demo_store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen re-reads its report each time it comes back into view; what it shows
    already is left be (each update would lay the whole screen out again)."""
    app = RecovApp(demo_store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        modes = (*OTHER_MODES, "today")
        for mode in modes:
            app.switch_mode(mode)
            await pilot.pause()
        asked: list[str] = []
        refresh = Widget.refresh

        def counted(self: Widget, *args: Any, layout: bool = False, **kwargs: Any) -> Widget:
            # Textual restyles a resumed screen's scroll bars, clearing a rule they do not
            # hold, which asks for a layout whatever the screen shows (left to Textual).
            if layout and not isinstance(self, ScrollBar):
                asked.append(f"{self.screen.MODE}: {self!r}")
            return refresh(self, *args, layout=layout, **kwargs)

        for mode in modes:
            app.switch_mode("week" if mode == "today" else "today")
            await pilot.pause()
            with monkeypatch.context() as patched:
                patched.setattr(Widget, "refresh", counted)
                app.switch_mode(mode)
                await pilot.pause()
        assert asked == [], "\n".join(asked)


async def test_a_screen_is_laid_out_again_only_at_a_new_size(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual sends a first screen its size three times (its own first layout echoes
    it, the terminal's first size, the app's copy of that once idle): each was a whole
    new layout of the screen. A new size is laid out once."""
    sized: list[Size] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[None], size: Size | None = None, scroll: bool = False) -> None:
        if size is not None:  # a layout at a size given (a resume, a resize): all of it
            sized.append(size)
        refresh_layout(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert sized == [Size(100, 32)]
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert sized == [Size(100, 32), Size(90, 30)]
        assert app.screen.size == Size(90, 30)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert sized == [Size(100, 32), Size(90, 30)]


@pytest.mark.frames
async def test_a_dialog_is_drawn_over_the_screen_under_it(store: Store, clock: FakeClock) -> None:
    """A dialog's first size lays out the screen it covers, which shows around it (a
    dialog that skipped its resize as a screen does was drawn over blank)."""
    app = make_app(store, clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogRunForm)
        shot = app.export_screenshot().replace("&#160;", " ")
        assert "Log a run" in shot
        assert "Today · " in shot  # the panel titles of the screen under it


async def test_what_writing_needs_is_loaded_once_the_first_screen_is_painted(
    demo_store: Store, clock: FakeClock
) -> None:
    """Today is read with sqlite3 alone (tests/data/test_reads_alone.py); the app started
    as the command starts it then loads sqlite-utils' tables, before any key needs them."""
    app = RecovApp(demo_store, clock, prepare_screens=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert demo_store.db._tables is None  # the first paint read only
        await until(pilot, lambda: demo_store.db._tables is not None)
        assert app.screen.MODE == "today"
