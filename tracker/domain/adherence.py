"""Recovery and nutrition adherence over the last four weeks (the Stats screen).

Adherence is a share of days. The window is the 28 days ending today once today
is checked in, else ending yesterday (an evening not yet reviewed is not a
missed one, just as it is not yet a rest day), and it never starts before the
first day the runner logged anything: a new runner is not behind on the days
before they began.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.nutrition import NutritionItem
from tracker.domain.recovery import (
    RecoveryKind,
    RecoverySession,
    checklist_key,
    checklist_label,
)

WINDOW_DAYS = 28


@dataclass(frozen=True, slots=True)
class Window:
    """The days adherence is measured over, ``first`` to ``last`` included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def adherence_window(
    today: date, today_checked_in: bool, first_day: date | None, days: int = WINDOW_DAYS
) -> Window | None:
    """The last ``days`` days (see the module docstring); None when there are none yet."""
    if first_day is None:
        return None
    last = today if today_checked_in else today - timedelta(days=1)
    first = max(last - timedelta(days=days - 1), first_day)
    if first > last:
        return None
    return Window(first, last)


@dataclass(frozen=True, slots=True)
class ItemShare:
    """One checklist item: on how many days of the window it was done."""

    name: str
    done_days: int
    days: int

    @property
    def share(self) -> float:
        return self.done_days / self.days if self.days else 0.0

    @property
    def percent(self) -> int:
        """The share in whole percent, half up (so 1 of 8 days is 13 %, not 12 %)."""
        return (self.done_days * 200 + self.days) // (self.days * 2) if self.days else 0


@dataclass(frozen=True, slots=True)
class Adherence:
    """A checklist over a window: the days with any item done, those with every
    item done, and each item's own share."""

    window: Window
    any_days: int
    all_days: int
    items: tuple[ItemShare, ...]

    @property
    def any_share(self) -> ItemShare:
        return ItemShare("any", self.any_days, self.window.days)

    @property
    def all_share(self) -> ItemShare:
        return ItemShare("all", self.all_days, self.window.days)


def _adherence(
    window: Window, names: Sequence[tuple[str, str]], done: Mapping[date, Collection[str]]
) -> Adherence:
    """``names``: (key, label) per item; ``done``: the item keys done on each day."""
    keys = [key for key, _label in names]
    per_item = dict.fromkeys(keys, 0)
    any_days = all_days = 0
    for day, items in done.items():
        if day not in window:
            continue
        hits = [key for key in keys if key in items]
        for key in hits:
            per_item[key] += 1
        any_days += bool(items)
        all_days += bool(keys) and len(hits) == len(keys)
    return Adherence(
        window,
        any_days,
        all_days,
        tuple(ItemShare(label, per_item[key], window.days) for key, label in names),
    )


def recovery_adherence(sessions: Iterable[RecoverySession], window: Window) -> Adherence:
    """Recovery work: the items the sessions tick (:func:`checklist_key`).

    Items are the five recovery kinds, plus each custom preset done in the
    window, in the order first seen. ``all_days`` counts days with every one
    of those items done, which a runner rarely aims at: the screen shows
    ``any_days``.
    """
    done: dict[date, set[str]] = {}
    extra: list[str] = []
    standard = {kind.value for kind in RecoveryKind}
    for session in sessions:
        key = checklist_key(session)
        if key is None or session.date not in window:
            continue
        done.setdefault(session.date, set()).add(key)
        if key not in standard and key not in extra:
            extra.append(key)
    names = [(kind.value, kind.label) for kind in RecoveryKind]
    names += [(key, checklist_label(key)) for key in extra]
    return _adherence(window, names, done)


def nutrition_adherence(
    items: Sequence[NutritionItem], checks: Mapping[date, Collection[int]], window: Window
) -> Adherence:
    """The active nutrition items; ``all_days`` are the days every one was ticked.

    Ticks of archived items count toward ``any_days`` only when an active item
    was ticked too: an archived item is no longer part of the checklist.
    """
    active = [item for item in items if not item.archived]
    ids = {item.id for item in active}
    done = {
        day: {str(item_id) for item_id in ticked if item_id in ids}
        for day, ticked in checks.items()
    }
    return _adherence(window, [(str(item.id), item.name) for item in active], done)
