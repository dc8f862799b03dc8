"""The fast paths of the Strava reader and the number and date parsers against the
readers they replace (``slow_readers.py``): any row, number or date gives the same
value, or the same refusal with the same message."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.formats.slow_readers import (
    slow_parse_number,
    slow_parse_timestamp,
    slow_strava_rows,
)
from tracker.domain.activity import Activity
from tracker.formats.numbers import parse_number, parse_timestamp
from tracker.formats.strava import strava_rows

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
moments = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2199, 12, 30))
EDGES: dict[str, list[Any]] = {
    "mon": ["Foo", "jan", "JAN", "Mär", "Okt"],
    "d": [0, 29, 30, 31, 32],
    "y": [1969, 2200, 2201, 1000, 9999],
    "h12": [0, 13],
    "h": [24, 25],
    "mi": [60, 61],
    "s": [60, 61],
    "ampm": ["am", "p.m.", "XM"],
    "mo": [0, 13],
    "sep": ["T", "t", "  "],
    "tail": ["Z", " UTC", "+02:00", "-15:00", ".5", ",25", " AM"],
}


@st.composite
def shaped_dates(draw: st.DrawFn, edges: int = 2) -> str:
    """A moment in Strava's English shape or ISO's, with up to ``edges`` of its parts at
    or past an edge (month 13, hour 0 AM, year 2201, a zone after it, …)."""
    m = draw(moments)
    parts: dict[str, Any] = {
        "mon": f"{m:%b}",
        "d": m.day,
        "y": m.year,
        "h12": m.hour % 12 or 12,
        "h": m.hour,
        "mi": m.minute,
        "s": m.second,
        "ampm": f"{m:%p}",
        "mo": m.month,
        "sep": " ",
        "tail": "",
    }
    for key in draw(st.lists(st.sampled_from(sorted(EDGES)), max_size=edges)):
        parts[key] = draw(st.sampled_from(EDGES[key]))
    if draw(st.booleans()):
        return "{mon} {d}, {y}, {h12}:{mi:02d}:{s:02d} {ampm}".format(**parts)
    return "{y:04d}-{mo:02d}-{d:02d}{sep}{h:02d}:{mi:02d}:{s:02d}{tail}".format(**parts)


good_dates = shaped_dates(edges=0)
dates = st.one_of(
    moments.map(lambda m: f"{m:%b} {m.day}, {m.year}, {m.hour % 12 or 12}:{m:%M:%S %p}"),
    moments.map(lambda m: f"{m:%Y-%m-%d %H:%M:%S}"),
)
dates = st.one_of(
    shaped_dates(),
    st.builds(" {} ".format, shaped_dates()),
    st.text(max_size=30),
)
numbers = st.one_of(
    st.sampled_from(["", "--", "nan", "inf", "1e400", "'12", " 5.01 ", "5,01", "1.234,5", "-3"]),
    st.sampled_from(["1 234,5", "1'234", "12.5.3", "0", "-0.0", "150", "300", "1_000", "N/A"]),
    st.floats(allow_nan=True).map(str),
    st.text(alphabet="0123456789.,-+' e", max_size=12),
)


def outcome_of(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as exc:
        return (type(exc).__name__, str(exc))


@settings(max_examples=1000)  # cheap, and the edges are many
@given(dates, st.sampled_from([None, True, False]))
def test_a_date_reads_as_the_general_patterns_read_it(text: str, day_first: bool | None) -> None:
    fast = outcome_of(lambda: parse_timestamp(text, day_first=day_first))
    slow = outcome_of(lambda: slow_parse_timestamp(text, day_first=day_first))
    assert fast == slow
    if not isinstance(fast, tuple):
        assert getattr(fast, "tzinfo", None) == getattr(slow, "tzinfo", None)


@settings(max_examples=500)
@given(numbers, st.sampled_from([None, True, False]))
def test_a_number_reads_as_before(text: str, comma: bool | None) -> None:
    fast = outcome_of(lambda: parse_number(text, decimal_comma=comma))
    assert fast == outcome_of(lambda: slow_parse_number(text, decimal_comma=comma))


MODERN = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Elapsed Time",
    "Distance",
    "Max Heart Rate",
    "Competition",
    "Elapsed Time",
    "Moving Time",
    "Distance",
    "Max Heart Rate",
    "Average Heart Rate",
    "Workout Type",
    "Long Run",
]
SHORT = ["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Distance"]
LEGACY = ["id", "date", "name", "type", "elapsed_time", "moving_time", "distance", "workout_type"]


good_numbers = st.one_of(
    st.floats(0, 60_000).map(lambda x: f"{x:.1f}"),
    st.floats(0, 60_000).map(repr),
    st.floats(0, 99).map(lambda x: f"{x:.2f}".replace(".", ",")),
    st.just(""),
)


def cells_for(column: str, clean: bool) -> st.SearchStrategy[str]:
    """Cells for a column: plausible ones for a clean row, anything for another."""
    name = column.casefold()
    if name in ("activity id", "id"):
        ids = st.integers(0, 10**21).map(str)
        return ids if clean else st.one_of(ids, st.builds(" {} ".format, ids), st.text(max_size=6))
    if name in ("activity date", "date"):
        return good_dates if clean else dates
    if name in ("activity type", "type"):
        kinds = ["Run", "Trail Run", "Ride", "", "--", "Walk", " run ", "'Run", "Laufen"]
        return st.sampled_from(kinds) if clean else st.one_of(st.sampled_from(kinds), st.text())
    if name in ("activity name", "name"):
        names = ["Morning Run", "Intervals 6x800", "Carnival 10k", "Long run", "  "]
        return st.one_of(st.sampled_from(names), st.text(max_size=12))
    if name in ("competition", "long run", "workout type", "workout_type"):
        return st.sampled_from(["", "1", "true", "0", "2.0", "3", "ja", " yes ", "--"])
    return good_numbers if clean else st.one_of(good_numbers, numbers)


@st.composite
def exports(draw: st.DrawFn) -> tuple[str, str]:
    header = draw(st.sampled_from([MODERN, SHORT, LEGACY]))
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        clean = draw(st.integers(0, 9)) < 8
        row = [draw(cells_for(column, clean)) for column in header]
        width = 0 if clean else draw(st.sampled_from([0, 0, -1, 1]))
        rows.append(row[:width] if width < 0 else row + ["x"] * width)
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([header, *rows])
    zone = draw(st.sampled_from(["UTC", "Europe/Berlin", "Pacific/Kiritimati", "Etc/GMT+12"]))
    return text.getvalue(), zone


def read_all(rows: Callable[[], Iterable[Activity | str]]) -> list[object]:
    """Every outcome, and the problem that stopped the reading (as type and message)."""
    seen: list[object] = []
    try:
        outcomes: Iterator[Activity | str] = iter(rows())
        seen.extend(outcomes)
    except Exception as exc:
        seen.append((type(exc).__name__, str(exc)))
    return seen


@given(exports())
def test_any_strava_row_reads_as_the_row_by_row_reader_read_it(export: tuple[str, str]) -> None:
    text, zone = export
    fast = read_all(lambda: strava_rows([text], "activities.csv", zone))
    assert fast == read_all(lambda: slow_strava_rows([text], "activities.csv", zone))
