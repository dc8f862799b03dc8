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
from pathlib import Path
from typing import Final

from tracker.formats.fit import is_fit, parse_fit
from tracker.formats.garmin import is_garmin_header, parse_garmin_csv
from tracker.formats.gpx import parse_gpx
from tracker.formats.limits import HEAD_BYTES, is_gzip, peek_gzip, read_export
from tracker.formats.numbers import resolve_zone
from tracker.formats.problems import ImportProblem, ImportResult
from tracker.formats.strava import is_strava_header, parse_strava_csv

KINDS: Final = ("recovtui-json", "strava-csv", "garmin-csv", "gpx", "fit")
"""The file formats an import recognises."""

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, *, final: bool) -> str | None:
    """Text from bytes (UTF-8/16 with or without BOM, or cp1252), or None if binary.

    ``final=False`` reads a head that may end inside a character.
    """
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


def _csv_kind(header: list[str]) -> str | None:
    if is_strava_header(header):
        return "strava-csv"
    if is_garmin_header(header):
        return "garmin-csv"
    return None


def detect_kind(path: Path, head_bytes: bytes) -> str:
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
        return detect_kind(path, inner)
    if not head_bytes.strip():
        raise ImportProblem(name, "empty file")
    if is_fit(head_bytes):
        return "fit"
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


def parse_file(path: Path, tz: str) -> ImportResult:
    """Every run in one exported file, dated in the IANA zone ``tz``.

    Raises ``ImportProblem`` (and nothing else) for a file that cannot be
    imported whole. recovtui's own JSON export is detected but not read here:
    it is a whole history, not runs (see :mod:`tracker.formats.recovtui_json`).
    """
    name = path.name
    resolve_zone(name, tz)
    data = read_export(path)
    kind = detect_kind(path, data[:HEAD_BYTES])
    try:
        if kind == "recovtui-json":
            raise ImportProblem(name, "recovtui exports are read whole, not as runs")
        if kind == "fit":
            return parse_fit(data, name, tz)
        if kind == "gpx":
            return parse_gpx(data, name, tz)
        text = decode_text(data, final=True)
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
