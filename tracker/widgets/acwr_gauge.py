"""The acute:chronic workload ratio on a scale coloured by its bands (docs/counting.md).

A marker sits over today's ratio on a bar from 0 to 2 whose segments are the
bands: low (< 0.8), steady (0.8–1.3), high (1.3–1.5), very high (> 1.5). The
reading in words goes in the border (:func:`acwr_title`, :func:`acwr_detail`),
and under the bar what it is: a team-sport heuristic, not validated for runners.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.load import ACWR_CAVEAT, ACWR_EDGES, ACWR_LABELS, acwr_band
from tracker.domain.units import format_distance
from tracker.widgets.parts import drawn_parts, part

SCALE_MAX = 2.0
MARKER = "▼"


@dataclass(frozen=True)
class AcwrData:
    """``ratio`` None when undefined; ``acute_m`` the last 7 days, ``chronic_m`` the
    weekly average of the 4 weeks before."""

    ratio: float | None = None
    acute_m: int = 0
    chronic_m: float = 0.0
    units: str = "km"


@drawn_parts("low", "steady", "high", "very_high", "marker", "label")
class AcwrGauge(Widget):
    """See the module docstring."""

    data: reactive[AcwrData] = reactive(AcwrData, layout=False)

    def render(self) -> Text:
        data = self.data
        width = max(10, self.content_size.width)
        label = part(self, "label")
        text = Text(no_wrap=True, overflow="crop")

        def column(ratio: float) -> int:
            return min(width - 1, int(ratio / SCALE_MAX * width))

        if data.ratio is not None:
            text.append(" " * column(data.ratio) + MARKER, style=part(self, "marker"))
        text.append("\n")
        for index in range(width):
            ratio = (index + 0.5) * SCALE_MAX / width
            text.append("▆", style=part(self, acwr_band(ratio)))
        text.append("\n")
        ticks = [" "] * width
        for edge in ACWR_EDGES:
            tick = f"{edge:g}"
            at = column(edge) - len(tick) // 2
            ticks[at : at + len(tick)] = tick
        text.append("".join(ticks), style=label)
        text.append(f"\nThe last 7 days against the 4 weeks before: {ACWR_CAVEAT}.", style=label)
        return text


def acwr_title(data: AcwrData) -> str:
    """The gauge's reading in words: the ratio and its band."""
    if data.ratio is None:
        return "– (needs distance in the 4 weeks before the last 7 days)"
    return f"{data.ratio:.2f} {ACWR_LABELS[acwr_band(data.ratio)]}"


def acwr_detail(data: AcwrData) -> str:
    """What the ratio is made of: the last 7 days against the 4 weeks before."""
    return (
        f"7 days {format_distance(data.acute_m, data.units)}"
        f" · 4-week avg {format_distance(data.chronic_m, data.units)}"
    )
