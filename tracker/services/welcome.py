"""The first evening: a short welcome that sets units, week start, time zone and
the week template (with target distances), and offers to import a history.

A new database shows it once: answered or skipped, it is not shown again, and
Settings brings it back. Everything is checked before anything is saved; a bad
value is named under its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.data.store import Store
from tracker.domain.clock import Clock
from tracker.domain.dates import utc_stamp
from tracker.domain.forms import FormErrors, read_template
from tracker.domain.kinds import DayKind
from tracker.domain.settings import validate_setting
from tracker.domain.units import distance_field_text
from tracker.domain.zones import machine_zone
from tracker.services.preferences import SettingsService

SUGGESTED_TARGETS_KM = {DayKind.EASY: 8000, DayKind.WORKOUT: 10000, DayKind.LONG: 16000}
SUGGESTED_TARGETS_MI = {DayKind.EASY: 8047, DayKind.WORKOUT: 9656, DayKind.LONG: 16093}
"""What the welcome offers when no template day has a target yet (5, 6, 10 mi)."""


@dataclass(frozen=True, slots=True)
class WelcomeAnswers:
    """What the welcome form holds, as typed."""

    units: str
    week_start: str
    timezone: str
    template: tuple[DayKind, ...]
    targets: tuple[str, ...]
    """Target distance of each template day, as typed, in ``units``."""
    history: str = ""
    """A file or folder to import, or empty."""


class WelcomeService:
    """Reads and saves the welcome on one store and clock."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.preferences = SettingsService(store, clock)

    def needed(self) -> bool:
        """A new database: the welcome was never answered and nothing is recorded."""
        return not self.store.welcome_answered() and self.store.first_day() is None

    def defaults(self) -> WelcomeAnswers:
        """The current settings, the machine's time zone when none is set, and
        suggested targets when the template has none."""
        settings = self.store.settings()
        targets: Sequence[int | None] = settings.template_targets
        if not any(targets):
            suggested = SUGGESTED_TARGETS_MI if settings.units == "mi" else SUGGESTED_TARGETS_KM
            targets = [suggested.get(kind) for kind in settings.template]
        return WelcomeAnswers(
            units=settings.units,
            week_start=settings.week_start,
            timezone=settings.timezone or machine_zone() or "",
            template=settings.template,
            targets=tuple(
                "" if aim is None else distance_field_text(aim, settings.units) for aim in targets
            ),
        )

    def check(self, answers: WelcomeAnswers) -> dict[str, str]:
        """Every problem with ``answers`` by field (``timezone``, ``template``,
        ``target-N``, ``history``); empty when they can be saved."""
        errors: dict[str, str] = {}
        try:
            validate_setting("timezone", answers.timezone)
        except ValueError as exc:
            errors["timezone"] = str(exc)
        try:
            read_template(answers.template, answers.targets, answers.units)
        except FormErrors as exc:
            errors |= exc.errors
        path = answers.history.strip()
        if path and not Path(path).expanduser().exists():
            errors["history"] = f"no such file or folder: {path}"
        return errors

    def save(self, answers: WelcomeAnswers) -> dict[str, str]:
        """Save the settings and the template in one go, or nothing: the problems by
        field (a refused week start under ``week_start``). The import comes after."""
        errors = self.check(answers)
        if errors:
            return errors
        template, targets = read_template(answers.template, answers.targets, answers.units)
        store = self.store
        try:
            with store.transaction():
                self.preferences.set("week_start", answers.week_start)  # may refuse: first
                store.set_setting("units", answers.units)
                store.set_setting("timezone", answers.timezone.strip() or None)
                store.set_setting("template", [kind.value for kind in template])
                store.set_setting("template_targets", list(targets))
                store.mark_welcomed(utc_stamp(self.clock.now()))
        except ValueError as exc:
            return {"week_start": str(exc)}
        return {}

    def skip(self) -> None:
        """Leave everything as it is; the welcome is not shown again."""
        self.store.mark_welcomed(utc_stamp(self.clock.now()))

    def import_history(self, path: str) -> tuple[bool, str]:
        """Import the file or folder at ``path``: (imported, what to tell the runner).
        Nothing is imported when it cannot be; the text says why."""
        from tracker.services.importing import ImportRefused, import_files, runner_zone

        try:
            lines = import_files(self.store, [Path(path).expanduser()], runner_zone(self.store))
        except ImportRefused as refused:
            return False, str(refused)
        except OSError as exc:
            return False, f"{path}: {exc.strerror or exc}"
        return True, "\n".join(lines)
