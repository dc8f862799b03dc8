"""The ``stats --json`` and ``status --json`` documents (DESIGN §4) and their warnings.

Plain dicts of JSON types, keys in the order DESIGN §4 shows them. Activities
dated after ``today`` (possible with ``--today`` looking back) are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.activity import Activity
from tracker.domain.dates import format_distance, week_of
from tracker.domain.load import (
    ACWR_CAUTION,
    ACWR_DANGER,
    SPIKE_MINOR,
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

WEEKS_SHOWN = 16
SPIKE_DAYS = 28

WARN = "warn"
STRONG = "strong"


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
            LoadWarning("ramp", level, f"Last week's distance up {ramp:.0f}% on the week before")
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
                f"{spike.pct:.0f}% over your longest of the 30 days before "
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
    return None if value is None else round(value, digits)


def build_stats(
    activities: Sequence[Activity],
    excused_starts: Collection[date],
    week_start: str,
    today: date,
    today_checked_in: bool,
    rest_days_planned: int,
    *,
    units: str = "km",
) -> dict[str, object]:
    """The ``stats --json`` document. ``units`` only affects warning messages."""
    done = [activity for activity in activities if activity.date <= today]
    dates = frozenset(activity.date for activity in done)
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
                "pct": round(spike.pct, 1),
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
    dates = frozenset(day for day in activity_dates if day <= today)
    streak = rest_streak(rule_weeks(dates, excused_starts, week_start, today))
    return {
        "today": today.isoformat(),
        "rest_streak": _streak_dict(streak),
        "rest_days_this_week": rest_days_taken(
            dates, week_of(today, week_start), today, today_checked_in
        ),
        "days_since_rest": days_since_rest(dates, today, today_checked_in),
        "checked_in": today_checked_in,
    }


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
