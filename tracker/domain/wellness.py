"""The wellness check-in: the Hooper items, sleep, mood, resting heart rate and pain.

One home for what each value may be (docs/counting.md, "The Hooper index"): the
check-in form, ``recovtui checkin`` and the importer all read and check a day's
entry here, so a value refused in one is refused in all, with the same words.

The Hooper items (Hooper and Mackinnon 1995) and mood are scored 1 to 7, where 1
is "very, very good" and 7 "very, very bad". Sleep is last night's, in hours, to
the half hour. Pain is a site and a rating 0 to 10, or none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.domain.dates import ParseError, Week
from tracker.domain.forms import FormErrors

HOOPER_ITEMS = ("sleep_quality", "fatigue", "stress", "soreness")
"""The four items of the Hooper index, in the order the check-in asks them."""
FIELDS = (*HOOPER_ITEMS, "sleep_h", "mood", "rhr", "pain")
"""Every value of an entry as the form and the command line name it (``pain``
holds the site and the rating)."""
VALUES = (
    "sleep_h",
    "sleep_quality",
    "fatigue",
    "stress",
    "soreness",
    "mood",
    "rhr",
    "pain_site",
    "pain",
)
"""The values of an entry as stored and exported, in that order."""

SCALE_MIN, SCALE_MAX = 1, 7
SLEEP_MAX_H = 16
RHR_MIN, RHR_MAX = 30, 120
PAIN_MAX = 10
PAIN_SITE_MAX = 40

LABELS = {
    "sleep_quality": "Sleep quality",
    "fatigue": "Fatigue",
    "stress": "Stress",
    "soreness": "Muscle soreness",
    "sleep_h": "Sleep (hours)",
    "mood": "Mood",
    "rhr": "Resting HR",
    "pain": "Pain or niggle",
}
NO_PAIN = frozenset({"", "none", "no", "-", "0"})
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Wellness:
    """How one day felt. Every value is optional; ``pain_site`` and ``pain`` go together."""

    date: date
    sleep_h: float | None = None
    sleep_quality: int | None = None
    fatigue: int | None = None
    stress: int | None = None
    soreness: int | None = None
    mood: int | None = None
    rhr: int | None = None
    pain_site: str | None = None
    pain: int | None = None

    @property
    def hooper(self) -> int | None:
        """Sleep quality + fatigue + stress + soreness (4 best, 28 worst); None unless all four."""
        return hooper_index(self)

    @property
    def empty(self) -> bool:
        """Nothing recorded: such an entry is not stored."""
        return self == Wellness(self.date)


def hooper_index(entry: Wellness) -> int | None:
    items = (entry.sleep_quality, entry.fatigue, entry.stress, entry.soreness)
    if any(item is None for item in items):
        return None
    return sum(item for item in items if item is not None)


# Checking values (the importer's entry point; the readers below end here too)


def _scale_problem(value: object) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= SCALE_MAX:
        return f"a whole number from {SCALE_MIN} (very, very good) to {SCALE_MAX} (very, very bad)"
    return None


def value_problems(entry: Wellness) -> dict[str, str]:
    """What is wrong with each value of ``entry``, by field (empty: nothing)."""
    problems: dict[str, str] = {}
    for name in (*HOOPER_ITEMS, "mood"):
        value = getattr(entry, name)
        if value is not None and (problem := _scale_problem(value)) is not None:
            problems[name] = problem
    sleep = entry.sleep_h
    if sleep is not None and (
        not isinstance(sleep, int | float)
        or isinstance(sleep, bool)
        or not 0 <= sleep <= SLEEP_MAX_H
        or sleep * 2 != int(sleep * 2)
    ):
        problems["sleep_h"] = f"hours from 0 to {SLEEP_MAX_H}, to the half hour (e.g. 7 or 7.5)"
    rhr = entry.rhr
    if rhr is not None and (
        not isinstance(rhr, int) or isinstance(rhr, bool) or not RHR_MIN <= rhr <= RHR_MAX
    ):
        problems["rhr"] = f"beats a minute, a whole number from {RHR_MIN} to {RHR_MAX}"
    if (entry.pain is None) != (entry.pain_site is None):
        problems["pain"] = "a site and a rating go together (e.g. achilles:3), or none"
    elif entry.pain is not None:
        pain, site = entry.pain, entry.pain_site
        if not isinstance(pain, int) or isinstance(pain, bool) or not 0 <= pain <= PAIN_MAX:
            problems["pain"] = f"rate it from 0 to {PAIN_MAX}"
        elif not isinstance(site, str) or _site_problem(site) is not None:
            problems["pain"] = _site_problem(site if isinstance(site, str) else "") or ""
    return problems


def _site_problem(site: str) -> str | None:
    if not site or site != " ".join(site.split()):
        return "say where it hurts (e.g. left calf)"
    if len(site) > PAIN_SITE_MAX:
        return f"keep the site under {PAIN_SITE_MAX} characters"
    if not any(ch.isalpha() for ch in site) or any(not ch.isprintable() for ch in site):
        return "say where it hurts in words (e.g. left calf)"
    return None


# Reading what was typed


def parse_scale(text: str) -> int:
    """A Hooper item or mood: one digit from 1 to 7."""
    key = text.strip()
    if not re.fullmatch(r"[0-9]{1,2}", key) or _scale_problem(int(key)) is not None:
        raise ParseError(
            f"{key!r} is not {SCALE_MIN}–{SCALE_MAX} ({SCALE_MIN} best, {SCALE_MAX} worst)"
        )
    return int(key)


_SLEEP_CLOCK = re.compile(r"(\d{1,2})\s*(?::|h)\s*(\d{2})?\s*m?")


def parse_sleep(text: str) -> float:
    """Hours of sleep to the half hour: ``7``, ``7.5``, ``7,5``, ``7:30``, ``7h30``, ``7h``."""
    key = text.strip().lower()
    hours: float | None = None
    if re.fullmatch(r"\d{1,2}(?:[.,]\d{1,2})?", key):
        hours = float(key.replace(",", "."))
    elif (clock := _SLEEP_CLOCK.fullmatch(key)) is not None:
        minutes = int(clock.group(2) or 0)
        if minutes < 60:
            hours = int(clock.group(1)) + minutes / 60
    if hours is None or not 0 <= hours <= SLEEP_MAX_H or hours * 2 != int(hours * 2):
        raise ParseError(
            f"{text.strip()!r}: sleep is hours from 0 to {SLEEP_MAX_H}, to the half hour "
            "(e.g. 7, 7.5 or 7:30)"
        )
    return hours


def parse_rhr(text: str) -> int:
    key = text.strip().lower().removesuffix("bpm").strip()
    if not re.fullmatch(r"\d{1,3}", key) or not RHR_MIN <= int(key) <= RHR_MAX:
        raise ParseError(
            f"{text.strip()!r}: resting heart rate is {RHR_MIN}–{RHR_MAX} beats a minute"
        )
    return int(key)


def parse_pain(text: str) -> tuple[str | None, int | None]:
    """``none`` (or nothing), or a site and a rating 0–10: ``achilles:3``, ``left calf 3``."""
    key = " ".join(text.split())
    if key.lower() in NO_PAIN:
        return None, None
    found = re.fullmatch(r"(.*?)\s*[: ]\s*(\d{1,3})", key)
    if found is None:
        if re.fullmatch(r"\d+", key):
            raise ParseError(f"{key!r}: say where it hurts too (e.g. achilles:{key})")
        raise ParseError(f"{key!r}: add a rating 0–{PAIN_MAX} (e.g. achilles:3), or none")
    site, rating = found.group(1).strip(" :"), int(found.group(2))
    if rating > PAIN_MAX:
        raise ParseError(f"{key!r}: rate the pain from 0 to {PAIN_MAX}")
    if (problem := _site_problem(site)) is not None:
        raise ParseError(f"{key!r}: {problem}")
    return site, rating


_READERS = {
    "sleep_quality": parse_scale,
    "fatigue": parse_scale,
    "stress": parse_scale,
    "soreness": parse_scale,
    "mood": parse_scale,
    "sleep_h": parse_sleep,
    "rhr": parse_rhr,
}


def read_wellness(day: date, texts: Mapping[str, str], base: Wellness | None = None) -> Wellness:
    """The entry of ``day`` from what was typed, or :class:`FormErrors` naming each bad field.

    ``texts`` maps fields of :data:`FIELDS` to what was typed; an empty text
    clears its value. Fields left out keep ``base``'s values (``recovtui checkin
    --rhr 48`` changes nothing else of the day).
    """
    entry = base if base is not None else Wellness(day)
    errors: dict[str, str] = {}
    changes: dict[str, object] = {}
    for name, text in texts.items():
        if name not in FIELDS:
            raise ValueError(f"no wellness field {name!r}")
        try:
            if name == "pain":
                changes["pain_site"], changes["pain"] = parse_pain(text)
            elif not text.strip():
                changes[name] = None
            else:
                changes[name] = _READERS[name](text)
        except ParseError as exc:
            errors[name] = str(exc)
    if errors:
        raise FormErrors(errors)
    return replace(entry, date=day, **changes)  # type: ignore[arg-type]


# Figures over days


@dataclass(frozen=True, slots=True)
class WellnessSummary:
    """The wellness figures of ``stats --json`` on one day, unrounded."""

    hooper_today: int | None
    hooper_mean_7d: float | None
    hooper_mean_28d: float | None
    sleep_h_mean_7d: float | None


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are there; None when none is."""
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def wellness_summary(entries: Mapping[date, Wellness], today: date) -> WellnessSummary:
    """Today's Hooper index and the means over the days with a value among the 7 and
    28 days ending ``today`` (docs/counting.md)."""

    def last(days: int) -> list[Wellness]:
        return [
            entry
            for back in range(days)
            if (entry := entries.get(today - timedelta(days=back))) is not None
        ]

    week, month = last(7), last(28)
    today_entry = entries.get(today)
    return WellnessSummary(
        hooper_today=today_entry.hooper if today_entry is not None else None,
        hooper_mean_7d=mean(entry.hooper for entry in week),
        hooper_mean_28d=mean(entry.hooper for entry in month),
        sleep_h_mean_7d=mean(entry.sleep_h for entry in week),
    )


