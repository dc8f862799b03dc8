"""Load warnings, the session-load figures and how the figures are rounded (see
docs/counting.md).

The figures themselves are assembled in :mod:`tracker.services.reports`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.activity import Activity
from tracker.domain.dates import week_of
from tracker.domain.load import (
    SPIKE_MAJOR,
    SPIKE_MINOR,
    SPIKE_SEVERE,
    SPIKE_WINDOW_DAYS,
    Spike,
    daily_loads,
    has_load,
    monotony,
    ramp_level,
    strain,
    to_au,
    week_loads,
    weekly_loads,
)
from tracker.domain.plan import days_since_rest_warning
from tracker.domain.units import format_distance
from tracker.domain.wellness import WellnessSummary

WEEKS_SHOWN = 16
SPIKE_DAYS = 28

WARN = "warn"
STRONG = "strong"


def round_half_up(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` decimals the way a runner rounds by hand.

    ``round()`` rounds half to even (12.25 to 12.2); the figures of docs/counting.md round half
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
    """A soft warning about load or rest; ``level`` is ``"warn"`` or ``"strong"``.

    ``message`` says what happened; ``evidence``, when there is any, what the
    research found about it. ``text`` is both, as ``stats --json`` prints it.
    """

    code: str
    level: str
    message: str
    evidence: str = ""

    @property
    def text(self) -> str:
        return f"{self.message}. {self.evidence}" if self.evidence else self.message

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "level": self.level, "message": self.text}


SPIKE_RATE_RATIOS = {SPIKE_MINOR: 1.64, SPIKE_MAJOR: 1.52, SPIKE_SEVERE: 2.28}
"""Overuse-injury hazard rate ratios of each spike level in 5,205 runners (Frandsen
et al., BJSM 2025; docs/counting.md): an association, not a cause."""


def spike_warning(spike: Spike, units: str = "km") -> LoadWarning:
    """The headline warning of one spiking run, with what the study found."""
    return LoadWarning(
        "spike",
        WARN if spike.level == SPIKE_MINOR else STRONG,
        f"{spike.date:%a %d %b}: {format_distance(spike.distance_m, units)} run, "
        f"{round_half_up(spike.pct, 0):.0f}% over your longest of the 30 days before "
        f"({format_distance(spike.longest_before_m, units)})",
        f"In 5,205 runners such runs were associated with "
        f"{SPIKE_RATE_RATIOS[spike.level]:.2f} times the overuse-injury rate of runs within "
        "10% (Frandsen 2025)",
    )


def load_warnings(
    *,
    ramp: float | None,
    spikes: Sequence[Spike],
    days_since_rest: int | None,
    today: date,
    units: str = "km",
) -> list[LoadWarning]:
    """Warnings for the load figures (docs/counting.md), the headline first.

    - ``spike``: one per spiking run, the headline warning (its link with overuse
      injuries is the best evidence there is); minor ``warn``, major and severe
      ``strong``.
    - ``ramp``: above 10 % ``warn``, above 30 % ``strong``.
    - ``no_recent_rest``: more than 6 days since rest (the rule and message
      live in :func:`tracker.domain.plan.days_since_rest_warning`).

    The ACWR gives no warning: it is a team-sport heuristic not validated for
    runners (in runners a higher ratio went with fewer injuries), so it is
    described, never raised as an alarm.
    """
    warnings = [spike_warning(spike, units) for spike in spikes]
    level = ramp_level(ramp)
    if ramp is not None and level is not None:
        warnings.append(
            LoadWarning(
                "ramp",
                level,
                f"Last week's distance up {round_half_up(ramp, 0):.0f}% on the week before",
            )
        )
    rest = days_since_rest_warning(days_since_rest, today)
    if rest is not None:
        warnings.append(LoadWarning(rest.code, WARN, rest.message))
    return warnings


@dataclass(frozen=True, slots=True)
class LoadFigures:
    """Session load over the weeks shown (AU, unrounded) and the last completed week's
    monotony and strain; ``without_load`` of the ``activities`` in those weeks lacked an
    RPE or a duration, so they add nothing."""

    weekly_au: tuple[tuple[date, float], ...]
    last_week_au: float
    monotony: float | None
    strain: float | None
    activities: int
    without_load: int

    def to_json(self) -> dict[str, object]:
        return {
            "last_week_au": whole(self.last_week_au),
            "monotony": None if self.monotony is None else round_half_up(self.monotony, 2),
            "strain": None if self.strain is None else whole(self.strain),
            "weekly_au": [
                {"week_start": start.isoformat(), "au": whole(au)} for start, au in self.weekly_au
            ],
        }


def whole(value: float) -> int:
    """``value`` rounded half away from zero to a whole number."""
    return int(round_half_up(value, 0))


def load_figures(activities: Sequence[Activity], today: date, week_start: str) -> LoadFigures:
    """The session-load figures on ``today`` (docs/counting.md); ``activities`` need only
    reach back to the oldest week shown."""
    daily = daily_loads(activities)
    last_week = week_of(today, week_start).shifted(-1)
    loads = week_loads(daily, last_week)
    last_au = to_au(sum(loads))
    week_monotony = monotony(loads)
    first = week_of(today, week_start).shifted(-(WEEKS_SHOWN - 1)).start
    shown = [activity for activity in activities if first <= activity.date <= today]
    return LoadFigures(
        weekly_au=tuple(weekly_loads(daily, today, week_start, WEEKS_SHOWN)),
        last_week_au=last_au,
        monotony=week_monotony,
        strain=strain(last_au, week_monotony),
        activities=len(shown),
        without_load=sum(1 for activity in shown if not has_load(activity)),
    )


def wellness_json(summary: WellnessSummary) -> dict[str, object]:
    """The ``wellness`` object of ``stats --json`` (means to 1 decimal)."""

    def one(value: float | None) -> float | None:
        return None if value is None else round_half_up(value, 1)

    return {
        "hooper_today": summary.hooper_today,
        "hooper_mean_7d": one(summary.hooper_mean_7d),
        "hooper_mean_28d": one(summary.hooper_mean_28d),
        "sleep_h_mean_7d": one(summary.sleep_h_mean_7d),
    }
