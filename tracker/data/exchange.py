"""recovtui's export document, CSV and ICS, read from and written to the store.

The formats themselves live in :mod:`tracker.formats`; this module brings the
store. ``import_json`` checks the whole document first (the formats check
types, dates, kinds, ranges and duplicates; the rest-day rule is checked here
per planned week, against the stored plan) and raises ``ImportProblem`` naming
the first problem (record, field); only then does it write, in one
transaction. Importing merges, so that importing the same document twice
changes nothing and export → import into a new database → export gives the
same document but ``exported_at``:

* settings named in the document are set; the timer presets become the
  document's list;
* planned days are set to the document's;
* activities already stored are recognised by source id, or, without one, by
  all their fields; recovery sessions by day, kind and start time; the rest
  are added;
* the nutrition checklist becomes the document's, in its order: items are
  matched by name, and items the document does not list are archived (or
  removed when never ticked);
* nutrition checks, excused weeks and check-ins are added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import utc_stamp, week_of
from tracker.domain.kinds import DayKind
from tracker.domain.plan import (
    MAX_REST_DAYS,
    MIN_REST_DAYS,
    PlanDay,
    RuleViolation,
    check_rest_days,
)
from tracker.domain.recovery import RecoverySession
from tracker.formats.activities_csv import write_activities_csv
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_json import ExportContents, Restore, build_document
from tracker.formats.recovtui_json import check_document as check_document_alone

_FIRST_DAY: Final = date(1, 1, 1)
_LAST_DAY: Final = date(9999, 12, 31)


def _all_plan_days(store: Store) -> list[PlanDay]:
    return list(store.plan_days(_FIRST_DAY, _LAST_DAY).values())


def export_json(store: Store, now: datetime) -> dict[str, Any]:
    """Everything in the database as the export document (reads only)."""
    contents = ExportContents(
        settings=store.settings(),
        presets=store.presets(),
        plan=_all_plan_days(store),
        activities=store.all_activities(),
        sessions=store.all_sessions(),
        items=store.nutrition_items(include_archived=True),
        checks=store.nutrition_checks(_FIRST_DAY, _LAST_DAY),
        excused=store.excused_weeks(),
        checkins=store.checkins(),
    )
    return build_document(contents, now)


def export_csv(store: Store) -> str:
    """Every activity, one row each, with a header (empty cells for missing values)."""
    return write_activities_csv(store.all_activities())


def export_ics(store: Store, now: datetime) -> bytes:
    """The stored plan as an iCalendar file: one all-day event per planned day."""
    from tracker.formats.ics import write_plan_ics

    return write_plan_ics(_all_plan_days(store), store.settings().units, now)


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
    names = {item.name for item in store.nutrition_items(include_archived=True)}
    restore = check_document_alone(doc, file, names)
    check_rule(store, restore, file)
    return restore


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
