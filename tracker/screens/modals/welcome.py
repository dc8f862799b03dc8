"""The first evening's welcome: units, week start, time zone, the usual week with its
target distances, and a history to import. ``escape`` skips it; Settings (``g``)
brings it back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select, Static

from tracker.domain.dates import WEEKDAY_ABBR, WEEKDAYS, weekday_index
from tracker.domain.kinds import DayKind
from tracker.domain.plan import RULE_RANGE
from tracker.screens.modals.base import ButtonSpec, Form
from tracker.services.welcome import WelcomeAnswers
from tracker.widgets.kind_select import kind_select

SaveWelcome = Callable[[WelcomeAnswers], Mapping[str, str]]
TARGETS = tuple(f"target-{index}" for index in range(7))


class WelcomeForm(Form[WelcomeAnswers]):
    """Dismisses with the answers once ``save`` took them (no problems), None when skipped."""

    BOX_ID = "welcome"
    AUTO_FOCUS = "#units"
    FIELDS: ClassVar[tuple[str, ...]] = (
        "units",
        "week_start",
        "timezone",
        "template",
        *TARGETS,
        "history",
    )

    def __init__(self, answers: WelcomeAnswers, save: SaveWelcome) -> None:
        super().__init__("Welcome to recovtui")
        self.answers, self.save_answers = answers, save

    def compose_body(self) -> ComposeResult:
        answers = self.answers
        yield Static(
            "A minute to set up your first evening. tab moves, ctrl+s saves, "
            "escape skips (Settings: g shows this again).",
            classes="form-hint",
        )
        yield from self.select_field(
            "units", "Units", [("Kilometres (km)", "km"), ("Miles (mi)", "mi")], answers.units
        )
        yield from self.select_field(
            "week_start",
            "Week starts on",
            [(day.capitalize(), day) for day in WEEKDAYS],
            answers.week_start,
        )
        yield from self.input_field(
            "timezone", "Time zone", answers.timezone, "empty: this computer's zone"
        )
        yield Static(id="welcome-week", classes="welcome-heading")
        with Grid(id="welcome-template"):
            for index, (kind, target) in enumerate(
                zip(answers.template, answers.targets, strict=True)
            ):
                with Vertical(classes="welcome-day"):
                    yield Label(id=f"welcome-label-{index}")
                    yield kind_select(f"kind-{index}", kind)
                    yield Input(target, placeholder="–", compact=True, id=f"target-{index}")
        for name in ("template", *TARGETS):
            yield Static("", classes="field-error welcome-error", id=f"{name}-error", markup=False)
        yield from self.input_field(
            "history", "Import history", "", "optional: a Strava/Garmin export, GPX, FIT…"
        )

    def on_mount(self) -> None:
        self._label_week()

    def buttons(self) -> Iterable[ButtonSpec]:
        yield ButtonSpec("Save (ctrl+s)", "save", "primary")
        yield ButtonSpec("Skip (esc)", "cancel")

    @on(Select.Changed, "#week_start, #units")
    def _label_week(self) -> None:
        """Weekday names from the chosen week start; the targets in the chosen units."""
        first = weekday_index(str(self.query_one("#week_start", Select).value))
        for index in range(7):
            self.query_one(f"#welcome-label-{index}", Label).update(
                WEEKDAY_ABBR[(first + index) % 7]
            )
        units = self.query_one("#units", Select).value
        self.query_one("#welcome-week", Static).update(
            f"Your usual week ({RULE_RANGE} rest days) and target distances in {units}:"
        )

    def _answers(self) -> WelcomeAnswers:
        kinds = []
        for index in range(7):
            kind = self.query_one(f"#kind-{index}", Select).value
            assert isinstance(kind, DayKind)
            kinds.append(kind)
        return WelcomeAnswers(
            units=str(self.query_one("#units", Select).value),
            week_start=str(self.query_one("#week_start", Select).value),
            timezone=self.text("timezone").strip(),
            template=tuple(kinds),
            targets=tuple(self.text(name) for name in TARGETS),
            history=self.text("history").strip(),
        )

    def submit(self) -> None:
        answers = self._answers()
        errors = self.save_answers(answers)
        self.show_errors(errors)
        if not errors:
            self.dismiss(answers)
