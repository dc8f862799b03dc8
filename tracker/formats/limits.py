"""How much of a file an import reads, checked before the expensive step.

Every file an import reads is untrusted (see docs/importing.md, "Files from
anywhere"): a small file must never cost seconds or gigabytes. So:

* detection looks at the first :data:`HEAD_BYTES` only;
* a file is at most :data:`MAX_FILE_BYTES`, on disk and after unpacking: the
  size on disk is checked before reading, and a gzip file is unpacked once,
  in steps, stopping as soon as it passes the limit (a gzip inside a gzip is
  refused, never unpacked);
* XML is walked once by a streaming parser (expat) before any library builds a
  tree of it: no document type declaration (so no entities to expand), at most
  :data:`MAX_XML_DEPTH` elements deep and at most :data:`MAX_RECORDS` records;
* JSON is counted before it is parsed: at most :data:`MAX_RECORDS` objects and
  lists and :data:`MAX_JSON_VALUES` values, so a 200 MB file of ``[],`` is
  refused in a fraction of a second instead of building fifty million lists.

Archives (:mod:`tracker.formats.archive`) apply these limits to each member
and add their own (:data:`MAX_ARCHIVE_MEMBERS`, :data:`MAX_ARCHIVE_BYTES`).
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Final
from xml.parsers import expat

from tracker.formats.problems import ImportProblem, LimitExceeded

MAX_FILE_BYTES: Final = 200_000_000
"""One file, after unpacking: 200 MB."""
MAX_XML_DEPTH: Final = 64
MAX_RECORDS: Final = 1_000_000
"""Rows of a CSV, trackpoints of a TCX, elements of a GPX, messages of a FIT file,
objects and lists of a JSON document."""
MAX_JSON_VALUES: Final = 4_000_000
"""Values of a JSON document: ten years of a runner's history are about 100,000."""
MAX_ARCHIVE_MEMBERS: Final = 200_000
MAX_ARCHIVE_BYTES: Final = 4_000_000_000
"""What the members an archive import reads may unpack to, together (as they declare it)."""
HEAD_BYTES: Final = 64 * 1024
GZIP_MAGIC: Final = b"\x1f\x8b"
ZIP_MAGIC: Final = b"PK\x03\x04"
_GZIP_WBITS: Final = 47  # gzip or zlib header, detected
_STEP: Final = 1 << 20


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB"


