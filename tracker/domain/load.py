"""Training load on running distance: weekly distance, ramp, long-run spikes, ACWR.

Definitions are those of docs/counting.md. "Distance" is running distance: every activity
kind but ``cross``. All figures are in integer metres; every threshold is
compared with the percentage computed as one division of integers
(``(a - b) * 100 / b``), so exact boundaries (+10 %, ratio 1.3, …) land exactly
on them instead of on a float rounding error.

Window sums are a handful of dict lookups per figure (at most 35 for ACWR, 30 per
run for spikes), so cost grows with the window, not with the length of history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.activity import Activity
from tracker.domain.dates import Week, week_of
from tracker.domain.kinds import ActivityKind

RAMP_WARN_PCT = 10
RAMP_STRONG_PCT = 30

SPIKE_WINDOW_DAYS = 30
SPIKE_MIN_PCT = 10
SPIKE_MINOR = "minor"  # more than 10 %, up to and including 30 %
SPIKE_MAJOR = "major"  # more than 30 %, up to and including 100 %
SPIKE_SEVERE = "severe"  # more than 100 %

ACWR_LOW = "low"  # ratio < 0.8
ACWR_SWEET = "sweet"  # 0.8 <= ratio <= 1.3
ACWR_CAUTION = "caution"  # 1.3 < ratio <= 1.5
ACWR_DANGER = "danger"  # ratio > 1.5
ACWR_LABELS = {
    ACWR_LOW: "low",
    ACWR_SWEET: "sweet spot",
    ACWR_CAUTION: "caution",
    ACWR_DANGER: "danger",
}
ACWR_EDGES = (0.8, 1.3, 1.5)  # sweet spot from, caution above, danger above

Daily = Mapping[date, int]

# ActivityKind.is_run decides what is running; the set spares a property call per activity.
_RUN_KINDS = frozenset(kind for kind in ActivityKind if kind.is_run)


def daily_distance(activities: Iterable[Activity]) -> dict[date, int]:
    """Running distance per day; days with only cross-training are absent."""
    daily: dict[date, int] = {}
    for activity in activities:
        if activity.kind in _RUN_KINDS:
            daily[activity.date] = daily.get(activity.date, 0) + activity.distance_m
    return daily


def _window_sum(daily: Daily, last: date, days: int) -> int:
    """Distance of the ``days`` days ending with ``last`` (included)."""
    return sum(daily.get(last - timedelta(days=i), 0) for i in range(days))


def weekly_distance(daily: Daily, week: Week) -> int:
    return _window_sum(daily, week.end, 7)


def weekly_distances(
    daily: Daily, today: date, week_start: str, count: int = 16
) -> list[tuple[date, int]]:
    """``(week start, distance)`` of the ``count`` most recent weeks, the current one last."""
    current = week_of(today, week_start)
    weeks = (current.shifted(-back) for back in range(count - 1, -1, -1))
    return [(week.start, weekly_distance(daily, week)) for week in weeks]


def ramp_between(w1: int, w0: int) -> float | None:
    """``(w0 - w1) / w1 * 100``: the ramp from a week of ``w1`` metres to one of ``w0``.

    None unless ``w1 > 0``.
    """
    if w1 <= 0:
        return None
    return (w0 - w1) * 100 / w1


def week_ramp_pct(daily: Daily, week: Week) -> float | None:
    """:func:`ramp_between` the week before ``week`` and ``week``."""
    return ramp_between(weekly_distance(daily, week.shifted(-1)), weekly_distance(daily, week))


def ramp_pct(daily: Daily, today: date, week_start: str) -> float | None:
    """The ramp of docs/counting.md: :func:`week_ramp_pct` of the most recent completed week."""
    return week_ramp_pct(daily, week_of(today, week_start).shifted(-1))


def ramp_level(pct: float | None) -> str | None:
    """None up to 10 %, ``"warn"`` above 10 %, ``"strong"`` above 30 %."""
    if pct is None or pct <= RAMP_WARN_PCT:
        return None
    return "strong" if pct > RAMP_STRONG_PCT else "warn"


@dataclass(frozen=True, slots=True)
class Spike:
    """A run longer than the longest run of the 30 days before it by more than 10 %.

    ``level`` is :data:`SPIKE_MINOR` (10-30 %), :data:`SPIKE_MAJOR` (30-100 %) or
    :data:`SPIKE_SEVERE` (over 100 %); each band includes its upper bound.
    """

    date: date
    distance_m: int
    longest_before_m: int
    pct: float
    level: str


def spike_level(pct: float) -> str | None:
    """The spike level of a run ``pct`` % longer than the longest before it."""
    if pct <= SPIKE_MIN_PCT:
        return None
    if pct <= 30:
        return SPIKE_MINOR
    return SPIKE_MAJOR if pct <= 100 else SPIKE_SEVERE


def long_run_spikes(activities: Iterable[Activity], today: date, days: int = 28) -> list[Spike]:
    """Runs of the last ``days`` days (today included) that spike, oldest first.

    Each run is judged on its own (not the day's total) against the longest
    single run of days ``d-30 .. d-1``. A window holding only runs of 0 m has
    nothing to compare with and yields no spike, like an empty one.
    """
    first = today - timedelta(days=days - 1)
    horizon = first - timedelta(days=SPIKE_WINDOW_DAYS)
    longest_on: dict[date, int] = {}
    candidates: list[Activity] = []
    for activity in activities:
        if not horizon <= activity.date <= today or activity.kind not in _RUN_KINDS:
            continue
        longest_on[activity.date] = max(longest_on.get(activity.date, 0), activity.distance_m)
        if activity.date >= first:
            candidates.append(activity)
    spikes: list[Spike] = []
    for run in sorted(candidates, key=lambda a: a.date):
        longest = max(
            (
                longest_on.get(run.date - timedelta(days=back), 0)
                for back in range(1, SPIKE_WINDOW_DAYS + 1)
            ),
            default=0,
        )
        if longest <= 0:
            continue
        pct = (run.distance_m - longest) * 100 / longest
        level = spike_level(pct)
        if level is not None:
            spikes.append(Spike(run.date, run.distance_m, longest, pct, level))
    return spikes


def acute_chronic(daily: Daily, day: date) -> tuple[int, int]:
    """``(acute, chronic total)``: the distance of days ``d-6 .. d`` and of ``d-34 .. d-7``.

    The chronic load (docs/counting.md) is the total divided by 4 (a weekly average).
    """
    return _window_sum(daily, day, 7), _window_sum(daily, day - timedelta(days=7), 28)


def acwr(daily: Daily, day: date) -> float | None:
    """Acute:chronic workload ratio (uncoupled) on distance for ``day``.

    Acute is the distance of days ``d-6 .. d``; chronic that of ``d-34 .. d-7``
    divided by 4. None unless chronic > 0.
    """
    acute, chronic_total = acute_chronic(daily, day)
    if chronic_total <= 0:
        return None
    return acute * 4 / chronic_total


def acwr_band(ratio: float) -> str:
    """``low`` < 0.8 ≤ ``sweet`` ≤ 1.3 < ``caution`` ≤ 1.5 < ``danger``.

    The shared edges go to the calmer band, as the ramp warns only *above* its
    thresholds: exactly 1.3 is still the sweet spot, exactly 1.5 still caution.
    """
    sweet_from, caution_above, danger_above = ACWR_EDGES
    if ratio < sweet_from:
        return ACWR_LOW
    if ratio <= caution_above:
        return ACWR_SWEET
    return ACWR_CAUTION if ratio <= danger_above else ACWR_DANGER
