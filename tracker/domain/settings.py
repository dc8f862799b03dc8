"""The runner's settings and their validation (the Settings screen)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, fields, replace
from typing import Any

from tracker.domain.dates import WEEKDAYS, ParseError, weekday_index
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, check_template
from tracker.domain.units import MAX_DISTANCE_M
from tracker.domain.zones import canonical_zone

UNITS = ("km", "mi")
TEMPERATURE_UNITS = ("C", "F")
DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Settings:
    units: str = "km"
    temperature: str = "C"
    week_start: str = "monday"
    timezone: str | None = None
    theme: str = DEFAULT_THEME
    template: tuple[DayKind, ...] = field(default=DEFAULT_TEMPLATE)
    on_finish_command: str | None = None
    template_targets: tuple[int | None, ...] = (None,) * 7
    """Target distance (metres) of each template day, from the week's first day."""

    def to_storage(self) -> dict[str, Any]:
        """JSON-friendly values, one per key."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["template"] = [kind.value for kind in self.template]
        values["template_targets"] = list(self.template_targets)
        return values


SETTING_NAMES = tuple(f.name for f in fields(Settings))


def validate_setting(name: str, value: Any) -> Any:
    """The value as stored, or :class:`ValueError` saying what is wrong."""
    if name == "units":
        if value not in UNITS:
            raise ValueError("units must be km or mi")
    elif name == "temperature":
        if value not in TEMPERATURE_UNITS:
            raise ValueError("temperature must be C or F")
    elif name == "week_start":
        try:
            value = WEEKDAYS[weekday_index(str(value))]
        except ParseError as exc:
            raise ValueError(str(exc)) from None
    elif name == "timezone":
        if value in (None, ""):
            return None
        zone = canonical_zone(str(value))
        if zone is None:
            raise ValueError(f"unknown time zone {value!r} (e.g. Europe/Berlin)")
        return zone
    elif name == "template":
        try:
            kinds = [DayKind(v) for v in value]
        except (TypeError, ValueError):
            raise ValueError("a week template is seven day kinds") from None
        return check_template(kinds)
    elif name == "template_targets":
        return list(check_targets(value))  # as stored and exported: a JSON list
    elif name == "theme":
        if not isinstance(value, str) or not value:
            raise ValueError("theme must be a theme name")
    elif name == "on_finish_command":
        if not value:
            return None
        try:
            if not shlex.split(str(value)):
                return None
        except ValueError as exc:
            raise ValueError(f"on_finish_command: {exc} in {value!r}") from None
        return str(value).strip()
    else:
        raise ValueError(f"unknown setting {name!r}")
    return value


def check_targets(value: Any) -> tuple[int | None, ...]:
    """Seven target distances in whole metres (None: no target)."""
    if not isinstance(value, list | tuple) or len(value) != 7:
        raise ValueError("template targets are seven distances in metres (or null)")
    targets: list[int | None] = []
    for target in value:
        if target is None:
            targets.append(None)
        elif isinstance(target, int) and not isinstance(target, bool):
            if not 0 <= target <= MAX_DISTANCE_M:
                raise ValueError(f"a target distance is 0 to {MAX_DISTANCE_M} m, not {target}")
            targets.append(target or None)
        else:
            raise ValueError("template targets are seven distances in metres (or null)")
    return tuple(targets)


def settings_from_storage(values: dict[str, Any]) -> Settings:
    """Settings from stored values; anything unreadable falls back to its default."""
    settings = Settings()
    for name in SETTING_NAMES:
        if name in values:
            try:
                value = validate_setting(name, values[name])
                if name == "template_targets":
                    value = tuple(value)
                settings = replace(settings, **{name: value})
            except ValueError:
                continue
    return settings
