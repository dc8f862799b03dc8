"""The ``stats --json`` and ``status --json`` documents (DESIGN §4) and their warnings.

Plain dicts of JSON types, keys in the order DESIGN §4 shows them. Activities
dated after ``today`` (possible with ``--today`` looking back) are ignored.

Dates are made plain :class:`datetime.date` once on the way in: the store hands
out ``pendulum.Date`` objects, whose arithmetic is some thirty times slower, and
ten years of history would spend most of the time there.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.load import (
    ACWR_CAUTION,
    ACWR_DANGER,
    SPIKE_MINOR,
    SPIKE_WINDOW_DAYS,
    Spike,
    acwr,
    acwr_band,
    daily_distance,
    long_run_spikes,
    ramp_level,
    ramp_pct,
    weekly_distance,
    weekly_distances,
)
from tracker.domain.plan import days_since_rest_warning
from tracker.domain.streaks import (
    RestStreak,
    days_since_rest,
    rest_days_taken,
    rest_streak,
    rule_weeks,
)
from tracker.domain.units import format_distance

WEEKS_SHOWN = 16
SPIKE_DAYS = 28

WARN = "warn"
STRONG = "strong"


def round_half_up(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` decimals the way a runner rounds by hand.

    ``round()`` rounds half to even (12.25 to 12.2); DESIGN §4's figures round half
    away from zero (12.25 to 12.3, -12.25 to -12.3) and never print ``-0.0``. The
    figures are ratios of integer metres, so the shortest repr of the float is
    the exact decimal value wherever it ends in a 5; the rounding is done on
    those digits (``decimal`` would cost ``stats`` a few milliseconds to import).
    """
    text = repr(abs(value))
    if not text.replace(".", "").isdigit():  # 1e-05, inf, nan: not figures of §4
        from decimal import ROUND_HALF_UP, Decimal

        quantum = Decimal(1).scaleb(-digits)
        return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0
    whole, _, fraction = text.partition(".")
    fraction = fraction.ljust(digits + 1, "0")
    scaled = int(whole + fraction[:digits]) + (fraction[digits] >= "5")
    return math.copysign(scaled / 10**digits, value) + 0.0


def plain_date(day: date) -> date:
    """``day`` as a plain :class:`datetime.date` (``pendulum.Date`` arithmetic is slow)."""
    return day if type(day) is date else date.fromordinal(day.toordinal())


def plain_dates(days: Iterable[date]) -> frozenset[date]:
    """``days`` as plain dates; a collection that holds only plain dates is just frozen."""
    frozen = frozenset(days)
    if set(map(type, frozen)) <= {date}:
        return frozen
    return frozenset(map(plain_date, frozen))


def _until(days: frozenset[date], today: date) -> frozenset[date]:
    """The days on or before ``today``."""
    if not days or max(days) <= today:
        return days
    return frozenset(day for day in days if day <= today)


def load_window_start(today: date, week_start: str) -> date:
    """The first day any load figure of :func:`build_stats` reads.

    The oldest of the 16 weeks shown reaches furthest back; ACWR (35 days) and the
    spikes of the last 28 days (each against the 30 days before it) stay inside it.
    """
    oldest_week = week_of(today, week_start).shifted(-(WEEKS_SHOWN - 1)).start
    spikes = today - timedelta(days=SPIKE_DAYS - 1 + SPIKE_WINDOW_DAYS)
    acwr_days = today - timedelta(days=34)
    return min(oldest_week, spikes, acwr_days)


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """A soft warning about load or rest; ``level`` is ``"warn"`` or ``"strong"``."""

    code: str
    level: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "level": self.level, "message": self.message}


def load_warnings(
    *,
    ramp: float | None,
    acwr_ratio: float | None,
    spikes: Sequence[Spike],
    days_since_rest: int | None,
    today: date,
    units: str = "km",
) -> list[LoadWarning]:
    """Warnings for the figures of DESIGN §4, most general first.

    - ``ramp``: above 10 % ``warn``, above 30 % ``strong``.
    - ``acwr``: caution band ``warn``, danger band ``strong``. A low ratio is
      not a warning: it is what a rest, taper or excused week looks like.
    - ``spike``: one per spiking run; minor ``warn``, major and severe ``strong``.
    - ``no_recent_rest``: more than 6 days since rest (the rule and message
      live in :func:`tracker.domain.plan.days_since_rest_warning`).
    """
    warnings: list[LoadWarning] = []
    level = ramp_level(ramp)
    if ramp is not None and level is not None:
        warnings.append(
            LoadWarning(
                "ramp",
                level,
                f"Last week's distance up {round_half_up(ramp, 0):.0f}% on the week before",
            )
        )
    if acwr_ratio is not None:
        band = acwr_band(acwr_ratio)
        if band == ACWR_CAUTION:
            warnings.append(
                LoadWarning(
                    "acwr",
                    WARN,
                    f"Load ratio {acwr_ratio:.2f}: last 7 days above your 4-week norm",
                )
            )
        elif band == ACWR_DANGER:
            warnings.append(
                LoadWarning(
                    "acwr",
                    STRONG,
                    f"Load ratio {acwr_ratio:.2f}: last 7 days far above your 4-week norm",
                )
            )
    for spike in spikes:
        warnings.append(
            LoadWarning(
                "spike",
                WARN if spike.level == SPIKE_MINOR else STRONG,
                f"{spike.date:%a %d %b}: {format_distance(spike.distance_m, units)} run, "
                f"{round_half_up(spike.pct, 0):.0f}% over your longest of the 30 days before "
                f"({format_distance(spike.longest_before_m, units)})",
            )
        )
    rest = days_since_rest_warning(days_since_rest, today)
    if rest is not None:
        warnings.append(LoadWarning(rest.code, WARN, rest.message))
    return warnings


