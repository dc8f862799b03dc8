"""The evening check-in: what Today shows and every change made from it.

:class:`CheckinService` reads one :class:`TodayReport` for the Today screen and
writes the evening's work: runs, ticks, check-ins (with how the day felt) and
the backfill of missed evenings. Every figure comes from the domain (the rest
outlook, missed evenings, the tick rule) and the stats report, so Today agrees
with Week, Stats and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.data.snapshots import Rows
from tracker.data.store import Store
from tracker.domain.activity import Activity
from tracker.domain.checkin import (
    RestOutlook,
    missed_evenings,
    missed_window_start,
    rest_outlook,
    run_on_rest_day,
)
from tracker.domain.clock import Clock
from tracker.domain.nutrition import NutritionItem
from tracker.domain.plan import PlanDay, is_past
from tracker.domain.recovery import (
    PRESET_KEY_PREFIX,
    RecoveryKind,
    RecoverySession,
    checklist_key,
    checklist_label,
    ticked_items,
)
from tracker.domain.units import format_distance
from tracker.domain.wellness import Wellness
from tracker.services.reports import StatsReport, stats_report
from tracker.services.undo import UndoLog


@dataclass(frozen=True, slots=True)
class RecoveryItem:
    """One line of the recovery checklist: ticked when ``sessions`` (completed) exist."""

    key: str
    label: str
    sessions: tuple[RecoverySession, ...] = ()

    @property
    def done(self) -> bool:
        return bool(self.sessions)

    @property
    def kind(self) -> RecoveryKind | None:
        """The built-in kind of this item; None for a custom preset's item."""
        return None if self.key.startswith(PRESET_KEY_PREFIX) else RecoveryKind(self.key)


@dataclass(frozen=True, slots=True)
class TodayReport:
    """Everything the Today screen shows for ``day``."""

    day: date
    units: str
    temperature: str
    plan: PlanDay
    runs: tuple[Activity, ...]
    checked_in: bool
    missed: tuple[date, ...]
    outlook: RestOutlook
    tomorrow: PlanDay
    recovery: tuple[RecoveryItem, ...]
    nutrition: tuple[NutritionItem, ...]
    nutrition_ticked: frozenset[int]
    stats: StatsReport
    wellness: Wellness | None = None

    @property
    def nutrition_done(self) -> int:
        return sum(1 for item in self.nutrition if item.id in self.nutrition_ticked)


@dataclass(frozen=True, slots=True)
class MissedDay:
    """A missed evening, as the backfill asks about it."""

    day: date
    plan: PlanDay | None
    """None when the day's week is over and was never planned."""
    activities: tuple[Activity, ...]


def recovery_items(sessions: Sequence[RecoverySession]) -> tuple[RecoveryItem, ...]:
    """The recovery checklist of a day: the five built-in items, then each custom
    preset completed that day, under its own name."""
    ticked = ticked_items(sessions)
    items = [
        RecoveryItem(kind.value, kind.label, tuple(ticked.get(kind.value, ())))
        for kind in RecoveryKind
    ]
    items += [
        RecoveryItem(key, checklist_label(key), tuple(done))
        for key, done in ticked.items()
        if key.startswith(PRESET_KEY_PREFIX)
    ]
    return tuple(items)


