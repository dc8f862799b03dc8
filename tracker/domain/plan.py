"""The weekly plan and the rest-day rule.

This is the one place the rule lives: the TUI, the CLI and the importer all
change plans through :class:`WeekPlan`, which refuses any change that would leave
a week with no rest day or with more than two (an excused week may hold more),
and every other count of rest days is judged by :func:`rule_problem`. The rule's
messages name no key: the TUI adds its own hint. See docs/counting.md for how
weeks are counted.

Reading a week never writes it: a week never planned is read as the template's
*proposal* (:attr:`WeekPlan.proposed` names those days). A proposal is stored the
first time the week is changed, ticked or checked in while it is current or
future; a past week never planned stays "not planned".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from tracker.domain.dates import Week
from tracker.domain.kinds import DayKind
from tracker.domain.text import plural

MIN_REST_DAYS = 1
MAX_REST_DAYS = 2

RULE_RANGE = f"{MIN_REST_DAYS}–{MAX_REST_DAYS}"
"""How the rule is written in text: ``1–2`` rest days a week."""

TOO_FEW_REST = "A week needs at least one rest day — move it instead"
TOO_MANY_REST = "At most two rest days a week — make another day a run first"

DEFAULT_TEMPLATE: tuple[DayKind, ...] = (
    DayKind.REST,
    DayKind.EASY,
    DayKind.WORKOUT,
    DayKind.EASY,
    DayKind.EASY,
    DayKind.LONG,
    DayKind.EASY,
)


class RuleViolation(ValueError):
    """A change refused because the week would break the rest-day rule."""


def rule_problem(rest_days: int, excused: bool = False) -> str | None:
    """The rule's message for a week with ``rest_days`` planned, None when it keeps it.

    An excused week is exempt from the upper bound (an injured runner may plan a
    whole week of rest); it still needs one rest day.
    """
    if rest_days < MIN_REST_DAYS:
        return TOO_FEW_REST
    if rest_days > MAX_REST_DAYS and not excused:
        return TOO_MANY_REST
    return None


def keeps_rule(rest_days: int) -> bool:
    """Whether a week holding ``rest_days`` rest days keeps the rule."""
    return rule_problem(rest_days) is None


def count_rest(kinds: Iterable[DayKind]) -> int:
    return sum(1 for kind in kinds if kind is DayKind.REST)


def check_rest_days(kinds: Iterable[DayKind]) -> None:
    """Raise :class:`RuleViolation` unless ``kinds`` hold one or two rest days."""
    problem = rule_problem(count_rest(kinds))
    if problem:
        raise RuleViolation(problem)


def check_template(kinds: Sequence[DayKind]) -> tuple[DayKind, ...]:
    """A week template is seven kinds, from the week's first day, obeying the rule."""
    if len(kinds) != 7:
        raise RuleViolation(f"A week template needs 7 days, not {len(kinds)}")
    check_rest_days(kinds)
    return tuple(kinds)


@dataclass(frozen=True, slots=True)
class PlanDay:
    date: date
    kind: DayKind
    target_m: int | None = None
    note: str | None = None


def is_past(week: Week, today: date) -> bool:
    """Whether ``week`` is over: its last day is before ``today``."""
    return week.end < today


@dataclass(frozen=True, slots=True)
class WeekPlan:
    """Seven planned days.

    Every change made through this class keeps the rest-day rule. A stored week
    can still hold a broken plan (its days were planned under another
    ``week_start``); it is shown as it is, and a change is refused only when it
    would leave the week further from the rule than it was.

    ``proposed`` are the days read from the template because they were never
    stored; a changed plan is stored whole, so it proposes nothing. ``excused``
    weeks may plan more than two rest days.
    """

    week: Week
    days: tuple[PlanDay, ...]
    proposed: frozenset[date] = frozenset()
    excused: bool = False

    def __post_init__(self) -> None:
        if len(self.days) != 7 or [d.date for d in self.days] != list(self.week.days):
            raise ValueError("a week plan holds exactly the seven days of its week")

    @classmethod
    def from_template(cls, week: Week, template: Sequence[DayKind]) -> WeekPlan:
        return cls(
            week, tuple(PlanDay(day, kind) for day, kind in zip(week.days, template, strict=True))
        )

    @property
    def kinds(self) -> tuple[DayKind, ...]:
        return tuple(day.kind for day in self.days)

    @property
    def rest_days(self) -> int:
        return count_rest(self.kinds)

    @property
    def rule_problem(self) -> str | None:
        return rule_problem(self.rest_days, self.excused)

    def not_planned(self, today: date) -> frozenset[date]:
        """The days that were never planned and never will be: the proposals of a past week."""
        return self.proposed if is_past(self.week, today) else frozenset()

    def is_planned(self, on: date, today: date) -> bool:
        """Whether ``on`` shows a plan (stored, or the template's proposal for a week not over)."""
        return on not in self.not_planned(today)

    @property
    def planned_m(self) -> int:
        """Planned distance; a rest day's old target is kept but never counts."""
        return sum(day.target_m or 0 for day in self.days if day.kind is not DayKind.REST)

    def day(self, on: date) -> PlanDay:
        if on not in self.week:
            raise ValueError(f"{on} is not in the week of {self.week.start}")
        return self.days[self.week.index_of(on)]

    def _replaced(self, new: PlanDay) -> WeekPlan:
        days = list(self.days)
        days[self.week.index_of(new.date)] = new
        return WeekPlan(self.week, tuple(days), excused=self.excused)

    def _with_day(self, new: PlanDay) -> WeekPlan:
        if new.kind is DayKind.REST:
            new = replace(new, target_m=None)  # a rest day has no distance to aim for
        changed = self._replaced(new)
        before, after = self.rest_days, changed.rest_days
        if after < MIN_REST_DAYS and after < before:
            raise RuleViolation(TOO_FEW_REST)
        if after > MAX_REST_DAYS and after > before and not self.excused:
            raise RuleViolation(TOO_MANY_REST)
        return changed

    def with_kind(self, on: date, kind: DayKind) -> WeekPlan:
        """The plan with ``on`` set to ``kind`` (a rest day loses its target);
        raises :class:`RuleViolation`."""
        return self._with_day(replace(self.day(on), kind=kind))

    def with_day(self, on: date, kind: DayKind, target_m: int | None, note: str | None) -> WeekPlan:
        if target_m is not None and target_m < 0:
            raise ValueError("a target distance cannot be negative")
        return self._with_day(PlanDay(on, kind, target_m, note or None))

    def stored_whole(self) -> WeekPlan:
        """The same plan with nothing proposed: what it is once stored."""
        return replace(self, proposed=frozenset())

    def with_rest_moved(self, source: date, target: date) -> WeekPlan:
        """Swap two days of this week: the kind moves with its target and note (a run
        keeps its distance, the rest day stays without one); always keeps the rule."""
        first, second = self.day(source), self.day(target)
        swapped = self._replaced(replace(second, date=first.date))
        return swapped._replaced(replace(first, date=second.date))


