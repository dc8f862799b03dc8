"""Garmin Connect's ``Activities.csv``: km or miles, any header language it ships.

Garmin writes local wall-clock time, so a run's date is taken as written.
Distance is in km unless the header says otherwise ("Distance (mi)") or the
file proves miles: cadence x stride length x time (or steps x stride length)
divided by distance gives metres per unit, ~1000 for km and ~1609 for miles.
When that cannot be worked out, km is assumed. Duration is the timer time,
else moving time, else elapsed time.
"""

from __future__ import annotations

import math
import re
import statistics
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from tracker.domain.activity import Activity
from tracker.domain.classify import guess_kind, is_run_type
from tracker.domain.units import METRES_PER_MILE
from tracker.formats.csv_table import (
    Columns,
    Row,
    collect,
    column_table,
    map_columns,
    not_a_run,
    require_columns,
    stream_csv,
)
from tracker.formats.numbers import (
    checked_distance,
    in_zone_utc,
    parse_file_duration,
    parse_number,
    parse_timestamp,
    plausible_heart_rate,
)
from tracker.formats.problems import ImportResult

# Garmin Connect translates its headers (Danish, German, French, Spanish,
# Dutch and Italian seen in the wild).
GARMIN_COLUMNS: Final = column_table(
    {
        "type": "activity type|aktivitätstyp|type d'activité|tipo de actividad|activiteittype|"
        "activiteitstype|tipo di attività|aktivitetstype|aktivitetstyp",
        "date": "date|datum|fecha|data|dato",
        "title": "title|titel|titre|título|titolo",
        "distance": "distance|distanz|distancia|afstand|distanza",
        "time": "time|zeit|durée|tiempo|tijd|tempo|tid",
        "moving": "moving time|zeit in bewegung|temps de déplacement|tiempo en movimiento|"
        "tijd bewogen|tempo in movimento|bevægelsestid",
        "elapsed": "elapsed time|verstrichene zeit|temps écoulé|tiempo transcurrido|"
        "verstreken tijd|tempo trascorso|forløbet tid",
        "cadence": "avg run cadence|avg cadence|ø schrittfrequenz (laufen)|"
        "cadence de course moyenne|cadencia de carrera media|gem. loopcadans|"
        "cadenza di corsa media|gennemsnit kadence løb",
        "stride": "avg stride length|ø schrittlänge|longueur moyenne des foulées|"
        "longitud media de zancada|gem. staplengte|lunghezza media passo|"
        "gennemsnitlig skridtlængde",
        "steps": "steps|schritte|pas|pasos|stappen|passi|skridt",
        "id": "activity id|aktivitäts-id|id de l'activité|id de actividad|activiteit-id|"
        "id attività",
        "avg_hr": "avg hr|ø herzfrequenz|fréquence cardiaque moyenne|frecuencia cardiaca media|"
        "gem. hartslag|frequenza cardiaca media|gennemsnitlig puls",
        "max_hr": "max hr|max. herzfrequenz|fréquence cardiaque maximale|"
        "frecuencia cardiaca máxima|max. hartslag|frequenza cardiaca massima|maks. puls",
    }
)


def is_garmin_header(header: list[str]) -> bool:
    """Whether a CSV header is Garmin Connect's, in any language it ships."""
    garmin = map_columns(header, GARMIN_COLUMNS)
    return all(garmin.first(k) is not None for k in ("type", "date", "distance"))


def parse_garmin_csv(text: str, name: str, tz: str | None = None) -> ImportResult:
    """Runs from Garmin Connect's ``Activities.csv`` (any header language it ships), all at
    once (see :func:`garmin_rows`)."""
    return collect("garmin-csv", garmin_rows(lambda: [text], name, tz))


def garmin_rows(
    text: Callable[[], Iterable[str]], name: str, tz: str | None = None
) -> Iterator[Activity | str]:
    """Each row of Garmin Connect's ``Activities.csv`` as a run or the reason it was
    skipped; ``text()`` gives the file's text in chunks, once for each of two passes.

    Garmin writes local time, "--" for missing values, thousands separators in
    some numbers and distances in the account's unit (see the module docstring
    for how miles are recognised). ``tz`` is not needed: dates are local. The
    unit and the order of day and month are guessed from every row, so a first
    pass (now) checks each record's width and gathers only what the guesses need;
    the rows are then read as they are asked for, in a second pass.
    """
    header, records = stream_csv(text(), name)
    columns = map_columns(header, GARMIN_COLUMNS)
    require_columns(
        name, columns, {"type": "Activity Type", "date": "Date", "distance": "Distance"}
    )
    guesses = _Guesses(columns)
    for number, fields in records:
        row = Row(name, number, fields, columns)
        row.check_width()
        guesses.add(row)
    unit_m, day_first = guesses.unit_m(), guesses.day_first()
    _, again = stream_csv(text(), name)
    return (
        _garmin_row(Row(name, number, fields, columns), unit_m, day_first, tz)
        for number, fields in again
    )