class CheckinService:
    """The use cases of the evening check-in, on one store and clock."""

    def __init__(self, store: Store, clock: Clock, undo: UndoLog | None = None) -> None:
        self.store = store
        self.clock = clock
        self.undo = undo if undo is not None else UndoLog(store)

    # Reading

    def missed(self, today: date) -> list[date]:
        """The missed evenings of the last four weeks (no activity, no check-in), oldest first."""
        store = self.store
        start = store.history_start()
        if start is None:
            return []
        first = missed_window_start(start, today)
        return missed_evenings(
            start,
            today,
            store.checkins(first, today),
            {activity.date for activity in store.activities_between(first, today)},
        )

    def today(self, day: date) -> TodayReport:
        store = self.store
        settings = store.settings()
        plan = store.week_plan(day)
        week = plan.week
        checked_in = store.is_checked_in(day)
        week_activities = store.activities_between(week.start, week.end)
        outlook = rest_outlook(
            plan,
            {activity.date for activity in week_activities},
            day,
            checked_in,
            store.excused_weeks().get(week.start),
            start=store.history_start(),
        )
        tomorrow = day + timedelta(days=1)
        items = store.nutrition_items()
        return TodayReport(
            day=day,
            units=settings.units,
            temperature=settings.temperature,
            plan=plan.day(day),
            runs=tuple(activity for activity in week_activities if activity.date == day),
            checked_in=checked_in,
            missed=tuple(self.missed(day)),
            outlook=outlook,
            tomorrow=store.week_plan(tomorrow).day(tomorrow),
            recovery=recovery_items(store.sessions_between(day, day)),
            nutrition=tuple(items),
            nutrition_ticked=frozenset(store.nutrition_checks(day, day).get(day, set())),
            stats=stats_report(store, day),
            wellness=store.wellness_on(day),
        )

    def planned_day(self, day: date) -> PlanDay | None:
        """What ``day`` is planned as; None when its week is over and was never planned."""
        plan = self.store.week_plan(day)
        return plan.day(day) if plan.is_planned(day, self.clock.today()) else None

    def run_prefill(self, day: date) -> PlanDay | None:
        """The plan a new run on ``day`` starts from: none once the day holds an
        activity (one enter must not log the planned run twice) or has no plan."""
        if self.store.activities_on(day):
            return None
        return self.planned_day(day)

    def missed_day(self, day: date) -> MissedDay:
        return MissedDay(day, self.planned_day(day), tuple(self.store.activities_on(day)))

    def units(self) -> str:
        return self.store.settings().units

    # Runs

    def _keep_week(self, day: date) -> None:
        """A run, a tick or a check-in stores the template's proposal for a week that
        is not over (a past week never planned stays "not planned")."""
        if not is_past(self.store.week(day), self.clock.today()):
            self.store.keep_week(day)

    def _week_rows(self, day: date) -> Rows:
        """The stored plan of ``day``'s week, as it is: what :meth:`_keep_week` may fill."""
        week = self.store.week(day)
        return self.store.rows_of_plan(week.start, week.end)

    def _said(self, activity: Activity) -> str:
        distance = format_distance(activity.distance_m, self.store.settings().units)
        return f"{activity.kind.label.lower()} {distance} on {activity.date:%a %-d %b}"

    def save_run(self, activity: Activity) -> Activity:
        """Log a new run, or save the changes to a stored one (its date too)."""
        before = [self._week_rows(activity.date)]
        if activity.id is not None:
            before.append(self.store.rows_of_activity(activity.id))
        with self.store.transaction():
            self._keep_week(activity.date)
            if activity.id is None:
                saved = self.store.add_activity(activity)
                assert saved.id is not None
                before.append(self.store.rows_of_activity(saved.id).gone())
            else:
                saved = self.store.update_activity(activity)
        what = "logging" if activity.id is None else "editing"
        self.undo.record(f"{what} {self._said(saved)}", before)
        return saved

    def rest_day_notice(self, activity: Activity) -> str | None:
        """What to tell the runner when ``activity`` fell on a day planned as rest."""
        plan = self.planned_day(activity.date)
        return None if plan is None else run_on_rest_day(plan, self.clock.today())

    def delete_run(self, activity_id: int) -> None:
        before = self.store.rows_of_activity(activity_id)
        deleted = self.store.activity(activity_id)
        self.store.delete_activity(activity_id)
        if deleted is not None:
            self.undo.record(f"deleting {self._said(deleted)}", [before])

    # Checking in

    def is_checked_in(self, day: date) -> bool:
        return self.store.is_checked_in(day)

    def check_in(self, day: date, wellness: Wellness | None = None) -> None:
        """Check ``day`` in; with ``wellness``, store it as how the day felt (an
        empty entry removes the day's)."""
        before = [
            self._week_rows(day),
            self.store.rows_of_checkin(day),
            self.store.rows_of_wellness(day),
        ]
        with self.undo.change(f"checking in {day:%a %-d %b}", before), self.store.transaction():
            self._keep_week(day)
            if wellness is not None:
                self.store.save_wellness(wellness)
            self.store.check_in(day)

    def wellness_on(self, day: date) -> Wellness | None:
        return self.store.wellness_on(day)

    def undo_check_in(self, day: date) -> None:
        before = [self.store.rows_of_checkin(day)]
        with self.undo.change(f"removing the check-in of {day:%a %-d %b}", before):
            self.store.undo_check_in(day)

    # Checklists

    def set_nutrition(self, day: date, item_id: int, ticked: bool) -> None:
        before = [self._week_rows(day), self.store.rows_of_nutrition_check(day, item_id)]
        name = next((i.name for i in self.store.nutrition_items(True) if i.id == item_id), "")
        what = f"{'ticking' if ticked else 'unticking'} {name}"
        with self.undo.change(what, before), self.store.transaction():
            self._keep_week(day)
            self.store.set_nutrition_check(day, item_id, ticked)

    def tick_recovery(
        self, day: date, kind: RecoveryKind, duration_s: int | None = None, note: str | None = None
    ) -> RecoverySession:
        """Tick a recovery item by hand (massage, or a session not timed here)."""
        before = [self._week_rows(day)]
        with self.store.transaction():
            self._keep_week(day)
            session = self.store.log_recovery(
                day, kind, duration_s, note, started_at=self.clock.now()
            )
        if session.id is not None:
            before.append(self.store.rows_of_sessions([session.id]).gone())
        self.undo.record(f"ticking {kind.label.lower()}", before)
        return session

    def ticking_sessions(self, day: date, key: str) -> list[RecoverySession]:
        """The completed sessions of ``day`` that tick the item ``key``."""
        return [s for s in self.store.sessions_between(day, day) if checklist_key(s) == key]

    def untick_recovery(self, day: date, key: str) -> None:
        """Untick an item: remove the day's sessions that tick it."""
        ids = [s.id for s in self.ticking_sessions(day, key) if s.id is not None]
        before = [self.store.rows_of_sessions(ids)]
        with self.undo.change(f"unticking {checklist_label(key).lower()}", before):
            self.store.delete_sessions(ids)
