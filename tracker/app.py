"""RecovApp: the screens, the global keys, the day, and the command palette.

The app builds every screen with its services and the clock. It holds two
reactives every screen watches: ``today`` (one interval for the whole app moves
it on past midnight) and ``revision`` (bumped by :class:`DataChanged` after any
write to the store), so no screen keeps its own day or re-reads after its own
writes.

Served to a browser (``recovtui serve``, ``served=True``) the app is in web mode:
nothing that reads or writes a file by path, and no command setting (see
:data:`FILE_ACTIONS` and ``Services.of``), and the bell flashes the screen, since
a browser terminal has no sound.

Leaving is safe: ``q`` (or the palette's Quit) while a session is on the clock
asks first, and a closed terminal (SIGHUP, or end of file on it when no SIGHUP
comes) saves the session and ends the process within two seconds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.timer import Timer
from textual.worker import WorkerFailed

from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.messages import DataChanged, StartTimer
from tracker.screens.base import report_unsaved
from tracker.screens.global_actions import GlobalActions
from tracker.screens.mode_screens import ModeScreens
from tracker.screens.modes import SCREENS_BY_KEY
from tracker.services.bundle import Services
from tracker.services.failures import StoreUnavailable
from tracker.services.status_summary import refresher_for
from tracker.terminal import end_process_soon, watch_terminal
from tracker.widgets.plain import NO_CONTROLS

if TYPE_CHECKING:
    from textual.filter import LineFilter

    from tracker.screens.timer import TimerScreen

SUMMARY_DELAY_S = 1.0
BELL_FLASH_S = 0.4
PREPARE_WRITES_AFTER_S = 0.2
"""The first screen is read with sqlite3 alone; what writing needs is loaded this long
after it is painted, before the other screens are built (``tracker/data/tables.py``)."""
FILE_ACTIONS = frozenset({"export", "import", "import_files", "backup", "watch"})
"""Actions that take a path on this machine: a served app never offers or runs them."""
DAY_CHECK_SECONDS = 15
LOCK_WAIT_S = 0.5
"""How long a key's write waits for another recovtui writing before it says so: other
writes take milliseconds, and a long import must not freeze the screen."""
HANGUP_EXIT = 129  # 128 + SIGHUP


class RecovApp(GlobalActions, ModeScreens, App[None]):
    """The recovtui terminal app. Gets its store and clock from the caller."""

    TITLE = "recovtui"
    CSS_PATH = "styles/base.tcss"  # each screen adds its own (screens/styles.py)
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key, f"switch_mode('{mode}')", title, tooltip=f"Go to {title}", id=mode, show=False
            )
            for key, mode, title in SCREENS_BY_KEY
        ),
        Binding("l", "log_run", "Log run", tooltip="Log a run: kind, distance, time, effort, date"),
        Binding("c", "check_in", "Check in", tooltip="Mark today reviewed (no run = a rest day)"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last change made in this session"),
        Binding("question_mark", "toggle_help", "Keys", tooltip="Show or hide all keys"),
        Binding("q", "quit", "Quit", tooltip="Leave recovtui (everything is saved)"),
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        lambda: import_module("tracker.screens.palette").RecovCommands  # when ^p opens
    }

    today: reactive[date] = reactive(date(2000, 1, 1), init=False)
    """The runner's day; moves on when the app is left open past midnight."""
    revision: reactive[int] = reactive(0, init=False)
    """Bumped after every write to the store: screens re-read what they show."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        start_mode: str = "today",
        timer_preset: str | None = None,
        timer_duration_s: int | None = None,
        offer_welcome: bool = False,
        *,
        served: bool = False,
        prepare_screens: bool = False,
        on_shown: Callable[[], None] | None = None,
        on_screen_made: Callable[[], None] | None = None,
    ) -> None:
        # Start straight in the first screen's mode: switching modes from the
        # default screen on mount re-parses the whole stylesheet twice.
        self.DEFAULT_MODE = start_mode  # type: ignore[misc]
        super().__init__()
        self.store = store
        self.clock = clock
        self.served = served
        """Served to a browser: web mode (see the module's docstring)."""
        store.wait_for_writers(LOCK_WAIT_S)
        self.services = Services.of(store, clock, served=served)
        self.timer_preset = timer_preset
        self.timer_duration_s = timer_duration_s
        self.offer_welcome = offer_welcome
        self.prepare_screens = prepare_screens
        self._on_shown = on_shown
        """Called once the first screen is painted (the command line resumes Python's
        cycle collector there: ``cli/startup.py``)."""
        self.on_screen_made = on_screen_made
        self.add_mode_screens()
        self.set_reactive(RecovApp.today, clock.today())
        theme = store.settings().theme
        if theme in self.available_themes:
            self.theme = theme  # Textual re-reads its stylesheet once the app runs
            self.stylesheet.set_variables(self.get_css_variables())  # nothing parsed yet
        self.css_variables_at = self._css_update_count
        """The stylesheet holds the theme's colours as of this count (the first screen is
        styled on it as it is: ``RecovScreen._styled_as_now``)."""
        self._summary = refresher_for(store)
        self._summary_timer: Timer | None = None
        self._leaving = False
        store.on_change(self._store_changed)

    # The day and the data

    def on_mount(self) -> None:
        self.set_interval(DAY_CHECK_SECONDS, self.check_day)
        watch_terminal(self, self.terminal_closed)
        if self.timer_preset or self.store.running_sessions():
            self.settle_sessions()
        elif self.offer_welcome and self.services.welcome.needed():
            self.action_welcome()
        if self.store.watched_folders() and (path := self.store.database_path()):
            self.import_watched(path)

    def on_ready(self) -> None:
        """The first screen is painted: the rest can be loaded now."""
        if self._on_shown is not None:
            self._on_shown()
        if self.prepare_screens:
            self.set_timer(PREPARE_WRITES_AFTER_S, self.store.prepare_writes)
        self.build_screens_soon()

    @work(thread=True, exclusive=True, group="watched-folders")
    def import_watched(self, db_path: Path) -> None:
        """The watched folders' new files, on this thread's own connection; one toast."""
        from tracker.services.watching import import_watched_in_own_connection

        line = import_watched_in_own_connection(db_path)
        if line is not None:
            self.call_from_thread(self._watched_imported, line)

    def _watched_imported(self, line: str) -> None:
        self.notify(line, markup=False)
        self._store_changed()

    def check_day(self) -> None:
        """Move on to the new day when the app is left open past midnight."""
        self.today = self.clock.today()

    def _store_changed(self) -> None:
        if not self.is_running:
            return
        self.post_message(DataChanged())
        self._summary_soon()

    @on(DataChanged)
    def data_changed(self) -> None:
        try:
            self.revision += 1
        except StoreUnavailable as error:  # showing wrote, and could not: no second re-read
            report_unsaved(self, error, reread=False)

    async def _dispatch_message(self, message: Message) -> None:
        """A key whose write cannot be made now is reported; the app lives on."""
        try:
            await super()._dispatch_message(message)
        except StoreUnavailable as error:
            report_unsaved(self, error)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is plain text: a preset's name, an item or a reason holding ``[/]``
        is shown as typed, never parsed as markup (no toast of recovtui uses markup)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then one that keeps control characters in user text off the
        terminal (``widgets/plain.py``)."""
        return (*super().get_line_filters(), NO_CONTROLS)

    def _handle_exception(self, error: Exception) -> None:
        """The same for a timer's tick or a worker (a dialog flow): report, never crash."""
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, StoreUnavailable):
            report_unsaved(self, cause)
            return
        super()._handle_exception(error)

    def _summary_soon(self) -> None:
        """Rewrite the status summary a moment after the last write, not on every tick."""
        if self._summary is None:
            return
        if self._summary_timer is not None:
            self._summary_timer.stop()
        self._summary_timer = self.set_timer(SUMMARY_DELAY_S, self._summary.flush)

    def watch_theme(self, theme: str) -> None:
        if theme != self.store.settings().theme:
            self.store.set_setting("theme", theme)

    # The timer, from anywhere

    @on(StartTimer)
    def timer_requested(self, message: StartTimer) -> None:
        self.start_timer(
            message.preset, message.duration_s, ask_temperature=message.ask_temperature
        )

    def start_timer(
        self, preset_name: str, duration_s: int | None = None, *, ask_temperature: bool = True
    ) -> bool:
        """Open the Timer and start a preset named as on the command line (``ice-bath``).

        An ice bath asks the water temperature first unless ``ask_temperature`` is
        False. Returns False, with a toast, for an unknown preset.
        """
        try:
            preset = self.services.timer.find(preset_name)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return False
        self.timer_screen().begin(preset, duration_s, ask_temperature)
        return True

    def timer_screen(self) -> TimerScreen:
        """The Timer screen, shown (its mode made current)."""
        from tracker.screens.timer import TimerScreen

        self.switch_mode("timer")
        screen = self.screen_stack[0]
        assert isinstance(screen, TimerScreen)
        return screen

    @work(exclusive=True, group="settle-sessions")
    async def settle_sessions(self) -> None:
        """Offer back every session left unfinished (a crash, "Later"), then start the
        command line's timer. A session another recovtui window is timing is left alone."""
        from tracker.screens.timer_flows import settle_unfinished

        timer = self.services.timer
        resumed = await settle_unfinished(
            self, timer, timer.unfinished(), lambda s: self.timer_screen().resume_session(s)
        )
        if self.timer_preset is None:
            return
        if resumed:
            self.notify(f"Not starting {self.timer_preset}: finish the resumed session first")
            return
        self.start_timer(self.timer_preset, self.timer_duration_s, ask_temperature=False)

    def bell(self) -> None:
        """Ring the terminal's bell; in a browser, which has none, flash the screen."""
        if not self.is_web:
            super().bell()
            return
        screen = self.screen
        screen.add_class("-bell")
        self.set_timer(BELL_FLASH_S, partial(screen.remove_class, "-bell"))

    # The first evening

    @work(exclusive=True, group="welcome")
    async def action_welcome(self) -> None:
        """The welcome (a new database opens with it; Settings brings it back)."""
        from tracker.screens.modals.welcome import WelcomeForm

        welcome = self.services.welcome
        answers = await self.push_screen_wait(WelcomeForm(welcome.defaults(), welcome.save))
        if answers is None:
            welcome.skip()
            self.notify("Welcome skipped: Settings (5), then g, shows it again")
            return
        self.notify("Saved: units, week start, time zone and your week", title="Welcome")
        if answers.history:
            self.notify(f"Importing {answers.history} …")
            imported, summary = welcome.import_history(answers.history)
            self.notify(
                summary,
                title="Imported" if imported else "Not imported",
                severity="information" if imported else "error",
                markup=False,
            )

    # Leaving

    async def action_quit(self) -> None:
        """Quit; while a session is on the clock, ask first (log it and quit, or stay).
        ``q``, ``ctrl+q`` and the palette's Quit all come here."""
        if self.services.timed() is None:
            self.exit()
        else:
            self.confirm_quit()

    @work(exclusive=True, group="quit")
    async def confirm_quit(self) -> None:
        from tracker.screens.modals.timer import quit_dialog
        from tracker.services.timer_session import SessionLost
        from tracker.widgets.countdown import CountdownView

        timed = self.services.timed()
        if timed is None:
            self.exit()
            return
        snapshot = timed.snapshot()
        answer = await self.push_screen_wait(
            quit_dialog(timed.name, CountdownView.of(snapshot).elapsed_line)
        )
        if answer != "log":
            return
        message = None
        if timed.on_the_clock:
            with contextlib.suppress(SessionLost):
                message = timed.finish(elapsed_s=snapshot.elapsed_s)
        self.exit(message=message)

    def terminal_closed(self) -> None:
        """The terminal is gone: save the session on the clock, then end the process."""
        if self._leaving:
            return
        self._leaving = True
        timed = self.services.timed()
        if timed is not None:
            from tracker.services.timer_session import SessionLost

            with contextlib.suppress(SessionLost, StoreUnavailable):
                timed.save()
        if not self.is_headless:
            end_process_soon(HANGUP_EXIT)
        self.exit(return_code=HANGUP_EXIT)

    # Keys and the palette

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.served and action in FILE_ACTIONS:
            return False
        return super().check_action(action, parameters)

    def action_toggle_help(self) -> None:
        if self.screen.query("KeysPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """recovtui's own keys of the screen, one label each (no generic Textual keys)."""
        from tracker.widgets.keys_panel import KeysPanel

        if not self.screen.query(KeysPanel):
            self.screen.mount(KeysPanel())

    def action_hide_help_panel(self) -> None:
        self.screen.query("KeysPanel").remove()
