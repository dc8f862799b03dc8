"""The app's screens: the key that opens each, its mode name and its title."""

from __future__ import annotations

SCREENS_BY_KEY = (
    ("1", "today", "Today"),
    ("2", "week", "Week"),
    ("3", "timer", "Timer"),
    ("4", "stats", "Stats"),
    ("5", "settings", "Settings"),
    ("6", "history", "History"),
)
