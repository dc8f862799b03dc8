"""Helpers the tests share: what a screen shows, the toasts, what the store ticked."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.domain.recovery import ticked_items
from tracker.widgets.fitted import Lines, Parts

S = TypeVar("S", bound=Screen[Any])


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
