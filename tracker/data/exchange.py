"""recovtui's own export document, and CSV and ICS exports (DESIGN §10).

The JSON document holds everything a runner has entered, in the order DESIGN
§10 shows. ``import_json`` checks the whole document first (types, dates,
kinds, ranges, duplicates, the rest-day rule per planned week) and raises
``ImportProblem`` naming the first problem (record, field); only then does it
write, in one transaction. Importing merges, so that importing the same
document twice changes nothing and export → import into a new database →
export gives the same document but ``exported_at``:

* settings named in the document are set; the timer presets become the
  document's list (they live under ``settings.timer_presets``);
* planned days are set to the document's;
* activities already stored are recognised by source id, or, without one, by
  all their fields; recovery sessions by day, kind and start time; the rest
  are added;
* the nutrition checklist becomes the document's, in its order: items are
  matched by name, and items the document does not list are archived (or
  removed when never ticked);
* nutrition checks, excused weeks and check-ins are added.

``position`` of a nutrition item is its place in the checklist (1, 2, …),
archived items included.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import pendulum

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import ParseError, parse_iso_date, week_of
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.nutrition import clean_item_name
from tracker.domain.plan import (
    MAX_REST_DAYS,
    MIN_REST_DAYS,
    PlanDay,
    RuleViolation,
    check_rest_days,
)
from tracker.domain.presets import Preset, preset_from_dict, preset_to_dict
from tracker.domain.recovery import RecoverySession, SessionStatus
from tracker.domain.settings import SETTING_NAMES, validate_setting
from tracker.domain.units import MAX_DISTANCE_M, MAX_DURATION_S, format_distance
from tracker.formats.limits import MAX_FILE_BYTES
from tracker.formats.problems import ImportProblem

FORMAT: Final = "recovtui-export"
VERSION: Final = 1
DOCUMENT_KEYS: Final = (
    "format",
    "version",
    "exported_at",
    "settings",
    "plan",
    "activities",
    "recovery",
    "nutrition_items",
    "nutrition_checks",
    "excused_weeks",
    "checkins",
)
PRESETS_KEY: Final = "timer_presets"
SETTINGS_ORDER: Final = (
    "week_start",
    "units",
    *(name for name in SETTING_NAMES if name not in ("week_start", "units")),
)
CSV_COLUMNS: Final = (
    "date",
    "kind",
    "distance_m",
    "duration_s",
    "rpe",
    "note",
    "source",
    "source_id",
)
MIN_YEAR, MAX_YEAR = 1900, 2200
MIN_WATER_C, MAX_WATER_C = -20.0, 100.0
_FIRST_DAY: Final = date(1, 1, 1)
_LAST_DAY: Final = date(9999, 12, 31)
_UNITS: Final = {"distance": " m", "duration": " s"}
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def utc_stamp(moment: datetime) -> str:
    """``2026-11-24T20:15:00Z``: an aware moment in UTC (a naive one is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------------ export


def _all_plan_days(store: Store) -> list[PlanDay]:
    return list(store.plan_days(_FIRST_DAY, _LAST_DAY).values())


def export_json(store: Store, now: datetime) -> dict[str, Any]:
    """Everything in the database as the document of DESIGN §10 (reads only)."""
    stored = store.settings().to_storage()
    settings: dict[str, Any] = {name: stored[name] for name in SETTINGS_ORDER}
    settings[PRESETS_KEY] = [preset_to_dict(preset) for preset in store.presets()]
    items = store.nutrition_items(include_archived=True)
    names = {item.id: item.name for item in items}
    order = {item.id: index for index, item in enumerate(items)}
    checks = store.nutrition_checks(_FIRST_DAY, _LAST_DAY)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_stamp(now),
        "settings": settings,
        "plan": [
            {
                "date": d.date.isoformat(),
                "kind": d.kind.value,
                "target_m": d.target_m,
                "note": d.note,
            }
            for d in _all_plan_days(store)
        ],
        "activities": [
            {
                "date": a.date.isoformat(),
                "kind": a.kind.value,
                "distance_m": a.distance_m,
                "duration_s": a.duration_s,
                "rpe": a.rpe,
                "note": a.note,
                "source": a.source,
                "source_id": a.source_id,
            }
            for a in store.all_activities()
        ],
        "recovery": [
            {
                "date": s.date.isoformat(),
                "kind": s.kind,
                "started_at": utc_stamp(s.started_at),
                "planned_s": s.planned_s,
                "elapsed_s": s.elapsed_s,
                "status": s.status.value,
                "temperature_c": s.temperature_c,
                "note": s.note,
            }
            for s in store.all_sessions()
        ],
        "nutrition_items": [
            {"name": item.name, "position": index, "archived": item.archived}
            for index, item in enumerate(items, start=1)
        ],
        "nutrition_checks": [
            {"date": day.isoformat(), "item": names[item_id]}
            for day in sorted(checks)
            for item_id in sorted(checks[day], key=lambda i: order.get(i, len(order)))
            if item_id in names
        ],
        "excused_weeks": [
            {"week_start": start.isoformat(), "reason": reason}
            for start, reason in store.excused_weeks().items()
        ],
        "checkins": [day.isoformat() for day in sorted(store.checkins())],
    }


