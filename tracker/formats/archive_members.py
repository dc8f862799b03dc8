"""The files inside an export archive (a ``.zip``, or the folder it unpacks to), read safely.

A zip is never unpacked to disk: each member is read into memory when it is
needed, one at a time. Before any member is read, the archive as a whole is
checked: its central directory's size and entry count (from the end record,
before :mod:`zipfile` builds a list of them), every member's name (absolute
paths, ``..`` and control characters are refused: no name is ever used as a path, but
such a name is a sign of a hostile file), members that overlap (the trick of
the smallest zip bombs), and the sizes members declare (each at most
:data:`~tracker.formats.limits.MAX_FILE_BYTES`, together at most
:data:`~tracker.formats.limits.MAX_ARCHIVE_BYTES`). A member that unpacks to
more than it declares is refused as soon as it does.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from tracker.formats.limits import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_MEMBERS,
    MAX_FILE_BYTES,
    TOO_LARGE,
    megabytes,
    read_export,
    unpack,
)
from tracker.formats.problems import ImportProblem, LimitExceeded

ACTIVITY_SUFFIXES: Final = (".gpx", ".tcx", ".fit")
_END_RECORD: Final = b"PK\x05\x06"
_ZIP64_LOCATOR: Final = b"PK\x06\x07"
_CHUNK: Final = 1 << 20


@dataclass(frozen=True)
class Member:
    """One file inside an archive: its name there (``activities/123.gpx.gz``) and its bytes."""

    name: str
    declared: int
    read: Callable[[], bytes]
    """The member unpacked (one gzip layer at most), within the limits."""

    @property
    def is_csv(self) -> bool:
        return self.name.lower().endswith(".csv")

    @property
    def is_activity_file(self) -> bool:
        return self.name.lower().removesuffix(".gz").endswith(ACTIVITY_SUFFIXES)


def member_key(name: str) -> str:
    """How a CSV's ``Filename`` and a member's name are compared: ``activities/123.gpx``."""
    return str(PurePosixPath(name.replace("\\", "/").strip().lstrip("./"))).casefold()


@contextlib.contextmanager
def zip_members(path: Path) -> Iterator[list[Member]]:
    """The members of a zip file, checked as a whole first (see the module docstring)."""
    name = path.name
    try:
        _check_end_record(path)
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            _check_infos(infos, name)
            yield [
                Member(info.filename, info.file_size, _reader(archive, info, name))
                for info in infos
            ]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error) as exc:
        raise ImportProblem(name, f"not a readable zip archive: {exc}") from None
    except OSError as exc:
        raise ImportProblem(name, f"cannot read: {exc.strerror or exc}") from None


def _check_end_record(path: Path) -> None:
    """Entry count and central directory size from the end record, before zipfile reads them."""
    name = path.name
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        tail_start = max(0, size - (1 << 16) - 22)
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(_END_RECORD)
        if at < 0 or len(tail) < at + 22:
            raise ImportProblem(name, "not a readable zip archive: no end record")
        entries, directory_size = struct.unpack("<xxxxxxxxxxHI", tail[at : at + 16])
        locator = tail.rfind(_ZIP64_LOCATOR, 0, at)
        if locator >= 0 and at - locator == 20:
            (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
            handle.seek(offset)
            record = handle.read(56)
            if len(record) == 56:
                entries, directory_size = struct.unpack("<QQ", record[32:48])
    if entries > MAX_ARCHIVE_MEMBERS:
        raise LimitExceeded(name, f"more than {MAX_ARCHIVE_MEMBERS:,} files in the archive")
    if directory_size > MAX_ARCHIVE_MEMBERS * 1024 or directory_size > size:
        raise LimitExceeded(name, "the archive's table of contents is impossibly large")


def _check_infos(infos: list[zipfile.ZipInfo], name: str) -> None:
    for info in infos:
        parts = info.filename.replace("\\", "/").split("/")
        if (
            any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in info.filename)
            or info.filename.startswith(("/", "\\"))
            or ".." in parts
            or (len(parts[0]) == 2 and parts[0][1] == ":")
        ):
            raise LimitExceeded(name, f"unsafe file name in the archive: {info.filename[:80]!r}")
    by_offset = sorted(infos, key=lambda info: info.header_offset)
    for this, after in itertools.pairwise(by_offset):
        if this.header_offset + this.compress_size > after.header_offset:
            raise LimitExceeded(name, "files in the archive overlap (a zip bomb?)")
    wanted = [info for info in infos if _wanted(info.filename)]
    for info in wanted:
        if info.file_size > MAX_FILE_BYTES:
            raise LimitExceeded(
                name, f"{info.filename[:80]}: unpacks to {megabytes(info.file_size)} ({TOO_LARGE})"
            )
    total = sum(info.file_size for info in wanted)
    if total > MAX_ARCHIVE_BYTES:
        raise LimitExceeded(
            name, f"its activity files unpack to more than {megabytes(MAX_ARCHIVE_BYTES)}"
        )


def _wanted(member: str) -> bool:
    lower = member.lower()
    return lower.endswith(".csv") or lower.removesuffix(".gz").endswith(ACTIVITY_SUFFIXES)


def _reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Callable[[], bytes]:
    label = f"{name}: {info.filename}"

    def read() -> bytes:
        limit = min(info.file_size, MAX_FILE_BYTES)
        parts: list[bytes] = []
        total = 0
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise LimitExceeded(label, "unpacks to more than it declares")
                    parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            # zipfile never unpacks past the declared size, so a member that lies about it
            # ends with a bad checksum: the archive is not to be trusted, whole
            raise LimitExceeded(label, f"damaged in the archive ({exc})") from None
        except NotImplementedError as exc:  # a compression zipfile does not know
            raise ImportProblem(label, f"cannot be read: {exc}") from None
        except RuntimeError as exc:  # an encrypted member
            raise ImportProblem(label, f"cannot be read: {exc}") from None
        return unpack(b"".join(parts), label)

    return read


def folder_members(path: Path) -> list[Member]:
    """The files under a folder (an unpacked export), symbolic links not followed."""
    found: list[Member] = []
    for root, folders, files in os.walk(path, followlinks=False):
        folders.sort()
        for file_name in sorted(files):
            full = Path(root) / file_name
            if full.is_symlink() or not full.is_file():
                continue
            relative = full.relative_to(path).as_posix()
            found.append(Member(relative, full.stat().st_size, _file_reader(full, relative)))
            if len(found) > MAX_ARCHIVE_MEMBERS:
                raise LimitExceeded(path.name, f"more than {MAX_ARCHIVE_MEMBERS:,} files")
    return found


def _file_reader(full: Path, relative: str) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            return read_export(full)
        except ImportProblem as exc:
            raise type(exc)(relative, exc.message, row=exc.row, field=exc.field) from None

    return read
