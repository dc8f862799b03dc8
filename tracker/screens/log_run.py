"""The run form (`l` on Today) and the form for recovery ticked by hand.

Both check every field with the parsers of DESIGN §8, show what is wrong at
the field, and hand a valid value to ``save`` only then: nothing is written
until the whole form is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain.activity import Activity
from tracker.domain.forms import FormErrors, read_recovery, read_run
from tracker.domain.kinds import ActivityKind
from tracker.domain.plan import PlanDay
from tracker.domain.units import distance_field_text, format_distance, format_duration

SaveRun = Callable[[Activity], str | None]
SaveRecovery = Callable[[int | None, str | None], str | None]

KIND_LABELS = {
    ActivityKind.EASY: "Easy",
    ActivityKind.WORKOUT: "Workout (intervals, tempo)",
    ActivityKind.LONG: "Long run",
    ActivityKind.RACE: "Race",
    ActivityKind.CROSS: "Cross-training",
}


class FormScreen(ModalScreen[object]):
    """A modal form: enter (in a field) or ctrl+s saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", tooltip="Check the form and save it"),
    ]
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def field_row(
        self, name: str, label: str, widget: Input | Select[ActivityKind]
    ) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield widget
        yield Static("", classes="field-error", id=f"{name}-error")

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save (enter)", variant="primary", id="save", compact=True)
            yield Button("Cancel (esc)", id="cancel", compact=True)

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's problem under it; focus the first bad field, its text selected."""
        for name in self.FIELDS:
            error = self.query_one(f"#{name}-error", Static)
            error.update(errors.get(name, ""))
            error.set_class(name in errors, "-shown")
        for name in self.FIELDS:
            if name in errors:
                field = self.query_one(f"#{name}")
                field.focus()
                if isinstance(field, Input):
                    field.select_all()  # typing replaces the wrong value
                break

    @on(Input.Changed)
    def clear_error(self, event: Input.Changed) -> None:
        name = event.input.id
        if name in self.FIELDS:
            error = self.query_one(f"#{name}-error", Static)
            error.update("")
            error.remove_class("-shown")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class LogRunForm(FormScreen):
    """Log a run on ``day``, or edit ``activity``. Dismisses with the saved activity."""

    FIELDS = ("kind", "distance", "duration", "rpe", "note")
    AUTO_FOCUS = "#distance"

    def __init__(
        self,
        day: date,
        units: str,
        save: SaveRun,
        activity: Activity | None = None,
        planned: PlanDay | None = None,
    ) -> None:
        super().__init__()
        self.day, self.units, self.save_run = day, units, save
        self.activity, self.planned = activity, planned

    def _defaults(self) -> tuple[ActivityKind, str, str, str, str]:
        if self.activity is not None:
            a = self.activity
            return (
                a.kind,
                distance_field_text(a.distance_m, self.units),
                format_duration(a.duration_s) if a.duration_s else "",
                str(a.rpe) if a.rpe else "",
                a.note,
            )
        kind, distance = ActivityKind.EASY, ""
        if self.planned is not None:
            planned = self.planned
            if planned.kind.value in {k.value for k in ActivityKind}:
                kind = ActivityKind(planned.kind.value)
            if planned.target_m:
                distance = distance_field_text(planned.target_m, self.units)
        return kind, distance, "", "", ""

    def compose(self) -> ComposeResult:
        kind, distance, duration, rpe, note = self._defaults()
        verb = "Edit the run" if self.activity is not None else "Log a run"
        with Vertical(classes="dialog form", id="run-form"):
            yield Label(f"{verb} — {self.day:%A %-d %B}", classes="dialog-title")
            if self.planned is not None and self.activity is None:
                target = (
                    f" {format_distance(self.planned.target_m, self.units)}"
                    if self.planned.target_m
                    else ""
                )
                yield Static(
                    f"Planned: {self.planned.kind.label}{target}. Change what differs, then enter.",
                    classes="form-hint",
                )
            yield from self.field_row(
                "kind",
                "Kind",
                Select(
                    [(label, k) for k, label in KIND_LABELS.items()],
                    value=kind,
                    allow_blank=False,
                    compact=True,
                    id="kind",
                ),
            )
            yield from self.field_row(
                "distance",
                f"Distance ({self.units})",
                Input(
                    distance, placeholder="e.g. 10, 10km, 6.2mi, 800m", compact=True, id="distance"
                ),
            )
            yield from self.field_row(
                "duration",
                "Duration",
                Input(
                    duration,
                    placeholder="optional: 50:00, 50m, 1:05:30, 1h5m",
                    compact=True,
                    id="duration",
                ),
            )
            yield from self.field_row(
                "rpe",
                "Effort (RPE)",
                Input(
                    rpe, placeholder="optional: 1 very easy … 10 all out", compact=True, id="rpe"
                ),
            )
            yield from self.field_row(
                "note",
                "Note",
                Input(note, placeholder="optional", compact=True, id="note"),
            )
            yield Static("", classes="field-error", id="save-error")
            yield from self.buttons()

    def action_save(self) -> None:
        kind = self.query_one("#kind", Select).value
        try:
            activity = read_run(
                self.day,
                str(kind),
                self.value("distance"),
                self.value("duration"),
                self.value("rpe"),
                self.value("note"),
                self.units,
            )
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        self.show_errors({})
        if self.activity is not None:
            activity = replace(
                self.activity,
                kind=activity.kind,
                distance_m=activity.distance_m,
                duration_s=activity.duration_s,
                rpe=activity.rpe,
                note=activity.note,
            )
        problem = self.save_run(activity)
        if problem:
            self.query_one("#save-error", Static).update(problem)
            return
        self.dismiss(activity)


class LogRecoveryForm(FormScreen):
    """Tick a recovery item by hand, with an optional duration and note."""

    FIELDS = ("duration", "note")
    AUTO_FOCUS = "#duration"

    def __init__(self, title: str, save: SaveRecovery) -> None:
        super().__init__()
        self.title_text, self.save_recovery = title, save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="recovery-form"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static("Both optional: enter ticks it as it is.", classes="form-hint")
            yield from self.field_row(
                "duration",
                "Duration",
                Input(placeholder="e.g. 60m, 1h, 45:00", compact=True, id="duration"),
            )
            yield from self.field_row(
                "note", "Note", Input(placeholder="e.g. calves, with Anna", compact=True, id="note")
            )
            yield Static("", classes="field-error", id="save-error")
            yield from self.buttons()

    def action_save(self) -> None:
        try:
            duration_s, note = read_recovery(self.value("duration"), self.value("note"))
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        problem = self.save_recovery(duration_s, note)
        if problem:
            self.query_one("#save-error", Static).update(problem)
            return
        self.dismiss(True)
