"""Strava's bulk-export ``activities.csv``: every column layout since 2014, any header language.

Dates are UTC, converted to the runner's zone before taking the calendar day.
Distance is the metres column where the layout has one, else the km column;
duration is moving time, else elapsed time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind
from tracker.formats.csv_table import (
    Columns,
    Row,
    cell_text,
    collect,
    column_table,
    map_columns,
    not_a_run,
    read_csv,
    require_columns,
    stream_csv,
    truthy,
)
from tracker.formats.numbers import (
    as_utc,
    checked_distance,
    checked_duration,
    local_date,
    parse_file_duration,
    parse_number,
    parse_timestamp,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.problems import ImportProblem, ImportResult

# Strava translates its headers; English, German and French are seen in real
# exports, the others follow Strava's own wording where known.
STRAVA_COLUMNS: Final = column_table(
    {
        "id": "activity id|aktivitäts-id|id de l'activité|id de la actividad|id attività|"
        "id dell'attività|activiteit-id|activiteits-id",
        "date": "activity date|aktivitätsdatum|date de l'activité|fecha de la actividad|"
        "data dell'attività|data attività|activiteitsdatum",
        "name": "activity name|name der aktivität|nom de l'activité|nombre de la actividad|"
        "nome attività|nome dell'attività|activiteitsnaam",
        "type": "activity type|aktivitätsart|type d'activité|tipo de actividad|"
        "tipo di attività|tipo attività|activiteitstype|activiteittype",
        "elapsed": "elapsed time|verstrichene zeit|temps écoulé|tiempo transcurrido|"
        "tempo trascorso|verstreken tijd",
        "moving": "moving time|bewegungszeit|durée de déplacement|temps de déplacement|"
        "tiempo en movimiento|tempo in movimento|beweegtijd",
        "distance": "distance|distanz|distancia|distanza|afstand",
        "competition": "competition|wettkampf|compétition|competición|competizione|wedstrijd",
        "long": "long run|langer lauf|sortie longue|carrera larga|lungo|duurloop",
        "workout_type": "workout type",
        "filename": "filename|dateiname|nom du fichier|nombre de archivo|nome file|bestandsnaam",
        "avg_hr": "average heart rate|durchschnittliche herzfrequenz|fréquence cardiaque moyenne",
        "max_hr": "max heart rate|maximale herzfrequenz|fréquence cardiaque max",
    }
)
STRAVA_LEGACY_COLUMNS: Final = column_table(
    {
        "id": "id",
        "date": "date",
        "name": "name",
        "type": "type",
        "elapsed": "elapsed_time",
        "moving": "moving_time",
        "distance": "distance",
        "workout_type": "workout_type",
        "filename": "filename",
    }
)

_ACTIVITY_ID = re.compile(r"\d{1,20}")


def is_strava_header(header: list[str]) -> bool:
    """Whether a CSV header is one of Strava's layouts."""
    strava = map_columns(header, STRAVA_COLUMNS)
    if strava.first("id") is not None and strava.first("date") is not None:
        return True
    legacy = map_columns(header, STRAVA_LEGACY_COLUMNS)
    return all(legacy.first(k) is not None for k in ("id", "date", "type", "distance", "elapsed"))


def parse_strava_csv(text: str, name: str, tz: str) -> ImportResult:
    """Runs from Strava's bulk-export ``activities.csv``, any layout since 2014 (see
    :func:`strava_rows`), all at once."""
    return collect("strava-csv", strava_rows([text], name, tz))


def strava_columns(header: list[str]) -> tuple[Columns, bool]:
    """The header's columns, and whether it is the 2014 (legacy) layout."""
    columns = map_columns(header, STRAVA_COLUMNS)
    if columns.first("id") is not None:
        return columns, False
    return map_columns(header, STRAVA_LEGACY_COLUMNS), True


def strava_rows(chunks: Iterable[str], name: str, tz: str) -> Iterator[Activity | str]:
    """Each row of a Strava ``activities.csv`` (its text in ``chunks``) as a run or the
    reason it was skipped, read as it is asked for; the header is checked at once.

    Columns are found by name and position: the modern layout repeats names
    ("Distance" first in km, later in metres; "Elapsed Time" twice); the 2014
    layout is lower-case with metres; the short 2018 layout has one Distance in
    km. Headers may carry a BOM, stray spaces, HTML "translation missing" spans
    or another language. Dates are UTC. A row that is wrong raises
    ``ImportProblem`` when it is reached.
    """
    resolve_zone(name, tz)
    header, records = stream_csv(chunks, name)
    columns, legacy = strava_columns(header)
    if legacy:
        labels = {k: k for k in ("id", "date", "type", "distance")}
    else:
        labels = {
            "id": "Activity ID",
            "date": "Activity Date",
            "type": "Activity Type",
            "distance": "Distance",
        }
    require_columns(name, columns, labels)
    layout = _Layout.of(columns, legacy)

    def outcomes() -> Iterator[Activity | str]:
        for number, fields in records:
            yield _strava_row(fields, number, name, tz, layout)

    return outcomes()


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each cell a run is read from sits, found once from the header: a record is
    read by position (asking a ``Row`` for each cell by name took as long as the rest of
    reading it)."""

    columns: Columns
    width: int
    type: int
    id: int
    date: int
    name: int | None
    distances: tuple[tuple[int, float, bool | None], ...]
    """(position, metres a unit, decimal comma) of the metres column, then the km one."""
    durations: tuple[int, ...]
    """Moving time's positions, then elapsed time's: the first one filled is the run's."""
    flags: tuple[int | None, int | None, int | None] | None
    """Competition, long run and workout type (None when the file has none of them)."""
    avg_hr: tuple[int, ...]
    max_hr: tuple[int, ...]
    """Heart-rate positions, the later (filled in newer exports) first."""

    @classmethod
    def of(cls, columns: Columns, legacy: bool) -> _Layout:
        at = columns.positions
        distances = at["distance"]
        if legacy:
            km, metres = None, distances[0]
        elif len(distances) >= 2:
            km, metres = distances[0], distances[1]
        else:
            km, metres = distances[0], None
        first = columns.first
        flags = (first("competition"), first("long"), first("workout_type"))
        return cls(
            columns=columns,
            width=len(columns.header),
            type=at["type"][0],
            id=at["id"][0],
            date=at["date"][0],
            name=first("name"),
            distances=tuple(
                (index, scale, comma)
                for index, scale, comma in ((metres, 1.0, None), (km, 1000.0, True))
                if index is not None
            ),
            durations=(*at.get("moving", []), *at.get("elapsed", [])),
            flags=flags if any(i is not None for i in flags) else None,
            avg_hr=tuple(reversed(at.get("avg_hr", []))),
            max_hr=tuple(reversed(at.get("max_hr", []))),
        )


