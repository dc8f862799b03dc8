"""Recovery and nutrition adherence over the last four weeks, item by item."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tracker.domain.adherence import Adherence, ItemShare
from tracker.domain.text import terminal_text
from tracker.widgets.parts import drawn_parts, part
from tracker.widgets.shown import show

BAR = 10
NAME_WIDTH = 18


@drawn_parts("bar", "rest", "title", "dim")
class AdherenceView(Static):
    """A share bar per item; the title line says over which days."""

    def show(self, recovery: Adherence | None, nutrition: Adherence | None) -> None:
        if recovery is None or nutrition is None:
            show(
                self,
                Text(
                    "Nothing logged yet: adherence shows once you check in.",
                    style=part(self, "dim"),
                ),
            )
            return
        window = recovery.window
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(
            f"{window.first:%-d %b} – {window.last:%-d %b} ({window.days} days)\n",
            style=part(self, "dim"),
        )
        text.append("Recovery\n", style=part(self, "title"))
        self._line(text, ItemShare("Any recovery work", recovery.any_days, window.days))
        for item in recovery.items:
            self._line(text, item)
        text.append("Nutrition\n", style=part(self, "title"))
        self._line(text, ItemShare("Every item ticked", nutrition.all_days, window.days))
        for item in nutrition.items:
            self._line(text, item)
        text.rstrip()
        show(self, text)

    def _line(self, text: Text, item: ItemShare) -> None:
        filled = round(item.share * BAR)
        name = terminal_text(item.name)
        name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
        text.append(f"{name:<{NAME_WIDTH}} ")
        text.append("█" * filled, style=part(self, "bar"))
        text.append("░" * (BAR - filled), style=part(self, "rest"))
        text.append(f" {item.percent:>3}%\n")
