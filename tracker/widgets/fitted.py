"""Text made of whole parts ("RPE 7", "Mon 30 Nov"): a line never breaks inside one.

:class:`Parts` is a Rich renderable drawn at whatever width its widget has, so it
follows a resized terminal by itself. On one line (``wrap=False``) it drops whole
parts from the end until the rest fits; wrapped, it starts a new line between
two parts, never inside one. Only a first part wider than the whole line is cut
(with an ellipsis): it is usually the runner's own text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


@dataclass(frozen=True, slots=True)
class Parts:
    """``parts`` joined by ``separator``; see the module docstring."""

    parts: tuple[Text, ...]
    separator: str = " · "
    wrap: bool = False
    indent: str = ""
    """What a wrapped line starts with after the first."""

    @classmethod
    def of(
        cls,
        parts: Iterable[Text | str],
        separator: str = " · ",
        *,
        wrap: bool = False,
        indent: str = "",
    ) -> Parts:
        """The non-empty ``parts`` (plain strings or styled text)."""
        texts = (Text(part) if isinstance(part, str) else part for part in parts)
        return cls(tuple(text for text in texts if text.plain), separator, wrap, indent)

    @property
    def plain(self) -> str:
        """Every part on one line, as text (what a test or a copy reads)."""
        return self.separator.join(part.plain for part in self.parts)

    def __str__(self) -> str:
        return self.plain

    def lines(self, width: int) -> list[Text]:
        """The lines drawn ``width`` cells wide."""
        if not self.parts:
            return [Text()]
        lines: list[Text] = []
        line = self.parts[0].copy()
        gap = len(self.separator)
        for part in self.parts[1:]:
            if line.cell_len + gap + part.cell_len <= width:
                line.append(self.separator)
                line.append_text(part)
            elif not self.wrap:
                break
            else:
                lines.append(line)
                line = Text(self.indent)
                line.append_text(part)
        lines.append(line)
        for text in lines:
            text.no_wrap, text.overflow, text.end = True, "ellipsis", "\n"
            text.truncate(width, overflow="ellipsis")
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((part.cell_len for part in self.parts), default=0)
        return Measurement(min(longest, options.max_width), len(self.plain))


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines one under the other, each a :class:`Text` (wrapped between words) or
    :class:`Parts`."""

    lines: tuple[Text | Parts, ...]

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self.lines)

    def __str__(self) -> str:
        return self.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines
