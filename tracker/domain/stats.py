"""Load warnings and how the figures are rounded (see docs/counting.md).

The figures themselves are assembled in :mod:`tracker.services.reports`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.dates import week_of
from tracker.domain.load import (
    ACWR_CAUTION,
    ACWR_DANGER,
    SPIKE_MINOR,
    SPIKE_WINDOW_DAYS,
    Spike,
    acwr_band,
    ramp_level,
)
from tracker.domain.plan import days_since_rest_warning
from tracker.domain.units import format_distance

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
    """Warnings for the load figures (docs/counting.md), most general first.

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
