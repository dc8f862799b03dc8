"""The Store: the only place that reads or writes rows.

Every method takes and returns domain objects. Writes that touch more than one
row run inside :meth:`Store.transaction` (``db.atomic()`` holding the write lock).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pendulum
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError, Table

from tracker.domain.activity import Activity
from tracker.domain.dates import Week, week_of
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.nutrition import NutritionItem, clean_item_name
from tracker.domain.plan import PlanDay, WeekPlan
from tracker.domain.presets import Preset, preset_from_dict, preset_to_dict
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus
from tracker.domain.settings import Settings, settings_from_storage, validate_setting


def _iso(day: date) -> str:
    return day.isoformat()


def _day(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def _utc(moment: pendulum.DateTime) -> str:
    return moment.in_timezone("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def _moment(text: str) -> pendulum.DateTime:
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._settings: Settings | None = None
        self._listeners: list[Any] = []
        self._claims: dict[int, int] = {}
        self._close_listeners: list[tuple[Any, Any]] = []

    def _table(self, name: str) -> Table:
        table = self.db[name]
        assert isinstance(table, Table)
        return table

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """``db.atomic()`` that takes the write lock first (``BEGIN IMMEDIATE``).

        sqlite-utils begins a deferred transaction; one that reads before it writes
        cannot wait for another recovtui writing at the same moment and fails with
        "database is locked" at once. Taking the lock up front lets the busy timeout
        do its work. Nested calls become savepoints.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            with self.db.atomic():
                yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        for session_id in list(self._claims):
            self.release_session(session_id)
        for before, _after in self._close_listeners:
            before()
        self.db.close()
        for _before, after in self._close_listeners:
            after()

    def on_change(self, callback: Any) -> None:
        """Call ``callback()`` after every write (keeps caches like the status summary fresh)."""
        self._listeners.append(callback)

    def on_close(self, before: Any, after: Any) -> None:
        """Call ``before()`` as the store closes, while it can still be read, and
        ``after()`` once the database is closed (closing checkpoints the WAL, which
        changes the files: the status summary stamps them after that)."""
        self._close_listeners.append((before, after))

    def _changed(self) -> None:
        for callback in self._listeners:
            callback()

    # Settings

    def settings(self) -> Settings:
        if self._settings is None:
            values = {row["key"]: json.loads(row["value"]) for row in self._table("settings").rows}
            self._settings = settings_from_storage(values)
        return self._settings

    def set_setting(self, name: str, value: Any) -> Settings:
        """Validate and store one setting; raises ValueError saying what is wrong."""
        stored = validate_setting(name, value)
        if name == "template":
            stored = [kind.value for kind in stored]
        self._table("settings").upsert({"key": name, "value": json.dumps(stored)}, pk="key")
        self._settings = None
        self._changed()
        return self.settings()

    # The plan

    def week(self, day: date) -> Week:
        return week_of(day, self.settings().week_start)

    def _stored_days(self, start: date, end: date) -> dict[date, PlanDay]:
        rows = self._table("plan_days").rows_where(
            "date >= ? AND date <= ?", [_iso(start), _iso(end)], order_by="date"
        )
        return {
            (day := _day(row["date"])): PlanDay(
                day, DayKind(row["kind"]), row["target_m"], row["note"]
            )
            for row in rows
        }

    def plan_days(self, start: date, end: date) -> dict[date, PlanDay]:
        """Planned days stored between two dates (weeks never shown have none)."""
        return self._stored_days(start, end)

    def week_plan(self, day: date) -> WeekPlan:
        """The plan of the week holding ``day``, made from the template the first time."""
        plan, unplanned = self._planned_week(day)
        if unplanned:
            self._write_plan(plan, only=unplanned)
        return plan

    def _planned_week(self, day: date) -> tuple[WeekPlan, list[date]]:
        """The week's plan, the template filling the days never planned (listed); no write.

        Changes start from this, so a refused change leaves a week never shown unplanned.
        """
        week = self.week(day)
        stored = self._stored_days(week.start, week.end)
        template = WeekPlan.from_template(week, self.settings().template)
        plan = WeekPlan(week, tuple(stored.get(d.date, d) for d in template.days))
        return plan, [d for d in week.days if d not in stored]

    def planned_day(self, day: date) -> PlanDay:
        """What ``day`` is planned as, from the template if its week was never shown; no write."""
        return self._planned_week(day)[0].day(day)

    def _write_plan(self, plan: WeekPlan, only: Sequence[date] | None = None) -> None:
        self.replace_plan(d for d in plan.days if only is None or d.date in only)

    def set_kind(self, day: date, kind: DayKind) -> WeekPlan:
        """Raises RuleViolation (and writes nothing) when the week would break the rule."""
        plan = self._planned_week(day)[0].with_kind(day, kind)
        self._write_plan(plan)
        return plan

    def set_day(self, day: date, kind: DayKind, target_m: int | None, note: str | None) -> WeekPlan:
        plan = self._planned_week(day)[0].with_day(day, kind, target_m, note)
        self._write_plan(plan)
        return plan

    def move_rest(self, source: date, target: date) -> WeekPlan:
        plan = self._planned_week(source)[0].with_rest_moved(source, target)
        self._write_plan(plan)
        return plan

    def replace_plan(self, days: Iterable[PlanDay]) -> None:
        """Store planned days as given (the importer checks the rule first)."""
        with self.transaction():
            self._table("plan_days").upsert_all(
                (
                    {
                        "date": _iso(d.date),
                        "kind": d.kind.value,
                        "target_m": d.target_m,
                        "note": d.note,
                    }
                    for d in days
                ),
                pk="date",
            )
        self._changed()

    def excused_weeks(self) -> dict[date, str]:
        return {
            _day(row["week_start"]): row["reason"]
            for row in self._table("excused_weeks").rows_where(order_by="week_start")
        }

    def excuse_week(self, week_start: date, reason: str) -> None:
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("Say why the week is excused (illness, injury, travel, taper…)")
        self._table("excused_weeks").upsert(
            {"week_start": _iso(week_start), "reason": reason}, pk="week_start"
        )
        self._changed()

    def unexcuse_week(self, week_start: date) -> None:
        self._table("excused_weeks").delete_where("week_start = ?", [_iso(week_start)])
        self._changed()

    # Activities

    @staticmethod
    def _activity(row: dict[str, Any]) -> Activity:
        return Activity(
            date=_day(row["date"]),
            kind=ActivityKind(row["kind"]),
            distance_m=row["distance_m"],
            duration_s=row["duration_s"],
            rpe=row["rpe"],
            note=row["note"] or "",
            source=row["source"],
            source_id=row["source_id"],
            id=row["id"],
        )

    @staticmethod
    def _activity_row(activity: Activity) -> dict[str, Any]:
        return {
            "date": _iso(activity.date),
            "kind": activity.kind.value,
            "distance_m": activity.distance_m,
            "duration_s": activity.duration_s,
            "rpe": activity.rpe,
            "note": activity.note,
            "source": activity.source,
            "source_id": activity.source_id,
        }

    def add_activity(self, activity: Activity) -> Activity:
        row = self._activity_row(activity) | {"created_at": _utc(pendulum.now("UTC"))}
        table = self._table("activities").insert(row)
        self._changed()
        return replace(activity, id=table.last_pk)

    def update_activity(self, activity: Activity) -> Activity:
        if activity.id is None:
            raise ValueError("only a stored activity can be updated")
        self._table("activities").update(activity.id, self._activity_row(activity))
        self._changed()
        return activity

    def delete_activity(self, activity_id: int) -> None:
        self._table("activities").delete_where("id = ?", [activity_id])
        self._changed()

    def activities_between(self, start: date, end: date) -> list[Activity]:
        rows = self._table("activities").rows_where(
            "date >= ? AND date <= ?", [_iso(start), _iso(end)], order_by="date, id"
        )
        return [self._activity(row) for row in rows]

    def activities_on(self, day: date) -> list[Activity]:
        return self.activities_between(day, day)

    def all_activities(self) -> list[Activity]:
        return [
            self._activity(row) for row in self._table("activities").rows_where(order_by="date, id")
        ]

    def activity_dates(self) -> set[pendulum.Date]:
        return {_day(row[0]) for row in self.db.execute("SELECT DISTINCT date FROM activities")}

    def activity_days(self) -> set[date]:
        """:meth:`activity_dates` as plain ``datetime.date`` objects, for figures over the
        whole history (streaks): pendulum's dates parse and subtract far slower, and ten
        years of them were most of the time ``recovtui stats`` took."""
        rows = self.db.execute("SELECT DISTINCT date FROM activities")
        return {date.fromisoformat(row[0]) for row in rows}

    def import_activities(self, activities: Iterable[Activity]) -> tuple[int, int]:
        """Add activities, skipping any whose source id is already stored.

        Returns (added, duplicates). All or nothing.
        """
        added = duplicates = 0
        table = self._table("activities")
        now = _utc(pendulum.now("UTC"))
        with self.transaction():
            for activity in activities:
                if activity.source_id is not None and table.count_where(
                    "source_id = ?", [activity.source_id]
                ):
                    duplicates += 1
                    continue
                table.insert(self._activity_row(activity) | {"created_at": now})
                added += 1
        if added:
            self._changed()
        return added, duplicates

    # Recovery sessions

    @staticmethod
    def _session(row: dict[str, Any]) -> RecoverySession:
        return RecoverySession(
            date=_day(row["date"]),
            kind=row["kind"],
            started_at=_moment(row["started_at"]),
            status=SessionStatus(row["status"]),
            planned_s=row["planned_s"],
            elapsed_s=row["elapsed_s"],
            temperature_c=row["temperature_c"],
            note=row["note"],
            preset=row["preset"],
            id=row["id"],
        )

    @staticmethod
    def _session_row(session: RecoverySession, now: str) -> dict[str, Any]:
        return {
            "date": _iso(session.date),
            "kind": session.kind,
            "preset": session.preset,
            "started_at": _utc(session.started_at),
            "updated_at": now,
            "planned_s": session.planned_s,
            "elapsed_s": 0
            if session.elapsed_s is None and session.status is SessionStatus.RUNNING
            else session.elapsed_s,
            "status": session.status.value,
            "temperature_c": session.temperature_c,
            "note": session.note,
        }

    def start_session(self, session: RecoverySession) -> RecoverySession:
        """Write the session row at once, so a crash can never lose it."""
        table = self._table("recovery_sessions").insert(
            self._session_row(session, _utc(pendulum.now("UTC")))
        )
        self._changed()
        return replace(session, id=table.last_pk)

    def add_sessions(self, sessions: Sequence[RecoverySession]) -> None:
        """Store many sessions at once, in order (the importer's bulk path)."""
        if not sessions:
            return
        now = _utc(pendulum.now("UTC"))
        with self.transaction():
            self._table("recovery_sessions").insert_all(
                self._session_row(session, now) for session in sessions
            )
        self._changed()

    def save_elapsed(self, session_id: int, elapsed_s: int, planned_s: int | None = None) -> None:
        values: dict[str, Any] = {"elapsed_s": elapsed_s, "updated_at": _utc(pendulum.now("UTC"))}
        if planned_s is not None:
            values["planned_s"] = planned_s
        self._table("recovery_sessions").update(session_id, values)

    def finish_session(
        self,
        session_id: int,
        elapsed_s: int,
        status: SessionStatus,
        temperature_c: float | None = None,
        planned_s: int | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "elapsed_s": elapsed_s,
            "status": status.value,
            "updated_at": _utc(pendulum.now("UTC")),
        }
        if temperature_c is not None:
            values["temperature_c"] = temperature_c
        if planned_s is not None:
            values["planned_s"] = planned_s
        self._table("recovery_sessions").update(session_id, values)
        self._changed()

    def discard_session(self, session_id: int) -> None:
        self._table("recovery_sessions").delete_where("id = ?", [session_id])
        self._changed()

    def set_session_temperature(self, session_id: int, temperature_c: float | None) -> None:
        """Record the water temperature of a session (entered while it runs)."""
        self._table("recovery_sessions").update(
            session_id, {"temperature_c": temperature_c, "updated_at": _utc(pendulum.now("UTC"))}
        )
        self._changed()

    def claim_session(self, session_id: int) -> bool:
        """Mark a session as timed by this process; False while another process times it.

        The claim is an OS lock on a file beside the database, so a process that
        crashes loses it at once: a running session that can be claimed is one
        nobody is timing any more, and a second window never offers a live one.
        """
        path = self._claim_path(session_id)
        if session_id in self._claims or path is None:
            return True
        try:
            import fcntl
        except ImportError:  # no flock (Windows): every claim succeeds
            return True
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:  # no lock file, no claims: behave as a lone process
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._claims[session_id] = fd
        return True

    def release_session(self, session_id: int) -> None:
        fd = self._claims.pop(session_id, None)
        if fd is None:
            return
        path = self._claim_path(session_id)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
        os.close(fd)

    def _claim_path(self, session_id: int) -> Path | None:
        """The lock file of a session; None for an in-memory database."""
        files = [row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"]
        return Path(f"{files[0]}.session-{session_id}.lock") if files and files[0] else None

    def session(self, session_id: int) -> RecoverySession | None:
        try:
            return self._session(self._table("recovery_sessions").get(session_id))
        except NotFoundError:
            return None

    def running_sessions(self) -> list[RecoverySession]:
        rows = self._table("recovery_sessions").rows_where(
            "status = ?", [SessionStatus.RUNNING.value], order_by="id"
        )
        return [self._session(row) for row in rows]

    def sessions_between(self, start: date, end: date) -> list[RecoverySession]:
        rows = self._table("recovery_sessions").rows_where(
            "date >= ? AND date <= ?", [_iso(start), _iso(end)], order_by="date, id"
        )
        return [self._session(row) for row in rows]

    def all_sessions(self) -> list[RecoverySession]:
        rows = self._table("recovery_sessions").rows_where(order_by="date, id")
        return [self._session(row) for row in rows]

    def recovery_done(self, day: date) -> set[str]:
        """Kinds of recovery completed on ``day`` (a completed session ticks its item)."""
        return {
            s.kind for s in self.sessions_between(day, day) if s.status is SessionStatus.COMPLETED
        }

    def log_recovery(
        self,
        day: date,
        kind: RecoveryKind | str,
        duration_s: int | None = None,
        note: str | None = None,
        started_at: pendulum.DateTime | None = None,
    ) -> RecoverySession:
        """Tick a recovery item by hand (massage, acupuncture, or a session not timed here)."""
        session = RecoverySession(
            date=day,
            kind=str(kind),
            started_at=started_at or pendulum.now("UTC"),
            status=SessionStatus.COMPLETED,
            elapsed_s=duration_s,
            note=note or None,
        )
        return self.start_session(session)

    def untick_recovery(self, day: date, kind: RecoveryKind | str) -> None:
        self._table("recovery_sessions").delete_where(
            "date = ? AND kind = ? AND status = ?",
            [_iso(day), str(kind), SessionStatus.COMPLETED.value],
        )
        self._changed()

    # Timer presets

    def presets(self) -> list[Preset]:
        rows = self._table("timer_presets").rows_where(order_by="position, name")
        return [preset_from_dict(json.loads(row["data"])) for row in rows]

    def save_preset(self, preset: Preset, replacing: str | None = None) -> None:
        table = self._table("timer_presets")
        with self.transaction():
            position = None
            if replacing is not None:
                for row in table.rows_where("name = ?", [replacing]):
                    position = row["position"]
                table.delete_where("name = ?", [replacing])
            if position is None:
                for row in table.rows_where("name = ?", [preset.name]):
                    position = row["position"]
            if position is None:
                position = 1 + max((row["position"] for row in table.rows), default=0)
            table.upsert(
                {
                    "name": preset.name,
                    "position": position,
                    "data": json.dumps(preset_to_dict(preset)),
                },
                pk="name",
            )
        self._changed()

    def delete_preset(self, name: str) -> None:
        self._table("timer_presets").delete_where("name = ?", [name])
        self._changed()

    # Nutrition

    def nutrition_items(self, include_archived: bool = False) -> list[NutritionItem]:
        where = None if include_archived else "archived = 0"
        return [
            NutritionItem(row["id"], row["name"], row["position"], bool(row["archived"]))
            for row in self._table("nutrition_items").rows_where(where, order_by="position, id")
        ]

    def add_nutrition_item(self, name: str) -> NutritionItem:
        name = clean_item_name(name)
        table = self._table("nutrition_items")
        if table.count_where("name = ?", [name]):
            raise ValueError(f"There is already an item called {name!r}")
        position = 1 + max((item.position for item in self.nutrition_items(True)), default=0)
        table.insert({"name": name, "position": position, "archived": 0})
        self._changed()
        return NutritionItem(int(table.last_pk or 0), name, position)

    def rename_nutrition_item(self, item_id: int, name: str) -> None:
        name = clean_item_name(name)
        table = self._table("nutrition_items")
        if table.count_where("name = ? AND id != ?", [name, item_id]):
            raise ValueError(f"There is already an item called {name!r}")
        table.update(item_id, {"name": name})
        self._changed()

    def archive_nutrition_item(self, item_id: int, archived: bool = True) -> None:
        self._table("nutrition_items").update(item_id, {"archived": int(archived)})
        self._changed()

    def move_nutrition_item(self, item_id: int, offset: int) -> None:
        """Move an active item up (negative) or down among the active items."""
        items = self.nutrition_items()
        ids = [item.id for item in items]
        if item_id not in ids:
            return
        index = ids.index(item_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        table = self._table("nutrition_items")
        with self.transaction():
            for position, each in enumerate(ids, start=1):
                table.update(each, {"position": position})
        self._changed()

    def restore_nutrition_items(self, items: Sequence[tuple[str, bool]]) -> bool:
        """Make the checklist ``items`` (name, archived), in that order (used by import).

        Items are matched by name, keeping their id and history; new names are
        added. Items not listed are removed when never ticked, else archived and
        put after the listed ones. Returns whether anything changed.
        """
        table = self._table("nutrition_items")
        before = self.nutrition_items(include_archived=True)
        by_name = {item.name: item for item in before}
        listed = {name for name, _ in items}
        ticked = {
            row[0] for row in self.db.execute("SELECT DISTINCT item_id FROM nutrition_checks")
        }
        wanted: list[tuple[int | None, str, bool]] = [
            (by_name[name].id if name in by_name else None, name, archived)
            for name, archived in items
        ]
        for item in before:
            if item.name not in listed and item.id in ticked:
                wanted.append((item.id, item.name, True))
        with self.transaction():
            for item in before:
                if item.name not in listed and item.id not in ticked:
                    table.delete(item.id)
            for position, (item_id, name, archived) in enumerate(wanted, start=1):
                values = {"name": name, "position": position, "archived": int(archived)}
                if item_id is None:
                    table.insert(values)
                else:
                    table.update(item_id, values)
        changed = self.nutrition_items(include_archived=True) != before
        if changed:
            self._changed()
        return changed

    def nutrition_checks(self, start: date, end: date) -> dict[date, set[int]]:
        checks: dict[date, set[int]] = {}
        for row in self._table("nutrition_checks").rows_where(
            "date >= ? AND date <= ?", [_iso(start), _iso(end)]
        ):
            checks.setdefault(_day(row["date"]), set()).add(row["item_id"])
        return checks

    def set_nutrition_check(self, day: date, item_id: int, checked: bool) -> None:
        table = self._table("nutrition_checks")
        if checked:
            table.insert(
                {"date": _iso(day), "item_id": item_id}, pk=("date", "item_id"), ignore=True
            )
        else:
            table.delete_where("date = ? AND item_id = ?", [_iso(day), item_id])
        self._changed()

    def add_nutrition_checks(self, checks: Sequence[tuple[date, int]]) -> None:
        """Tick many (date, item id) pairs at once; ones already ticked stay as they are."""
        if not checks:
            return
        with self.transaction():
            self._table("nutrition_checks").insert_all(
                ({"date": _iso(day), "item_id": item_id} for day, item_id in checks),
                pk=("date", "item_id"),
                ignore=True,
            )
        self._changed()

    def toggle_nutrition_check(self, day: date, item_id: int) -> bool:
        checked = item_id not in self.nutrition_checks(day, day).get(day, set())
        self.set_nutrition_check(day, item_id, checked)
        return checked

    # Check-ins

    def check_in(self, day: date) -> None:
        self._table("checkins").upsert(
            {"date": _iso(day), "at": _utc(pendulum.now("UTC"))}, pk="date"
        )
        self._changed()

    def add_checkins(self, days: Sequence[date]) -> None:
        """Check many days in at once; days already checked in keep their time."""
        if not days:
            return
        now = _utc(pendulum.now("UTC"))
        with self.transaction():
            self._table("checkins").insert_all(
                ({"date": _iso(day), "at": now} for day in days), pk="date", ignore=True
            )
        self._changed()

    def undo_check_in(self, day: date) -> None:
        self._table("checkins").delete_where("date = ?", [_iso(day)])
        self._changed()

    def is_checked_in(self, day: date) -> bool:
        return bool(self._table("checkins").count_where("date = ?", [_iso(day)]))

    def checkins(self, start: date | None = None, end: date | None = None) -> set[pendulum.Date]:
        where, args = None, []
        if start is not None and end is not None:
            where, args = "date >= ? AND date <= ?", [_iso(start), _iso(end)]
        return {_day(row["date"]) for row in self._table("checkins").rows_where(where, args)}

    def first_day(self) -> pendulum.Date | None:
        """The first day anything was logged or checked in."""
        row = self.db.execute(
            "SELECT min(d) FROM (SELECT min(date) AS d FROM activities "
            "UNION ALL SELECT min(date) FROM checkins)"
        ).fetchone()
        return _day(row[0]) if row and row[0] else None
