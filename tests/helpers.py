"""Helpers the tests share: what a screen shows, the toasts, what the store ticked."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from tracker.data.db import StoreDatabase, open_memory_db
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.recovery import ticked_items
from tracker.widgets.fitted import Lines, Parts

S = TypeVar("S", bound=Screen[Any])

R, E, W, L, A, C = (
    DayKind.REST,
    DayKind.EASY,
    DayKind.WORKOUT,
    DayKind.LONG,
    DayKind.RACE,
    DayKind.CROSS,
)
"""The plan kinds by their Week keys, for plans written out in a test."""


_MIGRATED: list[StoreDatabase] = []


def memory_db() -> StoreDatabase:
    """A new in-memory database, as ``open_memory_db`` makes one: copied from one made so
    once a process (running the migrations takes 4 ms; a copy 0.2 ms, and a property
    test makes hundreds). ``tests/data/test_integrity.py`` checks the two agree."""
    if not _MIGRATED:
        _MIGRATED.append(open_memory_db())
    connection = sqlite3.connect(":memory:")
    _MIGRATED[0].conn.backup(connection)
    db = StoreDatabase(connection)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def current(pilot: Pilot[Any], kind: type[S]) -> S:
    """The screen shown now, checked to be a ``kind`` (no dialog over it)."""
    screen = pilot.app.screen
    assert isinstance(screen, kind), screen
    return screen


def shown(pilot: Pilot[Any], selector: str) -> str:
    """The text the widget at ``selector`` shows, on the screen shown now (a line made
    of parts, :class:`tracker.widgets.fitted.Parts`, as one line)."""
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, Static) and isinstance(widget.content, Parts | Lines):
        return widget.content.plain
    return str(widget.render())


def toasts(pilot: Pilot[Any]) -> list[tuple[str, str]]:
    """Every toast shown so far, as (message, severity)."""
    return [(n.message, n.severity) for n in pilot.app._notifications]


def ticked(store: Store, day: date) -> set[str]:
    """The recovery checklist items ticked on ``day`` (a completed session ticks its item)."""
    return set(ticked_items(store.sessions_between(day, day)))


def history(store: Store, first: date, last: date) -> None:
    """Checked-in days from ``first`` to ``last``, an easy run on each but Mondays."""
    day = first
    while day <= last:
        if day.weekday() != 0:
            store.add_activity(Activity(day, ActivityKind.EASY, 8000))
        store.check_in(day)
        day += timedelta(days=1)


async def type_in(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` into the focused field in one step, as its keys would: it replaces
    the selection, or goes in at the cursor (what ``Input`` does with each printable
    key). For figures and names that are data, not the keys a test counts or walks: a
    key each costs a Pilot round trip of tens of milliseconds."""
    field = pilot.app.focused
    assert isinstance(field, Input), f"typing {text!r} with the focus on {field!r}"
    assert text.isprintable(), text
    field.replace(text, *field.selection)
    await pilot.pause()


async def until(pilot: Pilot[Any], done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Wait, in real time, for ``done`` (what only the app's own timers or a process it
    started can make true): a fixed pause is outlasted on a busy machine."""
    waited = 0.0
    while not done():
        assert waited < timeout_s, f"still not done after {timeout_s} s"
        await pilot.pause(0.05)
        waited += 0.05
