"""One day of the Week calendar."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tracker.domain.calendar import CalendarDay
from tracker.domain.kinds import DayKind
from tracker.domain.units import distance_value
from tracker.widgets.fitted import Parts

RECOVERY_MARKS = {
    "ice_bath": "❄",
    "foam_roller": "≈",
    "feet_up": "▲",
    "massage": "✚",
    "acupuncture": "✦",
}


NARROW_CELL = 14
VIEW_CLASSES = frozenset({*(f"-kind-{kind.value}" for kind in DayKind), "-today"})


class DayCell(Widget):
    """A day: weekday and date, plan kind, planned and actual distance, marks."""

    view: reactive[CalendarDay | None] = reactive(None, layout=False)
    selected: reactive[bool] = reactive(False)
    moving: reactive[bool] = reactive(False)
    units = "km"
    """How distances are written (set with :meth:`show`, the week's units)."""

    class Clicked(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def show(self, day: CalendarDay, units: str) -> None:
        """Draw ``day`` with distances in ``units`` (a change of units alone redraws)."""
        if units != self.units:
            self.units = units
            self.refresh()
        self.view = day

    def watch_view(self, view: CalendarDay | None) -> None:
        """The kind's and today's classes, changed at once (one restyle, not one each)."""
        wanted = set()
        if view is not None and view.planned:
            wanted.add(f"-kind-{view.plan.kind.value}")
        if view is not None and view.is_today:
            wanted.add("-today")
        classes = (self.classes - VIEW_CLASSES) | wanted
        if classes != self.classes:
            self.classes = classes

    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")

    def watch_moving(self, moving: bool) -> None:
        self.set_class(moving, "-moving")

    def on_resize(self) -> None:
        """Drop the padding when a cell is too narrow for "plan 28.0" (80 columns)."""
        self.set_class(self.outer_size.width < NARROW_CELL, "-narrow")

    def on_click(self) -> None:
        if self.view is not None:
            self.post_message(self.Clicked(self.view.plan.date))

    def render(self) -> Text:
        view = self.view
        if view is None:
            return Text("")
        plan, units = view.plan, self.units
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{plan.date:%a} {plan.date.day}", style="bold")
        if view.is_today:
            text.append(" •", style="bold")
        text.append("\n")
        if view.planned:
            text.append(plan.kind.value.upper(), style="italic" if view.proposed else "bold")
            text.append("\n")
            planned = plan.target_m if plan.kind is not DayKind.REST else None
            if planned:
                text.append(f"plan {distance_value(planned, units)}")
            elif plan.kind is not DayKind.REST:
                text.append("plan –")
        else:
            text.append("not\nplanned", style="dim")  # two lines: fits a cell at 80 columns
        text.append("\n")
        if view.activities:
            text.append(f"done {distance_value(view.done_m, units)}")
        elif view.rested:
            text.append("rested")
        elif not view.known:
            text.append("unknown", style="dim")
        elif view.is_past or view.is_today:
            text.append("done –", style="dim")
        text.append("\n")
        marks = " ".join(RECOVERY_MARKS[k] for k in RECOVERY_MARKS if k in view.recovery)
        text.append(marks or " ")
        text.append("\n")
        done, total = view.nutrition
        if total and (done or (view.known and (view.is_past or view.is_today))):
            text.append(f"food {done}/{total}")
        return text


LEGEND = Parts.of(
    [
        "❄ ice bath",
        "≈ foam roller",
        "▲ feet up",
        "✚ massage",
        "✦ acupuncture",
        "food: nutrition ticked",
    ],
    "  ",
    wrap=True,
)
