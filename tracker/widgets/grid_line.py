"""A line of text across every column of a grid (a field's error under its row)."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Static


class GridLine(Static):
    """Text spanning all its grid's columns (``column-span``), measured at the width it
    is drawn at: Textual 8.2.8 measures a cell that spans columns at one column's width,
    so a short line wrapped there took two rows and left a blank one under it."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        across = container.width - self.styles.gutter.width
        return super().get_content_height(container, viewport, max(across, width))
