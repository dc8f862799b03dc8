"""One missed evening at a time: log a run, confirm rest, or skip."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from tracker.domain.units import format_distance
from tracker.screens.modals.base import ButtonSpec, Modal
from tracker.services.checkin import MissedDay

RUN, REST, CONFIRM, SKIP = "run", "rest", "confirm", "skip"


class BackfillDialog(Modal[str]):
    """Asks about one missed evening. Dismisses with run, rest, confirm, skip or None (stop)."""

    BOX_ID = "backfill"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "answer('run')", "Log a run", tooltip="Log what you ran that day"),
        Binding("r", "answer('rest')", "Rest day", tooltip="No run that day: check it in as rest"),
        Binding("c", "answer('confirm')", "Looks right", tooltip="Check the day in as logged"),
        Binding("s", "answer('skip')", "Skip", tooltip="Leave this day for later"),
        Binding("escape", "answer", "Stop", tooltip="Stop walking through missed evenings"),
    ]

    def __init__(self, missed: MissedDay, units: str, position: tuple[int, int]) -> None:
        number, total = position
        super().__init__(f"Missed evening {number} of {total}: {missed.day:%A %-d %B}")
        self.missed, self.units = missed, units

    @property
    def day(self) -> date:
        return self.missed.day

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters:
            if parameters[0] == REST:
                return not self.missed.activities
            if parameters[0] == CONFIRM:
                return bool(self.missed.activities)
        return True

    def compose_body(self) -> ComposeResult:
        plan, activities = self.missed.plan, self.missed.activities
        text = Text()
        text.append("Planned  ", style="bold")
        if plan is None:
            text.append("not planned", style="italic")
        else:
            text.append(plan.kind.label)
            if plan.target_m:
                text.append(f" {format_distance(plan.target_m, self.units)}")
        text.append("\nLogged   ", style="bold")
        if activities:
            text.append(
                ", ".join(
                    f"{a.kind.label} {format_distance(a.distance_m, self.units)}"
                    for a in activities
                )
            )
        else:
            text.append("nothing", style="italic")
        yield Static(text, classes="dialog-question")
        question = (
            "Is that all you did? Check it in, or log another run."
            if activities
            else "Did you run? Log it, or check the day in as a rest day."
        )
        yield Static(question, classes="dialog-question")

    def buttons(self) -> Iterable[ButtonSpec]:
        if self.missed.activities:
            yield ButtonSpec("Looks right (c)", CONFIRM, "primary")
            yield ButtonSpec("Log a run (l)", RUN)
        else:
            yield ButtonSpec("Log a run (l)", RUN, "primary")
            yield ButtonSpec("Rest day (r)", REST, "success")
        yield ButtonSpec("Skip (s)", SKIP)
        yield ButtonSpec("Stop (esc)", "stop")

    def action_answer(self, answer: str | None = None) -> None:
        self.dismiss(answer)

    def submit(self) -> None:
        self.dismiss(CONFIRM if self.missed.activities else RUN)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        answer = event.button.id
        self.dismiss(answer if answer in (RUN, REST, CONFIRM, SKIP) else None)
