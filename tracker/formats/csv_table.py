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
from dataclasses import dataclass
from typing import Final

from tracker.domain.activity import Activity
from tracker.formats.limits import MAX_RECORDS
from tracker.formats.numbers import checked_duration, parse_file_duration
from tracker.formats.problems import ImportProblem, ImportResult, LimitExceeded

_MISSING: Final = frozenset({"", "--", "nan", "n/a", "null", "none"})
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

    def first(self, key: str) -> int | None:
        found = self.positions.get(key)
        return found[0] if found else None

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


def _lines(text: str, name: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, refusing an absurdly long one before copying it.

    (``io.StringIO`` would copy the whole text again, at four bytes a character.)
    """
    start, number = 0, 0
    while start < len(text):
        number += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        if end - start > MAX_LINE_CHARS:
            raise LimitExceeded(
                name, f"line longer than {MAX_LINE_CHARS:,} characters", row=number, unit="line"
            )
        yield text[start:end]
        start = end


def read_csv(
    text: str, name: str, tables: Sequence[ColumnTable] = ()
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the records after it, numbered from 1; blank records dropped.

    At most :data:`~tracker.formats.limits.MAX_RECORDS` records. Only the cells
    of columns some of ``tables`` names are kept (the others become empty), so
    memory follows the columns read, not the columns a file holds.
    """
    reader = csv.reader(_lines(text, name), strict=True)
    records: list[tuple[int, list[str]]] = []
    number = 0
    try:
        header = next((h for h in reader if any(f.strip() for f in h)), None)
        if header is None:
            raise ImportProblem(name, "empty file")
        kept = {
            i for table in tables for p in map_columns(header, table).positions.values() for i in p
        }
        for fields in reader:
            number += 1
            if number > MAX_RECORDS:
                raise LimitExceeded(name, f"more than {MAX_RECORDS:,} rows")
            if any(f.strip() for f in fields):
                if kept:
                    fields = [f if i in kept else "" for i, f in enumerate(fields)]
                records.append((number, fields))
    except csv.Error as exc:
        hint = "; truncated file?" if "end of data" in str(exc) else ""
        raise ImportProblem(name, f"malformed CSV ({exc}){hint}", row=number + 1) from None
    return header, records


def require_columns(name: str, columns: Columns, labels: Mapping[str, str]) -> None:
    """A missing column is a problem named by its label (``Activity Type``)."""
    for key, label in labels.items():
        if columns.first(key) is None:
            raise ImportProblem(name, "missing column", field=label)


def truthy(text: str) -> bool:
    """A yes in a flag column, in the languages the exports ship."""
    return text.strip().casefold() in ("1", "1.0", "true", "yes", "ja", "oui", "sí", "si")


def collect(kind: str, outcomes: Iterable[Activity | str]) -> ImportResult:
    """Activities in file order; a skip reason counted; a repeated source id skipped."""
    activities: list[Activity] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for outcome in outcomes:
        if isinstance(outcome, str):
            skipped[outcome] += 1
        elif outcome.source_id in seen:
            skipped["duplicate row"] += 1
        else:
            seen.add(str(outcome.source_id))
            activities.append(outcome)
    return ImportResult(kind, activities, dict(skipped))


@dataclass(frozen=True)
class Row:
    """One CSV record and what is needed to name a problem in it."""

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
        return self.at(self.columns.first(key))

    def at(self, index: int | None) -> str:
        if index is None:
            return ""
        value = self.fields[index].strip().lstrip("'")
        return "" if value.casefold() in _MISSING else value

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
