"""The plan as an iCalendar file: all-day events whose UIDs a calendar can update."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from tests.conftest import EVENING, TODAY
from tracker.domain.dates import week_of
from tracker.domain.kinds import DayKind
from tracker.domain.plan import DEFAULT_TEMPLATE, PlanDay
from tracker.formats.ics import plan_summary, write_plan_ics

LATER = EVENING.add(hours=1)


def planned_week() -> list[PlanDay]:
    week = week_of(TODAY)
    days = [PlanDay(on, kind) for on, kind in zip(week.days, DEFAULT_TEMPLATE, strict=True)]
    days[2] = PlanDay(TODAY, DayKind.WORKOUT, 12000, "6 × 800 m")
    days[3] = PlanDay(TODAY.add(days=1), DayKind.EASY, 8000, None)
    return days


def test_ics_export_is_a_calendar_of_all_day_events() -> None:
    text = write_plan_ics(planned_week(), "km", EVENING)
    calendar = Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}

    assert len(events) == 7
    thursday = events["plan-2026-11-26@recovtui"]
    assert str(thursday["SUMMARY"]) == "Easy 8 km"
    assert thursday.decoded("DTSTART") == date(2026, 11, 26)
    assert thursday.decoded("DTEND") == date(2026, 11, 27)
    assert "VALUE=DATE" in text.decode()
    wednesday = events["plan-2026-11-25@recovtui"]
    assert str(wednesday["SUMMARY"]) == "Workout 12 km"
    assert str(wednesday["DESCRIPTION"]) == "6 × 800 m"
    assert str(events["plan-2026-11-23@recovtui"]["SUMMARY"]) == "Rest"
    # the same plan gives the same UIDs: a calendar updates instead of duplicating
    again = Calendar.from_ical(write_plan_ics(planned_week(), "km", LATER))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


@pytest.mark.parametrize(
    ("target", "units", "text"),
    [
        (8000, "km", "Easy 8 km"),
        (21100, "km", "Easy 21.1 km"),
        (16093, "mi", "Easy 10 mi"),
        (None, "km", "Easy"),
    ],
)
def test_plan_summary(target: int | None, units: str, text: str) -> None:
    assert plan_summary(PlanDay(TODAY, DayKind.EASY, target), units) == text