def _garmin_row(row: Row, unit_m: float, day_first: bool | None, tz: str | None) -> Activity | str:
    if skip := not_a_run(row.cell("type")):
        return skip
    date_index, raw_date = row.raw("date")
    try:
        moment = parse_timestamp(raw_date, day_first=day_first)
    except ValueError as exc:
        raise row.problem(str(exc), date_index) from None
    distance_index, _ = row.raw("distance")
    distance_m = 0
    if raw_distance := row.at(distance_index):
        try:
            distance_m = checked_distance(parse_number(raw_distance, decimal_comma=True) * unit_m)
        except ValueError as exc:
            raise row.problem(str(exc), distance_index) from None
    local = moment.replace(tzinfo=None)
    garmin_id = row.cell("id")
    source_id = (
        f"garmin:{garmin_id}"
        if garmin_id
        else f"garmin:{local.isoformat(timespec='seconds')}:{distance_m}"
    )
    note = " ".join(row.cell("title").split())
    return Activity(
        date=local.date(),
        kind=guess_kind(note, distance_m),
        distance_m=distance_m,
        duration_s=row.duration(("time", "moving", "elapsed")),
        note=note,
        source="import:garmin-csv",
        source_id=source_id,
        started_at=in_zone_utc(local, tz) if tz else None,
        avg_hr=plausible_heart_rate(row.cell("avg_hr")),
        max_hr=plausible_heart_rate(row.cell("max_hr")),
    )


_UNIT_METRES: Final = {"km": 1000.0, "mi": METRES_PER_MILE, "m": 1.0}
# metres per distance unit implied by cadence x stride, for stride in m or ft
_UNIT_EVIDENCE: Final = (
    (1000.0, 1000.0),
    (METRES_PER_MILE, METRES_PER_MILE),
    (3280.84, 1000.0),
    (5280.0, METRES_PER_MILE),
)


class _Guesses:
    """What the unit and day-order guesses need from each row, and the guesses.

    Metres per unit of the Distance column: the header's hint, else the evidence
    (cadence x stride x time over distance), else km. Slashed dates (as re-saved by
    spreadsheets) are day first when a first part is above 12, month first when a
    second is, fixed per file. Memory: one number a run (the evidence), not rows.
    """

    def __init__(self, columns: Columns) -> None:
        self.distance_index = columns.first("distance")
        self.hinted = (
            columns.units.get(self.distance_index) if self.distance_index is not None else None
        )
        self.ratios = array("d")
        self.first_above_12 = False
        self.second_above_12 = False

    def add(self, row: Row) -> None:
        if match := _SLASHED.match(row.cell("date")):
            self.first_above_12 = self.first_above_12 or int(match.group(1)) > 12
            self.second_above_12 = self.second_above_12 or int(match.group(2)) > 12
        if self.hinted is not None or not is_run_type(row.cell("type")):
            return
        try:
            distance = parse_number(row.at(self.distance_index), decimal_comma=True)
            stride = parse_number(row.cell("stride"), decimal_comma=True)
            if steps := row.cell("steps"):
                covered = parse_number(steps, decimal_comma=False) * stride
            else:
                cadence = parse_number(row.cell("cadence"))
                minutes = parse_file_duration(row.cell("time") or row.cell("moving")) / 60
                covered = cadence * stride * minutes
        except ValueError:
            return
        if distance > 0.5 and covered > 0:
            self.ratios.append(covered / distance)

    def unit_m(self) -> float:
        if self.hinted is not None:
            return _UNIT_METRES[self.hinted]
        if len(self.ratios) < 3:
            return 1000.0
        typical = statistics.median(self.ratios)
        evidence, unit_m = min(_UNIT_EVIDENCE, key=lambda pair: abs(math.log(typical / pair[0])))
        return unit_m if abs(math.log(typical / evidence)) < math.log(1.2) else 1000.0

    def day_first(self) -> bool | None:
        if self.first_above_12:
            return True
        if self.second_above_12:
            return False
        return None


_SLASHED: Final = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-]\d{4}")
