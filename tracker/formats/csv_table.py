"""CSV exports as tables: columns found by name (in any language a table lists), rows read.

``row N`` in a problem is the Nth record after the header. Names repeat in some
exports (Strava writes "Distance" twice), so columns are kept by position.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Final

from tracker.domain.activity import Activity
from tracker.domain.classify import is_run_type
from tracker.formats.limits import MAX_RECORDS
from tracker.formats.numbers import checked_duration, parse_file_duration
from tracker.formats.problems import ImportProblem, ImportResult, LimitExceeded

_MISSING: Final = frozenset({"", "--", "nan", "n/a", "null", "none"})
_LONGEST_MISSING: Final = max(map(len, _MISSING))
_UNIT_SUFFIX = re.compile(r"(?P<base>.*?)\s*[(\[]\s*(?P<unit>[^\W\d_]+)\s*[)\]]")
_UNIT_NAMES: Final = {
    **dict.fromkeys(["km", "kilometer", "kilometers", "kilometre", "kilometres"], "km"),
    **dict.fromkeys(["mi", "mile", "miles", "meilen", "millas", "miglia", "mijl", "mijlen"], "mi"),
    **dict.fromkeys(["m", "meter", "meters", "metre", "metres"], "m"),
}

ColumnTable = dict[str, tuple[str, ...]]
"""The names each wanted column goes by, per field: ``{"date": ("date", "datum")}``."""


def column_table(spec: Mapping[str, str]) -> ColumnTable:
    """Column names per wanted field, written ``"name one|name two"``."""
    return {key: tuple(n.strip() for n in names.split("|")) for key, names in spec.items()}


def _normalise_header(name: str) -> str:
    name = re.sub(r"<[^>]*>", "", name).replace("\ufeff", "")
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _split_unit(header: str) -> tuple[str, str | None]:
    """``distance (mi)`` -> ``("distance", "mi")``; a header without a unit is unchanged."""
    if (match := _UNIT_SUFFIX.fullmatch(header)) and match.group("unit") in _UNIT_NAMES:
        return match.group("base"), _UNIT_NAMES[match.group("unit")]
    return header, None


@dataclass(frozen=True)
class Columns:
    """Where each wanted column sits, by position, since names repeat."""

    header: list[str]
    positions: dict[str, list[int]]
    units: dict[int, str]
    firsts: dict[str, int] = field(init=False)
    """The first position of each field found (asked for in every cell of every record)."""

    def __post_init__(self) -> None:
        firsts = {key: found[0] for key, found in self.positions.items() if found}
        object.__setattr__(self, "firsts", firsts)

    def first(self, key: str) -> int | None:
        return self.firsts.get(key)

    def name(self, index: int) -> str:
        return self.header[index].strip().lstrip("\ufeff")


def map_columns(header: Sequence[str], table: Mapping[str, tuple[str, ...]]) -> Columns:
    """Find the table's fields in a header (case, spacing, BOM and HTML spans ignored)."""
    positions: dict[str, list[int]] = {}
    units: dict[int, str] = {}
    for index, raw in enumerate(header):
        base, unit = _split_unit(_normalise_header(raw))
        for key, names in table.items():
            if base in names:
                positions.setdefault(key, []).append(index)
                if unit:
                    units[index] = unit
                break
    return Columns(list(header), positions, units)


MAX_LINE_CHARS: Final = 1_000_000
"""A line longer than this is no export's (csv refuses a field past 131,072 anyway)."""


_PIECE_CHARS: Final = 1 << 18


def _lines(chunks: Iterable[str], name: str) -> Iterator[str]:
    """The lines of the text in ``chunks`` with their ends, refusing an absurdly long one
    before holding it whole.

    The text is split a piece at a time (at most :data:`_PIECE_CHARS`, so that a text
    of empty lines never becomes millions of strings at once); ``io.StringIO`` would
    copy a whole text again, at four bytes a character.
    """
    return chain.from_iterable(_line_lists(chunks, name))


def _line_lists(chunks: Iterable[str], name: str) -> Iterator[list[str]]:
    number = 0
    rest = ""
    for chunk in chunks:
        for at in range(0, len(chunk), _PIECE_CHARS):
            lines = (rest + chunk[at : at + _PIECE_CHARS]).split("\n")
            rest = lines.pop()
            if lines and max(map(len, lines)) >= MAX_LINE_CHARS:
                long = next(i for i, line in enumerate(lines) if len(line) >= MAX_LINE_CHARS)
                raise _too_long(name, number + long + 1)
            number += len(lines)
            yield [line + "\n" for line in lines]
            if len(rest) > MAX_LINE_CHARS:
                raise _too_long(name, number + 1)
    if rest:
        yield [rest]


def _too_long(name: str, number: int) -> LimitExceeded:
    return LimitExceeded(
        name, f"line longer than {MAX_LINE_CHARS:,} characters", row=number, unit="line"
    )


