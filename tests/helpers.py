"""Helpers the tests share: what a screen shows, the toasts, what the store ticked."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from tracker.data.store import Store
from tracker.domain.recovery import ticked_items

S = TypeVar("S", bound=Screen[Any])


def screen_of(pilot: Pilot[Any], kind: type[S]) -> S:
    """The screen of ``kind`` under any dialog (the current mode's base screen)."""
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, kind), screen
    return screen


def shown(pilot: Pilot[Any], selector: str, kind: type[Screen[Any]] = Screen) -> str:
    """The text a Static shows, on the current mode's screen."""
    return str(screen_of(pilot, kind).query_one(selector, Static).render())


def toasts(pilot: Pilot[Any]) -> list[tuple[str, str]]:
    """Every toast shown so far, as (message, severity)."""
    return [(n.message, n.severity) for n in pilot.app._notifications]


def ticked(store: Store, day: date) -> set[str]:
    """The recovery checklist items ticked on ``day`` (a completed session ticks its item)."""
    return set(ticked_items(store.sessions_between(day, day)))
