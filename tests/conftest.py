"""Shared fixtures: a temporary store, a fixed today, the app, stable snapshots."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from hypothesis import settings

from tests.fakes import FakeClock
from tracker.data.db import open_db
from tracker.data.paths import ensure_private_dir
from tracker.data.store import Store

os.environ.pop("NO_COLOR", None)

# Shared, noisy machines: hypothesis checks behaviour here, never speed.
settings.register_profile("recovtui", deadline=None, print_blob=True)
settings.load_profile("recovtui")

# The cycle collector's youngest generation is collected every 700 net allocations by
# default, and every tenth of those passes moves on to the next: a Pilot test allocates
# millions of short-lived objects (strips, segments, styles), so the default sends the
# collector over the whole worker's heap (about 200 ms a time) some 35 times in the UI
# tests alone. At 10,000 the same garbage is found with a tenth of the passes: the UI
# tests' collector time falls from 7.6-9.8 s a worker to 2.6-3.7 s. What a test checks
# is untouched: nothing here depends on when a cycle is freed.
gc.set_threshold(10_000, 10, 10)

TODAY = pendulum.date(2026, 11, 25)  # a Wednesday
EVENING = pendulum.datetime(2026, 11, 25, 20, 0, 0, tz="UTC")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data directory or blinks a cursor."""
    monkeypatch.setenv("RECOVTUI_DB", str(tmp_path / "default" / "recovtui.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture(autouse=True)
def _frames_unsent(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A headless app's frames are composed and thrown away: a test composes none but
    those it looks at (``export_screenshot``, the snapshots), or all of them if marked
    ``frames`` (one that watches what is sent, or when).

    Composing each frame (every line of every widget changed, cut and joined into the
    screen's) was a third of the Pilot tests' time and is Textual's, checked by the
    tests marked ``frames``, the snapshots and the screenshots. What recovtui draws is
    still drawn at each frame: every widget due to be drawn renders what it shows, so a
    ``render()`` or markup that fails still fails the test.
    """
    if request.node.get_closest_marker("frames") or "snapshots" in request.node.nodeid:
        return
    from textual.screen import Screen
    from textual.widget import Widget

    refresh = Screen._compositor_refresh

    def _compositor_refresh(self: Screen[object]) -> None:
        app = self.app
        if not (app.is_headless and self is app.screen and not app.is_inline):
            refresh(self)
            return
        compositor = self._compositor
        visible = compositor.visible_widgets
        due = visible if self in self._dirty_widgets else self._dirty_widgets
        for widget in list(due):
            if isinstance(widget, Widget) and widget.is_attached and widget in visible:
                widget._render()
        self._dirty_widgets.clear()
        compositor._dirty_regions.clear()
        app._update_mouse_over(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", _compositor_refresh)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovtui.db"


@pytest.fixture(scope="session")
def new_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database as ``open_db`` creates it, with the time zone set to UTC: made once
    a worker (its migrations and fsyncs take some 20 ms; a copy is opened in 3)."""
    path = tmp_path_factory.mktemp("new") / "recovtui.db"
    store = Store(open_db(path))
    store.set_setting("timezone", "UTC")
    store.close()
    return path


@pytest.fixture
def store(db_path: Path, new_database: Path) -> Iterator[Store]:
    """A new, empty store at ``db_path`` (time zone UTC), opened as recovtui opens one."""
    ensure_private_dir(db_path.parent)
    shutil.copy(new_database, db_path)
    store = Store(open_db(db_path))
    yield store
    store.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo history on TODAY, made once per test process (it takes a while)."""
    from tracker.data.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store(open_db(path))
    store.set_setting("timezone", "UTC")
    fill_demo(store, TODAY)
    store.close()
    return path


@pytest.fixture
def demo_store(demo_template: Path, db_path: Path) -> Iterator[Store]:
    """A store holding the demo history: a fresh copy of the template for each test."""
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(demo_template, db_path)
    db_path.chmod(0o600)
    store = Store(open_db(db_path))
    yield store
    store.close()


def make_app(store: Store, clock: FakeClock, start_mode: str = "today"):  # type: ignore[no-untyped-def]
    from tracker.app import RecovApp

    return RecovApp(store, clock, start_mode=start_mode)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for the test (root may mount; anyone else skips, saying why)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("needs to mount a small tmpfs (as root) to fill a disk or make one read-only")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


LONGEST_FIRST = ("tests/web/", "tests/ui/", "tests/cli/")
"""The folders whose tests take longest, in that order (after the real-process ones)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the longest tests first, so that no worker is left running one alone at the
    end (`make test` splits the list between two workers, which steal from each other's
    queue when idle): the real-process tests, then the browser, Pilot and command tests,
    then the quick unit and store tests. The order within each group stays as collected."""

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("slow"):
            return 0
        folder = next((f for f in LONGEST_FIRST if item.nodeid.startswith(f)), None)
        return 1 + (LONGEST_FIRST.index(folder) if folder else len(LONGEST_FIRST))

    items.sort(key=rank)


SHARED_THEMES = 2
"""How many themes' parses :func:`_share_parsed_css` keeps: the default one and the one a
test switched to (a test that walks every built-in theme would keep them all alive,
130,000 objects, for every later full pass of the collector to walk)."""


def _share_parsed_css() -> None:
    """Every app a test starts parses the same stylesheets: parse each once per process.

    Textual caches parsed rules per stylesheet, that is per app; the key here adds the
    theme's variables, which the parse substitutes.
    """
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    by_theme: dict[object, dict[object, object]] = {}

    def _parse_rules(
        self: Stylesheet, css: str, read_from: object, *args: object, **kwargs: object
    ) -> object:
        theme = tuple(sorted(self._variables.items()))
        shared = by_theme.pop(theme, None)
        if shared is None:
            shared = {}
            while len(by_theme) >= SHARED_THEMES:
                del by_theme[next(iter(by_theme))]
        by_theme[theme] = shared  # the latest used last: the first is the oldest
        key = (css, read_from, args, tuple(sorted(kwargs.items())))
        try:
            return shared[key]
        except KeyError:
            rules = shared[key] = parse_rules(self, css, read_from, *args, **kwargs)  # type: ignore[arg-type]
            return rules

    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign,assignment]


_share_parsed_css()


def pytest_collection_finish(session: pytest.Session) -> None:
    """What a test worker has loaded by now (pytest, hypothesis, Textual, recovtui and the
    collected tests) lives as long as the worker: kept out of the cycle collector's later
    full passes, as a recovtui process does with what it loads (``cli/startup.py``)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """What outlives the tests (Textual's caches of drawn lines, some 280,000 objects in
    a worker) is collected once here, and what survives is frozen: pytest's own cleanup
    then collects five times more to report an exception raised while freeing a cycle,
    and each of those passes walked all of it again (up to a second each). Any such
    exception is raised by this collection, while pytest still listens for it."""
    gc.collect()
    gc.freeze()
