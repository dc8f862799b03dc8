"""Exporting reads the store: the document it builds from it, and that reading writes nothing."""

from __future__ import annotations

import pytest

from tests.conftest import EVENING, TODAY
from tests.unit.services.history import dump, small_history
from tracker.data.store import Store
from tracker.domain.dates import week_of
from tracker.domain.kinds import DayKind
from tracker.formats.recovtui_json import DOCUMENT_KEYS
from tracker.services.exporting import export_csv, export_ics, export_json, export_text


def test_document_read_from_the_store_has_exactly_the_keys_in_order(store: Store) -> None:
    small_history(store)
    doc = export_json(store, EVENING)

    assert list(doc) == list(DOCUMENT_KEYS)
    assert doc["format"] == "recovtui-export"
    assert doc["version"] == 2
    assert doc["exported_at"] == "2026-11-25T20:00:00Z"
    assert list(doc["settings"])[:2] == ["week_start", "units"]
    assert doc["settings"]["week_start"] == "monday"
    assert doc["settings"]["timezone"] == "UTC"
    assert doc["plan"][0] == {"date": "2026-11-23", "kind": "rest", "target_m": None, "note": None}
    assert doc["plan"][2] == {
        "date": "2026-11-25",
        "kind": "workout",
        "target_m": 12000,
        "note": "6 × 800 m",
    }
    assert doc["activities"] == [
        {
            "date": "2026-11-24",
            "kind": "easy",
            "distance_m": 10000,
            "duration_s": 3000,
            "rpe": 5,
            "note": "",
            "source": "manual",
            "source_id": None,
        }
    ]
    assert doc["recovery"] == [
        {
            "date": "2026-11-24",
            "kind": "ice_bath",
            "started_at": "2026-11-24T19:00:00Z",
            "planned_s": 600,
            "elapsed_s": 604,
            "status": "completed",
            "temperature_c": 12.0,
            "note": None,
        }
    ]
    assert doc["nutrition_items"][1] == {"name": "Protein", "position": 2, "archived": False}
    assert doc["nutrition_checks"] == [{"date": "2026-11-24", "item": "Protein"}]
    assert doc["excused_weeks"] == [{"week_start": "2026-08-03", "reason": "flu"}]
    assert doc["checkins"] == ["2026-11-24"]


def test_exporting_writes_nothing(store: Store) -> None:
    small_history(store)
    before = dump(store)
    export_json(store, EVENING)
    export_csv(store)
    export_ics(store, EVENING)
    assert dump(store) == before


def test_csv_export_lists_the_stored_activities(store: Store) -> None:
    small_history(store)
    assert export_csv(store).splitlines()[1] == "2026-11-24,easy,10000,3000,5,,manual,,,"


@pytest.mark.parametrize("file_format", ["json", "csv"])
def test_exporting_json_or_csv_as_text_writes_nothing(store: Store, file_format: str) -> None:
    before = dump(store)
    export_text(store, file_format, EVENING, TODAY)
    assert dump(store) == before


def test_the_calendar_shows_this_week_and_the_next_without_storing_them(store: Store) -> None:
    before = dump(store)
    text = export_text(store, "ics", EVENING, TODAY)
    next_week = week_of(TODAY).shifted(1)
    assert f"UID:plan-{week_of(TODAY).start.isoformat()}@recovtui" in text
    assert f"UID:plan-{next_week.end.isoformat()}@recovtui" in text
    assert text.count("BEGIN:VEVENT") == 14
    assert dump(store) == before  # reading never writes
    assert store.plan_days() == {}
    # A past week never planned is not in the calendar.
    assert f"UID:plan-{week_of(TODAY).shifted(-1).start.isoformat()}@recovtui" not in text


def test_the_calendar_keeps_the_stored_plan(store: Store) -> None:
    store.set_day(TODAY, DayKind.WORKOUT, 12000, "6 × 800 m")
    text = export_text(store, "ics", EVENING, TODAY)
    assert "SUMMARY:Workout 12 km" in text
