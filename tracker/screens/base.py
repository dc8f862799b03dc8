"""What every recovtui screen shares: header, nav, footer, the too-small notice, the day.

A screen is built with its services and the clock. It follows the app's
``today`` and ``revision`` reactives: a new day calls :meth:`day_changed`, a
write anywhere calls :meth:`refresh_data` when the screen is shown (a screen
coming back into view always re-reads, once: Textual resumes a screen twice as its
mode first opens).

A write that cannot be made now (another recovtui is writing, the disk is full)
never stops a screen: :func:`report_unsaved` says so in a toast, and every
screen re-reads, so what it shows is what is stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual._context import NoActiveAppError
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from tracker.domain.clock import Clock
from tracker.messages import DataChanged
from tracker.screens.modes import SCREENS_BY_KEY
from tracker.screens.sizing import LaidOutOnce
from tracker.screens.styles import add_styles_of
from tracker.services.failures import StoreUnavailable
from tracker.widgets.footer import Footer

TOO_SMALL = "Terminal too small — recovtui needs at least 60×20. Make the window bigger."
MIN_WIDTH, MIN_HEIGHT = 60, 20


def report_unsaved(app: App[Any], error: StoreUnavailable, reread: bool = True) -> None:
    """Tell the runner a write was not made (nothing changed), and re-read every screen
    (unless it is the re-reading that failed)."""
    app.notify(str(error), title="Not saved", severity="error", markup=False, timeout=8)
    if reread:
        app.post_message(DataChanged())


class RecovScreen(LaidOutOnce, Screen[None]):
    """A screen of the app. Subclasses compose their body and refresh from their services."""

    STYLES: ClassVar[str | None] = None
    """The file of this screen's own rules in ``tracker/styles/`` (``screens/styles.py``)."""

    MODE = ""
    """The mode this screen is shown in (highlighted in the nav bar)."""
    _in_view = False
    """Resumed and not suspended since: what it shows was read as it came into view."""
    _styled_fresh = True
    """Every widget styled as it mounted (on the stylesheet as it is then: the first
    screen's is read before its widgets mount), and the screen not yet left: coming
    into view needs no restyle (Textual restyles the whole screen on each resume, twice
    on a first open)."""

    drawn_whole = False
    """Its frames are held back until it is whole (its first open: see
    :meth:`ModeScreens._open_cold`). Textual would make each frame meanwhile and then
    drop it; none is made, and the end of the hold draws the whole screen once."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.today: date = clock.today()
        self._styled_as_now()

    def _styled_as_now(self) -> None:
        """Mark this new screen as made on the stylesheet as it is now, when it is.

        Textual 8.2.8 takes a screen it has never shown for one whose styles are out of
        date: when its mode first opens it re-parses the whole stylesheet twice and
        restyles every screen already open, most of a first open. A new screen's widgets
        are styled as they mount, so that is needed only when the stylesheet does not hold
        the theme's colours yet: the app puts them in before anything is parsed (its
        ``css_variables_at``), so the first screen skips it too (each re-read parsed
        app.tcss again: two of a start's three parses). A theme changed later re-reads
        the stylesheet and restyles every screen made so far, this one too.
        """
        try:
            app = self.app
        except NoActiveAppError:
            return
        if app.screen_stack:
            self._css_update_count = app._css_update_count
        elif app._css_update_count == getattr(app, "css_variables_at", -1):
            app.stylesheet.update(app, animate=False)  # the app's own styles, not re-read
            self._css_update_count = app._css_update_count

    def _post_register(self, app: App[Any]) -> None:
        add_styles_of(app, self)  # before any of its widgets is styled
        super()._post_register(app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._nav(), id="nav")
        yield Static(TOO_SMALL, id="too-small")
        with Vertical(id="body"):
            yield from self.compose_body()
        yield Footer(keys_later=self.drawn_whole)

    def _nav(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, mode, title in SCREENS_BY_KEY:
            shown = mode == self.MODE
            tap = {"@click": f"app.switch_mode('{mode}')"}  # a click or a tap opens it
            text.append(f" {key} {title} ", style=Style(bold=shown, reverse=shown, meta=tap))
            text.append(" ")
        text.append("  ? keys  ^p commands  q quit", style="dim")
        return text

    def compose_body(self) -> ComposeResult:
        yield from ()

    async def _dispatch_message(self, message: Message) -> None:
        """A handler whose write cannot be made now is reported, and the screen lives on
        (Textual stops a screen's messages at the first error that escapes a handler)."""
        if isinstance(message, events.ScreenSuspend):
            self._styled_fresh = False
        elif isinstance(message, events.ScreenResume) and self._styled_fresh:
            message.refresh_styles = False
        try:
            await super()._dispatch_message(message)
        except StoreUnavailable as error:
            report_unsaved(self.app, error)

    async def mounted(self) -> None:
        """Wait until the screen is mounted (a worker started as its mode opens)."""
        if not self.is_mounted:
            await self._mounted_event.wait()

    def on_mount(self) -> None:
        self.watch(self.app, "today", self._today_changed, init=False)
        self.watch(self.app, "revision", self._data_changed, init=False)

    # Textual calls each class's handler (``on_mount``, ``on_resize``, ...) of a screen
    # itself, base classes' too: a subclass's handler never calls ``super()`` for it (that
    # would run the base's twice), and what a subclass adds goes in the methods below.

    def on_resize(self) -> None:
        self.sized()  # laid out again only at a new size (LaidOutOnce)

    def sized(self) -> None:
        """The screen has a new size, or came into view: set what follows its size."""
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        self.set_class(small, "-too-small")

    def on_screen_resume(self) -> None:
        self.sized()
        if self._in_view:
            return  # Textual resumes a screen twice as its mode first opens
        self._in_view = True
        self.refresh_data()

    def on_screen_suspend(self) -> None:
        self._in_view = False

    def _today_changed(self, today: date) -> None:
        if today != self.today:
            self.today = today
            self.day_changed()

    def _data_changed(self) -> None:
        if self.is_current:
            self.refresh_data()

    def day_changed(self) -> None:
        """The app was left open past midnight: show the new day."""
        self.refresh_data()

    def refresh_data(self) -> None:
        """Re-read what the screen shows from its services."""

    def _compositor_refresh(self) -> None:
        if self.drawn_whole and self.app._batch_count:
            return  # a frame held back is dropped: what is dirty stays so, drawn later
        super()._compositor_refresh()

    # Built before it is shown (screens/mode_screens.py)

    async def show_keys(self) -> None:
        """Give the footer this screen's keys as they are now, and wait until it shows
        them (a built screen: Textual tells a footer only as its screen is shown)."""
        self.refresh_bindings()
        await self.query_one(Footer).show_keys()

    def lay_out_unseen(self, size: Size) -> None:
        """Read the report and lay it out at ``size``, not shown yet.

        Textual lays out only a screen that has been on show (``_screen_resized`` does
        nothing before), so a screen built beforehand would be read, laid out (three
        times: each widget's first size restyles some) and drawn as it first opens.
        Read and laid out now, it is left as a screen shown once and then left is: its
        first open re-reads (picking up any write since), lays out only what that
        changed, and is drawn once. Resized meanwhile, it is laid out again as it resumes
        (Textual compares the sizes).
        """
        self.refresh_data()
        self._refresh_layout(size)

    def draw_unseen(self) -> None:
        """Draw every widget of this screen, laid out and not shown, into its line cache
        (the frame is dropped), once the widgets have taken their sizes: its first open
        redraws only what its re-read changed."""
        if self._layout_required:
            self._refresh_layout(self.app.size)
            self._layout_required = False
        self._compositor.render_update(full=True)
