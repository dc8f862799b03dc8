"""Turn exported files into runs: Strava and Garmin CSV, GPX and FIT.

Parsing only, no database: ``parse_file`` detects the format and returns every
run in the file, or raises ``ImportProblem`` naming the first problem (file,
row, field), so a malformed file is rejected whole (DESIGN.md §10).

Choices made here, in one place:

* **Kind.** ``race`` when the file flags it (Strava's *Competition* / *Workout
  Type* columns) or the name has a race word (race, parkrun, marathon, …,
  unless it also says training/pace/recovery); else ``workout`` for interval
  words (intervals, tempo, fartlek, track, repeats, 6x800, …); else ``long``
  when flagged, named "long run", or at least 18 km; else ``easy``. The long
  rule is an absolute 18 km rather than "1.6 x the file's median" so that a
  run's kind never depends on which other runs share its file.
* **Non-runs** (rides, swims, walks, hikes, strength, …) are skipped and
  counted by reason; treadmill, trail, track and virtual runs are runs.
* **Dates.** Strava dates and GPX/FIT timestamps are UTC and converted with
  pendulum to the runner's zone before taking the calendar date. Garmin
  Connect writes local wall-clock time, so its date is taken as written.
* **Distance** is integer metres. GPX uses gpxpy's 2-D length (horizontal, as
  Strava and Garmin report it; 3-D adds GPS elevation noise). Garmin CSV is in
  km unless the header says otherwise ("Distance (mi)") or the file proves
  miles: cadence x stride length x time (or steps x stride length) divided by
  distance gives metres per unit, ~1000 for km and ~1609 for miles. When that
  cannot be worked out, km is assumed.
* **Duration** is integer seconds, moving time where the file has it, else
  timer time, else elapsed time.
* **Rows.** ``row N`` in messages is the Nth record after the CSV header.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import statistics
import unicodedata
import warnings
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Final

import fitdecode
import gpxpy
import pendulum

from tracker.domain.activity import Activity
from tracker.domain.kinds import ActivityKind

__all__ = [
    "KINDS",
    "LONG_RUN_M",
    "ImportProblem",
    "ImportResult",
    "detect_kind",
    "fit_session_to_activity",
    "guess_kind",
    "is_run_type",
    "parse_duration",
    "parse_file",
    "parse_fit",
    "parse_garmin_csv",
    "parse_gpx",
    "parse_number",
    "parse_strava_csv",
    "parse_timestamp",
]

KINDS: Final = ("recovtui-json", "strava-csv", "garmin-csv", "gpx", "fit")
LONG_RUN_M: Final = 18_000
MAX_DISTANCE_M: Final = 1_000_000
MAX_DURATION_S: Final = 7 * 24 * 3600
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
HEAD_BYTES: Final = 64 * 1024
MILE_M: Final = 1609.344
_MISSING: Final = frozenset({"", "--", "nan", "n/a", "null", "none"})


class ImportProblem(ValueError):
    """Why a file cannot be imported: the file, where in it, and what is wrong."""

    def __init__(
        self,
        file: str,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
        unit: str = "row",
    ) -> None:
        self.file = file
        self.row = row
        self.field = field
        self.message = message
        self.unit = unit
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"{self.unit} {self.row}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}"

    def __str__(self) -> str:
        return self._describe()


@dataclass
class ImportResult:
    """The runs found in one file, and how many records were left out and why."""

    kind: str
    activities: list[Activity]
    skipped: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- numbers


_NUMBER_NOISE = str.maketrans("", "", " \u00a0\u202f\u2009'\u2019")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_GROUPED_NUMBER = re.compile(r"([+-]?)(\d[\d.,]*)")


def parse_number(text: str, *, decimal_comma: bool | None = None) -> float:
    """Read a number as exports write it: ``5.01``, ``"5,01"``, ``1,234.5``, ``1.234,5``.

    A lone comma is ambiguous: ``decimal_comma=True`` reads ``1,234`` as 1.234,
    ``False`` as 1234, and ``None`` guesses thousands only for ``d{1,3},ddd``.
    """
    s = text.strip().translate(_NUMBER_NOISE)
    if _PLAIN_NUMBER.fullmatch(s):
        value = float(s)
    elif match := _GROUPED_NUMBER.fullmatch(s):
        value = _ungroup(match.group(2), decimal_comma, text)
        if match.group(1) == "-":
            value = -value
    else:
        raise ValueError(f"not a number: {text!r}")
    if not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return value


def _ungroup(body: str, decimal_comma: bool | None, text: str) -> float:
    bad = ValueError(f"not a number: {text!r}")
    if "," in body and "." in body:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = body.rpartition(decimal)
        if not fraction.isdigit() or not _is_grouped(whole, thousands):
            raise bad
        return float(whole.replace(thousands, "") + "." + fraction)
    separator = "," if "," in body else "."
    parts = body.split(separator)
    if len(parts) > 2:
        if not _is_grouped(body, separator):
            raise bad
        return float(body.replace(separator, ""))
    whole, fraction = parts
    if not whole.isdigit() or not fraction.isdigit():
        raise bad
    if separator == ",":
        grouped = (
            not decimal_comma
            if decimal_comma is not None
            else len(whole) <= 3 and len(fraction) == 3
        )
        if grouped:
            if len(fraction) != 3 or len(whole) > 3:
                raise bad
            return float(whole + fraction)
    return float(f"{whole}.{fraction}")


def _is_grouped(whole: str, separator: str) -> bool:
    groups = whole.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


_CLOCK = re.compile(r"(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?")


def parse_duration(text: str) -> int:
    """Seconds from ``979``, ``979.0``, ``52:10.5``, ``41:06`` or ``01:02:03``."""
    s = text.strip()
    if match := _CLOCK.fullmatch(s):
        hours, minutes, seconds, fraction = match.groups()
        if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
            raise ValueError(f"not a duration: {text!r}")
        total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        return total + (1 if fraction and int(fraction[0]) >= 5 else 0)
    try:
        value = parse_number(s, decimal_comma=True)
    except ValueError:
        raise ValueError(f"not a duration: {text!r}") from None
    if value < 0:
        raise ValueError(f"negative duration: {text!r}")
    return round(value)


# ------------------------------------------------------------------ dates


_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        [
            "jan january janv janvier januar jän jänner ene enero gen gennaio januari",
            "feb february fév févr février februar febrero febbraio februari",
            "mar march mär märz mars marzo maart mrt",
            "apr april avr avril abr abril aprile",
            "may mai mayo mag maggio mei",
            "jun june juin juni junio giu giugno",
            "jul july juil juillet juli julio lug luglio",
            "aug august aoû août agosto ago augustus",
            "sep sept september septembre septiembre set settembre",
            "oct october okt oktober octobre octubre ott ottobre",
            "nov november novembre noviembre",
            "dec december déc décembre dez dezember dic diciembre dicembre",
        ],
        start=1,
    )
    for name in names.split()
}
_TIME = (
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
)
_ZONE = r"\s*(?P<tz>z|utc|gmt|[+-]\d{2}:?\d{2})?"
_DATE_PATTERNS: Final = (
    re.compile(
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:t|\s+)" + _TIME + _ZONE, re.IGNORECASE
    ),
    re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2}),?\s+" + _TIME + _ZONE, re.IGNORECASE),
    re.compile(
        r"(?P<mon>[^\W\d_]{3,10})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]{3,10})\.?,?\s+(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}),?\s+" + _TIME + _ZONE,
        re.IGNORECASE,
    ),
)


def parse_timestamp(text: str, *, day_first: bool | None = None) -> datetime:
    """A date and time as exports write them; aware when the text names an offset.

    Accepts ISO (``2021-03-04 07:15:00``, ``…T…Z``), Strava's
    ``Jan 5, 2019, 7:12:03 AM`` and ``5 Jan 2019, 07:12:03`` (English, French,
    German, Spanish, Italian and Dutch month names) and numeric ``dd/mm/yyyy
    hh:mm``. Slashed dates need ``day_first`` unless a part above 12 settles
    it; dotted ones (``05.01.2019``) are always day first.
    """
    s = unicodedata.normalize("NFC", text).strip().replace("\u202f", " ").replace("\u00a0", " ")
    for pattern in _DATE_PATTERNS:
        if match := pattern.fullmatch(s):
            return _build_timestamp(match, text, day_first)
    raise ValueError(f"not a date and time: {text!r}")


def _build_timestamp(match: re.Match[str], text: str, day_first: bool | None) -> datetime:
    parts = match.groupdict()
    year = int(parts["y"])
    if parts.get("mon") is not None:
        month = _MONTHS.get(parts["mon"].casefold())
        if month is None:
            raise ValueError(f"unknown month in {text!r}")
        day = int(parts["d"])
    elif parts.get("a") is not None:
        a, b = int(parts["a"]), int(parts["b"])
        if parts["sep"] == ".":
            day_first = True
        elif day_first is None:
            if a > 12 >= b:
                day_first = True
            elif b > 12 >= a:
                day_first = False
            else:
                raise ValueError(f"ambiguous date (day or month first?): {text!r}")
        day, month = (a, b) if day_first else (b, a)
    else:
        month, day = int(parts["m"]), int(parts["d"])
    hour, minute = int(parts["h"]), int(parts["mi"])
    second = int(parts["s"] or 0)
    micro = int((parts["frac"] or "0").ljust(6, "0")[:6])
    if ampm := parts["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"impossible date: {text!r}")
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    if not 1970 <= year <= 2200:
        raise ValueError(f"impossible date: {text!r}")
    try:
        moment = datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        raise ValueError(f"impossible date: {text!r}") from None
    zone = (parts["tz"] or "").lower()
    if zone in ("z", "utc", "gmt"):
        return moment.replace(tzinfo=UTC)
    if zone:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset_min = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        if abs(offset_min) > 14 * 60:
            raise ValueError(f"impossible time zone offset: {text!r}")
        return pendulum.instance(moment, tz=pendulum.FixedTimezone(offset_min * 60))
    return moment


@lru_cache(maxsize=32)
def _zone(tz: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    return pendulum.timezone(tz)


def _resolve_zone(file: str, tz: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    try:
        return _zone(tz)
    except Exception:
        raise ImportProblem(file, f"unknown time zone {tz!r}") from None


def _local_date(moment: datetime, tz: str) -> date:
    """The calendar date in ``tz`` of a moment; a naive moment is taken as UTC."""
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if not 1970 <= moment.year <= 2200:
        raise ValueError(f"implausible start time: {_utc_stamp(moment)}")
    local = pendulum.instance(moment).in_timezone(_zone(tz))
    return date(local.year, local.month, local.day)


def _utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------ kinds of run


_RUN_WORDS = re.compile(
    r"\b(run|runs|running|jog|jogging|trailrunning|lauf|laufen|løb|løbetur|"
    r"hardlopen|hardloop\w*|corsa|carrera|correr|corrida|course|juoksu|löpning|"
    r"løping|bieganie|trail)\b"
)
_NOT_RUN_WORDS = re.compile(r"\b(transition|wheelchair|langlauf\w*|skilanglauf)\b")


def is_run_type(text: str) -> bool:
    """Whether an activity type names running, in the languages the exports ship."""
    s = re.sub(r"[_\-/]+", " ", text.casefold()).strip()
    if not s or _NOT_RUN_WORDS.search(s):
        return False
    if _RUN_WORDS.search(s):
        return True
    return any(
        (word.endswith("lauf") and not word.endswith("langlauf")) or word.startswith("laufband")
        for word in s.split()
    )


_RACE_NAME = re.compile(
    r"\b(race|racing|\w*parkrun|park run|wettkampf|compétition|competition|gara|wedstrijd|"
    r"carrera popular|\w*marat(h)?on[ae]?)\b"
)
_NOT_RACE_NAME = re.compile(
    r"\b(training|pace|paced|prep|recovery|shakeout|shake out|simulation|plan|workout|"
    r"long run)\b"
)
_WORKOUT_NAME = re.compile(
    r"\b(intervals?|intervall\w*|intervalles?|intervalli|tempo|tempolauf|fartlek|track|bahn|"
    r"repeats?|reps|threshold|vo2(max)?|speed ?work|workout|progression|hill sprints|"
    r"hill repeats|\d+ ?[x\u00d7] ?\d+\w*)\b"
)
_LONG_NAME = re.compile(
    r"\b(long run|long slow|lsd|longrun|langer lauf|sortie longue|tirada larga|"
    r"lungo|lunghissimo|duurloop)\b"
)
_FLAGGED_KIND: Final[dict[str, ActivityKind]] = {
    "1": ActivityKind.RACE,
    "race": ActivityKind.RACE,
    "2": ActivityKind.LONG,
    "long run": ActivityKind.LONG,
    "3": ActivityKind.WORKOUT,
    "workout": ActivityKind.WORKOUT,
}


def guess_kind(name: str, distance_m: int, flag: str | None = None) -> ActivityKind:
    """Race, workout, long or easy from the file's flag, the run's name and distance.

    ``flag`` is a Strava workout type (``1``/``race``, ``2``/``long run``,
    ``3``/``workout``); see the module docstring for the order of the rules.
    """
    if flag and (flagged := _FLAGGED_KIND.get(flag.strip().casefold())):
        return flagged
    title = " ".join(name.casefold().split())
    if _RACE_NAME.search(title) and not _NOT_RACE_NAME.search(title):
        return ActivityKind.RACE
    if _WORKOUT_NAME.search(title):
        return ActivityKind.WORKOUT
    if _LONG_NAME.search(title) or distance_m >= LONG_RUN_M:
        return ActivityKind.LONG
    return ActivityKind.EASY


def _checked_distance(metres: float) -> int:
    if metres < 0:
        raise ValueError(f"negative distance: {metres:g} m")
    if metres > MAX_DISTANCE_M:
        raise ValueError(f"absurd distance: {metres / 1000:g} km")
    return round(metres)


def _checked_duration(seconds: int | None) -> int | None:
    if seconds is not None and seconds > MAX_DURATION_S:
        raise ValueError(f"absurd duration: {seconds} s")
    return seconds


# --------------------------------------------------------------- detection


def _normalise_header(name: str) -> str:
    name = re.sub(r"<[^>]*>", "", name).replace("\ufeff", "")
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


_UNIT_SUFFIX = re.compile(r"(?P<base>.*?)\s*[(\[]\s*(?P<unit>[^\W\d_]+)\s*[)\]]")
_UNIT_NAMES: Final = {
    **dict.fromkeys(["km", "kilometer", "kilometers", "kilometre", "kilometres"], "km"),
    **dict.fromkeys(["mi", "mile", "miles", "meilen", "millas", "miglia", "mijl", "mijlen"], "mi"),
    **dict.fromkeys(["m", "meter", "meters", "metre", "metres"], "m"),
}


def _split_unit(header: str) -> tuple[str, str | None]:
    """``distance (mi)`` -> ``("distance", "mi")``; a header without a unit is unchanged."""
    if (match := _UNIT_SUFFIX.fullmatch(header)) and match.group("unit") in _UNIT_NAMES:
        return match.group("base"), _UNIT_NAMES[match.group("unit")]
    return header, None


def _table(spec: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Column names per wanted field, written ``"name one|name two"``."""
    return {key: tuple(n.strip() for n in names.split("|")) for key, names in spec.items()}