def read_csv(
    text: str, name: str, tables: Sequence[ColumnTable] = ()
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the records after it, numbered from 1; blank records dropped.

    At most :data:`~tracker.formats.limits.MAX_RECORDS` records. Only the cells
    of columns some of ``tables`` names are kept (the others become empty), so
    memory follows the columns read, not the columns a file holds.
    """
    header, records = stream_csv([text], name)
    kept = {i for table in tables for p in map_columns(header, table).positions.values() for i in p}
    if not kept:
        return header, list(records)
    return header, [
        (number, [f if i in kept else "" for i, f in enumerate(fields)])
        for number, fields in records
    ]


def stream_csv(
    chunks: Iterable[str], name: str
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header, read now, and the records after it, read as they are asked for.

    Numbered from 1, blank records dropped, at most
    :data:`~tracker.formats.limits.MAX_RECORDS`; a malformed record raises
    ``ImportProblem`` when it is reached.
    """
    reader = csv.reader(_lines(chunks, name), strict=True)
    try:
        header = next((h for h in reader if any(f.strip() for f in h)), None)
    except csv.Error as exc:
        raise _malformed(name, exc, 1) from None
    if header is None:
        raise ImportProblem(name, "empty file")

    def records() -> Iterator[tuple[int, list[str]]]:
        number = 0
        try:
            for fields in reader:
                number += 1
                if number > MAX_RECORDS:
                    raise LimitExceeded(name, f"more than {MAX_RECORDS:,} rows")
                if (fields and fields[0].strip()) or any(f.strip() for f in fields):
                    yield number, fields
        except csv.Error as exc:
            raise _malformed(name, exc, number + 1) from None

    return header, records()


def _malformed(name: str, exc: csv.Error, row: int) -> ImportProblem:
    hint = "; truncated file?" if "end of data" in str(exc) else ""
    return ImportProblem(name, f"malformed CSV ({exc}){hint}", row=row)


def require_columns(name: str, columns: Columns, labels: Mapping[str, str]) -> None:
    """A missing column is a problem named by its label (``Activity Type``)."""
    for key, label in labels.items():
        if columns.first(key) is None:
            raise ImportProblem(name, "missing column", field=label)


def truthy(text: str) -> bool:
    """A yes in a flag column, in the languages the exports ship."""
    return text.strip().casefold() in ("1", "1.0", "true", "yes", "ja", "oui", "sí", "si")


def not_a_run(activity_type: str) -> str | None:
    """Why a record of this activity type is skipped (``not a run: Ride``); None for a run."""
    if not activity_type:
        return "no activity type"
    if not is_run_type(activity_type):
        return f"not a run: {activity_type}"
    return None


DUPLICATE_ROW: Final = "duplicate row"
"""The skip reason of a record whose source id an earlier record of the file had."""


def runs_only(outcomes: Iterable[Activity | str], skipped: Counter[str]) -> Iterator[Activity]:
    """The activities among a parser's outcomes, in file order; each skip reason counted."""
    for outcome in outcomes:
        if isinstance(outcome, str):
            skipped[outcome] += 1
        else:
            yield outcome


def collect(kind: str, outcomes: Iterable[Activity | str]) -> ImportResult:
    """Activities in file order; a skip reason counted; a repeated source id skipped."""
    activities: list[Activity] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for activity in runs_only(outcomes, skipped):
        if activity.source_id in seen:
            skipped[DUPLICATE_ROW] += 1
        else:
            seen.add(str(activity.source_id))
            activities.append(activity)
    return ImportResult(kind, activities, dict(skipped))


def cell_text(raw: str) -> str:
    """A cell as its value: spaces and a spreadsheet's leading ``'`` taken off, and ``""``
    for the ways exports write a missing value (``--``, ``n/a``, …)."""
    value = raw.strip().lstrip("'")
    return "" if len(value) <= _LONGEST_MISSING and value.casefold() in _MISSING else value


@dataclass(slots=True)
class Row:
    """One CSV record and what is needed to name a problem in it (not frozen: one is made
    for every record, and a frozen one costs four times as much to make)."""

    file: str
    number: int
    fields: list[str]
    columns: Columns

    def check_width(self) -> None:
        width, expected = len(self.fields), len(self.columns.header)
        if width < expected:
            raise ImportProblem(
                self.file, f"truncated row: {width} of {expected} fields", row=self.number
            )
        if width > expected:
            raise ImportProblem(
                self.file, f"{width} fields but the header has {expected}", row=self.number
            )

    def cell(self, key: str) -> str:
        return self.at(self.columns.firsts.get(key))

    def at(self, index: int | None) -> str:
        return "" if index is None else cell_text(self.fields[index])

    def raw(self, key: str) -> tuple[int, str]:
        index = self.columns.first(key)
        assert index is not None, key
        return index, self.fields[index]

    def problem(self, message: str, index: int | None) -> ImportProblem:
        label = self.columns.name(index) if index is not None else None
        return ImportProblem(self.file, message, row=self.number, field=label)

    def duration(self, keys: Iterable[str]) -> int | None:
        """The first non-empty duration among the columns named by ``keys``."""
        for key in keys:
            for index in self.columns.positions.get(key, []):
                if raw := self.at(index):
                    try:
                        return checked_duration(parse_file_duration(raw))
                    except ValueError as exc:
                        raise self.problem(str(exc), index) from None
        return None