TOO_LARGE: Final = f"larger than {megabytes(MAX_FILE_BYTES)}"


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def read_head(path: Path) -> bytes:
    """The first :data:`HEAD_BYTES` of a file, enough to tell what it holds.

    A file larger than :data:`MAX_FILE_BYTES` is refused here, unless it is a
    zip (an archive is checked member by member).
    """
    name = path.name
    if path.is_dir():
        raise ImportProblem(name, "is a folder; name the files in it")
    _regular(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            size = _file_size(handle.fileno())
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES and not head.startswith(ZIP_MAGIC):
        raise LimitExceeded(name, f"file too large ({megabytes(size)}; {TOO_LARGE})")
    return head


def peek_gzip(head: bytes) -> bytes:
    """What the head of a gzip file unpacks to (up to :data:`HEAD_BYTES`); empty if damaged."""
    try:
        return zlib.decompressobj(wbits=_GZIP_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def read_export(path: Path) -> bytes:
    """A whole file, unpacked from at most one gzip layer, within :data:`MAX_FILE_BYTES`.

    The size on disk is checked before a byte is read.
    """
    name = path.name
    _regular(path)
    try:
        with path.open("rb") as handle:
            size = _file_size(handle.fileno())
            if size > MAX_FILE_BYTES:
                raise LimitExceeded(name, f"file too large ({megabytes(size)}; {TOO_LARGE})")
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:  # a file that grew while it was read
        raise LimitExceeded(name, f"file too large ({TOO_LARGE})")
    return unpack(data, name)


def _regular(path: Path) -> None:
    """Refuse a FIFO, a device or a socket before opening it (a FIFO waits forever)."""
    try:
        if path.exists() and not path.is_file():
            raise ImportProblem(path.name, "is not a regular file (a FIFO or a device?)")
    except OSError as exc:
        raise ImportProblem(path.name, f"cannot read: {exc.strerror or exc}") from None


def _file_size(fd: int) -> int:
    info = os.fstat(fd)
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def unpack(data: bytes, name: str) -> bytes:
    """``data`` itself, or what its one gzip layer unpacks to; a second layer is refused."""
    if not is_gzip(data):
        return data
    inner = gunzip(data, name)
    if is_gzip(inner):
        raise LimitExceeded(name, "gzip inside gzip: unpack it first")
    return inner


def gunzip(data: bytes, name: str) -> bytes:
    """The first gzip member of ``data``, unpacked in steps and refused past the limit."""
    return b"".join(inflate([data], name))


def inflate(chunks: Iterable[bytes], name: str) -> Iterator[bytes]:
    """The first gzip member of the data in ``chunks``, unpacked a step at a time (at most
    :data:`MAX_FILE_BYTES` in all; a large file is never held whole).

    A gzip whose own content starts as gzip again is stopped after its first
    step, so a file nested a thousand times costs one step, not a thousand.
    """
    inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
    total = 0
    try:
        for chunk in chunks:
            pending = chunk
            while not inflater.eof:
                part = inflater.decompress(pending, _STEP)
                pending = inflater.unconsumed_tail
                if not part and not pending:
                    break
                if not total and is_gzip(part):
                    raise LimitExceeded(name, "gzip inside gzip: unpack it first")
                total += len(part)
                if total > MAX_FILE_BYTES:
                    raise LimitExceeded(
                        name, f"compressed file unpacks to more than {megabytes(MAX_FILE_BYTES)}"
                    )
                yield part
            if inflater.eof:
                break
    except zlib.error as exc:
        raise ImportProblem(name, f"damaged gzip data ({exc})") from None
    if not inflater.eof:
        raise ImportProblem(name, "truncated gzip data")


def check_json(data: bytes, name: str) -> None:
    """Refuse JSON with more objects, lists or values than a history can hold, before parsing.

    Counted over the raw bytes (brackets and commas inside strings count too:
    an overestimate only a hostile file reaches).
    """
    containers = data.count(b"[") + data.count(b"{")
    if containers > MAX_RECORDS:
        raise LimitExceeded(name, f"more than {MAX_RECORDS:,} records (objects and lists)")
    if data.count(b",") + 1 > MAX_JSON_VALUES:
        raise LimitExceeded(name, f"more than {MAX_JSON_VALUES:,} values")


class _Refused(Exception):
    pass


def check_xml(data: bytes, name: str, records: Collection[str] | None = None) -> None:
    """Walk XML once with expat, refusing it past the limits before a tree is built.

    ``records`` are the local element names that count as records (every
    element when None). A document type declaration is refused outright: it is
    what entity bombs ("billion laughs") and external entities need, and no
    activity file has one. XML that is not well-formed is left to the format's
    own parser to name.
    """
    parser = expat.ParserCreate()
    depth = 0
    count = 0

    def start(tag: str, _attributes: object) -> None:
        nonlocal depth, count
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise _Refused(f"XML nested more than {MAX_XML_DEPTH} elements deep")
        if records is None or tag.rpartition(":")[2] in records:
            count += 1
            if count > MAX_RECORDS:
                raise _Refused(f"more than {MAX_RECORDS:,} records")

    def end(_tag: str) -> None:
        nonlocal depth
        depth -= 1

    def declaration(*_args: object) -> None:
        raise _Refused("XML with a document type declaration (DOCTYPE): not read")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise LimitExceeded(name, str(exc)) from None
    except (expat.ExpatError, ValueError):
        return


def read_document(path: Path) -> bytes:
    """A recovtui export, optionally gzipped once, within the limits, counted before parsing."""
    data = read_export(path)
    check_json(data, path.name)
    return data
