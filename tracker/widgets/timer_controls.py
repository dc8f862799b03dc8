"""The Timer's buttons, for a tap where a keyboard has no space bar (a phone).

Each button runs the screen action its key runs (``control('toggle')`` for
space…), so a tap and a key can never differ, and it shows exactly when the
screen allows that action, as the footer does: Start under the presets, the
running timer's controls while a session is on the clock.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button

# (button id, label, the screen action it runs, the action name the screen checks)
BUTTONS = (
    ("timer-start", "Start", "screen.start", "start"),
    ("timer-toggle", "Pause/Resume", "screen.control('toggle')", "control"),
    ("timer-add", "+1 min", "screen.control('add_minute')", "control"),
    ("timer-next", "Next", "screen.control('next_segment')", "control"),
    ("timer-stop", "Stop", "screen.stop", "stop"),
)


class TimerControls(Horizontal):
    """A row of buttons, each shown while its action is allowed."""

    def compose(self) -> ComposeResult:
        for button_id, label, action, _name in BUTTONS:
            button = Button(label, id=button_id, variant="primary", action=action)
            if button_id == "timer-stop":
                button.variant = "error"
            button.can_focus = False  # the keys stay with the presets and the timer
            yield button

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._allowed_changed)
        self._allowed_changed(self.screen)

    def _allowed_changed(self, screen: Screen[object]) -> None:
        for button_id, _label, _action, name in BUTTONS:
            allowed = screen.check_action(name, ()) is not False
            self.query_one(f"#{button_id}", Button).display = allowed
