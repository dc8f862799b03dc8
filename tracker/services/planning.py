"""Planning the week: what the Week screen and ``recovtui plan`` show and change.

Every change goes through the store's one read-modify-write of a week, so the
rest-day rule (:mod:`tracker.domain.plan`) refuses it the same way from every
screen and command, and two processes changing one week lose nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.data.store import Store
from tracker.domain.calendar import CalendarDay
from tracker.domain.checkin import RestOutlook, rest_outlook
from tracker.domain.clock import Clock
from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.load import (
    SPIKE_WINDOW_DAYS,
    daily_distance,
    longest_runs,
    tomorrow_cap,
    week_ramp_pct,
    weekly_distance,
)
from tracker.domain.nutrition import completion
from tracker.domain.plan import (
    PlanDay,
    PlanWarning,
    RuleViolation,
    WeekPlan,
    plan_warnings,
    unexcuse_problem,
)
from tracker.domain.recovery import checklist_key
from tracker.domain.streaks import in_history, rest_days_of
from tracker.services.undo import UndoLog


@dataclass(frozen=True, slots=True)
class WeekReport:
    """Everything the Week screen shows for one week."""

    plan: WeekPlan
    days: tuple[CalendarDay, ...]
    today: date
    units: str
    done_m: int
    ramp_pct: float | None
    """This week on the week before; only once the week is over."""
    outlook: RestOutlook | None
    """What the rule still needs; only for the current week."""
    excused: str | None
    warnings: tuple[PlanWarning, ...]
    taken: tuple[date, ...] = ()
    """The actual rest days of the week so far."""
    before_history: bool = False
    """The week began before the history: it is no rule week."""
    tomorrow_cap_m: int | None = None
    """Tomorrow's cap (1.10 × the longest run of the last 30 days), when tomorrow is in
    this week or starts the next."""

    @property
    def week(self) -> Week:
        return self.plan.week

    @property
    def is_current(self) -> bool:
        return self.today in self.plan.week

    @property
    def started(self) -> bool:
        """The week has begun: there is something done to show."""
        return self.plan.week.start <= self.today

    @property
    def not_planned(self) -> frozenset[date]:
        return self.plan.not_planned(self.today)

    @property
    def planned(self) -> bool:
        """Any day of the week shows a plan (a past week never planned does not)."""
        return len(self.not_planned) < 7

    def day(self, on: date) -> CalendarDay:
        return self.days[self.plan.week.index_of(on)]


class PlanningService:
    """The use cases of the week planner, on one store and clock."""

    def __init__(self, store: Store, clock: Clock, undo: UndoLog | None = None) -> None:
        self.store = store
        self.clock = clock
        self.undo = undo if undo is not None else UndoLog(store)

    def week_of(self, day: date) -> Week:
        return self.store.week(day)

    def planned_day(self, day: date) -> PlanDay:
        """What ``day`` is planned as (the template's proposal if never planned)."""
        return self.store.planned_day(day)

    def week(self, day: date, today: date) -> WeekReport:
        """The week holding ``day``, as seen on ``today``. Reads only."""
        store = self.store
        settings = store.settings()
        plan = store.week_plan(day)
        week = plan.week
        before = week.shifted(-1)
        activities = store.activities_between(before.start, week.end)
        sessions = store.sessions_between(week.start, week.end)
        checks = store.nutrition_checks(week.start, week.end)
        items = store.nutrition_items()
        excused = store.excused_weeks().get(week.start)
        start = store.history_start()
        active = {a.date for a in activities}
        checked_in = store.is_checked_in(today)
        taken = rest_days_of(active, week, today, checked_in, start=start)
        not_planned = plan.not_planned(today)
        days = tuple(
            CalendarDay(
                plan=planned,
                activities=tuple(a for a in activities if a.date == planned.date),
                recovery=frozenset(
                    key
                    for s in sessions
                    if s.date == planned.date and (key := checklist_key(s)) is not None
                ),
                nutrition=completion(items, checks.get(planned.date, set())),
                is_today=planned.date == today,
                is_past=planned.date < today,
                planned=planned.date not in not_planned,
                proposed=planned.date in plan.proposed and planned.date not in not_planned,
                rested=planned.date in taken,
                known=in_history(planned.date, start) or planned.date > today,
            )
            for planned in plan.days
        )
        daily = daily_distance(activities)
        outlook = None
        if today in week:
            outlook = rest_outlook(plan, active, today, checked_in, excused, start=start)
        following = store.planned_day(week.end + timedelta(days=1))
        shown = [d for d in (*plan.days, following) if d.date not in not_planned]
        return WeekReport(
            plan=plan,
            days=days,
            today=today,
            units=settings.units,
            done_m=weekly_distance(daily, week),
            ramp_pct=week_ramp_pct(daily, week) if week.end < today else None,
            outlook=outlook,
            excused=excused,
            warnings=tuple(plan_warnings(shown)),
            taken=taken,
            before_history=not in_history(week.start, start),
            tomorrow_cap_m=self._cap(week, today),
        )

    def _cap(self, week: Week, today: date) -> int | None:
        """Tomorrow's cap when the week holds today (docs/counting.md)."""
        if today not in week:
            return None
        recent = self.store.activities_between(today - timedelta(days=SPIKE_WINDOW_DAYS - 1), today)
        return tomorrow_cap(longest_runs(recent), today)

    def week_plan(self, day: date) -> WeekPlan:
        """The plan of ``day``'s week (proposals included); reads only."""
        return self.store.week_plan(day)

    # Changes (each raises RuleViolation, and changes nothing, when the rule refuses it)

    def _open_to_change(self, day: date) -> None:
        """A past week never planned stays so: refuse to back-fill it from the template."""
        plan = self.store.week_plan(day)
        if plan.not_planned(self.clock.today()):
            raise RuleViolation(
                f"The week of {plan.week.start:%-d %b} is over and was never planned: "
                "it stays as it was"
            )

    def _plan_change(self, day: date, what: str) -> contextlib.AbstractContextManager[None]:
        """Record ``what`` for undo, with ``day``'s week as stored before it."""
        week = self.store.week(day)
        return self.undo.change(what, [self.store.rows_of_plan(week.start, week.end)])

    def set_kind(self, day: date, kind: DayKind) -> WeekPlan:
        self._open_to_change(day)
        with self._plan_change(day, f"planning {day:%a %-d %b} as {kind.label.lower()}"):
            return self.store.set_kind(day, kind)

    def set_day(self, day: date, kind: DayKind, target_m: int | None, note: str | None) -> WeekPlan:
        self._open_to_change(day)
        with self._plan_change(day, f"editing the plan of {day:%a %-d %b}"):
            return self.store.set_day(day, kind, target_m, note)

    def move_rest(self, source: date, target: date) -> WeekPlan:
        self._open_to_change(source)
        with self._plan_change(source, f"swapping {source:%a} and {target:%a}"):
            return self.store.move_rest(source, target)

    def excused_reason(self, week: Week) -> str | None:
        return self.store.excused_weeks().get(week.start)

    def excuse(self, week: Week, reason: str) -> None:
        before = [self.store.rows_of_excuse(week.start)]
        with self.undo.change(f"excusing the week of {week.start:%-d %b}", before):
            self.store.excuse_week(week.start, reason)

    def unexcuse(self, week: Week) -> None:
        """Make the week count again; RuleViolation when it plans more rest than the
        rule allows and is not over (an excused week may; a counted one may not)."""
        problem = unexcuse_problem(self.store.week_plan(week.start), self.clock.today())
        if problem is not None:
            raise RuleViolation(problem)
        before = [self.store.rows_of_excuse(week.start)]
        with self.undo.change(f"counting the week of {week.start:%-d %b} again", before):
            self.store.unexcuse_week(week.start)
