"""FIT activity files: sessions to runs, damaged files refused (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.formats.files import RUN, RUN_START, fit_file, write
from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind
from tracker.formats.detect import parse_file
from tracker.formats.fit import fit_session_to_activity
from tracker.formats.problems import ImportProblem


def test_fit_session_becomes_a_run(tmp_path: Path) -> None:
    result = parse_file(write(tmp_path, "run.fit", fit_file(RUN)), "Europe/Helsinki")
    (run,) = result.activities
    assert result.kind == "fit"
    assert run.date == date(2021, 7, 9)  # 22:42 UTC is 01:42 in Helsinki
    assert run.distance_m == 5544
    assert run.duration_s == 1942  # timer time, not elapsed
    assert run.source == "import:fit"
    assert run.source_id == "track:2021-07-08T22:42:45Z"


def test_fit_non_running_session_is_skipped(tmp_path: Path) -> None:
    walk = RUN | {"sport": "walking"}
    result = parse_file(write(tmp_path, "walk.fit", fit_file(walk)), "UTC")
    assert result.activities == []
    assert result.skipped == {"not a run: walking": 1}


def test_fit_multisport_keeps_the_running_sessions(tmp_path: Path) -> None:
    ride = RUN | {"sport": "cycling", "start": RUN_START - timedelta(hours=2)}
    result = parse_file(write(tmp_path, "brick.fit", fit_file(ride, RUN)), "UTC")
    assert [a.source_id for a in result.activities] == ["track:2021-07-08T22:42:45Z"]
    assert result.skipped == {"not a run: cycling": 1}


def test_fit_damaged_after_its_session_imports_it_noted_truncated(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.fit", fit_file(RUN, crc_ok=False))
    result = parse_file(path, "UTC")
    (run,) = result.activities
    assert (run.distance_m, run.note) == (5544, "truncated")
    assert result.notes[0].startswith("truncated: imported what it holds")


def test_fit_cut_inside_its_only_session_is_rejected_with_the_reason(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.fit", fit_file(RUN)[:-9])
    with pytest.raises(ImportProblem, match=r"not a valid FIT file: .+"):
        parse_file(path, "UTC")


def test_fit_without_a_session_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="no activity session"):
        parse_file(write(tmp_path, "settings.fit", fit_file()), "UTC")


def test_fit_mapping_of_a_plain_session_dict() -> None:
    session = {
        "sport": "running",
        "sub_sport": "treadmill",
        "start_time": datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC),
        "total_distance": 21500.4,
        "total_elapsed_time": 7000.0,
        "total_timer_time": 6900.4,
    }
    run = fit_session_to_activity(session, "UTC")
    assert isinstance(run, Activity)
    assert (run.distance_m, run.duration_s, run.kind) == (21500, 6900, ActivityKind.LONG)


def test_fit_mapping_prefers_moving_time_and_tolerates_missing_distance() -> None:
    session = {
        "sport": "running",
        "start_time": datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC),
        "total_distance": None,
        "total_moving_time": 1500.0,
        "total_timer_time": 1600.0,
    }
    run = fit_session_to_activity(session, "UTC")
    assert isinstance(run, Activity)
    assert (run.distance_m, run.duration_s) == (0, 1500)


def test_fit_mapping_uses_a_structured_workout_name() -> None:
    session = {"sport": "running", "start_time": datetime(2020, 1, 1, tzinfo=UTC)}
    run = fit_session_to_activity(session, "UTC", workout_name="Cruise miles")
    assert isinstance(run, Activity)
    assert run.kind is ActivityKind.WORKOUT
    assert run.note == "Cruise miles"


@pytest.mark.parametrize(
    ("session", "reason"),
    [
        ({"sport": "cycling"}, "not a run: cycling"),
        ({"sport": None}, "not a run: unknown sport"),
        ({"sport": 254}, "not a run: 254"),
    ],
)
def test_fit_mapping_skip_reasons(session: dict[str, object], reason: str) -> None:
    assert fit_session_to_activity(session, "UTC") == reason


@pytest.mark.parametrize(
    ("session", "message"),
    [
        ({"sport": "running", "start_time": 12345}, "start_time"),
        (
            {"sport": "running", "start_time": datetime(2020, 1, 1), "total_distance": -5.0},
            "negative distance",
        ),
        (
            {"sport": "running", "start_time": datetime(2020, 1, 1), "total_distance": 2e6},
            "absurd distance",
        ),
    ],
)
def test_fit_mapping_rejects_impossible_sessions(session: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_session_to_activity(session, "UTC")


def _records_only(count: int) -> bytes:
    """A FIT activity of ``count`` records (time, distance, heart rate), cut before its end."""
    import struct

    from fitdecode.utils import compute_crc

    from tests.unit.formats.files import FIT_EPOCH

    definition = struct.pack("<BBBHB", 0x40, 0, 0, 20, 3) + struct.pack(
        "<BBBBBBBBB", 253, 4, 0x86, 5, 4, 0x86, 3, 1, 0x02
    )
    start = int((RUN_START - FIT_EPOCH).total_seconds())
    records = definition + b"".join(
        struct.pack("<BIIB", 0, start + 10 * i, 3000 * i, 140 + i % 20) for i in range(count)
    )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records) + 500, b".FIT")
    return header + struct.pack("<H", compute_crc(header)) + records


def test_fit_cut_before_its_session_is_made_of_its_records(tmp_path: Path) -> None:
    result = parse_file(write(tmp_path, "crashed.fit", _records_only(181)), "UTC")
    (run,) = result.activities
    assert (run.distance_m, run.duration_s, run.note) == (5400, 1800, "truncated")
    assert (run.avg_hr, run.max_hr, run.started_at) == (149, 159, RUN_START)
    assert result.notes[0].startswith("truncated: imported what it holds")


def test_fit_cut_after_one_record_has_nothing_usable(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="not a valid FIT file"):
        parse_file(write(tmp_path, "crashed.fit", _records_only(1)), "UTC")
