"""TCX files and zip members, damaged at random: an ``ImportProblem`` or runs, nothing else."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import memory_db
from tests.unit.formats.files import RUN, fit_file
from tracker.data.store import Store
from tracker.formats.problems import ImportProblem
from tracker.services.importing import load_file

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
TCX = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
    b'<Activities><Activity Sport="Running"><Id>2012-12-26T21:29:53Z</Id>'
    b"<Notes>Carnival 10k</Notes>"
    b'<Lap StartTime="2012-12-26T21:29:53Z"><TotalTimeSeconds>608.47</TotalTimeSeconds>'
    b"<DistanceMeters>1609.3</DistanceMeters><AverageHeartRateBpm><Value>139</Value>"
    b"</AverageHeartRateBpm><MaximumHeartRateBpm><Value>189</Value></MaximumHeartRateBpm>"
    b"<Track><Trackpoint><Time>2012-12-26T21:29:53Z</Time><DistanceMeters>0.0</DistanceMeters>"
    b"<HeartRateBpm><Value>62</Value></HeartRateBpm></Trackpoint><Trackpoint>"
    b"<Time>2012-12-26T21:40:01Z</Time><DistanceMeters>1609.3</DistanceMeters></Trackpoint>"
    b"</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
)
CSV = (
    b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n"
    b'1,"Dec 26, 2012, 9:29:53 PM",Run,Run,608,"1,61",activities/1.tcx\n'
)


def _only_problems(path: Path) -> None:
    store = Store(memory_db())
    try:
        loaded = load_file(store, path, "Europe/Berlin")
    except ImportProblem as problem:
        assert "unexpected error" not in str(problem), problem
        return
    finally:
        store.close()
    assert loaded.runs is not None
    for run in loaded.runs.activities:
        assert 0 <= run.distance_m <= 1_000_000


def _mutated(original: bytes, data: st.DataObject) -> bytes:
    position = data.draw(st.integers(0, len(original)))
    cut = data.draw(st.integers(0, 40))
    junk = data.draw(st.binary(max_size=8) | st.sampled_from([b"<", b"<a>", b"&x;", b"-1e9"]))
    return original[:position] + junk + original[position + cut :]


def test_the_tcx_sample_imports() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.tcx"
        path.write_bytes(TCX)
        store = Store(memory_db())
        loaded = load_file(store, path, "UTC")
        store.close()
    assert loaded.runs is not None
    (run,) = loaded.runs.activities
    assert (run.distance_m, run.duration_s, run.avg_hr, run.max_hr, run.kind.value) == (
        1609, 608, 139, 189, "race"
    )  # fmt: skip


@FUZZ
@given(st.data())
def test_a_damaged_tcx_raises_only_import_problem(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.tcx"
        path.write_bytes(_mutated(TCX, data))
        _only_problems(path)


@FUZZ
@given(st.data(), st.sampled_from(["activities.csv", "activities/1.tcx", "activities/2.fit"]))
def test_a_zip_with_a_damaged_member_raises_only_import_problem(
    data: st.DataObject, damaged: str
) -> None:
    members = {"activities.csv": CSV, "activities/1.tcx": TCX, "activities/2.fit": fit_file(RUN)}
    members[damaged] = _mutated(members[damaged], data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(out.getvalue())
        _only_problems(path)


@FUZZ
@given(st.data())
def test_a_damaged_zip_raises_only_import_problem(data: st.DataObject) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", CSV)
        archive.writestr("activities/1.tcx", TCX)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(b"PK\x03\x04" + _mutated(out.getvalue()[4:], data))
        _only_problems(path)
