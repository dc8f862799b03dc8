"""A large export read in steps: its text a chunk at a time, its rows as they are asked for."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.formats import text_stream
from tracker.formats.csv_table import read_csv, stream_csv
from tracker.formats.problems import ImportProblem
from tracker.formats.strava import strava_rows

HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"


def row(number: int, distance: str = "5.00") -> str:
    return f'{number},"Jan 5, 2019, 7:12:03 AM",Morning Run,Run,1900,{distance}\n'


def test_rows_are_read_as_they_are_asked_for() -> None:
    taken: list[int] = []

    def chunks() -> Iterator[str]:
        yield HEADER
        for number in range(1, 1001):
            taken.append(number)
            yield row(number)

    outcomes = strava_rows(chunks(), "activities.csv", "UTC")
    first = next(outcomes)
    assert not isinstance(first, str)
    assert first.source_id == "strava:1"
    assert len(taken) <= 2  # not the thousand rows behind it


def test_a_bad_row_is_found_when_it_is_reached() -> None:
    outcomes = strava_rows([HEADER, row(1), row(2, "-3")], "activities.csv", "UTC")
    next(outcomes)
    with pytest.raises(ImportProblem, match="row 2, field 'Distance': negative distance"):
        next(outcomes)


def test_a_missing_column_is_found_before_any_row() -> None:
    with pytest.raises(ImportProblem, match="missing column"):
        strava_rows(["Activity ID,Activity Date,Activity Type\n", "1,x,Run\n"], "a.csv", "UTC")


@given(st.text(alphabet='ab,"\n\r', max_size=60), st.integers(1, 7))
def test_records_are_the_same_however_the_text_is_cut(text: str, size: int) -> None:
    pieces = [text[i : i + size] for i in range(0, len(text), size)]

    def records(chunks: list[str]) -> object:
        try:
            header, rest = stream_csv(chunks, "x.csv")
            return header, list(rest)
        except ImportProblem as problem:
            return str(problem)

    assert records(pieces) == records([text])


def test_read_csv_keeps_only_the_columns_asked_for() -> None:
    header, records = read_csv("a,b\n1,2\n", "x.csv", ({"a": ("a",)},))
    assert header == ["a", "b"]
    assert records == [(1, ["1", ""])]


def test_a_line_too_long_is_refused_before_it_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.formats import csv_table

    monkeypatch.setattr(csv_table, "MAX_LINE_CHARS", 10)

    def endless() -> Iterator[str]:
        yield "a,b\n"
        while True:
            yield "x" * 4

    with pytest.raises(ImportProblem, match="line 2: line longer than 10 characters"):
        _header, records = stream_csv(endless(), "x.csv")
        list(records)


def _text(path: Path) -> str:
    return "".join(text_stream.text_chunks(path))


def test_text_is_read_in_steps_from_plain_and_gzip_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_stream, "CHUNK_BYTES", 7)
    text = HEADER + "".join(row(n) for n in range(1, 50)) + "Café au lait\n"
    plain = tmp_path / "a.csv"
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / "a.csv.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    utf16 = tmp_path / "b.csv"
    utf16.write_text(text, encoding="utf-16")
    assert _text(plain) == _text(packed) == _text(utf16) == text


def test_a_late_byte_that_is_not_utf8_makes_the_whole_file_cp1252(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_stream, "CHUNK_BYTES", 16)
    path = tmp_path / "a.csv"
    path.write_bytes(b"caf\xc3\xa9 " * 20 + b"na\xefve\n")
    assert _text(path) == "cafÃ© " * 20 + "naïve\n"


def test_a_control_character_late_in_the_file_is_binary_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_stream, "CHUNK_BYTES", 16)
    path = tmp_path / "a.csv"
    path.write_bytes(b"a,b\n" * 50 + b"1,\x00\n")
    with pytest.raises(ImportProblem, match="binary data inside the CSV text"):
        _text(path)


def test_a_file_that_unpacks_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.formats import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(text_stream, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress(b"a,b\n" * 1000))
    with pytest.raises(ImportProblem, match="unpacks to more than"):
        _text(path)
    plain = tmp_path / "b.csv"
    plain.write_bytes(b"a,b\n" * 1000)
    with pytest.raises(ImportProblem, match="file too large"):
        _text(plain)
