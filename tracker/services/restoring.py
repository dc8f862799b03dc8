"""Restoring a recovtui export: merged into what is stored.

Importing the same document twice changes nothing, and export → import into
a new database → export gives the same document but ``exported_at``:

* settings named in the document are set; the timer presets become the
  document's list;
* planned days are set to the document's; every week it plans must keep the
  rest-day rule, counted with the days already planned and the week template;
* activities already stored are recognised by source id, or, without one, by
  all their fields; recovery sessions by day, kind and start time; the rest
  are added;
* the nutrition checklist becomes the document's, in its order: items are
  matched by name, and items the document does not list are archived (or
  removed when never ticked);
* nutrition checks, excused weeks and check-ins are added;
* a day's wellness entry becomes the document's (a day the document leaves
  out keeps its own).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.dates import Week, utc_stamp, week_of
from tracker.domain.plan import MAX_REST_DAYS, MIN_REST_DAYS, fill_week, rule_problem
from tracker.domain.recovery import RecoverySession
from tracker.domain.text import plural
from tracker.formats import recovtui_json
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_json import Restore


def describe_restore(summary: RestoreSummary, restore: Restore) -> str:
    """One line saying what importing a recovtui export changed."""
    parts = [
        f"{plural(summary.activities_added, 'activity', 'activities')} "
        f"added, {summary.activities_present} already there"
    ]
    counts = [
        (summary.plan_days, "planned day", None),
        (summary.sessions_added, "recovery session", None),
        (summary.checks_added, "nutrition check", None),
        (summary.excused_added, "excused week", None),
        (summary.checkins_added, "check-in", None),
        (summary.wellness_days, "wellness entry", "wellness entries"),
    ]
    parts += [plural(count, word, words) for count, word, words in counts if count]
    if summary.items_changed:
        parts.append("nutrition checklist restored")
    if summary.presets:
        parts.append("timer presets restored")
    if summary.settings:
        parts.append("settings: " + ", ".join(summary.settings))
    line = "; ".join(parts)
    if restore.ignored_command is not None:
        line += (
            f"\n  note: the file's on_finish_command ({restore.ignored_command[:80]!r}) "
            "was ignored: an import never sets a command. To run one when a timer finishes, "
            "type it in Settings (5) yourself"
        )
    return line


def check_rule(store: Store, restore: Restore, file: str = "document") -> None:
    """Every week the document plans keeps the rest-day rule, as it will be stored.

    Weeks are taken under the ``week_start`` the runner will have after the
    import and filled as the calendar fills them: a day the document gives,
    else the stored day, else the week template's. An excused week (stored, or
    excused by the document) may hold more than two rest days.
    """
    if not restore.plan:
        return
    current = store.settings()
    week_start = restore.settings.get("week_start", current.week_start)
    template = restore.settings.get("template", current.template)
    first_record: dict[date, int] = {}
    for index, d in enumerate(restore.plan):
        first_record.setdefault(week_of(d.date, week_start).start, index)
    stored = store.plan_days(min(first_record), max(first_record) + timedelta(days=6))
    days = stored | {d.date: d for d in restore.plan}
    excused = set(store.excused_weeks()) | {start for start, _reason in restore.excused}
    for start, index in first_record.items():
        plan, _ = fill_week(Week(start), days, template)
        if rule_problem(plan.rest_days, excused=start in excused) is not None:
            raise ImportProblem(
                file,
                f"the week of {start.isoformat()} would have {plan.rest_days} rest days; "
                f"the rest-day rule allows {MIN_REST_DAYS} or {MAX_REST_DAYS}",
                row=index + 1,
                field="kind",
                unit="plan record",
            )


def check_document(store: Store, doc: object, file: str = "document") -> Restore:
    """Check a whole document against the store too; ``ImportProblem`` names the first problem."""
    names = {item.name for item in store.nutrition_items(include_archived=True)}
    restore = recovtui_json.check_document(doc, file, names)
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
    wellness_days: int = 0

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
                self.wellness_days,
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

        stored_plan = store.plan_days()
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
            gone = sorted({name for _, name in restore.checks if name not in ids})
            if gone:  # checked against the store before the write lock; changed since
                raise ImportProblem(
                    file,
                    f"the nutrition item {gone[0]!r} is no longer on the checklist",
                    field="item",
                    unit="nutrition check",
                )
            done = store.nutrition_checks()
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
        stored_wellness = store.wellness_between()
        changed = [e for e in restore.wellness if stored_wellness.get(e.date) != e]
        store.add_wellness(changed)
        summary.wellness_days = len(changed)
    return summary


def import_json(store: Store, doc: object, file: str = "document") -> RestoreSummary:
    """Check the whole document, then write all of it in one transaction.

    Raises ``ImportProblem`` (and writes nothing) when any part is wrong.
    """
    return apply_restore(store, check_document(store, doc, file), file)