def _strava_row(
    fields: list[str], number: int, file: str, tz: str, layout: _Layout
) -> Activity | str:
    """One record as a run, or why it is skipped; ``ImportProblem`` when it is wrong."""
    if len(fields) != layout.width:
        Row(file, number, fields, layout.columns).check_width()
    activity_type = cell_text(fields[layout.type])
    if skip := not_a_run(activity_type):
        return skip

    raw_id = fields[layout.id].strip()
    if not _ACTIVITY_ID.fullmatch(raw_id):
        message = f"not an activity id: {fields[layout.id]!r}"
        raise _problem(fields, number, file, layout, message, layout.id)
    try:
        moment = parse_timestamp(fields[layout.date])
    except ValueError as exc:
        raise _problem(fields, number, file, layout, str(exc), layout.date) from None
    distance_m = 0
    for index, scale, comma in layout.distances:
        if raw := cell_text(fields[index]):
            try:
                distance_m = checked_distance(parse_number(raw, decimal_comma=comma) * scale)
            except ValueError as exc:
                raise _problem(fields, number, file, layout, str(exc), index) from None
            break
    note = " ".join(_cell(fields, layout.name).split())
    started_at = as_utc(moment)
    day = local_date(started_at, tz)
    flag = None if layout.flags is None else _strava_flag(fields, layout.flags)
    kind = guess_kind(note, distance_m, flag)
    duration_s = None
    for index in layout.durations:
        if raw := cell_text(fields[index]):
            try:
                duration_s = checked_duration(parse_file_duration(raw))
            except ValueError as exc:
                raise _problem(fields, number, file, layout, str(exc), index) from None
            break
    return Activity(
        date=day,
        kind=kind,
        distance_m=distance_m,
        duration_s=duration_s,
        note=note,
        source="import:strava-csv",
        source_id=f"strava:{raw_id}",
        started_at=started_at,
        avg_hr=_heart_rate(fields, layout.avg_hr),
        max_hr=_heart_rate(fields, layout.max_hr),
    )


def _problem(
    fields: list[str], number: int, file: str, layout: _Layout, message: str, index: int
) -> ImportProblem:
    return Row(file, number, fields, layout.columns).problem(message, index)


def _cell(fields: list[str], index: int | None) -> str:
    return "" if index is None else cell_text(fields[index])


def _heart_rate(fields: list[str], positions: tuple[int, ...]) -> int | None:
    """Strava repeats its heart-rate columns; the first plausible value, later column first."""
    for index in positions:
        # no missing-value check: "--", "nan" or "n/a" is no heart rate either
        if (rate := plausible_heart_rate(fields[index].strip().lstrip("'"))) is not None:
            return rate
    return None


def strava_filenames(text: str, name: str) -> dict[str, str]:
    """Each row's own file (the ``Filename`` column) by the source id of its run.

    ``activities/123.gpx.gz`` -> ``{"strava:123": "activities/123.gpx.gz"}``;
    rows without a file are left out. The CSV is read as by :func:`parse_strava_csv`.
    """
    header, records = read_csv(text, name, (STRAVA_COLUMNS, STRAVA_LEGACY_COLUMNS))
    columns, _ = strava_columns(header)
    found: dict[str, str] = {}
    for number, fields in records:
        row = Row(name, number, fields, columns)
        if len(fields) != len(header) or columns.first("id") is None:
            continue
        file_name, raw_id = row.cell("filename"), row.cell("id")
        if file_name and raw_id:
            found[f"strava:{raw_id.strip()}"] = file_name.strip()
    return found


def _strava_flag(fields: list[str], flags: tuple[int | None, int | None, int | None]) -> str | None:
    competition, long, workout_type = flags
    if truthy(_cell(fields, competition)):
        return "race"
    if truthy(_cell(fields, long)):
        return "long run"
    raw = _cell(fields, workout_type)
    return raw.removesuffix(".0") if raw else None
