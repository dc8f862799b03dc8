"""Training load: weekly distance, ramp, long-run spikes, tomorrow's cap, ACWR on running
distance, and session load (sRPE), monotony and strain on how hard sessions felt.

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

CAP_FACTOR_PCT = 110
"""Tomorrow's cap: 1.10 × the longest run of the 30 days ending today."""

ACWR_LOW = "low"  # ratio < 0.8
ACWR_STEADY = "steady"  # 0.8 <= ratio <= 1.3
ACWR_HIGH = "high"  # 1.3 < ratio <= 1.5
ACWR_VERY_HIGH = "very_high"  # ratio > 1.5
ACWR_LABELS = {
    ACWR_LOW: "low",
    ACWR_STEADY: "steady",
    ACWR_HIGH: "high",
    ACWR_VERY_HIGH: "very high",
}
ACWR_EDGES = (0.8, 1.3, 1.5)  # steady from, high above, very high above
ACWR_CAVEAT = "a team-sport heuristic, not validated for runners"

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
    """``low`` < 0.8 ≤ ``steady`` ≤ 1.3 < ``high`` ≤ 1.5 < ``very_high``.

    The shared edges go to the calmer band, as the ramp warns only *above* its
    thresholds: exactly 1.3 is still steady, exactly 1.5 still high.
    """
    steady_from, high_above, very_high_above = ACWR_EDGES
    if ratio < steady_from:
        return ACWR_LOW
    if ratio <= high_above:
        return ACWR_STEADY
    return ACWR_HIGH if ratio <= very_high_above else ACWR_VERY_HIGH


def longest_runs(activities: Iterable[Activity]) -> dict[date, int]:
    """The longest single run of each day (cross-training is no run)."""
    longest: dict[date, int] = {}
    for activity in activities:
        if activity.kind in _RUN_KINDS:
            longest[activity.date] = max(longest.get(activity.date, 0), activity.distance_m)
    return longest


def tomorrow_cap(longest_on: Mapping[date, int], today: date) -> int | None:
    """1.10 × the longest run of the 30 days ending ``today``, to 10 m (half up).

    ``longest_on`` is :func:`longest_runs`. Those 30 days are the window
    tomorrow's run is judged against, so the cap is where a spike would begin.
    None when they hold no run.
    """
    longest = max(
        (longest_on.get(today - timedelta(days=back), 0) for back in range(SPIKE_WINDOW_DAYS)),
        default=0,
    )
    if longest <= 0:
        return None
    return (longest * CAP_FACTOR_PCT + 500) // 1000 * 10


# Session load (sRPE, Foster 2001). Loads are kept in RPE × seconds, whole numbers, so
# that equal days are exactly equal and monotony is None exactly when they are; one
# arbitrary unit (AU) is RPE × minutes, 60 of them.

SECONDS_PER_MINUTE = 60


def session_load(activity: Activity) -> int | None:
    """RPE × duration in seconds; None unless both are known (÷ 60 for AU)."""
    if activity.rpe is None or not activity.duration_s:
        return None
    return activity.rpe * activity.duration_s


def has_load(activity: Activity) -> bool:
    return session_load(activity) is not None


def daily_loads(activities: Iterable[Activity]) -> dict[date, int]:
    """The sum of each day's session loads (RPE × seconds); days without one are absent."""
    daily: dict[date, int] = {}
    for activity in activities:
        load = session_load(activity)
        if load is not None:
            daily[activity.date] = daily.get(activity.date, 0) + load
    return daily


def to_au(load: int) -> float:
    """A load in RPE × seconds, in arbitrary units (RPE × minutes)."""
    return load / SECONDS_PER_MINUTE


def week_loads(daily: Mapping[date, int], week: Week) -> list[int]:
    """The seven daily loads of ``week``, 0 for a day without any."""
    return [daily.get(day, 0) for day in week.days]


def weekly_loads(
    daily: Mapping[date, int], today: date, week_start: str, count: int = 16
) -> list[tuple[date, float]]:
    """``(week start, load in AU)`` of the ``count`` most recent weeks, the current one last."""
    current = week_of(today, week_start)
    weeks = (current.shifted(-back) for back in range(count - 1, -1, -1))
    return [(week.start, to_au(sum(week_loads(daily, week)))) for week in weeks]


def monotony(loads: Iterable[int]) -> float | None:
    """Mean daily load ÷ the population standard deviation of the days' loads.

    Worked as ``Σx ÷ √(nΣx² − (Σx)²)``, the same ratio in whole numbers: None
    exactly when every day's load is the same (no deviation).
    """
    values = list(loads)
    total, squares, n = sum(values), sum(v * v for v in values), len(values)
    spread = n * squares - total * total
    if not values or spread <= 0:
        return None
    return float(total / spread**0.5)


def strain(weekly_au: float, week_monotony: float | None) -> float | None:
    """Weekly load × monotony; None when monotony is."""
    return None if week_monotony is None else weekly_au * week_monotony
