"""The export document as a format: its exact shape, its text, reading and checking it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pendulum
import pytest

from tests.conftest import EVENING, TODAY
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind, DayKind
from tracker.domain.nutrition import DEFAULT_ITEMS, NutritionItem
from tracker.domain.plan import DEFAULT_TEMPLATE, PlanDay
from tracker.domain.presets import DEFAULT_PRESETS
from tracker.domain.recovery import RecoveryKind, RecoverySession, SessionStatus
from tracker.domain.settings import Settings
from tracker.domain.wellness import Wellness
from tracker.formats.problems import ImportProblem
from tracker.formats.recovtui_json import (
    DOCUMENT_KEYS,
    ExportContents,
    build_document,
    check_document,
    dumps_document,
    load_document,
    parse_document,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exchange"
YESTERDAY = TODAY.subtract(days=1)


def small_contents() -> ExportContents:
    """One planned week, a run, an ice bath, a nutrition tick, an excused week, a check-in."""
    items = [NutritionItem(i, name, i) for i, name in enumerate(DEFAULT_ITEMS, start=1)]
    monday = TODAY.subtract(days=2)
    plan = [PlanDay(monday.add(days=i), kind) for i, kind in enumerate(DEFAULT_TEMPLATE)]
    plan[2] = PlanDay(TODAY, DayKind.WORKOUT, 12000, "6 × 800 m")
    protein = next(item for item in items if item.name == "Protein")
    return ExportContents(
        settings=Settings(timezone="UTC"),
        presets=DEFAULT_PRESETS,
        plan=plan,
        activities=[Activity(YESTERDAY, ActivityKind.EASY, 10000, 3000, 5, "", "manual")],
        sessions=[
            RecoverySession(
                YESTERDAY,
                RecoveryKind.ICE_BATH.value,
                pendulum.datetime(2026, 11, 24, 19, 0, 0, tz="UTC"),
                SessionStatus.COMPLETED,
                planned_s=600,
                elapsed_s=604,
                temperature_c=12.0,
            )
        ],
        items=items,
        checks={YESTERDAY: {protein.id}},
        excused={pendulum.date(2026, 8, 3): "flu"},
        checkins={YESTERDAY},
        wellness=[Wellness(YESTERDAY, 7.5, 3, 4, 2, 5)],
    )


def test_document_has_exactly_the_keys_in_order() -> None:
    doc = build_document(small_contents(), EVENING)

    assert list(doc) == list(DOCUMENT_KEYS)
    assert doc["format"] == "recovtui-export"
    assert doc["version"] == 2
    assert doc["exported_at"] == "2026-11-25T20:00:00Z"
    assert list(doc["settings"])[:2] == ["week_start", "units"]
    assert doc["settings"]["timezone"] == "UTC"
    assert [p["name"] for p in doc["settings"]["timer_presets"]] == [
        p.name for p in DEFAULT_PRESETS
    ]
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
    assert doc["recovery"][0]["started_at"] == "2026-11-24T19:00:00Z"
    assert doc["nutrition_items"][1] == {"name": "Protein", "position": 2, "archived": False}
    assert doc["nutrition_checks"] == [{"date": "2026-11-24", "item": "Protein"}]
    assert doc["excused_weeks"] == [{"week_start": "2026-08-03", "reason": "flu"}]
    assert doc["checkins"] == ["2026-11-24"]
    assert doc["wellness"] == [
        {
            "date": "2026-11-24",
            "sleep_h": 7.5,
            "sleep_quality": 3,
            "fatigue": 4,
            "stress": 2,
            "soreness": 5,
            "mood": None,
            "rhr": None,
            "pain_site": None,
            "pain": None,
        }
    ]


def test_the_written_text_is_json_with_one_record_a_line() -> None:
    doc = build_document(small_contents(), EVENING)
    text = dumps_document(doc)

    assert json.loads(text) == doc
    assert parse_document(text) == doc
    assert '    {"date": "2026-11-24", "kind": "easy", "distance_m": 10000,' in text
    assert text.startswith('{\n  "format": "recovtui-export",\n')


def test_a_written_document_checks_back_into_the_same_records() -> None:
    contents = small_contents()
    restore = check_document(parse_document(dumps_document(build_document(contents, EVENING))))

    assert restore.plan == list(contents.plan)
    assert restore.activities == list(contents.activities)
    assert restore.presets == list(contents.presets)
    assert restore.checks == [(YESTERDAY, "Protein")]
    assert restore.checkins == [YESTERDAY]
    assert restore.wellness == list(contents.wellness)


def test_ticks_of_a_document_without_a_checklist_name_stored_items() -> None:
    doc = {
        "format": "recovtui-export",
        "version": 1,
        "nutrition_checks": [{"date": "2026-11-24", "item": "Protein"}],
    }
    with pytest.raises(ImportProblem, match="no nutrition item called 'Protein'"):
        check_document(doc)
    assert check_document(doc, stored_item_names={"Protein"}).checks == [(YESTERDAY, "Protein")]


def test_the_small_fixture_export_is_a_valid_document() -> None:
    restore = check_document(parse_document((FIXTURES / "small_export.json").read_text()))
    assert len(restore.activities) == 2


def test_a_gzipped_export_loads(tmp_path: Path) -> None:
    path = tmp_path / "export.json.gz"
    path.write_bytes(gzip.compress((FIXTURES / "small_export.json").read_bytes()))
    assert load_document(path) == load_document(FIXTURES / "small_export.json")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (gzip.compress(b'{"format": "recovtui-export"}', mtime=0)[:-6], "truncated gzip data"),
        (b"\xff\xfe{}", r"not UTF-8 text \(byte 0\)"),
        (b"  \n", "empty file"),
    ],
    ids=["truncated gzip", "not UTF-8", "blank"],
)
def test_an_unreadable_export_is_a_problem(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(data)
    with pytest.raises(ImportProblem, match=message):
        load_document(path)


@pytest.mark.parametrize(
    ("record", "names"),
    [
        ({"date": "2026-11-24", "fatigue": 8}, "wellness record 1, field 'fatigue'"),
        ({"date": "2026-11-24", "sleep_h": 25}, "field 'sleep_h'"),
        ({"date": "2026-11-24", "sleep_h": "7.5"}, "field 'sleep_h'"),
        ({"date": "2026-11-24", "pain_site": "achilles"}, "field 'pain'"),
        ({"date": "2026-11-24", "pain_site": "calf\u001b[2J", "pain": 3}, "field 'pain'"),
        ({"date": "2026-11-24", "rhr": True}, "field 'rhr'"),
        ({"date": "2026-11-24", "mood": 2.0}, "field 'mood'"),
        ({"date": "2026-11-24", "hrv": 80}, "field 'hrv'"),
        ({"fatigue": 3}, "field 'date'"),
    ],
)
def test_a_bad_wellness_record_is_named(record: dict[str, object], names: str) -> None:
    doc = {"format": "recovtui-export", "version": 2, "wellness": [record]}
    with pytest.raises(ImportProblem) as caught:
        check_document(doc)
    assert names in str(caught.value)


def test_wellness_needs_version_2_and_one_record_a_day() -> None:
    record = {"date": "2026-11-24", "soreness": 4, "sleep_h": 7}
    with pytest.raises(ImportProblem, match="wellness records need version 2"):
        check_document({"format": "recovtui-export", "version": 1, "wellness": [record]})
    with pytest.raises(ImportProblem, match="duplicate date"):
        check_document({"format": "recovtui-export", "version": 2, "wellness": [record, record]})
    [entry] = check_document(
        {"format": "recovtui-export", "version": 2, "wellness": [record]}
    ).wellness
    assert entry == Wellness(YESTERDAY, sleep_h=7.0, soreness=4)
