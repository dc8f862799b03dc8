"""The app's screens: the key that opens each, its mode name and its title.

A mode's screen is the class ``<Title>Screen`` of ``tracker.screens.<mode>``,
imported the first time the mode opens (:func:`screen_class_path`).
"""

from __future__ import annotations

SCREENS_BY_KEY = (
    ("1", "today", "Today"),
    ("2", "week", "Week"),
    ("3", "timer", "Timer"),
    ("4", "stats", "Stats"),
    ("5", "settings", "Settings"),
    ("6", "history", "History"),
)


def screen_class_path(mode: str) -> tuple[str, str]:
    """The module and the class name of ``mode``'s screen."""
    for _key, known, title in SCREENS_BY_KEY:
        if known == mode:
            return f"tracker.screens.{mode}", f"{title}Screen"
    raise KeyError(mode)
