"""The records of a recovtui export, checked one section at a time.

Each check names the first problem it finds by section, record (from 1) and
field, and turns the records into domain objects. Nothing is looked up in a
database here: what the document refers to (a nutrition item's name) is
passed in.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

import pendulum

from tracker.domain.activity import Activity
from tracker.domain.dates import OutOfRange, ParseError, check_date_range, parse_iso_date
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.nutrition import clean_item_name
from tracker.domain.plan import PlanDay
from tracker.domain.presets import Preset, preset_from_dict
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.domain.settings import SETTING_NAMES, validate_setting
from tracker.domain.units import MAX_DISTANCE_M, MAX_DURATION_S
from tracker.formats.numbers import MAX_HEART_RATE
from tracker.formats.problems import ImportProblem

IGNORED_SETTINGS: Final = frozenset({"on_finish_command"})
"""Settings an import never takes from a file: they run something (docs/importing.md)."""
PRESETS_KEY: Final = "timer_presets"
"""Where the timer presets travel: a list under ``settings``."""
MIN_WATER_C, MAX_WATER_C = -20.0, 100.0
UTC_STAMP: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
"""A moment as the document writes it: ``2026-11-24T19:00:00Z``."""
_UNITS: Final = {"distance": " m", "duration": " s", "heart rate": " bpm"}


def type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def each_record(records: list[Any], file: str, section: str) -> Iterator[tuple[RecordChecker, Any]]:
    """Each record of a section with the checker that names it (record 1, 2, …)."""
    for index, raw in enumerate(records):
        yield RecordChecker(file, section, index), raw


class RecordChecker:
    """Checks one section's records, naming the record (from 1) and field of a problem."""

    def __init__(self, file: str, section: str, index: int | None = None) -> None:
        self.file = file
        self.section = section
        self.index = index

    @property
    def row(self) -> int:
        """The index of the record checked (0 for the first)."""
        assert self.index is not None
        return self.index

    def unique(self, seen: dict[Any, int], key: object, field: str, what: str) -> None:
        """Refuse ``key`` when an earlier record of the section had it; remember it."""
        if key in seen:
            raise self.problem(f"duplicate {what} (same as record {seen[key] + 1})", field)
        seen[key] = self.row

    def problem(self, message: str, field: str | None = None) -> ImportProblem:
        if self.index is None:
            where = f"{self.section}.{field}" if field else self.section
            return ImportProblem(self.file, message, field=where)
        return ImportProblem(
            self.file, message, row=self.index + 1, field=field, unit=f"{self.section} record"
        )

    def record(
        self, value: object, required: Sequence[str], optional: Mapping[str, Any]
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.problem(f"expected an object, found {type_name(value)}")
        for key in value:
            if key not in required and key not in optional:
                raise self.problem("unknown field", key)
        for key in required:
            if key not in value:
                raise self.problem("missing", key)
        return {**optional, **value}

    def text(self, value: object, key: str, *, nullable: bool = False, empty: bool = True) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise self.problem(f"expected text, found {type_name(value)}", key)
        if not empty and not value.strip():
            raise self.problem("must not be empty", key)
        return value

    def day(self, value: object, key: str) -> pendulum.Date:
        text = self.text(value, key)
        try:
            day = parse_iso_date(text)
        except OutOfRange as exc:
            raise self.problem(str(exc), key) from None
        except ParseError:
            raise self.problem(f"not a date: {text!r} (use YYYY-MM-DD)", key) from None
        if text != day.isoformat():
            raise self.problem(f"not a date: {text!r} (use YYYY-MM-DD)", key)
        return day

    def whole(self, value: object, key: str, high: int, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.problem(f"expected a whole number, found {type_name(value)}", key)
        unit = _UNITS.get(what, "")
        if value < 0:
            raise self.problem(f"negative {what}: {value}{unit}", key)
        if value > high:
            raise self.problem(f"absurd {what}: {value}{unit} (at most {high}{unit})", key)
        return value

    def whole_or_none(self, value: object, key: str, high: int, what: str) -> int | None:
        return None if value is None else self.whole(value, key, high, what)

    def choice(self, value: object, key: str, kinds: Any) -> Any:
        text = self.text(value, key)
        try:
            return kinds(text)
        except ValueError:
            choices = ", ".join(k.value for k in kinds)
            raise self.problem(f"unknown kind {text!r} (choose from {choices})", key) from None


def list_section(doc: dict[str, Any], key: str, file: str) -> list[Any] | None:
    """The records of section ``key``, None when the document leaves it out."""
    if key not in doc:
        return None
    value = doc[key]
    if not isinstance(value, list):
        raise ImportProblem(file, f"expected a list, found {type_name(value)}", field=key)
    return value


def check_settings(value: object, file: str) -> tuple[dict[str, Any], list[Preset] | None]:
    """The settings a document names, as stored, and its timer presets if it lists them."""
    if not isinstance(value, dict):
        raise ImportProblem(file, f"expected an object, found {type_name(value)}", field="settings")
    checker = RecordChecker(file, "settings")
    settings: dict[str, Any] = {}
    presets: list[Preset] | None = None
    for key, raw in value.items():
        if key == PRESETS_KEY:
            presets = check_presets(raw, file)
            continue
        if key in IGNORED_SETTINGS:
            continue
        if key not in SETTING_NAMES:
            raise checker.problem("unknown setting", key)
        try:
            settings[key] = validate_setting(key, raw)
        except (ValueError, TypeError) as exc:
            raise checker.problem(str(exc), key) from None
    return settings, presets


def check_presets(value: object, file: str) -> list[Preset]:
    section = f"settings.{PRESETS_KEY}"
    if not isinstance(value, list):
        raise ImportProblem(file, f"expected a list, found {type_name(value)}", field=section)
    presets: list[Preset] = []
    seen: dict[str, int] = {}
    for checker, raw in each_record(value, file, section):
        if not isinstance(raw, dict):
            raise checker.problem(f"expected an object, found {type_name(raw)}")
        try:
            preset = preset_from_dict(raw)
        except (ValueError, TypeError) as exc:
            raise checker.problem(str(exc)) from None
        checker.unique(seen, preset.name, "name", "name")
        presets.append(preset)
    return presets


def check_plan(records: list[Any], file: str) -> list[PlanDay]:
    days: list[PlanDay] = []
    seen: dict[date, int] = {}
    for c, raw in each_record(records, file, "plan"):
        rec = c.record(raw, ("date", "kind"), {"target_m": None, "note": None})
        on = c.day(rec["date"], "date")
        c.unique(seen, on, "date", "date")
        days.append(
            PlanDay(
                on,
                c.choice(rec["kind"], "kind", DayKind),
                c.whole_or_none(rec["target_m"], "target_m", MAX_DISTANCE_M, "distance"),
                c.text(rec["note"], "note", nullable=True),
            )
        )
    return days


def check_activities(records: list[Any], file: str) -> list[Activity]:
    activities: list[Activity] = []
    seen: dict[str, int] = {}
    optional = {
        "duration_s": None,
        "rpe": None,
        "note": "",
        "source": "manual",
        "source_id": None,
        "started_at": None,
        "avg_hr": None,
        "max_hr": None,
    }
    for c, raw in each_record(records, file, "activities"):
        rec = c.record(raw, ("date", "kind", "distance_m"), optional)
        on = c.day(rec["date"], "date")
        kind = c.choice(rec["kind"], "kind", ActivityKind)
        distance = c.whole(rec["distance_m"], "distance_m", MAX_DISTANCE_M, "distance")
        duration = c.whole_or_none(rec["duration_s"], "duration_s", MAX_DURATION_S, "duration")
        rpe = rec["rpe"]
        if rpe is not None and (
            not isinstance(rpe, int) or isinstance(rpe, bool) or not 1 <= rpe <= 10
        ):
            raise c.problem(f"not an effort: {rpe!r} (a whole number from 1 to 10)", "rpe")
        note = c.text(rec["note"], "note")
        source = c.text(rec["source"], "source", empty=False)
        source_id = c.text(rec["source_id"], "source_id", nullable=True, empty=False)
        if source_id is not None:
            c.unique(seen, source_id, "source_id", "source id")
        started = rec["started_at"]
        if started is not None and not (isinstance(started, str) and UTC_STAMP.fullmatch(started)):
            raise c.problem("expected a UTC time like 2026-11-24T19:00:00Z", "started_at")
        activities.append(
            Activity(
                on,
                kind,
                distance,
                duration,
                rpe,
                note,
                source,
                source_id,
                started_at=_utc_moment(c, started) if started else None,
                avg_hr=c.whole_or_none(rec["avg_hr"], "avg_hr", MAX_HEART_RATE, "heart rate"),
                max_hr=c.whole_or_none(rec["max_hr"], "max_hr", MAX_HEART_RATE, "heart rate"),
            )
        )
    return activities


def _utc_moment(c: RecordChecker, stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
        check_date_range(moment.date())
    except OutOfRange as exc:
        raise c.problem(str(exc), "started_at") from None
    except ValueError:
        raise c.problem(f"not a UTC time: {stamp!r}", "started_at") from None
    return moment


def check_recovery(records: list[Any], file: str) -> list[RecoverySession]:
    sessions: list[RecoverySession] = []
    optional = {"planned_s": None, "elapsed_s": None, "temperature_c": None, "note": None}
    for c, raw in each_record(records, file, "recovery"):
        rec = c.record(raw, ("date", "kind", "started_at", "status"), optional)
        on = c.day(rec["date"], "date")
        kind = c.text(rec["kind"], "kind", empty=False)
        stamp = c.text(rec["started_at"], "started_at")
        try:
            if not UTC_STAMP.fullmatch(stamp):
                raise ValueError(stamp)
            started = pendulum.parse(stamp)
            assert isinstance(started, pendulum.DateTime)
            check_date_range(started.date())
        except OutOfRange as exc:
            raise c.problem(str(exc), "started_at") from None
        except ValueError:
            raise c.problem(
                f"not a UTC time: {stamp!r} (like 2026-11-24T19:00:00Z)", "started_at"
            ) from None
        status = c.choice(rec["status"], "status", SessionStatus)
        planned = c.whole_or_none(rec["planned_s"], "planned_s", MAX_DURATION_S, "duration")
        elapsed = c.whole_or_none(rec["elapsed_s"], "elapsed_s", MAX_DURATION_S, "duration")
        temperature = rec["temperature_c"]
        if temperature is not None:
            if not isinstance(temperature, int | float) or isinstance(temperature, bool):
                raise c.problem(
                    f"expected a number, found {type_name(temperature)}", "temperature_c"
                )
            if not MIN_WATER_C <= temperature <= MAX_WATER_C:
                raise c.problem(f"absurd water temperature: {temperature} °C", "temperature_c")
            temperature = float(temperature)
        note = c.text(rec["note"], "note", nullable=True)
        sessions.append(
            RecoverySession(on, kind, started, status, planned, elapsed, temperature, note)
        )
    return sessions


def check_items(records: list[Any], file: str) -> list[tuple[str, bool]]:
    ranked: list[tuple[int, int, str, bool]] = []
    seen: dict[str, int] = {}
    for c, raw in each_record(records, file, "nutrition_items"):
        index = c.row
        rec = c.record(raw, ("name",), {"position": index + 1, "archived": False})
        try:
            name = clean_item_name(c.text(rec["name"], "name"))
        except ValueError as exc:
            raise c.problem(str(exc), "name") from None
        c.unique(seen, name, "name", "name")
        position = c.whole(rec["position"], "position", 1_000_000, "position")
        archived = rec["archived"]
        if not isinstance(archived, bool):
            raise c.problem(f"expected true or false, found {type_name(archived)}", "archived")
        ranked.append((position, index, name, archived))
    return [(name, archived) for _, _, name, archived in sorted(ranked)]


def check_checks(records: list[Any], file: str, names: Collection[str]) -> list[tuple[date, str]]:
    checks: list[tuple[date, str]] = []
    seen: dict[tuple[date, str], int] = {}
    for c, raw in each_record(records, file, "nutrition_checks"):
        rec = c.record(raw, ("date", "item"), {})
        on = c.day(rec["date"], "date")
        item = c.text(rec["item"], "item")
        if item not in names:
            raise c.problem(f"no nutrition item called {item!r}", "item")
        c.unique(seen, (on, item), "item", "check")
        checks.append((on, item))
    return checks


def check_excused(records: list[Any], file: str) -> list[tuple[date, str]]:
    excused: list[tuple[date, str]] = []
    seen: dict[date, int] = {}
    for c, raw in each_record(records, file, "excused_weeks"):
        rec = c.record(raw, ("week_start", "reason"), {})
        start = c.day(rec["week_start"], "week_start")
        reason = " ".join(c.text(rec["reason"], "reason", empty=False).split())
        c.unique(seen, start, "week_start", "week")
        excused.append((start, reason))
    return excused


def check_checkins(records: list[Any], file: str) -> list[date]:
    days: list[date] = []
    seen: dict[date, int] = {}
    for c, raw in each_record(records, file, "checkins"):
        on = c.day(raw, "date")
        c.unique(seen, on, "date", "date")
        days.append(on)
    return days
