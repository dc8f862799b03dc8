"""Every nutrition item, archived ones too, with the keys that edit the list."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class NutritionEditor(OptionList):
    """The items as options; the screen holding it answers its keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_item", "Add", tooltip="Add a nutrition item"),
        Binding("r", "screen.rename_item", "Edit", tooltip="Rename the highlighted item"),
        Binding(
            "left_square_bracket",
            "screen.move_item(-1)",
            "Up",
            key_display="[",
            tooltip="Move the highlighted item up",
        ),
        Binding(
            "right_square_bracket",
            "screen.move_item(1)",
            "Down",
            key_display="]",
            tooltip="Move the highlighted item down",
        ),
        Binding(
            "x",
            "screen.archive_item",
            "Archive",
            tooltip="Archive or bring back the highlighted item (its history stays)",
        ),
    ]
