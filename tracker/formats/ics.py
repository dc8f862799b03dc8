"""The plan as an iCalendar file (with icalendar), for any calendar app.

One all-day event per planned day. Each event's UID is made from its date, so
importing a newer export into a calendar updates the days instead of adding
them twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from tracker.domain.plan import PlanDay
from tracker.domain.text import without_controls
from tracker.domain.units import format_distance


def plan_summary(day: PlanDay, units: str) -> str:
    """``Easy 8 km``, ``Race 21.1 km``, ``Rest``: a planned day in a calendar."""
    if not day.target_m:
        return day.kind.label
    return f"{day.kind.label} {format_distance(day.target_m, units).replace('.0 ', ' ')}"


def write_plan_ics(days: Iterable[PlanDay], units: str, now: datetime) -> bytes:
    """The planned ``days`` as an iCalendar file stamped ``now``; distances in ``units``."""
    calendar = Calendar()
    calendar.add("prodid", "-//recovtui//training plan//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "recovtui plan")
    stamp = now.astimezone(UTC) if now.tzinfo else now.replace(tzinfo=UTC)
    for day in days:
        on = date(day.date.year, day.date.month, day.date.day)
        event = Event()
        event.add("uid", f"plan-{on.isoformat()}@recovtui")
        event.add("dtstamp", stamp)
        event.add("dtstart", on)
        event.add("dtend", on + timedelta(days=1))
        event.add("summary", plan_summary(day, units))
        event.add("categories", [day.kind.value])
        event.add("transp", "TRANSPARENT")
        if day.note:
            event.add("description", without_controls(day.note))
        calendar.add_component(event)
    return bytes(calendar.to_ical())