def dumps_document(doc: Mapping[str, Any]) -> str:
    """The document as JSON text with one record a line, so it reads and diffs well."""

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {one(item)}" for item in value)
            lines.append(f"  {one(key)}: [\n{body}\n  ]")
        elif isinstance(value, dict) and value:
            body = ",\n".join(f"    {one(k)}: {one(v)}" for k, v in value.items())
            lines.append(f"  {one(key)}: {{\n{body}\n  }}")
        else:
            lines.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def export_csv(store: Store) -> str:
    """Every activity, one row each, with a header (empty cells for missing values)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in store.all_activities():
        writer.writerow(
            [
                a.date.isoformat(),
                a.kind.value,
                a.distance_m,
                "" if a.duration_s is None else a.duration_s,
                "" if a.rpe is None else a.rpe,
                a.note,
                a.source,
                a.source_id or "",
            ]
        )
    return out.getvalue()


def plan_summary(day: PlanDay, units: str) -> str:
    """``Easy 8 km``, ``Race 21.1 km``, ``Rest``: a planned day in a calendar."""
    if not day.target_m:
        return day.kind.label
    return f"{day.kind.label} {format_distance(day.target_m, units).replace('.0 ', ' ')}"


def export_ics(store: Store, now: datetime) -> bytes:
    """The stored plan as an iCalendar file: one all-day event per planned day.

    Each event's UID is made from its date, so importing a newer export into a
    calendar updates the days instead of adding them twice.
    """
    from icalendar import Calendar, Event

    units = store.settings().units
    calendar = Calendar()
    calendar.add("prodid", "-//recovtui//training plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "recovtui plan")
    stamp = now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC)
    for day in _all_plan_days(store):
        on = date(day.date.year, day.date.month, day.date.day)
        event = Event()
        event.add("uid", f"plan-{on.isoformat()}@recovtui")
        event.add("dtstamp", stamp)
        event.add("dtstart", on)
        event.add("dtend", on + timedelta(days=1))
        event.add("summary", plan_summary(day, units))
        event.add("categories", [day.kind.value])
        event.add("transp", "TRANSPARENT")
        if day.note:
            event.add("description", day.note)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


# ------------------------------------------------------------------ reading


def _no_constants(text: str) -> Any:
    raise ValueError(f"{text} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def parse_document(text: str, file: str = "document") -> Any:
    """The JSON value in ``text``; ``ImportProblem`` (with the line) when it is not JSON."""
    if not text.strip():
        raise ImportProblem(file, "empty file")
    try:
        return json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            file, f"not valid JSON: {exc.msg} (column {exc.colno})", row=exc.lineno, unit="line"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ImportProblem(file, f"not valid JSON: {exc}") from None


def load_document(path: Path) -> Any:
    """Read a recovtui export (optionally gzipped) from ``path``."""
    name = path.name
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                data = unpacked.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    except EOFError:
        raise ImportProblem(name, "truncated gzip data") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem(name, "file too large")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(name, f"not UTF-8 text (byte {exc.start})") from None
    return parse_document(text, name)


# --------------------------------------------------------------- checking


@dataclass
class Restore:
    """A checked document, ready to be written."""

    settings: dict[str, Any] = field(default_factory=dict)
    presets: list[Preset] | None = None
    plan: list[PlanDay] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    sessions: list[RecoverySession] = field(default_factory=list)
    items: list[tuple[str, bool]] | None = None
    checks: list[tuple[date, str]] = field(default_factory=list)
    excused: list[tuple[date, str]] = field(default_factory=list)
    checkins: list[date] = field(default_factory=list)


def _type_name(value: object) -> str:
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


class _Checker:
    """Checks one section's records, naming the record (from 1) and field of a problem."""

    def __init__(self, file: str, section: str, index: int | None = None) -> None:
        self.file = file
        self.section = section
        self.index = index

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
            raise self.problem(f"expected an object, found {_type_name(value)}")
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
            raise self.problem(f"expected text, found {_type_name(value)}", key)
        if not empty and not value.strip():
            raise self.problem("must not be empty", key)
        return value

    def day(self, value: object, key: str) -> pendulum.Date:
        text = self.text(value, key)
        try:
            day = parse_iso_date(text)
        except ParseError:
            raise self.problem(f"not a date: {text!r} (use YYYY-MM-DD)", key) from None
        if text != day.isoformat():
            raise self.problem(f"not a date: {text!r} (use YYYY-MM-DD)", key)
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise self.problem(f"impossible date: {text}", key)
        return day

    def whole(self, value: object, key: str, high: int, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.problem(f"expected a whole number, found {_type_name(value)}", key)
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


def _section(doc: dict[str, Any], key: str, file: str) -> list[Any] | None:
    if key not in doc:
        return None
    value = doc[key]
    if not isinstance(value, list):
        raise ImportProblem(file, f"expected a list, found {_type_name(value)}", field=key)
    return value


def _check_header(doc: object, file: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise ImportProblem(file, f"expected a JSON object, found {_type_name(doc)}")
    if doc.get("format") != FORMAT:
        raise ImportProblem(
            file, f"not a recovtui export (format must be {FORMAT!r})", field="format"
        )
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem(
            file, f"expected a whole number, found {_type_name(version)}", field="version"
        )
    if version > VERSION:
        raise ImportProblem(
            file,
            f"written by a newer recovtui (version {version}); upgrade recovtui to import it",
            field="version",
        )
    if version < 1:
        raise ImportProblem(file, f"unknown version {version}", field="version")
    for key in doc:
        if key not in DOCUMENT_KEYS:
            raise ImportProblem(file, "unknown key", field=key)
    stamp = doc.get("exported_at")
    if stamp is not None and not (isinstance(stamp, str) and _STAMP.fullmatch(stamp)):
        raise ImportProblem(
            file, "expected a UTC time like 2026-11-24T20:15:00Z", field="exported_at"
        )
    return doc


def _check_settings(value: object, file: str, restore: Restore) -> None:
    if not isinstance(value, dict):
        raise ImportProblem(
            file, f"expected an object, found {_type_name(value)}", field="settings"
        )
    checker = _Checker(file, "settings")
    for key, raw in value.items():
        if key == PRESETS_KEY:
            restore.presets = _check_presets(raw, file)
            continue
        if key not in SETTING_NAMES:
            raise checker.problem("unknown setting", key)
        try:
            restore.settings[key] = validate_setting(key, raw)
        except (ValueError, TypeError) as exc:
            raise checker.problem(str(exc), key) from None


def _check_presets(value: object, file: str) -> list[Preset]:
    section = f"settings.{PRESETS_KEY}"
    if not isinstance(value, list):
        raise ImportProblem(file, f"expected a list, found {_type_name(value)}", field=section)
    presets: list[Preset] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(value):
        checker = _Checker(file, section, index)
        if not isinstance(raw, dict):
            raise checker.problem(f"expected an object, found {_type_name(raw)}")
        try:
            preset = preset_from_dict(raw)
        except (ValueError, TypeError) as exc:
            raise checker.problem(str(exc)) from None
        if preset.name in seen:
            raise checker.problem(
                f"duplicate name (same as record {seen[preset.name] + 1})", "name"
            )
        seen[preset.name] = index
        presets.append(preset)
    return presets


def _check_plan(records: list[Any], file: str) -> list[PlanDay]:
    days: list[PlanDay] = []
    seen: dict[date, int] = {}
    for index, raw in enumerate(records):
        c = _Checker(file, "plan", index)
        rec = c.record(raw, ("date", "kind"), {"target_m": None, "note": None})
        on = c.day(rec["date"], "date")
        if on in seen:
            raise c.problem(f"duplicate date (same as record {seen[on] + 1})", "date")
        seen[on] = index
        days.append(
            PlanDay(
                on,
                c.choice(rec["kind"], "kind", DayKind),
                c.whole_or_none(rec["target_m"], "target_m", MAX_DISTANCE_M, "distance"),
                c.text(rec["note"], "note", nullable=True),
            )
        )
    return days


def _check_activities(records: list[Any], file: str) -> list[Activity]:
    activities: list[Activity] = []
    seen: dict[str, int] = {}
    optional = {"duration_s": None, "rpe": None, "note": "", "source": "manual", "source_id": None}
    for index, raw in enumerate(records):
        c = _Checker(file, "activities", index)
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
            if source_id in seen:
                raise c.problem(
                    f"duplicate source id (same as record {seen[source_id] + 1})", "source_id"
                )
            seen[source_id] = index
        activities.append(Activity(on, kind, distance, duration, rpe, note, source, source_id))
    return activities


def _check_recovery(records: list[Any], file: str) -> list[RecoverySession]:
    sessions: list[RecoverySession] = []
    optional = {"planned_s": None, "elapsed_s": None, "temperature_c": None, "note": None}
    for index, raw in enumerate(records):
        c = _Checker(file, "recovery", index)
        rec = c.record(raw, ("date", "kind", "started_at", "status"), optional)
        on = c.day(rec["date"], "date")
        kind = c.text(rec["kind"], "kind", empty=False)
        stamp = c.text(rec["started_at"], "started_at")
        try:
            if not _STAMP.fullmatch(stamp):
                raise ValueError(stamp)
            started = pendulum.parse(stamp)
        except ValueError:
            raise c.problem(
                f"not a UTC time: {stamp!r} (like 2026-11-24T19:00:00Z)", "started_at"
            ) from None
        assert isinstance(started, pendulum.DateTime)
        status = c.choice(rec["status"], "status", SessionStatus)
        planned = c.whole_or_none(rec["planned_s"], "planned_s", MAX_DURATION_S, "duration")
        elapsed = c.whole_or_none(rec["elapsed_s"], "elapsed_s", MAX_DURATION_S, "duration")
        temperature = rec["temperature_c"]
        if temperature is not None:
            if not isinstance(temperature, int | float) or isinstance(temperature, bool):
                raise c.problem(
                    f"expected a number, found {_type_name(temperature)}", "temperature_c"
                )
            if not MIN_WATER_C <= temperature <= MAX_WATER_C:
                raise c.problem(f"absurd water temperature: {temperature} °C", "temperature_c")
            temperature = float(temperature)
        note = c.text(rec["note"], "note", nullable=True)
        sessions.append(
            RecoverySession(on, kind, started, status, planned, elapsed, temperature, note)
        )
    return sessions


def _check_items(records: list[Any], file: str) -> list[tuple[str, bool]]:
    ranked: list[tuple[int, int, str, bool]] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(records):
        c = _Checker(file, "nutrition_items", index)
        rec = c.record(raw, ("name",), {"position": index + 1, "archived": False})
        try:
            name = clean_item_name(c.text(rec["name"], "name"))
        except ValueError as exc:
            raise c.problem(str(exc), "name") from None
        if name in seen:
            raise c.problem(f"duplicate name (same as record {seen[name] + 1})", "name")
        seen[name] = index
        position = c.whole(rec["position"], "position", 1_000_000, "position")
        archived = rec["archived"]
        if not isinstance(archived, bool):
            raise c.problem(f"expected true or false, found {_type_name(archived)}", "archived")
        ranked.append((position, index, name, archived))
    return [(name, archived) for _, _, name, archived in sorted(ranked)]


def _check_checks(records: list[Any], file: str, names: set[str]) -> list[tuple[date, str]]:
    checks: list[tuple[date, str]] = []
    seen: dict[tuple[date, str], int] = {}
    for index, raw in enumerate(records):
        c = _Checker(file, "nutrition_checks", index)
        rec = c.record(raw, ("date", "item"), {})
        on = c.day(rec["date"], "date")
        item = c.text(rec["item"], "item")
        if item not in names:
            raise c.problem(f"no nutrition item called {item!r}", "item")
        if (on, item) in seen:
            raise c.problem(f"duplicate check (same as record {seen[on, item] + 1})", "item")
        seen[on, item] = index
        checks.append((on, item))
    return checks


def _check_excused(records: list[Any], file: str) -> list[tuple[date, str]]:
    excused: list[tuple[date, str]] = []
    seen: dict[date, int] = {}
    for index, raw in enumerate(records):
        c = _Checker(file, "excused_weeks", index)
        rec = c.record(raw, ("week_start", "reason"), {})
        start = c.day(rec["week_start"], "week_start")
        reason = " ".join(c.text(rec["reason"], "reason", empty=False).split())
        if start in seen:
            raise c.problem(f"duplicate week (same as record {seen[start] + 1})", "week_start")
        seen[start] = index
        excused.append((start, reason))
    return excused


def _check_checkins(records: list[Any], file: str) -> list[date]:
    days: list[date] = []
    seen: dict[date, int] = {}
    for index, raw in enumerate(records):
        c = _Checker(file, "checkins", index)
        on = c.day(raw, "date")
        if on in seen:
            raise c.problem(f"duplicate date (same as record {seen[on] + 1})", "date")
        seen[on] = index
        days.append(on)
    return days


def check_rule(store: Store, restore: Restore, file: str = "document") -> None:
    """Every week the document plans keeps the rest-day rule, as it will be stored.

    Weeks are taken under the ``week_start`` the runner will have after the
    import; a week's days the document does not give come from the database,
    else from the week template, as the calendar would fill them.
    """
    if not restore.plan:
        return
    current = store.settings()
    week_start = restore.settings.get("week_start", current.week_start)
    template = restore.settings.get("template", current.template)
    given = {d.date: (index, d) for index, d in enumerate(restore.plan)}
    weeks: dict[date, int] = {}
    for index, d in enumerate(restore.plan):
        weeks.setdefault(week_of(d.date, week_start).start, index)
    first, last = min(weeks), max(weeks) + timedelta(days=6)
    stored = store.plan_days(first, last)
    for start, first_index in weeks.items():
        week = week_of(start, week_start)
        kinds = []
        for position, on in enumerate(week.days):
            if on in given:
                kinds.append(given[on][1].kind)
            elif on in stored:
                kinds.append(stored[on].kind)
            else:
                kinds.append(template[position])
        try:
            check_rest_days(kinds)
        except RuleViolation:
            rest = sum(1 for kind in kinds if kind is DayKind.REST)
            raise ImportProblem(
                file,
                f"the week of {week.start.isoformat()} would have {rest} rest days; "
                f"the rest-day rule allows {MIN_REST_DAYS} or {MAX_REST_DAYS}",
                row=first_index + 1,
                field="kind",
                unit="plan record",
            ) from None


def check_document(store: Store, doc: object, file: str = "document") -> Restore:
    """Check a whole document; ``ImportProblem`` names the first problem found."""
    checked = _check_header(doc, file)
    restore = Restore()
    if "settings" in checked:
        _check_settings(checked["settings"], file, restore)
    if (plan := _section(checked, "plan", file)) is not None:
        restore.plan = _check_plan(plan, file)
    if (activities := _section(checked, "activities", file)) is not None:
        restore.activities = _check_activities(activities, file)
    if (recovery := _section(checked, "recovery", file)) is not None:
        restore.sessions = _check_recovery(recovery, file)
    if (items := _section(checked, "nutrition_items", file)) is not None:
        restore.items = _check_items(items, file)
    if (checks := _section(checked, "nutrition_checks", file)) is not None:
        names = (
            {name for name, _ in restore.items}
            if restore.items is not None
            else {item.name for item in store.nutrition_items(include_archived=True)}
        )
        restore.checks = _check_checks(checks, file, names)
    if (excused := _section(checked, "excused_weeks", file)) is not None:
        restore.excused = _check_excused(excused, file)
    if (checkins := _section(checked, "checkins", file)) is not None:
        restore.checkins = _check_checkins(checkins, file)
    check_rule(store, restore, file)
    return restore


# ---------------------------------------------------------------- writing


@dataclass
class RestoreSummary:
    """What an import of a recovtui document changed."""

    settings: list[str] = field(default_factory=list)
    presets: bool = False
    plan_days: int = 0
    activities_added: int = 0
    activities_present: int = 0
    sessions_added: int = 0
    sessions_present: int = 0
    items_changed: bool = False
    checks_added: int = 0
    excused_added: int = 0
    checkins_added: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.settings,
                self.presets,
                self.plan_days,
                self.activities_added,
                self.sessions_added,
                self.items_changed,
                self.checks_added,
                self.excused_added,
                self.checkins_added,
            )
        )


