"""How much of a file an import reads, checked before reading far.

Detection looks at the first :data:`HEAD_BYTES` only. A file is refused
unread when it is larger than :data:`MAX_FILE_BYTES` on disk, and a gzip file
is unpacked once (a gzip inside a gzip is refused) and never beyond
:data:`MAX_FILE_BYTES`, so a small compressed bomb costs no more memory than a
large honest file.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Final

from tracker.formats.problems import ImportProblem

MAX_FILE_BYTES: Final = 256 * 1024 * 1024
HEAD_BYTES: Final = 64 * 1024
GZIP_MAGIC: Final = b"\x1f\x8b"
_GZIP_WBITS: Final = 47  # gzip or zlib header, detected


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def read_head(path: Path) -> bytes:
    """The first :data:`HEAD_BYTES` of a file, enough to tell what it holds."""
    name = path.name
    if path.is_dir():
        raise ImportProblem(name, "is a folder; name the files in it")
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None


def peek_gzip(head: bytes) -> bytes:
    """What the head of a gzip file unpacks to (up to :data:`HEAD_BYTES`); empty if damaged."""
    try:
        return zlib.decompressobj(wbits=_GZIP_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def read_export(path: Path) -> bytes:
    """A whole activity file, unpacked from one gzip layer, within :data:`MAX_FILE_BYTES`."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportProblem(name, f"file too large ({size // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    if is_gzip(data):
        data = gunzip(data, name)
        if is_gzip(data):
            raise ImportProblem(name, "gzip inside gzip: unpack it first")
    return data


def gunzip(data: bytes, name: str) -> bytes:
    """The first gzip member of ``data``, refused when it unpacks beyond the limit."""
    inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
    try:
        out = inflater.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise ImportProblem(name, f"damaged gzip data: {exc}") from None
    if len(out) > MAX_FILE_BYTES:
        raise ImportProblem(
            name, f"compressed file unpacks to more than {MAX_FILE_BYTES // 2**20} MiB"
        )
    if not inflater.eof:
        raise ImportProblem(name, "truncated gzip data")
    return out


def read_document(path: Path) -> bytes:
    """A recovtui export, optionally gzipped, read no further than :data:`MAX_FILE_BYTES`."""
    name = path.name
    try:
        with path.open("rb") as handle:
            if is_gzip(handle.read(2)):
                handle.seek(0)
                with gzip.GzipFile(fileobj=handle) as unpacked:
                    data = unpacked.read(MAX_FILE_BYTES + 1)
            else:
                handle.seek(0)
                data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None
    except EOFError:
        raise ImportProblem(name, "truncated gzip data") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem(name, "file too large")
    return data
