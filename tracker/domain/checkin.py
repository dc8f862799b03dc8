"""The evening check-in: missed evenings and what the rule still needs this week.

Pure functions over dates and domain objects; the check-in service calls them
for the Today screen, the Week header and the command line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tracker.domain.dates import WEEKDAYS
from tracker.domain.kinds import DayKind
from tracker.domain.plan import MAX_REST_DAYS, PlanDay, WeekPlan
from tracker.domain.streaks import first_rule_week, in_history, rest_days_of
from tracker.domain.text import plural

MISSED_LOOKBACK_DAYS = 28
_ONE_DAY = timedelta(days=1)


# Missed evenings


def missed_window_start(first_day: date, today: date) -> date:
    """Where the search for missed evenings starts.

    At most four weeks back: an imported history has years of days nobody
    checked in, and an evening that old can no longer be remembered anyway.
    """
    return max(first_day, today - timedelta(days=MISSED_LOOKBACK_DAYS))


def missed_evenings(
    start: date | None,
    today: date,
    checked_in: Collection[date],
    activity_dates: Collection[date],
) -> list[date]:
    """Past days of the last four weeks, inside the history, with no activity and
    no check-in: the only days where a forgotten log could pass for a rest day.

    Oldest first. Today is never missed: the evening is not over. A day with an
    activity (however it was logged) is never missed.
    """
    if start is None or start >= today:
        return []
    done = {date(d.year, d.month, d.day) for d in (*checked_in, *activity_dates)}
    days: list[date] = []
    first = missed_window_start(start, today)
    day = date(first.year, first.month, first.day)
    while day < today:
        if day not in done:
            days.append(day)
        day += _ONE_DAY
    return days


def describe_missed(days: Sequence[date], today: date) -> str:
    """``"3 evenings missed: Tue, Wed, Thu"``; dates in full when a weekday would be ambiguous."""
    return " ".join(missed_parts(days, today))


def missed_parts(days: Sequence[date], today: date) -> tuple[str, ...]:
    """:func:`describe_missed` in the parts a line may break between (never inside
    ``Mon 30 Nov``)."""
    if not days:
        return ()
    count = f"{plural(len(days), 'evening')} missed"
    if len(days) > 5:
        return (count, f"since {days[0]:%a %-d %b}")
    recent = all(today - timedelta(days=6) <= day < today for day in days)
    named = [f"{day:%a}" if recent else f"{day:%a %-d %b}" for day in days]
    return (f"{count}:", *(f"{name}," for name in named[:-1]), named[-1])


# What the rule still needs this week


class RestState(StrEnum):
    ON_TRACK = "on_track"
    """Enough rest taken (or today can still be one) and nothing planned breaks the rule."""
    NEEDS_REST = "needs_rest"
    """No rest day yet: one of the days left must be a rest day."""
    NEEDS_RUN = "needs_run"
    """A planned rest day would make a third one: it has to become a run."""
    BROKEN = "broken"
    """The week can no longer keep the rule."""
    EXCUSED = "excused"
    BEFORE_HISTORY = "before_history"
    """The week began before the history: it is no rule week, so nothing to keep."""


@dataclass(frozen=True, slots=True)
class RestOutlook:
    """This week's rest days: planned, taken so far, and what the rule still needs."""

    planned: tuple[date, ...]
    taken: tuple[date, ...]
    state: RestState
    advice: str

    @property
    def ok(self) -> bool:
        return self.state in (RestState.ON_TRACK, RestState.EXCUSED, RestState.BEFORE_HISTORY)

    @property
    def kept(self) -> bool:
        """The rule is kept so far (a week that does not count is neither kept nor broken)."""
        return self.state is RestState.ON_TRACK


def day_name(day: date, today: date) -> str:
    """``today``, ``tomorrow`` or the weekday's name."""
    if day == today:
        return "today"
    if day == today + _ONE_DAY:
        return "tomorrow"
    return f"{day:%A}"


def join_days(days: Sequence[date], today: date, word: str = "or") -> str:
    """``"tomorrow or Sunday"``, ``"Friday, Saturday or Sunday"``."""
    names = [day_name(day, today) for day in days]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def rest_outlook(
    plan: WeekPlan,
    activity_dates: Collection[date],
    today: date,
    today_checked_in: bool,
    excused_reason: str | None = None,
    *,
    start: date | None,
) -> RestOutlook:
    """What this week's rest days look like from ``today``, and what keeps the rule.

    Actual rest (docs/counting.md): a past day inside the history with no activity,
    today once checked in with no activity. Days still open: the days after today,
    and today itself while it is neither checked in nor holds an activity. A week
    that began before the history (``start``; None: it starts today) is no rule
    week: the outlook says when the first one begins instead of judging this one.
    """
    days = plan.week.days
    planned = tuple(d.date for d in plan.days if d.kind is DayKind.REST)
    taken = rest_days_of(activity_dates, plan.week, today, today_checked_in, start=start)
    today_open = today in plan.week and not today_checked_in and today not in activity_dates
    still_open = tuple(day for day in days if day > today or (day == today and today_open))
    still_planned = tuple(day for day in still_open if plan.day(day).kind is DayKind.REST)

    def outlook(state: RestState, advice: str) -> RestOutlook:
        return RestOutlook(planned, taken, state, advice)

    if excused_reason:
        return outlook(
            RestState.EXCUSED, f"Excused week ({excused_reason}) — it neither counts nor breaks"
        )
    if not in_history(plan.week.start, start):
        first = first_rule_week(start or today, WEEKDAYS[plan.week.start.weekday()])
        return outlook(
            RestState.BEFORE_HISTORY,
            f"Your record starts {start or today:%a %-d %b}: "
            f"the streak counts from {first.start:%a %-d %b}",
        )
    taken_text = f"{plural(len(taken), 'rest day')} taken"
    if len(taken) > MAX_REST_DAYS:
        return outlook(RestState.BROKEN, f"{taken_text} — more than two breaks the rule")
    if len(taken) == 0:
        if still_planned:
            return outlook(
                RestState.NEEDS_REST,
                f"No rest day yet — rest {join_days(still_planned, today)} to keep the rule",
            )
        if still_open:
            where = join_days(still_open, today) if len(still_open) <= 3 else "one of the days left"
            return outlook(
                RestState.NEEDS_REST,
                f"No rest day yet and none planned — rest {where} to keep the rule",
            )
        return outlook(RestState.BROKEN, "No rest day this week — the rule is broken this week")
    room = MAX_REST_DAYS - len(taken)
    if len(still_planned) > room:
        runs = join_days(still_planned[room:], today, "and")
        return outlook(
            RestState.NEEDS_RUN,
            f"{taken_text} — make {runs} a run to keep the rule",
        )
    if room == 0 and still_open:
        return outlook(
            RestState.NEEDS_RUN, f"{taken_text} — a third would break the rule: run the days left"
        )
    if still_planned:
        return outlook(
            RestState.ON_TRACK,
            f"Rule kept so far: {taken_text}, {join_days(still_planned, today, 'and')} planned",
        )
    return outlook(RestState.ON_TRACK, f"Rule kept: {taken_text}")


def run_on_rest_day(plan: PlanDay, today: date) -> str | None:
    """What to say when a run is logged on a day planned as rest (None: it was not)."""
    if plan.kind is not DayKind.REST:
        return None
    if today - timedelta(days=6) <= plan.date:
        name = day_name(plan.date, today)
        name = f"{name[0].upper()}{name[1:]}"
    else:
        name = f"{plan.date:%a %-d %b}"
    return f"{name} was planned as a rest day: with this run it no longer counts as one"
