"""A screen laid out again only at a new size (every mode's screen).

Textual 8.2.8 sends a screen the same size three times as it first opens: the
screen's own first layout posts it a Resize, the terminal's first size comes, and the
app posts that size once more when idle (it keeps an event it had already found
changed nothing). ``Screen._on_resize`` lays the whole screen out again each time:
about a third of a first frame each.

Not for a dialog: its resize is what lays out the screens under it, which it is drawn
over (they are not laid out while covered), so a dialog skipping it is drawn over blank.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen


class LaidOutOnce(Screen[Any]):
    """Leaves a size the screen is already laid out at to its pending layout, if any."""

    async def _on_resize(self, event: events.Resize) -> None:
        if event.size == self._compositor.size:
            event.prevent_default()  # Textual's Screen._on_resize would lay it out again