def _streak_dict(streak: RestStreak) -> dict[str, object]:
    return {"current_weeks": streak.current_weeks, "best_weeks": streak.best_weeks}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round_half_up(value, digits)


def build_stats(
    activities: Sequence[Activity],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
    today_checked_in: bool,
    rest_days_planned: int,
    *,
    units: str = "km",
    activity_dates: Collection[date] | None = None,
) -> dict[str, object]:
    """The ``stats --json`` document. ``units`` only affects warning messages.

    ``activity_dates`` are the days holding an activity, over the whole history
    (the streak needs them all); when given, ``activities`` need only reach back
    to :func:`load_window_start`. Without it, the days of ``activities`` are used.
    """
    today = plain_date(today)
    done = [
        activity
        if type(activity.date) is date
        else replace(activity, date=plain_date(activity.date))
        for activity in activities
        if activity.date <= today
    ]
    if activity_dates is None:
        dates = frozenset(activity.date for activity in done)
    else:
        dates = _until(plain_dates(activity_dates), today)
    excused_starts = plain_dates(excused_starts)
    daily = daily_distance(done)
    this_week = week_of(today, week_start)

    streak = rest_streak(rule_weeks(dates, excused_starts, week_start, today))
    since_rest = days_since_rest(dates, today, today_checked_in)
    ramp = ramp_pct(daily, today, week_start)
    ratio = acwr(daily, today)
    spikes = long_run_spikes(done, today, SPIKE_DAYS)
    warnings = load_warnings(
        ramp=ramp,
        acwr_ratio=ratio,
        spikes=spikes,
        days_since_rest=since_rest,
        today=today,
        units=units,
    )
    return {
        "today": today.isoformat(),
        "rest_streak": _streak_dict(streak),
        "this_week": {
            "start": this_week.start.isoformat(),
            "rest_days_planned": rest_days_planned,
            "rest_days_taken": rest_days_taken(dates, this_week, today, today_checked_in),
            "distance_m": weekly_distance(daily, this_week),
        },
        "days_since_rest": since_rest,
        "weekly_distance": [
            {"week_start": start.isoformat(), "distance_m": distance}
            for start, distance in weekly_distances(daily, today, week_start, WEEKS_SHOWN)
        ],
        "ramp_pct": _round(ramp, 1),
        "acwr": _round(ratio, 2),
        "spikes": [
            {
                "date": spike.date.isoformat(),
                "distance_m": spike.distance_m,
                "longest_before_m": spike.longest_before_m,
                "pct": round_half_up(spike.pct, 1),
            }
            for spike in spikes
        ],
        "warnings": [warning.as_dict() for warning in warnings],
    }


def build_status(
    activity_dates: Collection[date],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
    today_checked_in: bool,
) -> dict[str, object]:
    """The ``status --json`` document; needs only the days that hold an activity.

    ``rest_days_this_week`` is the actual rest days taken so far this week.
    """
    checked_in = {plain_date(today)} if today_checked_in else set()
    [status] = build_status_days(activity_dates, excused_starts, week_start, today, 1, checked_in)
    return status


def build_status_days(
    activity_dates: Collection[date],
    excused_starts: Collection[date],
    week_start: str,
    first: date,
    count: int,
    checked_in: Collection[date],
) -> list[dict[str, object]]:
    """The ``status --json`` documents of ``count`` days from ``first``, as each of
    them will see the data as it stands (``checked_in``: the days checked in).

    Lets a summary answer a shell prompt after midnight without the database.
    Activities after each day do not count for it (DESIGN §4 reads the past).
    """
    dates = plain_dates(activity_dates)
    excused = plain_dates(excused_starts)
    checked = plain_dates(checked_in)
    documents: list[dict[str, object]] = []
    for offset in range(count):
        today = plain_date(first) + timedelta(days=offset)
        today_checked_in = today in checked
        streak = rest_streak(rule_weeks(dates, excused, week_start, today))
        documents.append(
            {
                "today": today.isoformat(),
                "rest_streak": _streak_dict(streak),
                "rest_days_this_week": rest_days_taken(
                    dates, week_of(today, week_start), today, today_checked_in
                ),
                "days_since_rest": days_since_rest(dates, today, today_checked_in),
                "checked_in": today_checked_in,
            }
        )
    return documents


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def status_line(status: Mapping[str, object]) -> str:
    """One short line for a shell prompt, from a :func:`build_status` document.

    e.g. ``rest streak 5 wk · 1 rest day this week · 2 days since rest · ✓ checked in``
    """
    streak = status.get("rest_streak")
    current = _int(streak.get("current_weeks")) if isinstance(streak, Mapping) else 0
    since = _int(status.get("days_since_rest"))
    parts = [
        f"rest streak {current} wk",
        _plural(_int(status.get("rest_days_this_week")), "rest day", "rest days") + " this week",
        _plural(since, "day", "days") + " since rest",
        "✓ checked in" if status.get("checked_in") else "not checked in",
    ]
    return " · ".join(parts)
