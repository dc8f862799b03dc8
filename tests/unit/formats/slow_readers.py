"""The Strava row reader and number parser as they were before the fast paths: the
references the fast ones are compared with (``test_fast_readers.py``).

Kept as they were: cells asked for by name through a ``Row``, every number put
through the noise table first, every date through the general patterns; only the
tests import them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from datetime import datetime

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind
from tracker.formats.csv_table import Row, not_a_run, stream_csv, truthy
from tracker.formats.numbers import (
    _NUMBER_NOISE,
    _general_timestamp,
    as_utc,
    checked_distance,
    local_date,
    parse_number,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.strava import _ACTIVITY_ID, _Layout, strava_columns


def slow_parse_number(text: str, *, decimal_comma: bool | None = None) -> float:
    """Every number put through the noise table first."""
    try:
        return parse_number(text.strip().translate(_NUMBER_NOISE), decimal_comma=decimal_comma)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None


def slow_parse_timestamp(text: str, *, day_first: bool | None = None) -> datetime:
    if text.isascii():
        s = text.strip()
    else:
        s = unicodedata.normalize("NFC", text).strip().replace("\u202f", " ")
        s = s.replace("\u00a0", " ")
    return _general_timestamp(s, text, day_first)


def slow_strava_rows(chunks: Iterable[str], name: str, tz: str) -> Iterator[Activity | str]:
    resolve_zone(name, tz)
    header, records = stream_csv(chunks, name)
    columns, legacy = strava_columns(header)
    distances = _Layout.of(columns, legacy).distances  # which column: not what is compared
    for number, fields in records:
        row = Row(name, number, fields, columns)
        row.check_width()
        yield _slow_strava_row(row, tz, distances)


def _slow_strava_row(
    row: Row, tz: str, distances: tuple[tuple[int, float, bool | None], ...]
) -> Activity | str:
    if skip := not_a_run(row.cell("type")):
        return skip
    id_index, raw_id = row.raw("id")
    if not _ACTIVITY_ID.fullmatch(raw_id.strip()):
        raise row.problem(f"not an activity id: {raw_id!r}", id_index)
    date_index, raw_date = row.raw("date")
    try:
        moment = slow_parse_timestamp(raw_date)
    except ValueError as exc:
        raise row.problem(str(exc), date_index) from None
    distance_m = 0
    for index, scale, comma in distances:
        if raw := row.at(index):
            try:
                distance_m = checked_distance(slow_parse_number(raw, decimal_comma=comma) * scale)
            except ValueError as exc:
                raise row.problem(str(exc), index) from None
            break
    note = " ".join(row.cell("name").split())
    started_at = as_utc(moment)
    return Activity(
        date=local_date(started_at, tz),
        kind=guess_kind(note, distance_m, _slow_flag(row)),
        distance_m=distance_m,
        duration_s=row.duration(("moving", "elapsed")),
        note=note,
        source="import:strava-csv",
        source_id=f"strava:{raw_id.strip()}",
        started_at=started_at,
        avg_hr=_slow_heart_rate(row, "avg_hr"),
        max_hr=_slow_heart_rate(row, "max_hr"),
    )


def _slow_heart_rate(row: Row, key: str) -> int | None:
    for index in reversed(row.columns.positions.get(key, [])):
        if (raw := row.at(index)) and (rate := plausible_heart_rate(raw)) is not None:
            return rate
    return None


def _slow_flag(row: Row) -> str | None:
    if truthy(row.cell("competition")):
        return "race"
    if truthy(row.cell("long")):
        return "long run"
    raw = row.cell("workout_type")
    return raw.removesuffix(".0") if raw else None
