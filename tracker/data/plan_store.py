"""The plan: planned days, changes under the rest-day rule, excused weeks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from tracker.data.rows import (
    between,
    iso,
    parse_day,
)
from tracker.data.store_base import StoreBase
from tracker.domain.dates import Week, week_of
from tracker.domain.kinds import DayKind
from tracker.domain.plan import PlanDay, WeekPlan, fill_week


class PlanStore(StoreBase):
    # The plan

    def week(self, day: date) -> Week:
        return week_of(day, self.settings().week_start)

    def _stored_days(self, start: date | None, end: date | None) -> dict[date, PlanDay]:
        rows = self._rows("plan_days", *between(start, end), order_by="date")
        return {
            (day := parse_day(row["date"])): PlanDay(
                day, DayKind(row["kind"]), row["target_m"], row["note"]
            )
            for row in rows
        }

    def plan_days(self, start: date | None = None, end: date | None = None) -> dict[date, PlanDay]:
        """Planned days stored between two dates, every one when None (weeks never
        planned have none)."""
        return self._stored_days(start, end)

    def week_plan(self, day: date) -> WeekPlan:
        """The plan of the week holding ``day``: its stored days, the template proposing
        the days never planned (listed in ``proposed``). Reading never writes."""
        week = self.week(day)
        settings = self.settings()
        return fill_week(
            week,
            self._stored_days(week.start, week.end),
            settings.template,
            settings.template_targets,
            excused=week.start in self.excused_weeks(),
        )[0]

    def planned_day(self, day: date) -> PlanDay:
        """What ``day`` is planned as, the template's proposal if never planned; no write."""
        return self.week_plan(day).day(day)

    def keep_week(self, day: date) -> None:
        """Store the template's proposal for the days of ``day``'s week never planned
        (a tick or a check-in makes the week's plan part of the record)."""
        with self.transaction():
            plan = self.week_plan(day)
            if plan.proposed:
                self._write_plan(plan, only=sorted(plan.proposed))

    def _write_plan(self, plan: WeekPlan, only: Sequence[date] | None = None) -> None:
        self.replace_plan(d for d in plan.days if only is None or d.date in only)

    def _change_week(self, day: date, change: Callable[[WeekPlan], WeekPlan]) -> WeekPlan:
        """Read the week, change it, write it: one write transaction, so two processes
        changing the same week at once lose nothing. ``change`` raises RuleViolation
        (and nothing is written) when the week would break the rule."""
        with self.transaction():
            plan = change(self.week_plan(day)).stored_whole()
            self._write_plan(plan)
        return plan

    def set_kind(self, day: date, kind: DayKind) -> WeekPlan:
        """Raises RuleViolation (and writes nothing) when the week would break the rule."""
        return self._change_week(day, lambda plan: plan.with_kind(day, kind))

    def set_day(self, day: date, kind: DayKind, target_m: int | None, note: str | None) -> WeekPlan:
        return self._change_week(day, lambda plan: plan.with_day(day, kind, target_m, note))

    def move_rest(self, source: date, target: date) -> WeekPlan:
        return self._change_week(source, lambda plan: plan.with_rest_moved(source, target))

    def replace_plan(self, days: Iterable[PlanDay]) -> None:
        """Store planned days as given (the importer checks the rule first)."""
        with self.transaction():
            self._table("plan_days").upsert_all(
                (
                    {
                        "date": iso(d.date),
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
            parse_day(row["week_start"]): row["reason"]
            for row in self._rows("excused_weeks", order_by="week_start")
        }

    def excuse_week(self, week_start: date, reason: str) -> None:
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("Say why the week is excused (illness, injury, travel, taper…)")
        self._table("excused_weeks").upsert(
            {"week_start": iso(week_start), "reason": reason}, pk="week_start"
        )
        self._changed()

    def unexcuse_week(self, week_start: date) -> None:
        self._table("excused_weeks").delete_where("week_start = ?", [iso(week_start)])
        self._changed()
