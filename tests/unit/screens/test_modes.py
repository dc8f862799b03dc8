"""One table of screens: each mode's key, title and the screen class it opens."""

from __future__ import annotations

from importlib import import_module

import pytest

from tracker.screens.base import RecovScreen
from tracker.screens.modes import SCREENS_BY_KEY, screen_class_path


@pytest.mark.parametrize(("key", "mode", "title"), SCREENS_BY_KEY)
def test_every_mode_names_its_screen_class(key: str, mode: str, title: str) -> None:
    module, name = screen_class_path(mode)
    screen = getattr(import_module(module), name)
    assert issubclass(screen, RecovScreen)
    assert mode == screen.MODE
    assert key == str(SCREENS_BY_KEY.index((key, mode, title)) + 1)


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(KeyError):
        screen_class_path("nowhere")