# Strava translates its headers; English, German and French are seen in real
# exports, the others follow Strava's own wording where known.
_STRAVA: Final = _table(
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
    }
)
_STRAVA_LEGACY: Final = _table(
    {
        "id": "id",
        "date": "date",
        "name": "name",
        "type": "type",
        "elapsed": "elapsed_time",
        "moving": "moving_time",
        "distance": "distance",
        "workout_type": "workout_type",
    }
)
# Garmin Connect translates its headers too (Danish, German, French, Spanish,
# Dutch and Italian seen in the wild).
_GARMIN: Final = _table(
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
    }
)


@dataclass(frozen=True)
class _Columns:
    """Where each wanted column sits, by position, since names repeat."""

    header: list[str]
    positions: dict[str, list[int]]
    units: dict[int, str]

    def first(self, key: str) -> int | None:
        found = self.positions.get(key)
        return found[0] if found else None

    def name(self, index: int) -> str:
        return self.header[index].strip().lstrip("\ufeff")


def _map_columns(header: Sequence[str], table: Mapping[str, tuple[str, ...]]) -> _Columns:
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
    return _Columns(list(header), positions, units)


def _csv_kind(header: Sequence[str]) -> str | None:
    strava = _map_columns(header, _STRAVA)
    if strava.first("id") is not None and strava.first("date") is not None:
        return "strava-csv"
    legacy = _map_columns(header, _STRAVA_LEGACY)
    if all(legacy.first(k) is not None for k in ("id", "date", "type", "distance", "elapsed")):
        return "strava-csv"
    garmin = _map_columns(header, _GARMIN)
    if all(garmin.first(k) is not None for k in ("type", "date", "distance")):
        return "garmin-csv"
    return None


