"""A text export read in steps: unpacked, checked and decoded a megabyte at a time.

A large export (a 200,000-row Strava ``activities.csv`` is 140 MB) is never held
whole, so memory does not grow with the file. The file is read twice: a first
pass over its bytes finds the encoding (UTF-8 or UTF-16 by their marks, else
cp1252 when UTF-8 fails anywhere) and refuses binary data, exactly as
:func:`tracker.formats.detect.decode_text` does for a whole file; the second
pass yields the decoded text. Both apply the limits of
:mod:`tracker.formats.limits` (size on disk and unpacked, one gzip layer).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from tracker.formats.limits import MAX_FILE_BYTES, TOO_LARGE, inflate, is_gzip
from tracker.formats.problems import ImportProblem, LimitExceeded

CONTROL_CHARACTERS: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
"""What no text export holds: a file with any of these is binary data."""
CHUNK_BYTES: Final = 1 << 20


def encodings_for(head: bytes) -> tuple[str, ...]:
    """The encodings to try, in order, for data that starts with ``head``."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16",)
    return ("utf-8-sig", "cp1252")


def _file_chunks(path: Path) -> Iterator[bytes]:
    name = path.name
    try:
        with path.open("rb") as handle:
            total = 0
            while chunk := handle.read(CHUNK_BYTES):
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise LimitExceeded(name, f"file too large ({TOO_LARGE})")
                yield chunk
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None


def unpacked_chunks(path: Path) -> Iterator[bytes]:
    """The bytes of a file, unpacked from at most one gzip layer, a step at a time."""
    raw = _file_chunks(path)
    first = next(raw, b"")
    if not is_gzip(first):
        if first:
            yield first
        yield from raw
        return

    def again() -> Iterator[bytes]:
        yield first
        yield from raw

    yield from inflate(again(), path.name)


_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _decodes(path: Path, encoding: str) -> bool | None:
    """True if the whole file decodes, False if not, None if it holds binary data."""
    decoder = codecs.getincrementaldecoder(encoding)()
    single_bytes = encoding != "utf-16"  # a control character is its own byte in these
    try:
        for chunk in unpacked_chunks(path):
            text = decoder.decode(chunk)
            if single_bytes:
                if len(chunk.translate(None, _CONTROL_BYTES)) != len(chunk):
                    return None  # (a quarter of the time CONTROL_CHARACTERS takes)
            elif CONTROL_CHARACTERS.search(text):
                return None
        return not CONTROL_CHARACTERS.search(decoder.decode(b"", final=True)) or None
    except UnicodeDecodeError:
        return False


def text_chunks(path: Path) -> Iterator[str]:
    """The text of an export file, decoded a step at a time (see the module docstring).

    Raises ``ImportProblem`` for binary data, as a whole-file read does.
    """
    head = next(unpacked_chunks(path), b"")
    for encoding in encodings_for(head):
        decodes = _decodes(path, encoding)
        if decodes is None:
            break
        if decodes:
            decoder = codecs.getincrementaldecoder(encoding)()
            for chunk in unpacked_chunks(path):
                yield decoder.decode(chunk)
            yield decoder.decode(b"", final=True)
            return
    raise ImportProblem(path.name, "binary data inside the CSV text")
