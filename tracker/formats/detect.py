"""Which export a file holds, told from its content (never its name), and reading it whole.

``parse_file`` detects the format and returns every run in the file, or
raises ``ImportProblem`` naming the first problem (file, row, field), so a
malformed file is rejected whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path, PurePath
from typing import Final

from tracker.formats.fit import is_fit, parse_fit
from tracker.formats.garmin import is_garmin_header, parse_garmin_csv
from tracker.formats.gpx import parse_gpx
from tracker.formats.limits import ZIP_MAGIC, is_gzip, peek_gzip, read_export, read_head
from tracker.formats.numbers import resolve_zone
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.strava import is_strava_header, parse_strava_csv
from tracker.formats.tcx import parse_tcx
from tracker.formats.text_stream import CONTROL_CHARACTERS, encodings_for

KINDS: Final = ("recovtui-json", "strava-csv", "garmin-csv", "gpx", "tcx", "fit", "zip")
"""The file formats an import recognises (``zip``: a whole export archive)."""
_FORMAT_KEY = re.compile(r'"format"\s*:\s*"([^"\\]*)"')


def decode_text(data: bytes, *, final: bool) -> str | None:
    """Text from bytes (UTF-8/16 with or without BOM, or cp1252), or None if binary.

    ``final=False`` reads a head that may end inside a character.
    """
    for encoding in encodings_for(data):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=final)
        except UnicodeDecodeError:
            continue
        return None if CONTROL_CHARACTERS.search(text) else text
    return None


def _csv_kind(header: list[str]) -> str | None:
    if is_strava_header(header):
        return "strava-csv"
    if is_garmin_header(header):
        return "garmin-csv"
    return None


def detect_kind(path: PurePath, head_bytes: bytes) -> str:
    """Which export a file holds, from its first bytes: one of ``KINDS``.

    Raises ``ImportProblem`` for anything else: an empty file, binary junk
    (whatever its name), XML that is not GPX, JSON that is not a recovtui
    export, a CSV whose header is neither Strava's nor Garmin's.
    """
    name = path.name
    if is_gzip(head_bytes):
        inner = peek_gzip(head_bytes)
        if not inner:
            raise ImportProblem(name, "damaged gzip data")
        if is_gzip(inner):
            raise ImportProblem(name, "gzip inside gzip: unpack it first")
        kind = detect_kind(path, inner)
        if kind == "zip":
            raise ImportProblem(name, "a zip inside gzip: unpack it first")
        return kind
    if not head_bytes.strip():
        raise ImportProblem(name, "empty file")
    if is_fit(head_bytes):
        return "fit"
    if head_bytes.startswith(ZIP_MAGIC):
        return "zip"
    text = decode_text(head_bytes, final=False)
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
        if re.search(r"<(\w+:)?TrainingCenterDatabase[\s>/]", body):
            return "tcx"
        raise ImportProblem(name, "XML but neither GPX nor TCX")
    if body.startswith("{"):
        # Recognised by parsing (jq -S puts "format" after "activities", past the head):
        # an object that names another format is refused here, any other is read whole.
        found = _FORMAT_KEY.search(body)
        if found is None or found.group(1) == "recovtui-export":
            return "recovtui-json"
        raise ImportProblem(name, "JSON but not a recovtui export")
    if body.startswith("["):
        if (found := _FORMAT_KEY.search(body)) and found.group(1) == "recovtui-export":
            return "recovtui-json"  # the document check names what is wrong with it
        raise ImportProblem(name, "JSON but not a recovtui export")
    try:
        header = next(csv.reader(io.StringIO(body, newline="")), [])
    except csv.Error as exc:
        raise ImportProblem(name, f"not a recognised export: {exc}") from None
    csv_kind = _csv_kind(header)
    if csv_kind is None:
        shown = ", ".join(h.strip() for h in header[:6])[:120]
        raise ImportProblem(
            name,
            f"not a Strava activities.csv or Garmin Activities.csv (unrecognised columns: {shown})",
        )
    return csv_kind


def parse_file(path: Path, tz: str) -> ImportResult:
    """Every run in one exported file, dated in the IANA zone ``tz``.

    Raises ``ImportProblem`` (and nothing else) for a file that cannot be
    imported whole. recovtui's own JSON export is detected but not read here:
    it is a whole history, not runs (see :mod:`tracker.formats.recovtui_json`).
    """
    name = path.name
    resolve_zone(name, tz)
    kind = detect_kind(path, read_head(path))
    if kind == "recovtui-json":
        raise ImportProblem(name, "recovtui exports are read whole, not as runs")
    if kind == "zip":
        raise ImportProblem(name, "archives are read member by member, not as runs")
    return parse_data(read_export(path), kind, name, tz)


def parse_data(data: bytes, kind: str, name: str, tz: str) -> ImportResult:
    """Every run in one file's unpacked ``data`` of a detected ``kind`` (not JSON, not zip)."""
    try:
        if kind == "fit":
            return parse_fit(data, name, tz)
        if kind == "gpx":
            return parse_gpx(data, name, tz)
        if kind == "tcx":
            return parse_tcx(data, name, tz)
        text = decode_text(data, final=True)
        if text is None:
            raise ImportProblem(name, "binary data inside the CSV text")
        if kind == "strava-csv":
            return parse_strava_csv(text, name, tz)
        return parse_garmin_csv(text, name, tz)
    except ImportProblem:
        raise
    except Exception as exc:  # a last guard: the CLI must never show a traceback
        raise ImportProblem(
            name, f"unexpected error reading {kind}: {type(exc).__name__}: {exc}"
        ) from exc