def _is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _decode(data: bytes, *, final: bool) -> str | None:
    """Text from bytes (UTF-8/16 with or without BOM, or cp1252), or None if binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=final)
        except UnicodeDecodeError:
            continue
        return None if _CONTROL.search(text) else text
    return None


def _peek_gzip(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=47).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def detect_kind(path: Path, head_bytes: bytes) -> str:
    """Which export a file holds, from its first bytes: one of ``KINDS``.

    Raises ``ImportProblem`` for anything else: an empty file, binary junk
    (whatever its name), XML that is not GPX, JSON that is not a recovtui
    export, a CSV whose header is neither Strava's nor Garmin's.
    """
    name = path.name
    if head_bytes[:2] == b"\x1f\x8b":
        inner = _peek_gzip(head_bytes)
        if not inner:
            raise ImportProblem(name, "damaged gzip data")
        return detect_kind(path, inner)
    if not head_bytes.strip():
        raise ImportProblem(name, "empty file")
    if _is_fit(head_bytes):
        return "fit"
    text = _decode(head_bytes, final=False)
    if text is None:
        suffix = path.suffix.lower()
        named = f" (named {suffix})" if suffix else ""
        raise ImportProblem(name, f"binary data, not a text export{named}")
    body = text.lstrip("\ufeff \t\r\n")
    if not body:
        raise ImportProblem(name, "empty file")
    if body.startswith("<"):
        if re.search(r"<(\w+:)?gpx[\s>/]", body):
            return "gpx"
        if "<TrainingCenterDatabase" in body:
            raise ImportProblem(name, "TCX files are not supported: export GPX or FIT instead")
        raise ImportProblem(name, "XML but not GPX")
    if body.startswith(("{", "[")):
        if re.search(r'"format"\s*:\s*"recovtui-export"', body):
            return "recovtui-json"
        raise ImportProblem(name, "JSON but not a recovtui export")
    try:
        header = next(csv.reader(io.StringIO(body, newline="")), [])
    except csv.Error as exc:
        raise ImportProblem(name, f"not a recognised export: {exc}") from None
    kind = _csv_kind(header)
    if kind is None:
        shown = ", ".join(h.strip() for h in header[:6])[:120]
        raise ImportProblem(
            name,
            f"not a Strava activities.csv or Garmin Activities.csv (unrecognised columns: {shown})",
        )
    return kind


# ---------------------------------------------------------------- top level


def parse_file(path: Path, tz: str) -> ImportResult:
    """Every run in one exported file, dated in the IANA zone ``tz``.

    Raises ``ImportProblem`` (and nothing else) for a file that cannot be
    imported whole; recovtui's own JSON export is detected but left to the
    exchange module.
    """
    name = path.name
    _resolve_zone(name, tz)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportProblem(name, f"file too large ({size // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
        if data[:2] == b"\x1f\x8b":
            raise ImportProblem(name, "gzip inside gzip: unpack it first")
    kind = detect_kind(path, data[:HEAD_BYTES])
    try:
        if kind == "recovtui-json":
            raise ImportProblem(name, "recovtui exports are handled by the exchange module")
        if kind == "fit":
            return parse_fit(data, name, tz)
        if kind == "gpx":
            return parse_gpx(data, name, tz)
        text = _decode(data, final=True)
        if text is None:
            raise ImportProblem(name, "binary data inside the CSV text")
        if kind == "strava-csv":
            return parse_strava_csv(text, name, tz)
        return parse_garmin_csv(text, name)
    except ImportProblem:
        raise
    except Exception as exc:  # a last guard: the CLI must never show a traceback
        raise ImportProblem(
            name, f"unexpected error reading {kind}: {type(exc).__name__}: {exc}"
        ) from exc


def _gunzip(data: bytes, name: str) -> bytes:
    inflater = zlib.decompressobj(wbits=47)
    try:
        out = inflater.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise ImportProblem(name, f"damaged gzip data: {exc}") from None
    if len(out) > MAX_FILE_BYTES:
        raise ImportProblem(name, "compressed file unpacks to more than 256 MiB")
    if not inflater.eof:
        raise ImportProblem(name, "truncated gzip data")
    return out


# ---------------------------------------------------------------------- CSV


def _read_csv(text: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the records after it, numbered from 1; blank records dropped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    number = 0
    try:
        header = next((h for h in reader if any(f.strip() for f in h)), None)
        if header is None:
            raise ImportProblem(name, "empty file")
        for fields in reader:
            number += 1
            if any(f.strip() for f in fields):
                records.append((number, fields))
    except csv.Error as exc:
        hint = "; truncated file?" if "end of data" in str(exc) else ""
        raise ImportProblem(name, f"malformed CSV ({exc}){hint}", row=number + 1) from None
    return header, records


def _require(name: str, columns: _Columns, labels: Mapping[str, str]) -> None:
    for key, label in labels.items():
        if columns.first(key) is None:
            raise ImportProblem(name, "missing column", field=label)


def _truthy(text: str) -> bool:
    return text.strip().casefold() in ("1", "1.0", "true", "yes", "ja", "oui", "sí", "si")


def parse_strava_csv(text: str, name: str, tz: str) -> ImportResult:
    """Runs from Strava's bulk-export ``activities.csv``, any layout since 2014.

    Columns are found by name and position: the modern layout repeats names
    ("Distance" first in km, later in metres; "Elapsed Time" twice); the 2014
    layout is lower-case with metres; the short 2018 layout has one Distance in
    km. Headers may carry a BOM, stray spaces, HTML "translation missing" spans
    or another language. Dates are UTC.
    """
    _resolve_zone(name, tz)
    header, records = _read_csv(text, name)
    columns = _map_columns(header, _STRAVA)
    legacy = columns.first("id") is None
    if legacy:
        columns = _map_columns(header, _STRAVA_LEGACY)
        labels = {k: k for k in ("id", "date", "type", "distance")}
    else:
        labels = {
            "id": "Activity ID",
            "date": "Activity Date",
            "type": "Activity Type",
            "distance": "Distance",
        }
    _require(name, columns, labels)
    distances = columns.positions["distance"]
    if legacy:
        km_index, metres_index = None, distances[0]
    elif len(distances) >= 2:
        km_index, metres_index = distances[0], distances[1]
    else:
        km_index, metres_index = distances[0], None

    def outcomes() -> Iterator[Activity | str]:
        for number, fields in records:
            row = _Row(name, number, fields, columns)
            row.check_width()
            yield _strava_row(row, tz, km_index, metres_index)

    return _collect("strava-csv", outcomes())


def _collect(kind: str, outcomes: Iterable[Activity | str]) -> ImportResult:
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
class _Row:
    """One CSV record and what is needed to name a problem in it."""

    file: str
    number: int
    fields: list[str]
    columns: _Columns

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
                        return _checked_duration(parse_duration(raw))
                    except ValueError as exc:
                        raise self.problem(str(exc), index) from None
        return None


def _strava_row(
    row: _Row, tz: str, km_index: int | None, metres_index: int | None
) -> Activity | str:
    activity_type = row.cell("type")
    if not activity_type:
        return "no activity type"
    if not is_run_type(activity_type):
        return f"not a run: {activity_type}"
    id_index, raw_id = row.raw("id")
    if not re.fullmatch(r"\d{1,20}", raw_id.strip()):
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
                distance_m = _checked_distance(parse_number(raw, decimal_comma=comma) * scale)
            except ValueError as exc:
                raise row.problem(str(exc), index) from None
            break
    note = " ".join(row.cell("name").split())
    return Activity(
        date=_local_date(moment, tz),
        kind=guess_kind(note, distance_m, _strava_flag(row)),
        distance_m=distance_m,
        duration_s=row.duration(("moving", "elapsed")),
        note=note,
        source="import:strava-csv",
        source_id=f"strava:{raw_id.strip()}",
    )


def _strava_flag(row: _Row) -> str | None:
    if _truthy(row.cell("competition")):
        return "race"
    if _truthy(row.cell("long")):
        return "long run"
    raw = row.cell("workout_type")
    return raw.removesuffix(".0") if raw else None


def parse_garmin_csv(text: str, name: str) -> ImportResult:
    """Runs from Garmin Connect's ``Activities.csv`` (any header language it ships).

    Garmin writes local time, "--" for missing values, thousands separators in
    some numbers and distances in the account's unit (see the module docstring
    for how miles are recognised). ``tz`` is not needed: dates are local.
    """
    header, records = _read_csv(text, name)
    columns = _map_columns(header, _GARMIN)
    _require(name, columns, {"type": "Activity Type", "date": "Date", "distance": "Distance"})
    rows = [_Row(name, number, fields, columns) for number, fields in records]
    for row in rows:
        row.check_width()
    unit_m = _garmin_unit(rows)
    day_first = _garmin_day_first(rows)

    return _collect("garmin-csv", (_garmin_row(row, unit_m, day_first) for row in rows))


def _garmin_row(row: _Row, unit_m: float, day_first: bool | None) -> Activity | str:
    activity_type = row.cell("type")
    if not activity_type:
        return "no activity type"
    if not is_run_type(activity_type):
        return f"not a run: {activity_type}"
    date_index, raw_date = row.raw("date")
    try:
        moment = parse_timestamp(raw_date, day_first=day_first)
    except ValueError as exc:
        raise row.problem(str(exc), date_index) from None
    distance_index, _ = row.raw("distance")
    distance_m = 0
    if raw_distance := row.at(distance_index):
        try:
            distance_m = _checked_distance(parse_number(raw_distance, decimal_comma=True) * unit_m)
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
    )


_UNIT_METRES: Final = {"km": 1000.0, "mi": MILE_M, "m": 1.0}
# metres per distance unit implied by cadence x stride, for stride in m or ft
_UNIT_EVIDENCE: Final = ((1000.0, 1000.0), (MILE_M, MILE_M), (3280.84, 1000.0), (5280.0, MILE_M))


def _garmin_unit(rows: list[_Row]) -> float:
    """Metres per unit of the Distance column: header hint, else evidence, else km."""
    if not rows:
        return 1000.0
    distance_index, _ = rows[0].raw("distance")
    if unit := rows[0].columns.units.get(distance_index):
        return _UNIT_METRES[unit]
    ratios: list[float] = []
    for row in rows:
        if not is_run_type(row.cell("type")):
            continue
        try:
            distance = parse_number(row.at(distance_index), decimal_comma=True)
            stride = parse_number(row.cell("stride"), decimal_comma=True)
            if steps := row.cell("steps"):
                covered = parse_number(steps, decimal_comma=False) * stride
            else:
                cadence = parse_number(row.cell("cadence"))
                minutes = parse_duration(row.cell("time") or row.cell("moving")) / 60
                covered = cadence * stride * minutes
        except ValueError:
            continue
        if distance > 0.5 and covered > 0:
            ratios.append(covered / distance)
    if len(ratios) < 3:
        return 1000.0
    typical = statistics.median(ratios)
    evidence, unit_m = min(_UNIT_EVIDENCE, key=lambda pair: abs(math.log(typical / pair[0])))
    return unit_m if abs(math.log(typical / evidence)) < math.log(1.2) else 1000.0


def _garmin_day_first(rows: list[_Row]) -> bool | None:
    """Day-month order of slashed dates (as re-saved by spreadsheets), fixed per file."""
    firsts: list[int] = []
    seconds: list[int] = []
    for row in rows:
        if match := re.match(r"(\d{1,2})[/-](\d{1,2})[/-]\d{4}", row.cell("date")):
            firsts.append(int(match.group(1)))
            seconds.append(int(match.group(2)))
    if any(a > 12 for a in firsts):
        return True
    if any(b > 12 for b in seconds):
        return False
    return None


# ---------------------------------------------------------------------- GPX


_STRAVA_GPX_RUN = "9"
_NON_RUN_NAME = re.compile(
    r"\b(ride|cycling|bike|biking|swim|swimming|walk|walking|hike|hiking)\b", re.IGNORECASE
)


def _xml_text(data: bytes, name: str) -> str:
    declared = re.search(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""", data[:200])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*encodings, "utf-8-sig"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportProblem(name, "GPX text is not valid UTF-8")


