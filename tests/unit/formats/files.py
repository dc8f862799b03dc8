"""What the format tests share: the fixture files, a FIT file written by hand."""

from __future__ import annotations

import struct
from datetime import UTC, datetime
from pathlib import Path

from fitdecode.utils import compute_crc

from tracker.domain.activity import Activity
from tracker.formats.detect import parse_file
from tracker.formats.problems import ImportResult

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
MALFORMED = FIXTURES / "malformed"
REAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "real"


def parse(name: str, tz: str = "UTC") -> ImportResult:
    return parse_file(FIXTURES / name, tz)


def by_id(result: ImportResult) -> dict[str, Activity]:
    return {str(a.source_id): a for a in result.activities}


FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
SPORTS = {"running": 1, "cycling": 2, "walking": 11}


def fit_file(*sessions: dict[str, object], crc_ok: bool = True) -> bytes:
    """A minimal FIT activity: a file_id message and one session message per dict.

    Written by hand from the FIT protocol (fitdecode only reads), so the real
    decoder runs on synthetic data.
    """

    def definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
        head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
        return head + b"".join(struct.pack("<BBB", *f) for f in fields)

    records = definition(0, 0, [(0, 1, 0x00)]) + struct.pack("<BB", 0, 4)
    session_fields = [(2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86)]
    records += definition(1, 18, session_fields)
    for s in sessions:
        start = s["start"]
        assert isinstance(start, datetime)
        records += struct.pack(
            "<BIBIII",
            1,
            int((start - FIT_EPOCH).total_seconds()),
            SPORTS[str(s["sport"])],
            int(float(str(s["elapsed"])) * 1000),
            int(float(str(s["timer"])) * 1000),
            int(float(str(s["distance"])) * 100),
        )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    body = header + records
    crc = compute_crc(body) ^ (0 if crc_ok else 0xFFFF)
    return body + struct.pack("<H", crc)


RUN_START = datetime(2021, 7, 8, 22, 42, 45, tzinfo=UTC)
RUN: dict[str, object] = {
    "start": RUN_START,
    "sport": "running",
    "elapsed": 2044.5,
    "timer": 1941.7,
    "distance": 5543.72,
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