def _activity_key(a: Activity) -> tuple[object, ...]:
    return (a.date, a.kind, a.distance_m, a.duration_s, a.rpe, a.note, a.source)


def _session_key(s: RecoverySession) -> tuple[object, ...]:
    return (s.date, s.kind, utc_stamp(s.started_at))


def _new_only(
    wanted: Sequence[Any], stored: Sequence[Any], key: Callable[[Any], tuple[object, ...]]
) -> list[Any]:
    """Those of ``wanted`` not already stored, counting repeats (a multiset difference)."""
    have = Counter(key(each) for each in stored)
    new = []
    for each in wanted:
        k = key(each)
        if have[k] > 0:
            have[k] -= 1
        else:
            new.append(each)
    return new


def apply_restore(store: Store, restore: Restore, file: str = "document") -> RestoreSummary:
    """Write a checked document in one transaction; re-checks the rule against the database."""
    summary = RestoreSummary()
    with store.transaction():
        check_rule(store, restore, file)
        current = store.settings().to_storage()
        for key, value in restore.settings.items():
            stored = [k.value for k in value] if key == "template" else value
            if current[key] != stored:
                store.set_setting(key, stored)
                summary.settings.append(key)
        if restore.presets is not None and store.presets() != restore.presets:
            for preset in store.presets():
                store.delete_preset(preset.name)
            for preset in restore.presets:
                store.save_preset(preset)
            summary.presets = True

        stored_plan = store.plan_days(_FIRST_DAY, _LAST_DAY)
        changed_days = [d for d in restore.plan if stored_plan.get(d.date) != d]
        if changed_days:
            store.replace_plan(changed_days)
        summary.plan_days = len(changed_days)

        manual = [a for a in restore.activities if a.source_id is None]
        stored_manual = [a for a in store.all_activities() if a.source_id is None]
        new_manual = {id(a) for a in _new_only(manual, stored_manual, _activity_key)}
        to_add = [a for a in restore.activities if a.source_id is not None or id(a) in new_manual]
        added, _ = store.import_activities(to_add)
        summary.activities_added = added
        summary.activities_present = len(restore.activities) - added

        new_sessions = _new_only(restore.sessions, store.all_sessions(), _session_key)
        store.add_sessions(new_sessions)
        summary.sessions_added = len(new_sessions)
        summary.sessions_present = len(restore.sessions) - len(new_sessions)

        if restore.items is not None:
            summary.items_changed = store.restore_nutrition_items(restore.items)
        if restore.checks:
            ids = {item.name: item.id for item in store.nutrition_items(include_archived=True)}
            done = store.nutrition_checks(_FIRST_DAY, _LAST_DAY)
            new_checks = [
                (on, ids[name]) for on, name in restore.checks if ids[name] not in done.get(on, ())
            ]
            store.add_nutrition_checks(new_checks)
            summary.checks_added = len(new_checks)

        excused = store.excused_weeks()
        for start, reason in restore.excused:
            if excused.get(start) != reason:
                store.excuse_week(start, reason)
                summary.excused_added += 1
        checked_in = store.checkins()
        new_checkins = [on for on in restore.checkins if on not in checked_in]
        store.add_checkins(new_checkins)
        summary.checkins_added = len(new_checkins)
    return summary


def import_json(store: Store, doc: object, file: str = "document") -> RestoreSummary:
    """Check the whole document, then write all of it in one transaction.

    Raises ``ImportProblem`` (and writes nothing) when any part is wrong.
    """
    return apply_restore(store, check_document(store, doc, file), file)
