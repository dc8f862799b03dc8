"""The running timer: big digits, the current and next segment, a progress bar."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, ProgressBar, Static

from tracker.domain.countdown import Snapshot, State
from tracker.domain.text import terminal_text
from tracker.domain.units import format_clock, format_duration
from tracker.widgets.plain import plain
from tracker.widgets.shown import show

STATE_LINES = {
    State.READY: ("READY", "space to start"),
    State.RUNNING: ("RUNNING", "space to pause"),
    State.PAUSED: ("PAUSED", "space to resume"),
    State.STOPPED: ("STOPPED", ""),
}


@dataclass(frozen=True, slots=True)
class CountdownView:
    """What the display shows, in whole seconds, so it re-renders once a second.

    The digits and the bar follow the plan (the time left in it, skipped time
    taken off); the line below them says the time really spent, which is what
    is logged, and what was skipped.
    """

    title: str
    state: State
    clock: str
    overtime: bool
    segment: str
    following: str
    elapsed_s: int
    planned_s: int
    position_s: int = 0
    skipped_s: int = 0

    @classmethod
    def of(cls, snapshot: Snapshot) -> CountdownView:
        elapsed = snapshot.elapsed_s
        planned = snapshot.planned_s
        overtime = snapshot.is_overtime
        if overtime:
            clock = "+" + format_clock(snapshot.overtime_s)
        else:
            clock = format_clock(snapshot.remaining_s, round_up=True)
        segments = snapshot.segments
        segment = following = ""
        if len(segments) > 1:
            index = snapshot.segment_index
            current = segments[index]
            segment = f"Segment {index + 1} of {len(segments)}: {current.name}"
            if not overtime:
                left = format_clock(snapshot.segment_remaining_s, round_up=True)
                segment += f" · {left} left"
            upcoming = snapshot.next_segment_name
            following = f"Next: {upcoming}" if upcoming else "Last segment"
        elif segments[0].name != snapshot.name:
            segment = segments[0].name
        if overtime:
            following = "Time's up: overtime counts up until you stop (s)"
        return cls(
            title=snapshot.name,
            state=snapshot.state,
            clock=clock,
            overtime=overtime,
            segment=segment,
            following=following,
            elapsed_s=int(elapsed),
            planned_s=planned,
            position_s=int(snapshot.position_s),
            skipped_s=int(snapshot.skipped_s),
        )

    @property
    def elapsed_line(self) -> str:
        """``Elapsed 00:02 of 10:00 · 09:58 skipped``: the time that is logged."""
        line = f"Elapsed {format_clock(self.elapsed_s)} of {format_clock(self.planned_s)}"
        if self.skipped_s:
            line += f" · {format_clock(self.skipped_s)} skipped"
        return line


def segment_table(snapshot: Snapshot) -> Text:
    """The segments in two columns, done ones ticked, the current one marked (empty
    for a one-segment preset)."""
    segments = snapshot.segments
    text = Text()
    if len(segments) < 2:
        return text
    current = snapshot.segment_index
    done_all = snapshot.is_done
    half = (len(segments) + 1) // 2
    for row in range(half):
        for index in (row, row + half):
            if index >= len(segments):
                continue
            segment = segments[index]
            done = index < current or done_all
            mark = "✓" if done else "▶" if index == current else " "
            style = "dim" if done else "bold" if index == current else ""
            cell = f"{mark} {terminal_text(segment.name):<16}{format_duration(segment.seconds):>6}"
            text.append(f"{cell:<34}", style=style)
        text.append("\n" if row < half - 1 else "")
    return text


def title_line(view: CountdownView) -> Text:
    """``Ice bath  ·  RUNNING  (space to pause)``: the preset's name as typed."""
    state, hint = STATE_LINES[view.state]
    title = Text()
    title.append_text(plain(view.title, style="bold"))
    title.append(f"  ·  {state}", style="bold")
    if hint:
        title.append(f"  ({hint})", style="dim")
    return title


class CountdownDisplay(Vertical):
    """Shows a :class:`CountdownView`; the screen that owns the countdown sets ``view``."""

    view: reactive[CountdownView | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Static(id="countdown-title")
        yield Digits("", id="countdown-digits")
        yield Static(id="countdown-segment")
        yield Static(id="countdown-next")
        yield ProgressBar(total=1, show_eta=False, id="countdown-progress")
        yield Static(id="countdown-elapsed")

    def watch_view(self, view: CountdownView | None) -> None:
        if view is None or not self.is_mounted:
            return
        show(self.query_one("#countdown-title", Static), title_line(view))
        self.query_one("#countdown-digits", Digits).update(view.clock)
        for widget_id, line in (("segment", view.segment), ("next", view.following)):
            widget = self.query_one(f"#countdown-{widget_id}", Static)
            show(widget, plain(line))  # a segment's name, as typed
            widget.display = bool(line)
        self.query_one("#countdown-progress", ProgressBar).update(
            total=max(1, view.planned_s), progress=min(view.position_s, view.planned_s)
        )
        show(self.query_one("#countdown-elapsed", Static), view.elapsed_line)
        self.set_class(view.state is State.PAUSED, "-paused")
        self.set_class(view.state is State.READY, "-ready")
        self.set_class(view.overtime, "-overtime")

    def on_mount(self) -> None:
        self.watch_view(self.view)
