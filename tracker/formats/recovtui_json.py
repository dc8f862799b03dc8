"""recovtui's own export: one self-describing JSON document of everything a runner entered.

The document holds, in this order: ``format`` (``recovtui-export``),
``version``, ``exported_at`` (a UTC time), ``settings`` (the timer presets
under ``settings.timer_presets``), ``plan``, ``activities``, ``recovery``,
``nutrition_items``, ``nutrition_checks``, ``excused_weeks``, ``checkins`` and
(since version 2) ``wellness``, one record a day with every value, null when
not recorded. A version-1 document (no wellness) still imports.
``position`` of a nutrition item is its place in the checklist (1, 2, …),
archived items included. Dates are ``YYYY-MM-DD``, distances whole metres,
durations whole seconds.

It is recognised by parsing it, so key order and formatting don't matter.
:func:`check_document` checks a whole document (types, dates, kinds, ranges,
duplicates) into a :class:`Restore` and raises ``ImportProblem`` naming the
first problem (record, field); what needs the database (the rest-day rule
against the stored plan) is the importing service's.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from tracker.domain.activity import Activity
from tracker.domain.dates import utc_stamp
from tracker.domain.nutrition import NutritionItem
from tracker.domain.plan import PlanDay
from tracker.domain.presets import Preset, preset_to_dict
from tracker.domain.recovery import RecoverySession
from tracker.domain.settings import SETTING_NAMES, Settings
from tracker.domain.text import is_text
from tracker.domain.wellness import Wellness
from tracker.formats.limits import read_document
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_records import (
    PRESETS_KEY,
    UTC_STAMP,
    check_activities,
    check_checkins,
    check_checks,
    check_excused,
    check_items,
    check_plan,
    check_recovery,
    check_settings,
    list_section,
    type_name,
)
from tracker.formats.recovtui_wellness import check_wellness, wellness_record

FORMAT: Final = "recovtui-export"
VERSION: Final = 2
WELLNESS_SINCE: Final = 2
"""The first version whose documents carry ``wellness``."""
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
    "wellness",
)
SETTINGS_ORDER: Final = (
    "week_start",
    "units",
    *(name for name in SETTING_NAMES if name not in ("week_start", "units")),
)


@dataclass(frozen=True)
class ExportContents:
    """Everything a runner has entered, as read from the store, ready to be written."""

    settings: Settings
    presets: Sequence[Preset]
    plan: Sequence[PlanDay]
    activities: Sequence[Activity]
    sessions: Sequence[RecoverySession]
    items: Sequence[NutritionItem]
    """The nutrition checklist in its order, archived items included."""
    checks: Mapping[date, Collection[int]]
    """The nutrition items ticked each day, by item id."""
    excused: Mapping[date, str]
    checkins: Collection[date]
    wellness: Sequence[Wellness] = ()
    """The entries of every day with one, oldest first."""


def build_document(contents: ExportContents, now: datetime) -> dict[str, Any]:
    """The export document of ``contents``, stamped ``now``."""
    stored = contents.settings.to_storage()
    settings: dict[str, Any] = {name: stored[name] for name in SETTINGS_ORDER}
    settings[PRESETS_KEY] = [preset_to_dict(preset) for preset in contents.presets]
    items = contents.items
    names = {item.id: item.name for item in items}
    order = {item.id: index for index, item in enumerate(items)}
    checks = contents.checks
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
            for d in contents.plan
        ],
        "activities": [_activity_record(a) for a in contents.activities],
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
            for s in contents.sessions
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
            for start, reason in contents.excused.items()
        ],
        "checkins": [day.isoformat() for day in sorted(contents.checkins)],
        "wellness": [wellness_record(entry) for entry in contents.wellness],
    }


def _activity_record(a: Activity) -> dict[str, Any]:
    """One activity; its exact start and heart rates only when known, so an export of
    runs without them reads as it always did."""
    record: dict[str, Any] = {
        "date": a.date.isoformat(),
        "kind": a.kind.value,
        "distance_m": a.distance_m,
        "duration_s": a.duration_s,
        "rpe": a.rpe,
        "note": a.note,
        "source": a.source,
        "source_id": a.source_id,
    }
    if a.started_at is not None:
        record["started_at"] = utc_stamp(a.started_at)
    if a.avg_hr is not None:
        record["avg_hr"] = a.avg_hr
    if a.max_hr is not None:
        record["max_hr"] = a.max_hr
    return record


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


def _no_constants(text: str) -> Any:
    raise ValueError(f"{text} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys appear once, and whose text (keys, values, a list's
    items) is text: JSON may spell a lone surrogate (``"\\ud800"``), which SQLite
    cannot store."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        texts = value if isinstance(value, list) else (value,)
        if not is_text(key) or any(isinstance(t, str) and not is_text(t) for t in texts):
            raise ValueError(f"{key!r} holds a lone surrogate (\\ud800 to \\udfff): not text")
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
    data = read_document(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(path.name, f"not UTF-8 text (byte {exc.start})") from None
    return parse_document(text, path.name)


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
    wellness: list[Wellness] = field(default_factory=list)
    ignored_command: str | None = None
    """An ``on_finish_command`` the document carried: never taken from a file."""


def _check_header(doc: object, file: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise ImportProblem(file, f"expected a JSON object, found {type_name(doc)}")
    if doc.get("format") != FORMAT:
        raise ImportProblem(
            file, f"not a recovtui export (format must be {FORMAT!r})", field="format"
        )
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem(
            file, f"expected a whole number, found {type_name(version)}", field="version"
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
    if stamp is not None and not (isinstance(stamp, str) and UTC_STAMP.fullmatch(stamp)):
        raise ImportProblem(
            file, "expected a UTC time like 2026-11-24T20:15:00Z", field="exported_at"
        )
    return doc


def check_document(
    doc: object, file: str = "document", stored_item_names: Collection[str] = ()
) -> Restore:
    """Check a whole document; ``ImportProblem`` names the first problem found.

    ``stored_item_names`` are the nutrition items already kept: a document that
    ticks items without listing its own checklist may tick those.
    """
    checked = _check_header(doc, file)
    restore = Restore()
    if "settings" in checked:
        restore.settings, restore.presets = check_settings(checked["settings"], file)
        command = checked["settings"].get("on_finish_command")
        if isinstance(command, str) and command.strip():
            restore.ignored_command = command
    if (plan := list_section(checked, "plan", file)) is not None:
        restore.plan = check_plan(plan, file)
    if (activities := list_section(checked, "activities", file)) is not None:
        restore.activities = check_activities(activities, file)
    if (recovery := list_section(checked, "recovery", file)) is not None:
        restore.sessions = check_recovery(recovery, file)
    if (items := list_section(checked, "nutrition_items", file)) is not None:
        restore.items = check_items(items, file)
    if (checks := list_section(checked, "nutrition_checks", file)) is not None:
        names = (
            {name for name, _ in restore.items}
            if restore.items is not None
            else set(stored_item_names)
        )
        restore.checks = check_checks(checks, file, names)
    if (excused := list_section(checked, "excused_weeks", file)) is not None:
        restore.excused = check_excused(excused, file)
    if (checkins := list_section(checked, "checkins", file)) is not None:
        restore.checkins = check_checkins(checkins, file)
    if (wellness := list_section(checked, "wellness", file)) is not None:
        if checked["version"] < WELLNESS_SINCE:
            raise ImportProblem(
                file, f"wellness records need version {WELLNESS_SINCE}", field="wellness"
            )
        restore.wellness = check_wellness(wellness, file)
    return restore
