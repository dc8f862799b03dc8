"""The §4 documents read from the store: ``stats --json``, ``status --json``.

One place reads what the figures need, so the Today header, the Stats screen,
``recovtui stats`` and ``recovtui status`` show the same streak from the same
data. The figures themselves are computed in :mod:`tracker.domain.stats`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tracker.data.store import Store
from tracker.domain.stats import build_stats, build_status_days, load_window_start

STATUS_DAYS = 7
"""The status summary holds this many days from today, so a prompt after
midnight still finds its answer without opening the database."""


def stats_report(store: Store, today: date) -> dict[str, Any]:
    """The ``stats --json`` document for ``today``.

    Reads every day that holds an activity (the streak needs the whole history)
    but whole activities only for the weeks the load figures look at.
    """
    settings = store.settings()
    recent = store.activities_between(load_window_start(today, settings.week_start), today)
    return build_stats(
        recent,
        store.excused_weeks().keys(),
        settings.week_start,
        today,
        store.is_checked_in(today),
        store.week_plan(today).rest_days,
        units=settings.units,
        activity_dates=store.activity_days(),
    )


def status_reports(store: Store, today: date, days: int = STATUS_DAYS) -> list[dict[str, object]]:
    """The ``status --json`` documents of ``days`` days from ``today``, oldest first."""
    last = today + timedelta(days=days - 1)
    return build_status_days(
        store.activity_days(),
        store.excused_weeks().keys(),
        store.settings().week_start,
        today,
        days,
        store.checkins(today, last),
    )


def status_report(store: Store, today: date) -> dict[str, object]:
    """The ``status --json`` document for ``today``."""
    return status_reports(store, today, 1)[0]