def weekly_hooper(
    entries: Mapping[date, Wellness], weeks: Iterable[Week]
) -> list[tuple[date, float | None, int]]:
    """``(week start, mean Hooper index, days with one)`` of each week: the trend."""
    trend = []
    for week in weeks:
        indices = [entry.hooper for day in week.days if (entry := entries.get(day)) is not None]
        present = [index for index in indices if index is not None]
        trend.append((week.start, mean(present), len(present)))
    return trend


HELPED_WEEKS = 12
HELPED_MIN_DAYS = 5
"""Fewer days than this on either side and an item's comparison is not shown."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Mean next-morning soreness after days with an item and after days without it."""

    key: str
    with_mean: float | None
    with_days: int
    without_mean: float | None
    without_days: int

    @property
    def shown(self) -> bool:
        return min(self.with_days, self.without_days) >= HELPED_MIN_DAYS


def next_morning_soreness(
    done: Mapping[str, Collection[date]],
    entries: Mapping[date, Wellness],
    today: date,
    start: date | None,
    weeks: int = HELPED_WEEKS,
) -> list[Comparison]:
    """For each item of ``done`` (its key → the days it was done), the soreness recorded
    the day after days with it and after days without it, over the last ``weeks`` weeks.

    A day counts when the next day's entry holds a soreness score and the day lies
    inside the history (``start``). Observational: it shows what went together, not
    what caused what (an ice bath follows the hardest days).
    """
    first = today - timedelta(weeks=weeks)
    if start is not None:
        first = max(first, start)
    days = []
    day = first
    while day < today:
        entry = entries.get(day + _ONE_DAY)
        if entry is not None and entry.soreness is not None:
            days.append((day, entry.soreness))
        day += _ONE_DAY
    comparisons = []
    for key, done_days in done.items():
        with_item = [score for day, score in days if day in done_days]
        without = [score for day, score in days if day not in done_days]
        comparisons.append(
            Comparison(key, mean(with_item), len(with_item), mean(without), len(without))
        )
    return comparisons
