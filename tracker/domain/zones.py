"""Time zones and "today", with the standard library only.

``recovtui status`` answers a shell prompt without importing pendulum, and the
app asks pendulum for everything else; both take the runner's day from
:func:`local_now`, so the two can never disagree on the date. With no zone set,
"local" is what the C library says (``time.localtime``): it understands a POSIX
``TZ`` such as ``<+10>-10``, which pendulum's own lookup of the local zone does
not (it falls back to UTC).
"""

from __future__ import annotations

import functools
import os
import re
import time
from datetime import UTC, datetime

UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"})
_ZONE_SHAPE = re.compile(r"[A-Za-z0-9_+-]{1,32}(?:/[A-Za-z0-9_+-]{1,32}){0,3}")
"""What every IANA name looks like. Anything else is no zone, and is never handed to
``ZoneInfo``: a long name of odd parts (``é[/]`` typed 500 times) made its lookup in
the tzdata package recurse until Python gave up (a ``RecursionError``)."""


def local_now(timezone: str | None) -> datetime | None:
    """Now in ``timezone`` (the machine's zone when None), aware; None for an unknown
    zone. Only a named zone other than UTC costs the import of zoneinfo."""
    if timezone is None:
        return datetime.now().astimezone()
    if timezone in UTC_NAMES:
        return datetime.now(UTC)
    if not _ZONE_SHAPE.fullmatch(timezone):
        return None
    try:
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo(timezone))
    except (ValueError, OSError, LookupError):
        return None


def local_today(timezone: str | None) -> str | None:
    """Today (``YYYY-MM-DD``) in ``timezone``, the machine's zone when None; None for
    an unknown zone."""
    if timezone is None:
        return time.strftime("%Y-%m-%d", time.localtime())
    now = local_now(timezone)
    return None if now is None else now.date().isoformat()


def _is_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo

    if not _ZONE_SHAPE.fullmatch(name):
        return False
    try:
        ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return False
    return True


@functools.cache
def _zone_names() -> dict[str, str]:
    """Every IANA name by its case-folded spelling (reading the list walks the tz database)."""
    from zoneinfo import available_timezones

    return {name.casefold(): name for name in sorted(available_timezones() | {"UTC"})}


def _loads(key: str) -> bool:
    """Whether ``key`` names a zone exactly (on a case-sensitive tz database)."""
    return _is_zone(key) and (key in _SEEN_EXACT or _exact_file(key))


_SEEN_EXACT: set[str] = set()


def _exact_file(key: str) -> bool:
    """The tz database holds a file spelled exactly ``key`` (a case-insensitive disk would
    also open ``europe/berlin``: then the full list gives the spelling)."""
    import zoneinfo

    for root in zoneinfo.TZPATH:
        folder, _, leaf = os.path.join(root, key).rpartition(os.sep)
        try:
            if leaf in os.listdir(folder):
                _SEEN_EXACT.add(key)
                return True
        except OSError:
            continue
    return False


def canonical_zone(name: str) -> str | None:
    """The IANA name ``name`` means, spelled as the database spells it
    (``europe/berlin`` → ``Europe/Berlin``); None when there is no such zone."""
    key = name.strip()
    if not key:
        return None
    if _loads(key):  # spelled as the database spells it: no need to read the whole list
        return key
    canonical = _zone_names().get(key.casefold())
    if canonical is None and key in UTC_NAMES:
        return key
    return canonical


def machine_zone() -> str | None:
    """This machine's zone as an IANA name, when it has one (``TZ``, else
    ``/etc/localtime``); None for an offset-only ``TZ`` or an unknown setup."""
    tz = os.environ.get("TZ", "").removeprefix(":")
    if tz:
        return tz if ("/" in tz or tz in UTC_NAMES) and _is_zone(tz) else None
    _, found, zone = os.path.realpath("/etc/localtime").partition("/zoneinfo/")
    return zone if found and _is_zone(zone) else None


def machine_offset_s() -> int:
    """This machine's offset from UTC now, in seconds, as the C library reads ``TZ``."""
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0
