"""The run form (``l`` on Today) and the form for recovery ticked by hand.

Both read what was typed with :mod:`tracker.domain.forms` (the parsers
``recovtui log`` uses too), show what is wrong under each field, and hand a
valid value to ``save`` only then: nothing is written until the whole form is
valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Select, Static

from tracker.domain.activity import Activity
from tracker.domain.forms import FormErrors, read_day, read_recovery, read_run
from tracker.domain.kinds import ActivityKind
from tracker.domain.plan import PlanDay
from tracker.domain.units import distance_field_text, format_distance, format_duration
from tracker.screens.modals.base import Form

SaveRun = Callable[[Activity], str | None]
SaveRecovery = Callable[[int | None, str | None], str | None]

KIND_LABELS = {
    ActivityKind.EASY: "Easy",
    ActivityKind.WORKOUT: "Workout (intervals, tempo)",
    ActivityKind.LONG: "Long run",
    ActivityKind.RACE: "Race",
    ActivityKind.CROSS: "Cross-training",
}


class LogRunForm(Form[Activity]):
    """Log a run on ``day``, or edit ``activity``. Dismisses with the saved activity.

    The date is a field too (a run logged on the wrong day moves: the rule and the
    stats follow); ``today`` is the latest day it may say.
    """

    FIELDS = ("date", "kind", "distance", "duration", "rpe", "note")
    AUTO_FOCUS = "#distance"
    BOX_ID = "run-form"

    def __init__(
        self,
        day: date,
        units: str,
        save: SaveRun,
        activity: Activity | None = None,
        planned: PlanDay | None = None,
        today: date | None = None,
    ) -> None:
        verb = "Edit the run" if activity is not None else "Log a run"
        super().__init__(f"{verb} — {day:%A %-d %B}")
        self.day, self.units, self.save_run = day, units, save
        self.today = max(today or day, day)
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

    def compose_body(self) -> ComposeResult:
        kind, distance, duration, rpe, note = self._defaults()
        if self.planned is not None and self.activity is None:
            target = (
                f" {format_distance(self.planned.target_m, self.units)}"
                if self.planned.target_m
                else ""
            )
            yield Static(
                f"Planned: {self.planned.kind.label}{target}. Change what differs, then enter.",
                classes="form-hint",
                markup=False,
            )
        yield from self.input_field(
            "date", "Date", f"{self.day:%Y-%m-%d}", "today, yesterday, a weekday or YYYY-MM-DD"
        )
        yield from self.select_field(
            "kind", "Kind", [(label, k) for k, label in KIND_LABELS.items()], kind
        )
        yield from self.input_field(
            "distance", f"Distance ({self.units})", distance, "e.g. 10, 10km, 6.2mi, 800m"
        )
        yield from self.input_field(
            "duration", "Duration", duration, "optional: 50:00, 50m, 1:05:30, 1h5m"
        )
        yield from self.input_field(
            "rpe", "Effort (RPE)", rpe, "optional: 1 very easy … 10 all out"
        )
        yield from self.input_field("note", "Note", note, "optional")

    def submit(self) -> None:
        kind = self.query_one("#kind", Select).value
        errors: dict[str, str] = {}
        day = self.day
        try:
            day = read_day(self.text("date"), self.today)
        except FormErrors as exc:
            errors |= exc.errors
        try:
            activity = read_run(
                day,
                str(kind),
                self.text("distance"),
                self.text("duration"),
                self.text("rpe"),
                self.text("note"),
                self.units,
            )
        except FormErrors as exc:
            errors |= exc.errors
        if errors:
            self.show_errors(errors)
            return
        self.show_errors({})
        if self.activity is not None:
            activity = replace(
                self.activity,
                date=activity.date,
                kind=activity.kind,
                distance_m=activity.distance_m,
                duration_s=activity.duration_s,
                rpe=activity.rpe,
                note=activity.note,
            )
        problem = self.save_run(activity)
        if problem:
            self.show_problem(problem)
            return
        self.dismiss(activity)


class LogRecoveryForm(Form[bool]):
    """Tick a recovery item by hand, with an optional duration and note."""

    FIELDS = ("duration", "note")
    AUTO_FOCUS = "#duration"
    BOX_ID = "recovery-form"

    def __init__(self, title: str, save: SaveRecovery) -> None:
        super().__init__(title)
        self.save_recovery = save

    def compose_body(self) -> ComposeResult:
        yield Static("Both optional: enter ticks it as it is.", classes="form-hint")
        yield from self.input_field("duration", "Duration", "", "e.g. 60m, 1h, 45:00")
        yield from self.input_field("note", "Note", "", "e.g. calves, with Anna")

    def submit(self) -> None:
        try:
            duration_s, note = read_recovery(self.text("duration"), self.text("note"))
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        problem = self.save_recovery(duration_s, note)
        if problem:
            self.show_problem(problem)
            return
        self.dismiss(True)