def parse_gpx(data: bytes, name: str, tz: str) -> ImportResult:
    """One run from a GPX file: all its tracks summed, dated by the first point.

    Distance is gpxpy's 2-D length; duration is gpxpy's moving time (falling
    back to first-to-last point). The activity type comes from the first
    ``<type>`` in a track (Strava writes ``9`` for Run); without one, the file
    is a run unless its name says ride/swim/walk/hike.
    """
    _resolve_zone(name, tz)
    text = _xml_text(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gpx = gpxpy.parse(text)
    except Exception as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        line = re.search(r"line (\d+)", message)
        message = re.sub(r":? *line \d+, column \d+", "", message)
        raise ImportProblem(
            name,
            f"not valid GPX: {message}",
            row=int(line.group(1)) if line else None,
            unit="line",
        ) from None
    title = next((t.name for t in gpx.tracks if t.name), None) or gpx.name or ""
    title = " ".join(str(title).split())
    track_type = next((str(t.type).strip() for t in gpx.tracks if t.type), "")
    if track_type:
        if track_type != _STRAVA_GPX_RUN and not is_run_type(track_type):
            label = f"Strava type {track_type}" if track_type.isdigit() else track_type
            return ImportResult("gpx", [], {f"not a run: {label}": 1})
    elif match := _NON_RUN_NAME.search(title):
        return ImportResult("gpx", [], {f"not a run: {match.group(1).capitalize()}": 1})
    if gpx.get_track_points_no() == 0:
        raise ImportProblem(name, "no track points (a route or waypoints only?)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bounds = gpx.get_time_bounds()
            start = bounds.start_time or gpx.time
            if start is None:
                raise ImportProblem(name, "no timestamps: cannot tell the day of the run")
            distance = gpx.length_2d()
            moving = gpx.get_moving_data()
            duration = moving.moving_time if moving and moving.moving_time > 0 else None
            if duration is None and bounds.start_time and bounds.end_time:
                duration = (bounds.end_time - bounds.start_time).total_seconds()
    except ImportProblem:
        raise
    except Exception as exc:
        raise ImportProblem(name, f"not usable GPX: {type(exc).__name__}: {exc}") from None
    try:
        distance_m = _checked_distance(float(distance or 0.0))
        duration_s = _checked_duration(round(duration) if duration and duration > 0 else None)
        day = _local_date(start, tz)
    except (ValueError, OverflowError) as exc:
        raise ImportProblem(name, str(exc)) from None
    activity = Activity(
        date=day,
        kind=guess_kind(title, distance_m),
        distance_m=distance_m,
        duration_s=duration_s,
        note=title,
        source="import:gpx",
        source_id=f"track:{_utc_stamp(start)}",
    )
    return ImportResult("gpx", [activity], {})


# ---------------------------------------------------------------------- FIT


def parse_fit(data: bytes, name: str, tz: str) -> ImportResult:
    """One run per running session in a FIT activity file (usually exactly one).

    The file must decode cleanly (CRC checked): a truncated or damaged file is
    rejected whole, even if its session came before the damage.
    """
    _resolve_zone(name, tz)
    sessions: list[dict[str, object]] = []
    workout_name = ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.IGNORE,
            )
            with reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    if frame.name == "session":
                        values: dict[str, object] = {}
                        for fit_field in frame.fields:
                            values.setdefault(str(fit_field.name), fit_field.value)
                        sessions.append(values)
                    elif frame.name == "workout" and frame.has_field("wkt_name"):
                        workout_name = str(frame.get_value("wkt_name") or "")
    except Exception as exc:
        message = str(exc) or type(exc).__name__
        raise ImportProblem(name, f"not a valid FIT file: {message}") from None
    if not sessions:
        raise ImportProblem(name, "no activity session in this FIT file")
    activities: list[Activity] = []
    skipped: Counter[str] = Counter()
    for number, session in enumerate(sessions, start=1):
        try:
            outcome = fit_session_to_activity(session, tz, workout_name=workout_name)
        except ValueError as exc:
            raise ImportProblem(name, str(exc), row=number, unit="session") from None
        if isinstance(outcome, str):
            skipped[outcome] += 1
        else:
            activities.append(outcome)
    return ImportResult("fit", activities, dict(skipped))


def fit_session_to_activity(
    session: Mapping[str, object], tz: str, *, workout_name: str = ""
) -> Activity | str:
    """The run a decoded FIT ``session`` message describes, or why it is skipped.

    Raises ``ValueError`` naming the field when the session cannot be a run.
    """
    sport = session.get("sport")
    if sport is None or not is_run_type(str(sport)):
        return f"not a run: {sport if sport is not None else 'unknown sport'}"
    start = session.get("start_time")
    if not isinstance(start, datetime):
        raise ValueError(f"field 'start_time': not a date and time: {start!r}")
    distance = session.get("total_distance")
    if distance is None:
        distance_m = 0
    elif isinstance(distance, int | float) and math.isfinite(distance):
        try:
            distance_m = _checked_distance(float(distance))
        except ValueError as exc:
            raise ValueError(f"field 'total_distance': {exc}") from None
    else:
        raise ValueError(f"field 'total_distance': not a number: {distance!r}")
    duration_s: int | None = None
    for key in ("total_moving_time", "total_timer_time", "total_elapsed_time"):
        value = session.get(key)
        if isinstance(value, int | float) and math.isfinite(value) and value > 0:
            if value > MAX_DURATION_S:
                raise ValueError(f"field {key!r}: absurd duration: {value:g} s")
            duration_s = round(value)
            break
    try:
        day = _local_date(start, tz)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"field 'start_time': {exc}") from None
    kind = guess_kind(workout_name, distance_m)
    if workout_name and kind is ActivityKind.EASY:
        kind = ActivityKind.WORKOUT
    return Activity(
        date=day,
        kind=kind,
        distance_m=distance_m,
        duration_s=duration_s,
        note=workout_name,
        source="import:fit",
        source_id=f"track:{_utc_stamp(start)}",
    )