def fill_week(
    week: Week,
    stored: Mapping[date, PlanDay],
    template: Sequence[DayKind],
    targets: Sequence[int | None] | None = None,
    excused: bool = False,
) -> tuple[WeekPlan, tuple[date, ...]]:
    """The plan of ``week``: its stored days, the template (with its ``targets``)
    proposing the rest.

    Returns the plan and the days the template filled (the days never planned,
    also its :attr:`WeekPlan.proposed`). Every reader of a week (the calendar, a
    change, an import's rule check) fills it this one way.
    """
    aims = list(targets or ()) + [None] * 7
    proposal = tuple(
        PlanDay(day, kind, aims[index] if kind is not DayKind.REST else None)
        for index, (day, kind) in enumerate(zip(week.days, template, strict=True))
    )
    unfilled = tuple(day for day in week.days if day not in stored)
    plan = WeekPlan(
        week,
        tuple(stored.get(day.date, day) for day in proposal),
        proposed=frozenset(unfilled),
        excused=excused,
    )
    return plan, unfilled


def unexcuse_problem(plan: WeekPlan, today: date) -> str | None:
    """Why ``plan``'s week cannot count again yet: it plans more rest than the rule
    allows and is not over. None when it can."""
    if is_past(plan.week, today) or plan.rest_days <= MAX_REST_DAYS:
        return None
    extra = plan.rest_days - MAX_REST_DAYS
    return (
        f"The week plans {plan.rest_days} rest days: make {extra} of them "
        f"{'a run' if extra == 1 else 'runs'} before it counts again"
    )


def week_start_problem(
    stored: Mapping[date, PlanDay],
    excused_starts: Collection[date],
    new_start: Callable[[date], Week],
    today: date,
) -> str | None:
    """Why the week start cannot change to the one of ``new_start`` (a day → its
    week): the first planned week ending today or later that would break the rule
    under the new boundaries. None when none would.

    A week is judged on its planned (stored) days: more than two planned rest days
    break it (unless it is excused), and so does none at all once all seven are
    planned. A week only partly planned under the new boundaries proposes its
    other days from the template, as any week never planned does.
    """
    weeks: dict[date, list[PlanDay]] = {}
    for day, planned in stored.items():
        week = new_start(day)
        if not is_past(week, today):
            weeks.setdefault(week.start, []).append(planned)
    for start in sorted(weeks):
        days = weeks[start]
        rest = count_rest(d.kind for d in days)
        too_many = rest > MAX_REST_DAYS and start not in excused_starts
        if too_many or (len(days) == 7 and rest < MIN_REST_DAYS):
            return (
                f"The week of {start:%a %-d %b %Y} would hold {plural(rest, 'rest day')} with the "
                f"new week start (the rule allows {RULE_RANGE}): change its plan first"
            )
    return None


@dataclass(frozen=True, slots=True)
class PlanWarning:
    """A soft warning: shown, never blocking."""

    code: str
    date: date
    message: str


def plan_warnings(days: Sequence[PlanDay]) -> list[PlanWarning]:
    """Back-to-back hard days and a long run not followed by an easy or rest day.

    ``days`` are consecutive; pass a day beyond the week to check across its end.
    """
    warnings: list[PlanWarning] = []
    for today, tomorrow in pairwise(days):
        if tomorrow.date - today.date != timedelta(days=1):
            continue
        if today.kind.is_hard and tomorrow.kind.is_hard:
            warnings.append(
                PlanWarning(
                    "hard_back_to_back",
                    tomorrow.date,
                    f"Two hard days back to back: {today.kind.label} "
                    f"{today.date:%a} then {tomorrow.kind.label} {tomorrow.date:%a}",
                )
            )
        if today.kind is DayKind.LONG and tomorrow.kind not in (DayKind.EASY, DayKind.REST):
            warnings.append(
                PlanWarning(
                    "no_recovery_after_long",
                    tomorrow.date,
                    f"No easy or rest day after the long run on {today.date:%a}",
                )
            )
    return warnings


def days_since_rest_warning(days_since_rest: int | None, today: date) -> PlanWarning | None:
    if days_since_rest is not None and days_since_rest > 6:
        return PlanWarning(
            "no_recent_rest",
            today,
            f"{days_since_rest} days since your last rest day — take one soon",
        )
    return None
