"""Named parts of a drawn widget, each styled from the stylesheet (theme variables).

A widget lists its parts with :func:`drawn_parts`; its ``render`` asks
:func:`part` for each part's style. The component classes are
``<kebab-name>--<part>`` (``AcwrGauge > .acwr-gauge--low`` in the stylesheet).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from rich.style import Style
from textual.widget import Widget

W = TypeVar("W", bound=type[Widget])


def kebab(name: str) -> str:
    """``AcwrGauge`` → ``acwr-gauge``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def drawn_parts(*names: str) -> Callable[[W], W]:
    """Class decorator: the widget's component classes are its ``names``."""

    def decorate(cls: W) -> W:
        cls.COMPONENT_CLASSES = {f"{kebab(cls.__name__)}--{name}" for name in names}
        return cls

    return decorate


def part(widget: Widget, name: str) -> Style:
    """The style of the part ``name`` of ``widget``."""
    return widget.get_component_rich_style(f"{kebab(type(widget).__name__)}--{name}")
