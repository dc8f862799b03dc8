"""The keys that plan a day's kind: the same capitals on the Week screen and in the week
template (Settings)."""

from __future__ import annotations

from textual.binding import Binding

from tracker.domain.kinds import DayKind

KIND_KEYS = (
    ("R", DayKind.REST),
    ("E", DayKind.EASY),
    ("W", DayKind.WORKOUT),
    ("L", DayKind.LONG),
    ("A", DayKind.RACE),
    ("C", DayKind.CROSS),
)
"""Capitals plan the selected day: a lower-case letter means the same on every screen
(``l`` logs a run, ``c`` checks in, ``e`` starts the feet-up timer)."""


def kind_bindings(what: str, *, shown: DayKind | None = None) -> list[Binding]:
    """A binding a kind, running ``set_kind('<kind>')``; ``what`` is the day it plans,
    as in "Plan {what} as rest"; only ``shown``'s is in the footer."""
    return [
        Binding(
            key,
            f"set_kind('{kind.value}')",
            kind.label,
            tooltip=f"Plan {what} as {kind.value} (shift+{key.lower()})",
            show=kind is shown,
        )
        for key, kind in KIND_KEYS
    ]
