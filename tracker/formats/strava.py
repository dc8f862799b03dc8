"""Strava's bulk-export ``activities.csv``: every column layout since 2014, any header language.

Dates are UTC, converted to the runner's zone before taking the calendar day.
Distance is the metres column where the layout has one, else the km column;
duration is moving time, else elapsed time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind, is_run_type
from tracker.formats.csv_table import (
    Row,
    collect,
    column_table,
    map_columns,
    read_csv,
    require_columns,
    stream_csv,
    truthy,
)
from tracker.formats.numbers import (
    as_utc,
    checked_distance,
    local_date,
    parse_number,
    parse_timestamp,
    plausible_heart_rate,
    resolve_zone,
)
from tracker.formats.problems import ImportResult

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
    columns = map_columns(header, STRAVA_COLUMNS)
    legacy = columns.first("id") is None
    if legacy:
        columns = map_columns(header, STRAVA_LEGACY_COLUMNS)
        labels = {k: k for k in ("id", "date", "type", "distance")}
    else:
        labels = {
            "id": "Activity ID",
            "date": "Activity Date",
            "type": "Activity Type",
            "distance": "Distance",
        }
    require_columns(name, columns, labels)
    distances = columns.positions["distance"]
    if legacy:
        km_index, metres_index = None, distances[0]
    elif len(distances) >= 2:
        km_index, metres_index = distances[0], distances[1]
    else:
        km_index, metres_index = distances[0], None

    def outcomes() -> Iterator[Activity | str]:
        for number, fields in records:
            row = Row(name, number, fields, columns)
            row.check_width()
            yield _strava_row(row, tz, km_index, metres_index)

    return outcomes()


def _strava_row(
    row: Row, tz: str, km_index: int | None, metres_index: int | None
) -> Activity | str:
    activity_type = row.cell("type")
    if not activity_type:
        return "no activity type"
    if not is_run_type(activity_type):
        return f"not a run: {activity_type}"
    id_index, raw_id = row.raw("id")
    if not _ACTIVITY_ID.fullmatch(raw_id.strip()):
        raise row.problem(f"not an activity id: {raw_id!r}", id_index)
    date_index, raw_date = row.raw("date")
    try:
        moment = parse_timestamp(raw_date)
    except ValueError as exc:
        raise row.problem(str(exc), date_index) from None
    distance_m = 0
    for index, scale, comma in ((metres_index, 1.0, None), (km_index, 1000.0, True)):
        if raw := row.at(index):
            try:
                distance_m = checked_distance(parse_number(raw, decimal_comma=comma) * scale)
            except ValueError as exc:
                raise row.problem(str(exc), index) from None
            break
    note = " ".join(row.cell("name").split())
    started_at = as_utc(moment)
    return Activity(
        date=local_date(started_at, tz),
        kind=guess_kind(note, distance_m, _strava_flag(row)),
        distance_m=distance_m,
        duration_s=row.duration(("moving", "elapsed")),
        note=note,
        source="import:strava-csv",
        source_id=f"strava:{raw_id.strip()}",
        started_at=started_at,
        avg_hr=_last_heart_rate(row, "avg_hr"),
        max_hr=_last_heart_rate(row, "max_hr"),
    )


def _last_heart_rate(row: Row, key: str) -> int | None:
    """Strava repeats its heart-rate columns; the later one is filled in newer exports."""
    for index in reversed(row.columns.positions.get(key, [])):
        if (raw := row.at(index)) and (rate := plausible_heart_rate(raw)) is not None:
            return rate
    return None


def strava_filenames(text: str, name: str) -> dict[str, str]:
    """Each row's own file (the ``Filename`` column) by the source id of its run.

    ``activities/123.gpx.gz`` -> ``{"strava:123": "activities/123.gpx.gz"}``;
    rows without a file are left out. The CSV is read as by :func:`parse_strava_csv`.
    """
    header, records = read_csv(text, name, (STRAVA_COLUMNS, STRAVA_LEGACY_COLUMNS))
    columns = map_columns(header, STRAVA_COLUMNS)
    if columns.first("id") is None:
        columns = map_columns(header, STRAVA_LEGACY_COLUMNS)
    found: dict[str, str] = {}
    for number, fields in records:
        row = Row(name, number, fields, columns)
        if len(fields) != len(header) or columns.first("id") is None:
            continue
        file_name, raw_id = row.cell("filename"), row.cell("id")
        if file_name and raw_id:
            found[f"strava:{raw_id.strip()}"] = file_name.strip()
    return found


def _strava_flag(row: Row) -> str | None:
    if truthy(row.cell("competition")):
        return "race"
    if truthy(row.cell("long")):
        return "long run"
    raw = row.cell("workout_type")
    return raw.removesuffix(".0") if raw else None
