"""One missed evening at a time: log a run, confirm rest, or skip (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tracker.domain.activity import Activity
from tracker.domain.plan import PlanDay
from tracker.domain.units import format_distance

RUN, REST, CONFIRM, SKIP = "run", "rest", "confirm", "skip"


class BackfillDialog(ModalScreen[str | None]):
    """Asks about one missed evening. Dismisses with run, rest, confirm, skip or None (stop)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "answer('run')", "Log a run", tooltip="Log what you ran that day"),
        Binding("r", "answer('rest')", "Rest day", tooltip="No run that day: check it in as rest"),
        Binding("c", "answer('confirm')", "Looks right", tooltip="Check the day in as logged"),
        Binding("s", "answer('skip')", "Skip", tooltip="Leave this day for later"),
        Binding("escape", "answer", "Stop", tooltip="Stop walking through missed evenings"),
    ]

    def __init__(
        self,
        day: date,
        plan: PlanDay,
        activities: Sequence[Activity],
        units: str,
        position: tuple[int, int],
    ) -> None:
        super().__init__()
        self.day, self.plan, self.activities, self.units = day, plan, activities, units
        self.position = position

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters:
            if parameters[0] == REST:
                return not self.activities
            if parameters[0] == CONFIRM:
                return bool(self.activities)
        return True

    def compose(self) -> ComposeResult:
        number, total = self.position
        plan = self.plan
        text = Text()
        text.append("Planned  ", style="bold")
        text.append(plan.kind.label)
        if plan.target_m:
            text.append(f" {format_distance(plan.target_m, self.units)}")
        text.append("\nLogged   ", style="bold")
        if self.activities:
            text.append(
                ", ".join(
                    f"{a.kind.label} {format_distance(a.distance_m, self.units)}"
                    for a in self.activities
                )
            )
        else:
            text.append("nothing", style="italic")
        with Vertical(classes="dialog", id="backfill"):
            yield Label(
                f"Missed evening {number} of {total}: {self.day:%A %-d %B}",
                classes="dialog-title",
            )
            yield Static(text, classes="dialog-question")
            question = (
                "Is that all you did? Check it in, or log another run."
                if self.activities
                else "Did you run? Log it, or check the day in as a rest day."
            )
            yield Static(question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                if self.activities:
                    yield Button("Looks right (c)", variant="primary", id=CONFIRM, compact=True)
                    yield Button("Log a run (l)", id=RUN, compact=True)
                else:
                    yield Button("Log a run (l)", variant="primary", id=RUN, compact=True)
                    yield Button("Rest day (r)", variant="success", id=REST, compact=True)
                yield Button("Skip (s)", id=SKIP, compact=True)
                yield Button("Stop (esc)", id="stop", compact=True)

    def action_answer(self, answer: str | None = None) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        answer = event.button.id
        self.dismiss(answer if answer in (RUN, REST, CONFIRM, SKIP) else None)
